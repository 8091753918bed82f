use super::*;

fn check_lei_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.has_extension(&oid::LEI) {
        fail!(
            "the LEI extension (1.3.6.1.4.1.52266.1) is present (certificate type {})",
            ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Mailbox-validated and Individual-validated certificates do not contain the Legal Entity
    /// Identifier extension (1.3.6.1.4.1.52266.1).
    ///
    /// ## Why
    /// SBR 7.1.2.3(l) table: LEI is "Prohibited" for Mailbox-validated and Individual-validated
    /// certificates, whose subjects are not validated as legal entities.
    ///
    /// ## Example
    /// An Individual-validated certificate carrying an LEI.
    E_SMIME_LEI_EXTENSION_PROHIBITED {
        name: "e_smime_lei_extension_prohibited",
        description: "LEI extension in a Mailbox- or Individual-validated certificate",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_extension_prohibited"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_extension_prohibited"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Mailbox, Validation::Individual]),
        check: check_lei_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::lei::with;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn lei_prohibited() {
        for t in ["mailbox-strict", "individual-multipurpose"] {
            assert_lint(
                "e_smime_lei_extension_prohibited",
                &with(t, &oid::LEI, false).build(),
                &CertBuilder::subscriber(t).build(),
                &[],
            );
        }
    }
}
