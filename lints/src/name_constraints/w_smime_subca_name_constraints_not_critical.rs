use super::*;

fn check_name_constraints_not_critical(ctx: &LintContext<'_>) -> Outcome {
    require_critical(ctx, &oid::NAME_CONSTRAINTS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate's nameConstraints, when present, is marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.2(f): the extension SHOULD be marked critical. Unlike RFC 5280 §4.2.1.10 (MUST),
    /// the SBR tolerates non-critical name constraints while some relying-party software cannot
    /// process them, hence a warning.
    ///
    /// ## Example
    /// nameConstraints with critical FALSE.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `pkix.certificate_name_constraints_extension_not_critical` as an error,
    /// following RFC 5280's MUST. SBR 7.1.2.2(f) and its footnote make criticality a SHOULD and
    /// allow non-critical name constraints, so smimelint warns.
    W_SMIME_SUBCA_NAME_CONSTRAINTS_NOT_CRITICAL {
        name: "w_smime_subca_name_constraints_not_critical",
        description: "Subordinate CA nameConstraints is not marked critical",
        citation: "SBR 7.1.2.2(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_name_constraints_extension_not_critical"],
        zlint: [],
        catalog: ["w_smime_subca_name_constraints_not_critical"],
        applies: Applies::SUBORDINATE_CA,
        check: check_name_constraints_not_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::sub;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, gn};

    #[test]
    fn name_constraints_not_critical() {
        let nc = |critical: bool| {
            sub()
                .ext(
                    &oid::NAME_CONSTRAINTS,
                    critical,
                    der::seq(&[der::tlv(0xa0, &der::seq(&[gn::rfc822("example.com")]))]),
                )
                .build()
        };
        assert_lint(
            "w_smime_subca_name_constraints_not_critical",
            &nc(false),
            &nc(true),
            &[],
        );
    }
}
