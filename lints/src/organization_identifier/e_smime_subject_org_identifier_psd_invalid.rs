use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_psd_invalid;

fn check_org_identifier_psd_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_psd_invalid)
}

lint! {
    /// ## What it checks
    /// A PSD identifier uses the extended structure of ETSI TS 119 495 §5.2.1: `PSD`, the country
    /// code, `-`, the identifier of the National Competent Authority (2 to 8 upper-case letters),
    /// `-`, and the authorisation number the NCA assigned.
    ///
    /// ## Why
    /// SBR Appendix A.1 requires the PSD scheme to follow the extended structure of ETSI TS 119 495
    /// clause 5.2.1; 7.1.4.2.2(d) gives `PSDBE-NBB-1234.567.890` as example.
    ///
    /// ## Example
    /// `PSDBE-1234.567.890` (no NCA identifier).
    ///
    /// ## Differences from pkilint
    /// pkilint does not check the PSD structure.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_PSD_INVALID {
        name: "e_smime_subject_org_identifier_psd_invalid",
        description: "A PSD organizationIdentifier does not follow the ETSI TS 119 495 structure",
        citation: "SBR Appendix A.1, 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_psd_invalid"],
        applies: OV_SV,
        check: check_org_identifier_psd_invalid,
    }
}
