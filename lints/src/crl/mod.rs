//! Certificate revocation lists: the CRL profile of RFC 5280 §5 and SBR 4.9.7 and 7.2.
//!
//! Whole-list lints read a [`CrlContext`]; entry lints read one [`RevokedEntry`] at a time as
//! the CRL streams past, and the engine reports the first failing entry and how many failed.

use crate::prelude::*;
pub(crate) use crate::support::rfc5280::hex_full;
use smimelint_cert::time::TimeKind;
use smimelint_cert::TimeField;

/// Seconds in a day, as SBR 4.9.7 counts its ten days.
pub(crate) const DAY: i64 = 86_400;

/// RFC 5280 §4.1.2.2 and §5.2.3: serial numbers and CRL numbers fit in 20 octets.
const MAX_INTEGER_OCTETS: usize = 20;

/// `UTCTime "251015000000Z"`, for messages.
pub(crate) fn time_text(t: &TimeField<'_>) -> String {
    let kind = match t.parsed.kind {
        TimeKind::Utc => "UTCTime",
        TimeKind::Generalized => "GeneralizedTime",
    };
    format!("{kind} {:?}", String::from_utf8_lossy(t.tlv.content))
}

/// The year a GeneralizedTime starts with, when its first four characters are digits.
fn generalized_year(content: &[u8]) -> Option<u32> {
    let digits = content.get(..4)?;
    digits
        .iter()
        .all(u8::is_ascii_digit)
        .then(|| digits.iter().fold(0, |y, &d| y * 10 + u32::from(d - b'0')))
}

/// What breaks the RFC 5280 §4.1.2.5 rule for a `Time` (thisUpdate, nextUpdate,
/// revocationDate): UTCTime for 1950 through 2049, GeneralizedTime otherwise, each in its one
/// `…SSZ` form.
pub(crate) fn time_problems(field: &str, t: &TimeField<'_>) -> Vec<String> {
    let mut out: Vec<String> = t
        .parsed
        .defects
        .iter()
        .map(|d| format!("{field}: {d} ({})", time_text(t)))
        .collect();
    if t.parsed.kind == TimeKind::Generalized {
        if let Some(year) = generalized_year(t.tlv.content).filter(|y| (1950..2050).contains(y)) {
            out.push(format!(
                "{field}: the year {year} is encoded as GeneralizedTime, but dates through 2049 must be UTCTime ({})",
                time_text(t)
            ));
        }
    }
    out
}

/// Bit length of a big-endian magnitude, leading zero octets ignored.
fn magnitude_bits(c: &[u8]) -> usize {
    let start = c.iter().position(|&b| b != 0).unwrap_or(c.len());
    c.get(start).map_or(0, |&first| {
        (c.len() - start - 1) * 8 + (8 - first.leading_zeros() as usize)
    })
}

/// Whether INTEGER content octets hold a negative value.
pub(crate) fn is_negative(c: &[u8]) -> bool {
    c.first().is_some_and(|&b| b & 0x80 != 0)
}

/// Whether a non-negative INTEGER needs more than 20 octets in DER (it is at least 2^159).
pub(crate) fn longer_than_20_octets(c: &[u8]) -> bool {
    !is_negative(c) && magnitude_bits(c) >= MAX_INTEGER_OCTETS * 8
}

