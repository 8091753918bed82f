use super::*;

fn check_aki_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// The authorityKeyIdentifier extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(g): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.1.1 also
    /// requires.
    ///
    /// ## Example
    /// authorityKeyIdentifier with critical TRUE.
    E_SMIME_AKI_CRITICAL {
        name: "e_smime_aki_critical",
        description: "authorityKeyIdentifier is marked critical",
        citation: "SBR 7.1.2.3(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_key_identifier_critical"],
        zlint: ["e_authority_key_identifier_correct"],
        catalog: ["e_smime_aki_critical", "e_smime_rfc5280_aki_ski_criticality"],
        applies: Applies::SUBSCRIBER,
        check: check_aki_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn aki_critical() {
        assert_lint(
            "e_smime_aki_critical",
            &base()
                .critical(&oid::AUTHORITY_KEY_IDENTIFIER, true)
                .build(),
            &base().build(),
            &[],
        );
    }
}
