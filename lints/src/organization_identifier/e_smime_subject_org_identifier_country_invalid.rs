use super::*;
use crate::support::name_rules::on_subject;
use crate::support::organization_identifier::rule_org_identifier_country_invalid;

fn check_org_identifier_country_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_country_invalid)
}

lint! {
    /// ## What it checks
    /// The country code of the organizationIdentifier: an assigned upper-case ISO 3166-1 alpha-2
    /// code for NTR, PSD and GOV; for VAT also the Art. 215 prefixes `EL` (Greece) and `XI`
    /// (Northern Ireland); exactly `XG` for LEI and INT.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d): after the scheme comes the ISO 3166-1 alpha-2 code of the country that
    /// operates the scheme; Note 1 lets VAT use the Art. 215 prefix and requires XG for LEI;
    /// Note 2 requires XG for INT. `XG` is a user-assigned code
    /// for global schemes and names no nation.
    ///
    /// ## Example
    /// `NTRZZ-123`; `GOVXG`; `INTUS`; `LEIUS-…`; `VATXG-123`.
    ///
    /// ## Differences from pkilint
    /// pkilint's list (Python `iso3166`) includes `XK`; smimelint does not, as ISO has not
    /// assigned it.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_COUNTRY_INVALID {
        name: "e_smime_subject_org_identifier_country_invalid",
        description: "organizationIdentifier country code is not valid for its scheme",
        citation: "SBR 7.1.4.2.2(d) Notes 1 and 2, Appendix A.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC011",
        pkilint: ["cabf.invalid_organization_identifier_country"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_country_invalid"],
        applies: OV_SV,
        check: check_org_identifier_country_invalid,
    }
}