/// The first extension whose OID repeats in `extensions`, with how often it occurs.
pub(crate) fn repeated_extension(extensions: &[Extension<'_>]) -> Option<(String, usize)> {
    let groups = repeated_groups(extensions.len(), |i| extensions[i].oid);
    groups
        .first()
        .map(|g| (oid::describe_extension(extensions[g[0]].oid), g.len()))
}

/// Pass when the CRL has the extension, else fail naming it.
pub(crate) fn require_crl_extension(crl: &Crl<'_>, o: &const_oid::ObjectIdentifier) -> Outcome {
    match crl.extension(o) {
        Some(_) => Outcome::Pass,
        None => fail!("the CRL has no {} extension", extension_label(o)),
    }
}

/// NA when the CRL lacks the extension; fail when its criticality is not `critical`.
pub(crate) fn require_criticality(
    crl: &Crl<'_>,
    o: &const_oid::ObjectIdentifier,
    critical: bool,
) -> Outcome {
    match crl.extension(o) {
        None => Outcome::NotApplicable,
        Some(e) if e.critical == critical => Outcome::Pass,
        Some(_) if critical => fail!("{} is not marked critical", extension_label(o)),
        Some(_) => fail!("{} is marked critical", extension_label(o)),
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! CRLs for the lint tests: the factory's default CRL of the P-256 test sub-CA, which
    //! satisfies RFC 5280 §5 and the SBR, changed in one place.

    pub(crate) use smimelint_engine::registry::Status;
    pub(crate) use smimelint_engine::testing::{status_in_scope, status_of, status_with_issuer};
    pub(crate) use smimelint_factory::crl::{ext, reason, CrlBuilder, Entry, Idp, THIS_UPDATE};
    pub(crate) use smimelint_factory::{der, CertBuilder, KeyAlg};

    pub(crate) const DAY: i64 = super::DAY;

    pub(crate) fn ca() -> CertBuilder {
        CertBuilder::sub_ca(KeyAlg::P256)
    }

    /// The issuing CA's certificate, for `--issuer` tests.
    pub(crate) fn ca_der() -> Vec<u8> {
        ca().build()
    }

    pub(crate) fn base() -> CrlBuilder {
        CrlBuilder::new(&ca())
    }

    /// An entry revoked two days before thisUpdate for keyCompromise.
    pub(crate) fn entry() -> Entry {
        Entry::new(&[0x61, 0x01], THIS_UPDATE - 2 * DAY).reason(reason::KEY_COMPROMISE, false)
    }

    /// Asserts that `lint` reports its level on `der` and that no other CRL rule (`e_crl_…`,
    /// `w_crl_…`) does: the CRL violates exactly this rule.
    #[track_caller]
    pub(crate) fn assert_only(der: &[u8], lint: &str) {
        let level = smimelint_engine::registry::find(lint)
            .unwrap_or_else(|| panic!("no lint {lint}"))
            .level()
            .status();
        assert_eq!(status_of(der, lint), level, "{lint}");
        let others: Vec<&str> = smimelint_engine::testing::findings(der)
            .into_iter()
            .filter(|l| (l.starts_with("e_crl_") || l.starts_with("w_crl_")) && *l != lint)
            .collect();
        assert!(others.is_empty(), "{lint}: also {others:?}");
    }

    /// The default CRL with `e` as its only entry.
    pub(crate) fn with_entry(e: Entry) -> Vec<u8> {
        base().entries(vec![e]).build()
    }
}

mod e_crl_aki_critical;
mod e_crl_aki_issuer_mismatch;
mod e_crl_aki_key_id_missing;
mod e_crl_aki_missing;
mod e_crl_ca_certificate_hold;
mod e_crl_ca_reason_code_missing;
mod e_crl_certificate_issuer_not_critical;
mod e_crl_certificate_issuer_not_indirect;
mod e_crl_critical_extension_unknown;
mod e_crl_delta_indicator_not_critical;
mod e_crl_entry_critical_extension_unknown;
mod e_crl_entry_extension_duplicate;
mod e_crl_entry_extensions_empty;
mod e_crl_entry_serial_duplicate;
mod e_crl_entry_serial_not_positive;
mod e_crl_entry_serial_too_long;
mod e_crl_extension_duplicate;
mod e_crl_freshest_crl_in_delta;
mod e_crl_idp_empty;
mod e_crl_idp_not_critical;
mod e_crl_idp_only_attribute_certs;
mod e_crl_idp_only_contains_multiple;
mod e_crl_idp_uri_invalid;
mod e_crl_invalidity_date_not_generalized;
mod e_crl_issuer_empty;
mod e_crl_issuer_name_mismatch;
mod e_crl_next_update_before_this_update;
mod e_crl_next_update_missing;
mod e_crl_next_update_over_10_days;
mod e_crl_next_update_over_12_months;
mod e_crl_number_critical;
mod e_crl_number_missing;
mod e_crl_number_out_of_range;
mod e_crl_reason_code_critical;
mod e_crl_reason_code_invalid;
mod e_crl_reason_code_unspecified;
mod e_crl_revocation_date_encoding;
mod e_crl_revoked_certificates_empty;
mod e_crl_signature_algorithm_key_mismatch;
mod e_crl_signature_algorithm_mismatch;
mod e_crl_signature_algorithm_not_allowed;
mod e_crl_signature_invalid;
mod e_crl_update_time_encoding;
mod e_crl_version_not_v2;
mod n_crl_certificate_hold;
mod n_crl_scope_unknown;
#[cfg(test)]
mod samples;
