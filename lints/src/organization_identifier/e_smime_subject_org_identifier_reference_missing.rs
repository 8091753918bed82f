use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_reference_missing;

fn check_org_identifier_reference_missing(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_reference_missing)
}

lint! {
    /// ## What it checks
    /// NTR, VAT, PSD and LEI identifiers carry a Registration Reference after the hyphen.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d): the organizationIdentifier SHALL hold the Registration Reference the named
    /// scheme assigned to the Legal Entity; only GOV and INT (Note 2) stand for entities that have
    /// no identifier of their own.
    ///
    /// ## Example
    /// `NTRUS+PA`; `LEIXG`.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_REFERENCE_MISSING {
        name: "e_smime_subject_org_identifier_reference_missing",
        description: "organizationIdentifier lacks the Registration Reference its scheme requires",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.organization_identifier_reference_missing_for_scheme"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_reference_missing"],
        applies: OV_SV,
        check: check_org_identifier_reference_missing,
    }
}
