//! Subject distinguished name (SBR 7.1.4): the attributes each certificate type shall, may or
//! shall not carry (the tables of SBR 7.1.4.2.3–7.1.4.2.6 and the dependencies of
//! 7.1.4.2.2(j)–(m)); the attribute values (commonName content per type, pseudonym and
//! personal-name exclusivity, emailAddress, countryName, metadata-only values, RFC 5280 upper
//! bounds and encodings, multi-valued RDNs); Natural Person Identifiers in subject:serialNumber
//! (SBR 7.1.4.2.2(g), Appendix A.2, ETSI EN 319 412-1 §5.1.3); and the subject of root and
//! subordinate CA certificates (SBR 7.1.4.3.1).
//!
//! The attribute and value rules also run on SAN directoryName entries (the `san` lints), so
//! their rule functions live in `support`.

use crate::prelude::*;

/// The Natural Person Identifier schemes of Appendix A.2 with the date each is recognized from.
pub(crate) const NPI_SCHEMES: [(&str, smimelint_cert::time::UnixTime); 6] = [
    ("PAS", dates::SBR_1_0_0),
    ("IDC", dates::SBR_1_0_0),
    ("PNO", dates::SBR_1_0_0),
    ("TIN", dates::SBR_1_0_0),
    ("TAX", dates::SMC09),
    ("EID", dates::SMC09),
];

/// `(type, country, identifier)` when the value has the ETSI form `AAACC-…`.
pub(crate) fn parse_npi(s: &str) -> Option<(&str, &str, &str)> {
    let b = s.as_bytes();
    let form = b.len() > 6 && b[..5].iter().all(u8::is_ascii_uppercase) && b[5] == b'-';
    form.then(|| (&s[..3], &s[3..5], &s[6..]))
}

mod e_smime_ca_subject_country_invalid;
mod e_smime_ca_subject_required_attribute_missing;
mod e_smime_subject_attribute_encoding_invalid;
mod e_smime_subject_attribute_metadata_only;
mod e_smime_subject_attribute_prohibited;
mod e_smime_subject_attribute_too_long;
mod e_smime_subject_cn_mailbox_not_in_san;
mod e_smime_subject_cn_mv_not_mailbox;
mod e_smime_subject_cn_ov_invalid;
mod e_smime_subject_cn_pseudonym_mismatch;
mod e_smime_subject_country_name_invalid;
mod e_smime_subject_email_address_invalid;
mod e_smime_subject_email_address_not_single;
mod e_smime_subject_legacy_natural_person_name_missing;
mod e_smime_subject_locality_without_country;
mod e_smime_subject_natural_person_name_missing;
mod e_smime_subject_other_attribute_prohibited;
mod e_smime_subject_postal_code_without_country;
mod e_smime_subject_pseudonym_with_given_name_or_surname;
mod e_smime_subject_required_attribute_missing;
mod e_smime_subject_state_without_country;
mod e_smime_subject_street_address_without_locality_or_state;
mod n_smime_subject_given_name_without_surname;
mod n_smime_subject_rdn_multi_valued;
mod n_smime_subject_serial_number_npi_scheme;
mod w_smime_subject_cn_personal_name_without_name_attributes;
mod w_smime_subject_given_name_without_surname;
mod w_smime_subject_serial_number_npi_outside_sv_iv;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_etsi_form() {
        assert_eq!(
            parse_npi("PNOSE-198112289874"),
            Some(("PNO", "SE", "198112289874"))
        );
        assert_eq!(parse_npi("12345"), None);
        assert_eq!(parse_npi("PNOSE-"), None);
        assert_eq!(parse_npi("PNOse-1"), None);
    }
}
