use super::*;

fn check_aia_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// The authorityInformationAccess extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c): "This extension SHALL NOT be marked critical", as RFC 5280 §4.2.2.1 also
    /// requires.
    ///
    /// ## Example
    /// An AIA extension with critical TRUE.
    E_SMIME_AIA_CRITICAL {
        name: "e_smime_aia_critical",
        description: "authorityInformationAccess is marked critical",
        citation: "SBR 7.1.2.3(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.authority_information_access_extension_critical"],
        zlint: [],
        catalog: ["e_smime_aia_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::strict;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn aia_critical() {
        assert_lint(
            "e_smime_aia_critical",
            &strict().critical(&oid::AUTHORITY_INFO_ACCESS, true).build(),
            &strict().build(),
            &[],
        );
    }
}
