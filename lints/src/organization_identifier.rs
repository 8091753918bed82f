//! subject:organizationIdentifier (SBR 7.1.4.2.2(d) as restructured by SMC011, Appendix A.1):
//! encoding, `SCHEME CC [+SUB] [-REFERENCE]` syntax, recognized schemes, country codes and their
//! agreement with countryName, LEI check digits, the PSD structure and the EUID (SMC011).

use super::countries;
use super::name_rules::{on_subject, NameCtx};
use super::prelude::*;
use smimelint_cert::der_text::tag;

/// A parsed organizationIdentifier value (borrowing from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OrgId<'s> {
    pub scheme: &'s str,
    pub country: &'s str,
    pub subdivision: Option<&'s str>,
    pub reference: Option<&'s str>,
}

/// Parses `scheme country [ "+" subdiv ] [ "-" reference ]`: a 3-letter scheme (upper case;
/// `XX:` for an ETSI national scheme), 2 letters of country code, a subdivision of 1–3 letters
/// or digits, and a non-empty reference after the leftmost hyphen.
pub(crate) fn parse_org_id(s: &str) -> Result<OrgId<'_>, String> {
    let b = s.as_bytes();
    if b.len() < 5 || !s.is_char_boundary(3) || !s.is_char_boundary(5) {
        return Err("shorter than a 3-character scheme and a 2-letter country code".into());
    }
    let scheme_ok = b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && (b[2].is_ascii_uppercase() || b[2] == b':');
    if !scheme_ok {
        return Err(format!(
            "{:?} is not a 3-letter upper-case Registration Scheme identifier",
            &s[..3]
        ));
    }
    if !(b[3].is_ascii_alphabetic() && b[4].is_ascii_alphabetic()) {
        return Err(format!("{:?} is not a 2-letter country code", &s[3..5]));
    }
    let (scheme, country, mut rest) = (&s[..3], &s[3..5], &s[5..]);
    let mut subdivision = None;
    if let Some(after) = rest.strip_prefix('+') {
        let end = after.find('-').unwrap_or(after.len());
        let sub = &after[..end];
        if sub.is_empty() || sub.len() > 3 || !sub.bytes().all(|c| c.is_ascii_alphanumeric()) {
            return Err(format!(
                "subdivision {sub:?} is not 1 to 3 letters or digits of an ISO 3166-2 code"
            ));
        }
        subdivision = Some(sub);
        rest = &after[end..];
    }
    let reference = match rest.strip_prefix('-') {
        Some("") => return Err("a hyphen is not followed by a Registration Reference".into()),
        Some(r) => Some(r),
        None if rest.is_empty() => None,
        None => {
            return Err(format!(
                "{rest:?} follows the country code where '+' or '-' is expected"
            ))
        }
    };
    Ok(OrgId {
        scheme,
        country,
        subdivision,
        reference,
    })
}

/// Schemes of Appendix A.1 and Note 2 of 7.1.4.2.2(d).
pub(crate) const SCHEMES: [&str; 6] = ["NTR", "VAT", "PSD", "LEI", "GOV", "INT"];

/// Calls `f` with each organizationIdentifier that decodes and parses, with its text.
fn each_org_id(n: &NameCtx<'_>, mut f: impl FnMut(&str, OrgId<'_>)) {
    for a in n.all(&oid::AT_ORGANIZATION_IDENTIFIER) {
        if let Some(text) = a.text() {
            if let Ok(id) = parse_org_id(&text) {
                f(&text, id);
            }
        }
    }
}

pub(crate) fn rule_org_identifier_encoding(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_ORGANIZATION_IDENTIFIER) {
        if !matches!(a.value.tag, tag::PRINTABLE_STRING | tag::UTF8_STRING) {
            out.push(format!(
                "organizationIdentifier is a {}; it must be a PrintableString or UTF8String",
                smimelint_cert::der_text::tag_name(a.value.tag)
            ));
        }
    }
}

fn check_org_identifier_encoding(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_encoding)
}

