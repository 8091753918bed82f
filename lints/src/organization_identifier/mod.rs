//! Legal Entity Identifier extensions (SBR 7.1.2.3(l)): LEI 1.3.6.1.4.1.52266.1 and
//! Role 1.3.6.1.4.1.52266.2.
//!
//! subject:organizationIdentifier (SBR 7.1.4.2.2(d) as restructured by SMC011, Appendix A.1):
//! encoding, `SCHEME CC [+SUB] [-REFERENCE]` syntax, recognized schemes, country codes and their
//! agreement with countryName, LEI check digits, the PSD structure and the EUID (SMC011).

use crate::prelude::*;

/// ISO 7064 MOD 97-10 over `[0-9A-Z]` (letters count as 10–35): the remainder, 1 when the check
/// digits are right. None for other characters.
fn mod97(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |acc, &c| match c {
        b'0'..=b'9' => Some((acc * 10 + u32::from(c - b'0')) % 97),
        b'A'..=b'Z' => Some((acc * 100 + u32::from(c - b'A') + 10) % 97),
        _ => None,
    })
}

/// What is wrong with an ISO 17442 LEI, if anything.
fn lei_problem(lei: &[u8]) -> Option<String> {
    if lei.len() != 20 {
        return Some(format!("it has {} characters instead of 20", lei.len()));
    }
    let (body, check) = lei.split_at(18);
    if !body
        .iter()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        || !check.iter().all(u8::is_ascii_digit)
    {
        return Some("it is not 18 digits or upper-case letters followed by 2 check digits".into());
    }
    match mod97(lei) {
        Some(1) => None,
        _ => {
            let expected = 98 - mod97(body).map_or(0, |r| r * 100 % 97);
            Some(format!(
                "the check digits are wrong (ISO 7064 MOD 97-10 expects {expected:02})"
            ))
        }
    }
}

const OV_SV: Applies =
    Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]);

mod e_smime_lei_extension_critical;
mod e_smime_lei_extension_prohibited;
mod e_smime_lei_role_extension_critical;
mod e_smime_lei_role_extension_prohibited;
mod e_smime_lei_value_invalid;
mod e_smime_subject_org_identifier_country_invalid;
mod e_smime_subject_org_identifier_country_mismatch;
mod e_smime_subject_org_identifier_encoding;
mod e_smime_subject_org_identifier_euid_invalid;
mod e_smime_subject_org_identifier_european_ntr_subdivision;
mod e_smime_subject_org_identifier_lei_invalid;
mod e_smime_subject_org_identifier_psd_invalid;
mod e_smime_subject_org_identifier_reference_missing;
mod e_smime_subject_org_identifier_scheme_unknown;
mod e_smime_subject_org_identifier_subdivision_invalid;
mod e_smime_subject_org_identifier_syntax;
mod w_smime_subject_org_identifier_de_ntr_not_euid;
mod w_smime_subject_org_identifier_gov_int_has_reference;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::lei::lei;

    #[test]
    fn check_digits() {
        assert_eq!(lei(), "5493001KJTIIGC8Y1R12");
        assert_eq!(mod97(lei().as_bytes()), Some(1));
        assert!(lei_problem(lei().as_bytes()).is_none());
        let p = lei_problem(b"5493001KJTIIGC8Y1R13").expect("bad check digits");
        assert!(p.contains("expects 12"), "{p}");
        assert!(lei_problem(b"5493001kjtiigc8y1r12").is_some());
        assert!(lei_problem(b"5493001KJTIIGC8Y1R1").is_some());
    }
}

#[cfg(test)]
mod organization_identifier_tests {

    use crate::support::organization_identifier::{lei_problem, parse_org_id, OrgId};

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
}
