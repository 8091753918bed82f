use super::*;

fn check_aia_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's authorityInformationAccess is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): "This extension SHALL NOT be marked critical" (RFC 5280 §4.2.2.1 agrees).
    ///
    /// ## Example
    /// AIA with critical TRUE in a sub-CA.
    E_SMIME_SUBCA_AIA_CRITICAL {
        name: "e_smime_subca_aia_critical",
        description: "Subordinate CA authorityInformationAccess is marked critical",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_aia_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_critical,
    }
}