const OV_SV: Applies =
    Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]);

lint! {
    /// ## What it checks
    /// organizationIdentifier is encoded as PrintableString or UTF8String.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) allows exactly two string types for organizationIdentifier (SHALL):
    /// PrintableString and UTF8String.
    ///
    /// ## Example
    /// `organizationIdentifier` as BMPString or IA5String.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_ENCODING {
        name: "e_smime_subject_org_identifier_encoding",
        description: "organizationIdentifier is neither PrintableString nor UTF8String",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.invalid_subject_organization_identifier_encoding"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_encoding"],
        applies: OV_SV,
        check: check_org_identifier_encoding,
    }
}

pub(crate) fn rule_org_identifier_syntax(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_ORGANIZATION_IDENTIFIER) {
        let Some(t) = a.text() else { continue };
        if let Err(why) = parse_org_id(&t) {
            out.push(format!("organizationIdentifier {t:?}: {why}"));
        }
    }
}

fn check_org_identifier_syntax(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_syntax)
}

lint! {
    /// ## What it checks
    /// organizationIdentifier follows the structure of SBR 7.1.4.2.2(d): a 3-character
    /// Registration Scheme identifier, a 2-letter country code, optionally `+` and an ISO 3166-2
    /// subdivision of 1 to 3 letters or digits, then optionally `-` and a non-empty Registration
    /// Reference (the leftmost hyphen separates; later hyphens belong to the reference).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) prescribes the parts and their order, and since SMC011 forbids (SHALL NOT)
    /// hyphens inside the scheme, the country code and the subdivision. Relying parties parse the
    /// value by this structure.
    ///
    /// ## Example
    /// `GOV` (no country); `NTRFR+PARI-123` (4-character subdivision); `NTR GB 123`.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_SYNTAX {
        name: "e_smime_subject_org_identifier_syntax",
        description: "organizationIdentifier does not follow SCHEME CC [+SUB] [-REFERENCE]",
        citation: "SBR 7.1.4.2.2(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC011",
        pkilint: ["cabf.invalid_subject_organization_identifier_format"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_syntax"],
        applies: OV_SV,
        check: check_org_identifier_syntax,
    }
}

pub(crate) fn rule_org_identifier_scheme_unknown(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if !SCHEMES.contains(&id.scheme) {
            out.push(format!(
                "organizationIdentifier {text:?} uses scheme {:?}, not one of {}",
                id.scheme,
                SCHEMES.join(", ")
            ));
        }
    });
}

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

pub(crate) fn rule_org_identifier_country_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        let cc = id.country;
        let problem = match id.scheme {
            "LEI" | "INT" if cc != "XG" => format!("scheme {} requires XG", id.scheme),
            "VAT" if !countries::is_assigned(cc) && countries::vat_prefix_country(cc).is_none() => {
                "neither an assigned ISO 3166-1 code nor an Art. 215 VAT prefix (EL, XI)".into()
            }
            "NTR" | "PSD" | "GOV" if !countries::is_assigned(cc) => {
                "not an assigned ISO 3166-1 alpha-2 code (upper case)".into()
            }
            _ => return,
        };
        out.push(format!(
            "organizationIdentifier {text:?}: country code {cc:?}: {problem}"
        ));
    });
}

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

pub(crate) fn rule_org_identifier_country_mismatch(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if !n.has(&oid::AT_COUNTRY) {
        return;
    }
    each_org_id(n, |text, id| {
        if matches!(id.scheme, "LEI" | "INT") {
            return;
        }
        let iso = match id.scheme {
            "VAT" => countries::vat_prefix_country(id.country).unwrap_or(id.country),
            _ => id.country,
        };
        let countries = n.all(&oid::AT_COUNTRY).filter_map(|c| c.text());
        for c in countries.filter(|c| c != iso) {
            let via = if iso != id.country {
                format!(" (VAT prefix {} stands for {iso})", id.country)
            } else {
                String::new()
            };
            out.push(format!(
                "organizationIdentifier {text:?} names country {}{via} but countryName is {c:?}",
                id.country
            ));
        }
    });
}

