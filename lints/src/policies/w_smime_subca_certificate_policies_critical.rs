use super::*;

fn check_certificate_policies_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's certificatePolicies extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(a): "This extension SHOULD NOT be marked critical."
    ///
    /// ## Example
    /// certificatePolicies with critical TRUE in a sub-CA.
    W_SMIME_SUBCA_CERTIFICATE_POLICIES_CRITICAL {
        name: "w_smime_subca_certificate_policies_critical",
        description: "Subordinate CA certificatePolicies is marked critical",
        citation: "SBR 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_certificate_policies_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_certificate_policies_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn certificate_policies_critical() {
        assert_lint(
            "w_smime_subca_certificate_policies_critical",
            &sub().critical(&oid::CERTIFICATE_POLICIES, true).build(),
            &good(),
            &[],
        );
    }
}
