//! What pkilint's REST server refuses before linting a CRL or an OCSP response (422 "Invalid
//! PEM text specified" / "Invalid Base-64 encoding specified"): its strict DER decoding of the
//! document's structure.
//!
//! pkilint decodes a CRL as a whole `CertificateList` (a TBSCertList does not decode), except
//! for the parts it decodes later and reports as findings: extension values, attribute values
//! in names, algorithm parameters and times. An OCSP response is decoded as an `OCSPResponse`
//! whose `response` OCTET STRING is decoded later, by a validator that reports a failure as
//! `itu.invalid_asn1_syntax`: only the outer wrapper can make it unreadable.

use smimelint_cert::FieldError;
use smimelint_der::walk::{Tlv, Violation, ViolationKind};
use smimelint_revocation::crl::{read_crl, CrlLimits};
use smimelint_revocation::{Crl, CrlForm, Ocsp, OcspForm};

fn within(offset: usize, (start, len): (usize, usize)) -> bool {
    offset >= start && offset < start.saturating_add(len)
}

fn range(t: &Option<Tlv<'_>>) -> Option<(usize, usize)> {
    t.map(|t| (t.offset, t.raw.len()))
}

/// Whether pkilint's strict decoding of a CertificateList fails on `der`.
pub fn crl_refused(der: &[u8]) -> bool {
    if der.first() != Some(&0x30) {
        return true;
    }
    // The reader is fuzzed, but a request must never take the service down.
    std::panic::catch_unwind(|| {
        let mut entry_broken = false;
        let mut entry_values: Vec<(usize, usize)> = Vec::new();
        let parts = read_crl(der, CrlLimits::default(), &mut |entry| {
            // Extensions ::= SEQUENCE SIZE (1..MAX): an empty crlEntryExtensions does not decode.
            entry_broken |= !entry.errors.is_empty()
                || entry.extensions_field.is_some_and(|f| f.content.is_empty());
            entry_values.extend(
                entry
                    .extensions
                    .iter()
                    .map(|e| (e.value_offset, e.value.len())),
            );
        });
        let Ok(parts) = parts else { return true };
        if entry_broken || parts.form != CrlForm::Crl {
            return true;
        }
        let crl = Crl::new(&parts);
        let mut values = entry_values;
        values.extend(
            crl.extensions
                .iter()
                .map(|e| (e.value_offset, e.value.len())),
        );
        let algorithms: Vec<(usize, usize)> = [&crl.tbs_signature, &crl.signature_algorithm]
            .into_iter()
            .filter_map(range)
            .collect();
        let issuer = range(&crl.issuer);
        let deferred = |v: &Violation| {
            values.iter().any(|&r| within(v.offset, r))
                || v.kind == ViolationKind::InvalidTime
                || (v.kind == ViolationKind::InvalidString
                    && issuer.is_some_and(|r| within(v.offset, r)))
                || (v.kind == ViolationKind::NonEmptyNull
                    && algorithms.iter().any(|&r| within(v.offset, r)))
        };
        crl.violations.iter().any(|v| !deferred(v))
            || crl
                .field_errors
                .iter()
                .any(|f| !lenient(f, |o| values.iter().any(|&r| within(o, r))))
            || !crl.empty_collections.is_empty()
    })
    .unwrap_or(true)
}

/// Field contents pkilint reads leniently (times, the version value) or later (extension
/// values) are findings there; a wrong field type is not.
fn lenient(f: &FieldError, in_value: impl Fn(usize) -> bool) -> bool {
    f.range.is_some_and(|(start, _)| in_value(start))
        || f.message.contains("malformed ASN.1 DER value")
        || f.field.contains("Time")
        || f.field.contains("Update")
}

/// Whether pkilint's strict decoding of an OCSPResponse fails on `der`.
pub fn ocsp_refused(der: &[u8]) -> bool {
    if der.first() != Some(&0x30) {
        return true;
    }
    std::panic::catch_unwind(|| {
        let Ok(ocsp) = Ocsp::parse(der) else {
            return true;
        };
        if ocsp.form != OcspForm::Response {
            return true;
        }
        let inner = response_octets(&ocsp);
        let outer_field = |f: &FieldError| f.field == "OCSPResponse" || f.field == "responseBytes";
        ocsp.violations
            .iter()
            .any(|v| !inner.is_some_and(|r| within(v.offset, r)))
            || ocsp.field_errors.iter().any(outer_field)
    })
    .unwrap_or(true)
}

/// The content of `responseBytes.response`, the OCTET STRING pkilint decodes later.
fn response_octets(ocsp: &Ocsp<'_>) -> Option<(usize, usize)> {
    let wrapper = ocsp.response_bytes?;
    let rb = wrapper.children().read().ok()?;
    let mut r = rb.children();
    let _type = r.read().ok()?;
    let octets = r.read().ok()?;
    let header = octets.raw.len() - octets.content.len();
    Some((octets.offset + header, octets.content.len()))
}