fn check_org_identifier_country_mismatch(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_country_mismatch)
}

lint! {
    /// ## What it checks
    /// When the Name has a countryName, the organizationIdentifier's country code equals it,
    /// except for the LEI and INT schemes. A VAT identifier with an Art. 215 prefix (`EL`, `XI`)
    /// must come with the corresponding ISO code (`GR`, `GB`).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 1: for every scheme but LEI and INT, the country code of the
    /// identifier SHALL equal countryName when the subject has one; where VAT uses the Art. 215
    /// prefix, countryName SHALL be the ISO 3166-1 code that prefix stands for.
    ///
    /// ## Example
    /// `organizationIdentifier=NTRUS+PA-123, C=JP`; `VATEL-123, C=EL`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares the codes literally and so reports `VATEL-…` with `C=GR`, which Note 1
    /// expressly requires. smimelint accepts it (and reports `C=EL`).
    E_SMIME_SUBJECT_ORG_IDENTIFIER_COUNTRY_MISMATCH {
        name: "e_smime_subject_org_identifier_country_mismatch",
        description: "organizationIdentifier country code does not match countryName",
        citation: "SBR 7.1.4.2.2(d) Note 1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        zlint: ["e_registration_scheme_id_matches_subject_country"],
        catalog: ["e_smime_subject_org_identifier_country_mismatch"],
        applies: OV_SV,
        check: check_org_identifier_country_mismatch,
    }
}

pub(crate) fn rule_org_identifier_subdivision_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if let (Some(sub), "VAT" | "PSD" | "LEI" | "INT") = (id.subdivision, id.scheme) {
            out.push(format!(
                "organizationIdentifier {text:?}: scheme {} is not assigned at subdivision \
                 level, yet has subdivision {sub:?}",
                id.scheme
            ));
        }
    });
}

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

pub(crate) fn rule_org_identifier_reference_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if id.reference.is_none() && matches!(id.scheme, "NTR" | "VAT" | "PSD" | "LEI") {
            out.push(format!(
                "organizationIdentifier {text:?}: scheme {} requires \"-\" and a Registration \
                 Reference",
                id.scheme
            ));
        }
    });
}

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

pub(crate) fn rule_org_identifier_gov_int_has_reference(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if let (Some(r), "GOV" | "INT") = (id.reference, id.scheme) {
            out.push(format!(
                "organizationIdentifier {text:?}: scheme {} has no Registration Reference, \
                 yet {r:?} follows",
                id.scheme
            ));
        }
    });
}

fn check_org_identifier_gov_int_has_reference(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_gov_int_has_reference)
}

lint! {
    /// ## What it checks
    /// GOV and INT identifiers end after the country code (and, for GOV, the subdivision):
    /// `GOVUS`, `GOVUS+CA`, `INTXG`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 2 gives GOV and INT to entities without an identifier from any scheme
    /// of Appendix A and describes the value as the scheme and country code only. A reference after them has no defined meaning. The SBR does not say
    /// SHALL NOT in so many words, so this is a warning.
    ///
    /// ## Example
    /// `INTXG-123`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this as an error.
    W_SMIME_SUBJECT_ORG_IDENTIFIER_GOV_INT_HAS_REFERENCE {
        name: "w_smime_subject_org_identifier_gov_int_has_reference",
        description: "A GOV or INT organizationIdentifier carries a Registration Reference",
        citation: "SBR 7.1.4.2.2(d) Note 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_organization_identifier_reference_present_for_scheme"],
        zlint: [],
        catalog: ["w_smime_subject_org_identifier_gov_int_has_reference"],
        applies: OV_SV,
        check: check_org_identifier_gov_int_has_reference,
    }
}

