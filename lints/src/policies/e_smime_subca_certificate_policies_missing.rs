use super::*;

fn check_certificate_policies_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has a certificatePolicies extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(a): certificatePolicies SHALL be present. Its reserved S/MIME policy OIDs
    /// (7.1.6.3) are how the issuing CA asserts that the sub-CA operates under the SBR.
    ///
    /// ## Example
    /// A sub-CA with extKeyUsage emailProtection and no 2.5.29.32.
    E_SMIME_SUBCA_CERTIFICATE_POLICIES_MISSING {
        name: "e_smime_subca_certificate_policies_missing",
        description: "Subordinate CA certificate has no certificatePolicies extension",
        citation: "SBR 7.1.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_certificate_policies_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_certificate_policies_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn certificate_policies_missing() {
        assert_lint(
            "e_smime_subca_certificate_policies_missing",
            &sub().without_ext(&oid::CERTIFICATE_POLICIES).build(),
            &good(),
            &[],
        );
    }
}
