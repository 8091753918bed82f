use super::*;

fn check_ski_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// The subjectKeyIdentifier extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.1.2 also
    /// requires.
    ///
    /// ## Example
    /// subjectKeyIdentifier with critical TRUE.
    E_SMIME_SKI_CRITICAL {
        name: "e_smime_ski_critical",
        description: "subjectKeyIdentifier is marked critical",
        citation: "SBR 7.1.2.3(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_extension_critical"],
        zlint: [],
        catalog: ["e_smime_ski_critical", "e_smime_rfc5280_aki_ski_criticality"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn ski_critical() {
        assert_lint(
            "e_smime_ski_critical",
            &base().critical(&oid::SUBJECT_KEY_IDENTIFIER, true).build(),
            &base().build(),
            &[],
        );
    }
}
