use super::*;

fn check_aki_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an authorityKeyIdentifier extension (2.5.29.35).
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): authorityKeyIdentifier SHALL be present. It identifies the issuing CA's
    /// key, which path building needs when a CA has several keys or cross-certificates.
    ///
    /// ## Example
    /// A subscriber certificate without 2.5.29.35.
    E_SMIME_AKI_MISSING {
        name: "e_smime_aki_missing",
        description: "Subscriber certificate has no authorityKeyIdentifier extension",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_extension_absent"],
        zlint: [],
        catalog: ["e_smime_aki_missing", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn aki_missing() {
        assert_lint(
            "e_smime_aki_missing",
            &base().without_ext(&oid::AUTHORITY_KEY_IDENTIFIER).build(),
            &base().build(),
            &[],
        );
    }
}
