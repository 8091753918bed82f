use super::*;

fn check_eku_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's extKeyUsage is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): the extension SHOULD NOT be marked critical (cross certificates
    /// included).
    ///
    /// ## Example
    /// extKeyUsage emailProtection with critical TRUE in a sub-CA.
    W_SMIME_SUBCA_EKU_CRITICAL {
        name: "w_smime_subca_eku_critical",
        description: "Subordinate CA extKeyUsage is marked critical",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_eku_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_critical,
    }
}
