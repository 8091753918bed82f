use super::*;

fn check_root_certificate_policies_present(ctx: &LintContext<'_>) -> Outcome {
    forbid_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A root CA certificate has no certificatePolicies extension.
    ///
    /// ## Why
    /// SBR 7.1.2.1(c) and 7.1.6.2: the extension SHOULD NOT be present in a root. When it is,
    /// it must follow the subordinate CA rules of 7.1.6.3, which
    /// `e_smime_subca_policy_oids_invalid` checks for roots too.
    ///
    /// ## Example
    /// A root with `certificatePolicies: anyPolicy`.
    W_SMIME_ROOT_CERTIFICATE_POLICIES_PRESENT {
        name: "w_smime_root_certificate_policies_present",
        description: "Root CA certificate has a certificatePolicies extension",
        citation: "SBR 7.1.2.1(c); 7.1.6.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_root_certificate_policies_present"],
        applies: Applies::ROOT_CA,
        check: check_root_certificate_policies_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn root_certificate_policies_present() {
        assert_lint(
            "w_smime_root_certificate_policies_present",
            &root().policies(&["2.23.140.1.5.1.3"]).build(),
            &root().build(),
            &[],
        );
    }
}
