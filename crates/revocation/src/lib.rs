//! The model of the other documents an S/MIME CA signs: certificate revocation lists
//! (RFC 5280 §5) and OCSP responses (RFC 6960).
//!
//! As for certificates, the DER walker reads every byte and records X.690 violations, and the
//! fields are then decoded one by one into lenient views: a CRL or OCSP response a strict
//! decoder refuses still has every reachable field linted. CRLs are read from a stream, one
//! entry at a time, so that a CRL of millions of entries is linted in bounded memory.

pub mod crl;
pub mod digest;
pub mod document;
pub mod ocsp;
pub mod reason;
mod source;

pub use crl::{Crl, CrlForm, CrlParts, RevokedEntry};
pub use document::{sniff, DocumentKind};
pub use ocsp::{Ocsp, OcspForm};

/// Whether an extension spells out `critical` FALSE, its DEFAULT (X.690 11.5 forbids it).
pub fn critical_false(e: &smimelint_cert::Extension<'_>) -> bool {
    use smimelint_der::walk::tag;
    let mut r = e.raw.children();
    let _ = r.read_if(tag::OID);
    r.read_if(tag::BOOLEAN).is_some_and(|b| b.content == [0x00])
}
