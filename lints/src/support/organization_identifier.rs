//! Helpers of the organization identifier rules that other topics use too.

use crate::prelude::*;
use crate::support::countries;
use crate::support::name_rules::NameCtx;
use smimelint_cert::der_text::tag;

/// A parsed organizationIdentifier value (borrowing from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OrgId<'s> {
    pub(crate) scheme: &'s str,
    pub(crate) country: &'s str,
    pub(crate) subdivision: Option<&'s str>,
    pub(crate) reference: Option<&'s str>,
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
pub(crate) fn each_org_id(n: &NameCtx<'_>, mut f: impl FnMut(&str, OrgId<'_>)) {
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

pub(crate) fn rule_org_identifier_syntax(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_ORGANIZATION_IDENTIFIER) {
        let Some(t) = a.text() else { continue };
        if let Err(why) = parse_org_id(&t) {
            out.push(format!("organizationIdentifier {t:?}: {why}"));
        }
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

/// Whether an NTR reference is meant as an EUID: two letters of an EU/EEA country code
/// (or EL), then register characters and a '.'.
pub(crate) fn looks_like_euid(reference: &str) -> bool {
    let b = reference.as_bytes();
    b.len() > 3
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && (countries::is_eu_eea(&reference[..2]) || &reference[..2] == "EL")
        && reference[2..].contains('.')
}

/// Why an EUID reference is malformed for the NTR country `cc`, or None.
pub(crate) fn euid_problem(cc: &str, reference: &str) -> Option<String> {
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
