use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_subdivision_invalid;

fn check_org_identifier_subdivision_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_subdivision_invalid)
}

lint! {
    /// ## What it checks
    /// A `+subdivision` appears only with the NTR and GOV schemes.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) provides the subdivision form for references that a state or province
    /// assigns and that are not unique nationally, and Note 2 describes it for GOV. LEI and INT identifiers are global (country code
    /// XG); VAT numbers and PSD authorisation numbers are assigned by national authorities.
    ///
    /// ## Example
    /// `LEIXG+PA-…`; `INTXG+PA`; `VATUS+PA-123`.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_SUBDIVISION_INVALID {
        name: "e_smime_subject_org_identifier_subdivision_invalid",
        description: "organizationIdentifier has a subdivision for a scheme that is not assigned at subdivision level",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC011",
        pkilint: ["cabf.invalid_subject_organization_identifier_state_province_for_scheme"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_subdivision_invalid"],
        applies: OV_SV,
        check: check_org_identifier_subdivision_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::organization_identifier::ov;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn subdivision_reference_gov_int() {
        let good = ov("NTRUS+PA-123", None);
        for bad in ["LEIXG+PA-AEYE00EKXESVZUUEBP67", "INTXG+PA", "VATUS+PA-123"] {
            assert_lint(
                "e_smime_subject_org_identifier_subdivision_invalid",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        for bad in ["NTRUS+PA", "LEIXG"] {
            assert_lint(
                "e_smime_subject_org_identifier_reference_missing",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        assert_lint(
            "w_smime_subject_org_identifier_gov_int_has_reference",
            &ov("INTXG-123", None),
            &ov("INTXG", None),
            &[],
        );
    }
}
