use super::*;

fn check_root_eku_present(ctx: &LintContext<'_>) -> Outcome {
    forbid_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A root CA certificate has no extKeyUsage extension.
    ///
    /// ## Why
    /// SBR 7.1.2.1(d): "This extension SHALL NOT be present." Purposes are restricted in the
    /// sub-CA certificates (7.1.2.2(g)); an EKU in a root would constrain or confuse every
    /// hierarchy under it.
    ///
    /// ## Example
    /// A root with `extKeyUsage: emailProtection`.
    E_SMIME_ROOT_EKU_PRESENT {
        name: "e_smime_root_eku_present",
        description: "Root CA certificate has an extKeyUsage extension",
        citation: "SBR 7.1.2.1(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_root_eku_present"],
        applies: Applies::ROOT_CA,
        check: check_root_eku_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn root_eku_present() {
        assert_lint(
            "e_smime_root_eku_present",
            &root().eku(&[&oid::KP_EMAIL_PROTECTION]).build(),
            &root().build(),
            &[],
        );
    }
}