/// Why a string is not an ISO 17442 LEI, or None when it is one.
pub(crate) fn lei_problem(lei: &str) -> Option<String> {
    let b = lei.as_bytes();
    if b.len() != 20 {
        return Some(format!(
            "{lei:?} is {} characters long, not 20",
            lei.chars().count()
        ));
    }
    if !b[..18]
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        || !b[18..].iter().all(u8::is_ascii_digit)
    {
        return Some(format!(
            "{lei:?} is not 18 digits or upper-case letters followed by 2 check digits"
        ));
    }
    // ISO 7064 MOD 97-10: letters count as 10..35; the whole number mod 97 must be 1.
    let mut rem: u32 = 0;
    for &c in b {
        let v = if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    if rem != 1 {
        let expected = {
            let mut r: u32 = 0;
            for &c in &b[..18] {
                let v = if c.is_ascii_digit() {
                    u32::from(c - b'0')
                } else {
                    u32::from(c - b'A') + 10
                };
                r = if v >= 10 {
                    (r * 100 + v) % 97
                } else {
                    (r * 10 + v) % 97
                };
            }
            98 - (r * 100) % 97
        };
        return Some(format!(
            "{lei:?} has check digits {}, expected {expected:02}",
            &lei[18..]
        ));
    }
    None
}

pub(crate) fn rule_org_identifier_lei_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if let ("LEI", Some(r)) = (id.scheme, id.reference) {
            if let Some(p) = lei_problem(r) {
                out.push(format!("organizationIdentifier {text:?}: {p}"));
            }
        }
    });
}

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

pub(crate) fn rule_org_identifier_psd_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        let ("PSD", Some(r)) = (id.scheme, id.reference) else {
            return;
        };
        let problem = match r.split_once('-') {
            None => Some("the reference is not NCA identifier \"-\" authorisation number"),
            Some((nca, _)) if !(2..=8).contains(&nca.len()) => {
                Some("the NCA identifier is not 2 to 8 characters")
            }
            Some((nca, _)) if !nca.bytes().all(|c| c.is_ascii_uppercase()) => {
                Some("the NCA identifier is not upper-case letters A-Z")
            }
            Some((_, "")) => Some("the authorisation number after the NCA identifier is empty"),
            Some(_) => None,
        };
        if let Some(p) = problem {
            out.push(format!("organizationIdentifier {text:?}: {p}"));
        }
    });
}

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

/// Whether an NTR reference is meant as an EUID: two letters of an EU/EEA country code
/// (or EL), then register characters and a '.'.
fn looks_like_euid(reference: &str) -> bool {
    let b = reference.as_bytes();
    b.len() > 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && (countries::is_eu_eea(&reference[..2]) || &reference[..2] == "EL")
        && reference[2..].contains('.')
}

/// Why an EUID reference is malformed for the NTR country `cc`, or None.
fn euid_problem(cc: &str, reference: &str) -> Option<String> {
    let prefix = &reference[..2];
    let same = prefix == cc || (cc == "GR" && prefix == "EL");
    if !same {
        return Some(format!(
            "the EUID country code {prefix} does not match the NTR country code {cc}"
        ));
    }
    let (register, local) = reference[2..].split_once('.')?;
    if register.is_empty() || !register.bytes().all(|c| c.is_ascii_alphanumeric()) {
        return Some(format!(
            "the EUID business register identifier {register:?} is not letters and digits"
        ));
    }
    if local.is_empty() {
        return Some("the EUID has no registration number after the '.'".into());
    }
    None
}

pub(crate) fn rule_org_identifier_euid_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        let ("NTR", Some(r)) = (id.scheme, id.reference) else {
            return;
        };
        if !countries::is_eu_eea(id.country) || !looks_like_euid(r) {
            return;
        }
        if let Some(p) = euid_problem(id.country, r) {
            out.push(format!("organizationIdentifier {text:?}: {p}"));
        }
    });
}

fn check_org_identifier_euid_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_euid_invalid)
}

