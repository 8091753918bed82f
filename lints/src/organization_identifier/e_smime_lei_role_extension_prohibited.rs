use super::*;

fn check_lei_role_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.has_extension(&oid::LEI_ROLE) {
        fail!(
            "the LEI Role extension (1.3.6.1.4.1.52266.2) is present (certificate type {})",
            ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Only Sponsor-validated certificates contain the LEI Role extension
    /// (1.3.6.1.4.1.52266.2).
    ///
    /// ## Why
    /// SBR 7.1.2.3(l) table: prohibited for Mailbox- and Individual-validated certificates, and
    /// for Organization-validated ones "Role … SHALL NOT be present". A role LEI describes an
    /// individual acting for an organisation, which only the sponsored type has.
    ///
    /// ## Example
    /// An Organization-validated certificate carrying a Role extension.
    E_SMIME_LEI_ROLE_EXTENSION_PROHIBITED {
        name: "e_smime_lei_role_extension_prohibited",
        description: "LEI Role extension in a certificate that is not Sponsor-validated",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC03",
        pkilint: ["cabf.smime.lei_role_extension_prohibited"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_role_extension_prohibited"],
        applies: Applies::SUBSCRIBER.validations(&[
            Validation::Mailbox,
            Validation::Organization,
            Validation::Individual
        ]),
        check: check_lei_role_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::lei::with;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn lei_role_prohibited() {
        assert_lint(
            "e_smime_lei_role_extension_prohibited",
            &with("organization-strict", &oid::LEI_ROLE, false).build(),
            &CertBuilder::subscriber("organization-strict").build(),
            &[],
        );
    }
}
