use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_lei_invalid;

fn check_org_identifier_lei_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_lei_invalid)
}

lint! {
    /// ## What it checks
    /// The reference of a LEI identifier is a valid ISO 17442 Legal Entity Identifier: 18 digits
    /// or upper-case letters and 2 check digits that satisfy ISO 7064 MOD 97-10.
    ///
    /// ## Why
    /// SBR Appendix A.1 defines the LEI scheme by ISO 17442. A value with wrong check digits
    /// identifies no entity.
    ///
    /// ## Example
    /// `LEIXG-AEYE00EKXESVZUUEBP63` (the check digits should be 67).
    E_SMIME_SUBJECT_ORG_IDENTIFIER_LEI_INVALID {
        name: "e_smime_subject_org_identifier_lei_invalid",
        description: "A LEI organizationIdentifier does not hold a valid ISO 17442 LEI",
        citation: "SBR 7.1.4.2.2(d), Appendix A.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["iso.lei.invalid_lei_checksum", "iso.lei.invalid_lei_format"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_lei_invalid"],
        applies: OV_SV,
        check: check_org_identifier_lei_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::organization_identifier::ov;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn lei_and_psd() {
        assert_lint(
            "e_smime_subject_org_identifier_lei_invalid",
            &ov("LEIXG-AEYE00EKXESVZUUEBP63", None),
            &ov("LEIXG-AEYE00EKXESVZUUEBP67", None),
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_psd_invalid",
            &ov("PSDBE-1234.567.890", None),
            &ov("PSDBE-NBB-1234.567.890", None),
            &[],
        );
    }
}
