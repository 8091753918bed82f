use super::*;

fn check_ski_invalid(ctx: &LintContext<'_>) -> Outcome {
    require_noncritical(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A CA certificate has a subjectKeyIdentifier extension that is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.1(e) and 7.1.2.2(i): the extension SHALL be present and SHALL NOT be critical
    /// (as RFC 5280 §4.2.1.2 also requires for CAs). Its value is what the authorityKeyIdentifier
    /// of every certificate the CA issues points to (`e_smime_aki_does_not_match_issuer_ski`).
    ///
    /// ## Example
    /// A root without 2.5.29.14.
    E_SMIME_CA_SKI_INVALID {
        name: "e_smime_ca_ski_invalid",
        description: "CA certificate subjectKeyIdentifier is absent or critical",
        citation: "SBR 7.1.2.1(e); 7.1.2.2(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_ca_missing"],
        zlint: [],
        catalog: ["e_smime_ca_ski_invalid", "e_smime_rfc5280_aki_ski_criticality", "e_smime_rfc5280_ca_aki_ski_presence"],
        applies: Applies::CA,
        check: check_ski_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn ski_invalid() {
        assert_lint(
            "e_smime_ca_ski_invalid",
            &root().without_ext(&oid::SUBJECT_KEY_IDENTIFIER).build(),
            &root().build(),
            &[],
        );
        assert_lint(
            "e_smime_ca_ski_invalid",
            &root().critical(&oid::SUBJECT_KEY_IDENTIFIER, true).build(),
            &root().build(),
            &[],
        );
    }
}
