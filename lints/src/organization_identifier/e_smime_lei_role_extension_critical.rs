use super::*;

fn check_lei_role_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::LEI_ROLE)
}

lint! {
    /// ## What it checks
    /// In Sponsor-validated certificates, the LEI Role extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(l): for Sponsor-validated certificates, LEI or Role "MAY be present and SHALL
    /// NOT be marked critical".
    ///
    /// ## Example
    /// The Role extension with critical TRUE.
    E_SMIME_LEI_ROLE_EXTENSION_CRITICAL {
        name: "e_smime_lei_role_extension_critical",
        description: "LEI Role extension is marked critical",
        citation: "SBR 7.1.2.3(l)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.lei_role_extension_critical"],
        zlint: ["e_legal_entity_identifier"],
        catalog: ["e_smime_lei_role_extension_critical"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored]),
        check: check_lei_role_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::lei::with;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn lei_role_critical() {
        assert_lint(
            "e_smime_lei_role_extension_critical",
            &with("sponsored-multipurpose", &oid::LEI_ROLE, true).build(),
            &with("sponsored-multipurpose", &oid::LEI_ROLE, false).build(),
            &[],
        );
    }
}
