use super::*;

fn check_lei_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::LEI)
}

lint! {
    /// ## What it checks
    /// In Organization- and Sponsor-validated certificates, the LEI extension is not marked
    /// critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): LEI "MAY be present and SHALL NOT be marked critical".
    ///
    /// ## Example
    /// The LEI extension with critical TRUE.
    E_SMIME_LEI_EXTENSION_CRITICAL {
        name: "e_smime_lei_extension_critical",
        description: "LEI extension is marked critical",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_extension_critical"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_extension_critical"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]),
        check: check_lei_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::lei::with;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn lei_critical() {
        assert_lint(
            "e_smime_lei_extension_critical",
            &with("organization-strict", &oid::LEI, true).build(),
            &with("organization-strict", &oid::LEI, false).build(),
            &[],
        );
    }
}
