use super::*;

fn check_subtree_distance(ctx: &LintContext<'_>) -> Outcome {
    let Some(nc) = name_constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let mut problems = Vec::new();
    for s in nc.subtrees() {
        if s.minimum
            .is_some_and(|m| smimelint_cert::int_value(m) != Some(0))
        {
            problems.push(format!(
                "a {} subtree has a minimum other than 0",
                s.base.kind()
            ));
        }
        if s.maximum.is_some() {
            problems.push(format!("a {} subtree has a maximum", s.base.kind()));
        }
    }
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Every GeneralSubtree of a CA certificate's nameConstraints has minimum 0 (the default)
    /// and no maximum.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.10 (binding through SBR 7.1.2.4): "the minimum MUST be zero, and maximum
    /// MUST be absent"; the profile uses neither with any name form, and software ignores or
    /// rejects them.
    ///
    /// ## Example
    /// `GeneralSubtree { base rfc822Name "example.com", maximum 2 }`.
    E_SMIME_RFC5280_NAME_CONSTRAINTS_SUBTREE_DISTANCE {
        name: "e_smime_rfc5280_name_constraints_subtree_distance",
        description: "nameConstraints subtree with a minimum other than 0 or with a maximum",
        citation: "RFC 5280 4.2.1.10; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.name_constraints_non_default_minimum", "pkix.name_constraints_maximum_specified"],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_subtree_distance,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::name_constraints::{nc_value, subtree, with_nc};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn};

    #[test]
    fn subtree_distance() {
        let max = der::seq(&[gn::rfc822("example.com"), der::implicit(1, &[2])]);
        let min = der::seq(&[gn::rfc822("example.com"), der::implicit(0, &[1])]);
        let good = with_nc(nc_value(
            Some(vec![subtree(gn::rfc822("example.com"))]),
            None,
        ));
        for bad in [max, min] {
            assert_lint(
                "e_smime_rfc5280_name_constraints_subtree_distance",
                &with_nc(nc_value(Some(vec![bad]), None)),
                &good,
                &[],
            );
        }
    }
}
