use super::*;

fn check_no_subtrees(ctx: &LintContext<'_>) -> Outcome {
    match name_constraints(ctx) {
        None => Outcome::NotApplicable,
        Some(nc) if nc.permitted.is_none() && nc.excluded.is_none() => {
            fail!("nameConstraints has neither permittedSubtrees nor excludedSubtrees")
        }
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// A CA certificate's nameConstraints has permittedSubtrees or excludedSubtrees.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4): "Conforming CAs MUST NOT issue
    /// certificates where name constraints is an empty sequence." An empty value constrains
    /// nothing while claiming to.
    ///
    /// ## Example
    /// `nameConstraints: SEQUENCE {}`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_NO_SUBTREES {
        name: "e_smime_rfc5280_name_constraints_no_subtrees",
        description: "nameConstraints has neither permittedSubtrees nor excludedSubtrees",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_no_subtrees"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_no_subtrees,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::name_constraints::{nc_value, subtree, with_nc};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::gn;

    #[test]
    fn no_subtrees() {
        assert_lint(
            "e_smime_rfc5280_name_constraints_no_subtrees",
            &with_nc(nc_value(None, None)),
            &with_nc(nc_value(None, Some(vec![subtree(gn::dns("example.org"))]))),
            &[],
        );
    }
}
