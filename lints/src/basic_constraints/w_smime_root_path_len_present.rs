use super::*;

fn check_root_path_len_present(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.basic_constraints() {
        Ext::Present(_, bc) if bc.path_len.is_some() => {
            fail!("the root CA certificate has a pathLenConstraint")
        }
        Ext::Present(..) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A root CA certificate's basicConstraints has no pathLenConstraint.
    ///
    /// ## Why
    /// SBR 7.1.2.1(a): "The pathLenConstraint field SHOULD NOT be present." A root limits its
    /// hierarchy through its sub-CA certificates, which may carry one (7.1.2.2(d)).
    ///
    /// ## Example
    /// A root with `basicConstraints: cA TRUE, pathLenConstraint 1`.
    W_SMIME_ROOT_PATH_LEN_PRESENT {
        name: "w_smime_root_path_len_present",
        description: "Root CA certificate has a pathLenConstraint",
        citation: "SBR 7.1.2.1(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_root_path_len_present"],
        applies: Applies::ROOT_CA,
        check: check_root_path_len_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::root_ca::root;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext;

    #[test]
    fn root_path_len_present() {
        assert_lint(
            "w_smime_root_path_len_present",
            &root()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(true, Some(1)),
                )
                .build(),
            &root().build(),
            &[],
        );
    }
}