lint! {
    /// ## What it checks
    /// An NTR identifier of an EU/EEA country whose Registration Reference is an EUID (it starts
    /// with an EU/EEA country code and contains a `.`) has the EUID structure: the same country
    /// code as after `NTR`, the business register identifier (letters and digits), `.`, and the
    /// domestic registration number.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 3 (SMC011) fixes the EUID structure (SHALL): the country code, equal
    /// to the one after NTR; the identifier of the business register; a dot; the domestic
    /// registration number. Example: `NTRDE-DER3306.HRB12345`.
    ///
    /// ## Example
    /// `NTRDE-FRR3306.HRB12345` (country code FR inside a German NTR identifier).
    ///
    /// ## Differences from pkilint
    /// pkilint checks the EUID only for Germany and reports every defect as the warning
    /// `cabf.smime.german_ntr_registration_reference_not_euid`. The structure is a SHALL for every
    /// EU/EEA country, so smimelint reports a malformed EUID here, as an error.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_EUID_INVALID {
        name: "e_smime_subject_org_identifier_euid_invalid",
        description: "An NTR Registration Reference in EUID form does not follow the EUID structure",
        citation: "SBR 7.1.4.2.2(d) Note 3",
        source: Source::Sbr,
        effective: dates::SMC011,
        ballot: "SMC011",
        pkilint: ["cabf.smime.german_ntr_registration_reference_not_euid"],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_euid_invalid"],
        applies: OV_SV,
        check: check_org_identifier_euid_invalid,
    }
}

pub(crate) fn rule_org_identifier_de_ntr_not_euid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if (id.scheme, id.country) != ("NTR", "DE") {
            return;
        }
        if let Some(sub) = id.subdivision {
            out.push(format!(
                "organizationIdentifier {text:?} has subdivision {sub:?}; a German NTR reference \
                 should be a national EUID (NTRDE-DE<register>.<number>)"
            ));
        } else if let Some(r) = id.reference.filter(|r| !looks_like_euid(r)) {
            out.push(format!(
                "organizationIdentifier {text:?}: reference {r:?} is not an EUID \
                 (DE<register>.<number>)"
            ));
        }
    });
}

fn check_org_identifier_de_ntr_not_euid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_de_ntr_not_euid)
}

lint! {
    /// ## What it checks
    /// A German NTR organizationIdentifier uses the EUID as Registration Reference, at country
    /// level: `NTRDE-DE<register identifier>.<registration number>`, without `+subdivision`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(d) Note 3 (SMC011): for entities registered in Germany the reference SHOULD
    /// be the EUID. German register
    /// numbers (HRB …) are unique only per district court; the EUID adds the court.
    ///
    /// ## Example
    /// `NTRDE-HRB12345`; `NTRDE+BE-DER3306.HRB12345`.
    ///
    /// ## Differences from pkilint
    /// pkilint also reports a malformed German EUID here; smimelint reports that as the error
    /// `e_smime_subject_org_identifier_euid_invalid`.
    W_SMIME_SUBJECT_ORG_IDENTIFIER_DE_NTR_NOT_EUID {
        name: "w_smime_subject_org_identifier_de_ntr_not_euid",
        description: "A German NTR organizationIdentifier does not use the EUID",
        citation: "SBR 7.1.4.2.2(d) Note 3",
        source: Source::Sbr,
        effective: dates::SMC011,
        ballot: "SMC011",
        pkilint: ["cabf.smime.german_ntr_registration_reference_not_euid"],
        zlint: [],
        catalog: ["w_smime_subject_org_identifier_de_ntr_not_euid"],
        applies: OV_SV,
        check: check_org_identifier_de_ntr_not_euid,
    }
}

pub(crate) fn rule_org_identifier_european_ntr_subdivision(n: &NameCtx<'_>, out: &mut Vec<String>) {
    each_org_id(n, |text, id| {
        if let ("NTR", Some(sub)) = (id.scheme, id.subdivision) {
            if countries::is_eu_eea(id.country) {
                out.push(format!(
                    "organizationIdentifier {text:?}: a European NTR reference is assigned at \
                     country level, yet has subdivision {sub:?}"
                ));
            }
        }
    });
}

