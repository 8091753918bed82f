use super::*;

fn check_basic_constraints_path_len(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.basic_constraints() {
        Ext::Present(_, bc) => match bc.path_len {
            Some(p) => fail!(
                "basicConstraints has pathLenConstraint {}",
                smimelint_cert::int_value(p.content).map_or_else(
                    || smimelint_cert::der_text::hex(p.content),
                    |v| v.to_string()
                )
            ),
            None => Outcome::Pass,
        },
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// basicConstraints in a subscriber certificate has no pathLenConstraint.
    ///
    /// ## Why
    /// SBR 7.1.2.3(d): "pathLenConstraint field SHALL NOT be present". RFC 5280 §4.2.1.9 allows
    /// it only with cA TRUE and keyCertSign.
    ///
    /// ## Example
    /// `basicConstraints: SEQUENCE { INTEGER 0 }`.
    E_SMIME_BASIC_CONSTRAINTS_PATH_LEN_PRESENT {
        name: "e_smime_basic_constraints_path_len_present",
        description: "Subscriber basicConstraints has a pathLenConstraint",
        citation: "SBR 7.1.2.3(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.basic_constraints_has_pathlen_for_non_ca"],
        zlint: [],
        catalog: ["e_smime_basic_constraints_path_len_present"],
        applies: Applies::SUBSCRIBER,
        check: check_basic_constraints_path_len,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext;

    #[test]
    fn basic_constraints_path_len_present() {
        assert_lint(
            "e_smime_basic_constraints_path_len_present",
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    false,
                    ext::basic_constraints(false, Some(0)),
                )
                .build(),
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    false,
                    ext::basic_constraints(false, None),
                )
                .build(),
            &[],
        );
    }
}
