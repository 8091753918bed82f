use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_scheme_unknown;

fn check_org_identifier_scheme_unknown(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_scheme_unknown)
}

lint! {
    /// ## What it checks
    /// The Registration Scheme is one the SBR recognizes: NTR, VAT, PSD or LEI (Appendix A.1),
    /// or GOV or INT (7.1.4.2.2(d) Note 2).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d): the Registration Scheme SHALL be the result of the verification under
    /// 3.2.3, and Appendix A lists the schemes the SBR recognizes. ETSI national schemes (`XX:`)
    /// are not among them.
    ///
    /// ## Example
    /// `TAXUS-123456` (TAX is a natural person scheme of Appendix A.2, not an organization one).
    E_SMIME_SUBJECT_ORG_IDENTIFIER_SCHEME_UNKNOWN {
        name: "e_smime_subject_org_identifier_scheme_unknown",
        description: "organizationIdentifier uses a Registration Scheme the SBR does not recognize",
        citation: "SBR 7.1.4.2.2(d), Appendix A.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.invalid_organization_identifier_registration_scheme"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_scheme_unknown"],
        applies: OV_SV,
        check: check_org_identifier_scheme_unknown,
    }
}