fn check_org_identifier_european_ntr_subdivision(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_org_identifier_european_ntr_subdivision)
}

lint! {
    /// ## What it checks
    /// For certificates issued from 2024-11-22 (SMC09) until 2025-05-14 (SMC011): an NTR
    /// identifier of an EU/EEA country has no `+subdivision`.
    ///
    /// ## Why
    /// Note 3 of SBR 7.1.4.2.2(d) as written by SMC09 required NTR references of Legal Entities
    /// registered in a European country to be assigned at country level. SMC011 replaced that
    /// Note with the EUID text, so the rule applies only in that window. smimelint reads
    /// "European country" as the EU/EEA, the area of the business registers interconnection.
    ///
    /// ## Example
    /// `NTRFR+PAR-123456789` in a certificate issued on 2025-01-10.
    E_SMIME_SUBJECT_ORG_IDENTIFIER_EUROPEAN_NTR_SUBDIVISION {
        name: "e_smime_subject_org_identifier_european_ntr_subdivision",
        description: "A European NTR organizationIdentifier has a subdivision (SMC09 to SMC011)",
        citation: "SBR 7.1.4.2.2(d) Note 3 (v1.0.7 to v1.0.8)",
        source: Source::Sbr,
        effective: dates::SMC09,
        ineffective: dates::SMC011,
        ballot: "SMC09",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subject_org_identifier_european_ntr_subdivision"],
        applies: OV_SV,
        check: check_org_identifier_european_ntr_subdivision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_cert::time::date;
    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{der, name, name_raw, CertBuilder};

    #[test]
    fn parses_organization_identifiers() {
        let p = |s| parse_org_id(s).unwrap();
        assert_eq!(
            p("NTRUS+CA-12345678"),
            OrgId {
                scheme: "NTR",
                country: "US",
                subdivision: Some("CA"),
                reference: Some("12345678")
            }
        );
        assert_eq!(
            p("PSDBE-NBB-1234.567.890").reference,
            Some("NBB-1234.567.890")
        );
        assert_eq!(p("GOVUS+CA").reference, None);
        assert_eq!(p("INTXG").subdivision, None);
        assert_eq!(p("NL:NL-123").scheme, "NL:");
        for bad in [
            "GOV",
            "NTR",
            "NTRGB-",
            "NTRGB+-1",
            "NTRFR+PARI-1",
            "NTRGB 1",
            "ntrGB-1",
            "N1RGB-1",
            "NTRG1-1",
            "NTRÄB-1",
        ] {
            assert!(parse_org_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lei_check_digits() {
        assert_eq!(lei_problem("AEYE00EKXESVZUUEBP67"), None);
        let p = lei_problem("AEYE00EKXESVZUUEBP63").unwrap();
        assert!(p.contains("expected 67"), "{p}");
        assert!(lei_problem("AEYE00EKXESVZUUEBP6").is_some());
        assert!(lei_problem("aeye00EKXESVZUUEBP67").is_some());
    }

    fn ov(org_id: &'static str, country: Option<&'static str>) -> Vec<u8> {
        let mut attrs = vec![];
        if let Some(c) = country {
            attrs.push(("C", c));
        }
        attrs.push(("O", "Example Ltd"));
        attrs.push(("organizationIdentifier", org_id));
        CertBuilder::subscriber("organization-strict")
            .subject(&attrs)
            .build()
    }

    #[test]
    fn encoding() {
        let with = |v: Vec<u8>| {
            CertBuilder::subscriber("sponsored-strict")
                .subject_raw(name_raw(&[
                    (&oid::AT_ORGANIZATION, der::utf8("Example Ltd")),
                    (&oid::AT_ORGANIZATION_IDENTIFIER, v),
                    (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
                    (&oid::AT_SURNAME, der::utf8("Smith")),
                ]))
                .build()
        };
        assert_lint(
            "e_smime_subject_org_identifier_encoding",
            &with(der::ia5("NTRGB-12345678")),
            &with(der::printable("NTRGB-12345678")),
            // IA5String is not one of the DirectoryString choices at all.
            &["e_smime_rfc5280_name_attribute_type_invalid"],
        );
    }

    #[test]
    fn syntax_scheme_country() {
        let good = ov("NTRGB-12345678", Some("GB"));
        assert_lint(
            "e_smime_subject_org_identifier_syntax",
            &ov("GOV", None),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_syntax",
            &ov("NTRFR+PARI-AEYE00EKXESVZUUEBP67", None),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_scheme_unknown",
            &ov("TAXUS-123456", None),
            &good,
            &[],
        );
        for bad in ["NTRZZ-123", "GOVXG", "INTUS", "VATXG-123", "NTRgb-123"] {
            assert_lint(
                "e_smime_subject_org_identifier_country_invalid",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        for fine in [
            "VATEL-123",
            "VATXI-123",
            "GOVUS",
            "GOVUS+PA",
            "INTXG",
            "LEIXG-AEYE00EKXESVZUUEBP67",
            "PSDBE-NBB-1234.567.890",
            "NTRDE-DER3306.HRB12345",
        ] {
            assert_eq!(findings(&ov(fine, None)), Vec::<&str>::new(), "{fine}");
        }
    }

    #[test]
    fn country_mismatch() {
        let good = ov("NTRUS+PA-123", Some("US"));
        assert_lint(
            "e_smime_subject_org_identifier_country_mismatch",
            &ov("NTRUS+PA-123", Some("JP")),
            &good,
            &[],
        );
        // VAT with the Art. 215 prefix EL requires C=GR (pkilint reports this pair).
        assert_eq!(
            findings(&ov("VATEL-123456789", Some("GR"))),
            Vec::<&str>::new()
        );
        assert_lint(
            "e_smime_subject_org_identifier_country_mismatch",
            &ov("VATEL-123456789", Some("DE")),
            &ov("VATEL-123456789", Some("GR")),
            &[],
        );
        // LEI and INT are exempt.
        assert_eq!(findings(&ov("INTXG", Some("JP"))), Vec::<&str>::new());
        assert_eq!(
            findings(&ov("LEIXG-AEYE00EKXESVZUUEBP67", Some("JP"))),
            Vec::<&str>::new()
        );
    }

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

    #[test]
    fn euid() {
        let good = ov("NTRDE-DER3306.HRB12345", Some("DE"));
        assert_lint(
            "e_smime_subject_org_identifier_euid_invalid",
            &ov("NTRDE-FRR3306.HRB12345", Some("DE")),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_org_identifier_euid_invalid",
            &ov("NTRFR-FR.123", Some("FR")),
            &ov("NTRFR-FRRCS.123", Some("FR")),
            &[],
        );
        for bad in [
            "NTRDE-DER3306HRB12345",
            "NTRDE+BE-DER3306.HRB12345",
            "NTRDE-HRB12345",
        ] {
            assert_lint(
                "w_smime_subject_org_identifier_de_ntr_not_euid",
                &ov(bad, None),
                &good,
                &[],
            );
        }
        // A non-EU country is not concerned.
        assert_eq!(findings(&ov("NTRGB-AB.12", Some("GB"))), Vec::<&str>::new());
    }

    #[test]
    fn european_ntr_subdivision_window() {
        let nb = date(2025, 1, 10);
        let cert = |org_id: &'static str| {
            CertBuilder::subscriber("organization-multipurpose")
                .subject_raw(name(&[
                    ("O", "Example SA"),
                    ("organizationIdentifier", org_id),
                ]))
                .validity(nb, nb + 300 * 86_400)
                .build()
        };
        let bad = cert("NTRFR+PAR-123456789");
        let good = cert("NTRFR-123456789");
        assert_lint(
            "e_smime_subject_org_identifier_european_ntr_subdivision",
            &bad,
            &good,
            &[],
        );
    }
}
