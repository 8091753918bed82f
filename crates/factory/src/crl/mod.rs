//! CRLs (RFC 5280 §5): [`CrlBuilder`] starts from a CRL that satisfies RFC 5280 §5 and SBR
//! 4.9.7 / 7.2.2 for its issuing CA, with one knob per field a linter checks; [`large`] streams
//! CRLs too big to hold in memory.
//!
//! ```
//! use smimelint_factory::{crl::{reason, CrlBuilder, Entry}, CertBuilder, KeyAlg};
//! let ca = CertBuilder::sub_ca(KeyAlg::P256);
//! let revoked = smimelint_der::time::date(2025, 10, 1);
//! // One defect: a reasonCode of unspecified (0), which SBR 7.2.2 forbids.
//! let crl = CrlBuilder::new(&ca)
//!     .entry(Entry::new(&[7], revoked).reason(reason::UNSPECIFIED, false))
//!     .build();
//! # assert_eq!(crl[0], 0x30);
//! ```

mod entry;
pub mod ext;
pub mod large;
#[cfg(test)]
mod tests;

pub use entry::Entry;
pub use ext::{reason, Idp};
pub use large::write_large_crl;

use crate::{der, extensions_der, key_id, set_ext, CertBuilder, ExtSpec, KeyAlg, KeyPair, SigAlg};
use const_oid::ObjectIdentifier;
use smimelint_der::time::{date, UnixTime};

/// Default thisUpdate (inside every test CA's validity).
pub const THIS_UPDATE: UnixTime = date(2025, 10, 15);
/// Default thisUpdate → nextUpdate: SBR 4.9.7 allows at most ten days for subscriber CRLs.
pub const NEXT_UPDATE_AFTER: i64 = 7 * 86_400;

/// Builds one CRL. Fields hold complete TLVs unless said otherwise; `None` omits a field.
#[derive(Clone, Debug)]
pub struct CrlBuilder {
    pub version: Option<Vec<u8>>,
    /// `tbsCertList.signature`; None = the signing key's algorithm.
    pub tbs_signature: Option<Vec<u8>>,
    /// `signatureAlgorithm`; None = the same bytes as `tbsCertList.signature`.
    pub signature_algorithm: Option<Vec<u8>>,
    pub issuer: Vec<u8>,
    pub this_update: Vec<u8>,
    pub next_update: Option<Vec<u8>>,
    pub entries: Vec<Entry>,
    /// Writes an empty revokedCertificates SEQUENCE when there are no entries (RFC 5280 says
    /// to omit it).
    pub empty_revoked: bool,
    /// Replaces the whole revokedCertificates field when set (`Some(vec![])` = omitted).
    pub revoked_raw: Option<Vec<u8>>,
    pub extensions: Vec<ExtSpec>,
    /// Replaces the whole `[0]` crlExtensions field when set (`Some(vec![])` = omitted).
    pub extensions_raw: Option<Vec<u8>>,
    /// The key that signs, as `(algorithm, seed)`.
    pub signer: (KeyAlg, u64),
    /// The signature algorithm used to sign; None = the signing key's default.
    pub sign_with: Option<SigAlg>,
    /// Replaces the signature BIT STRING content when set.
    pub signature_raw: Option<Vec<u8>>,
}

/// The keyIdentifier an issuer's certificates carry: its subjectKeyIdentifier if it has one.
pub fn issuer_key_id(ca: &CertBuilder) -> Vec<u8> {
    let ski = ca
        .extensions
        .iter()
        .find(|e| e.oid == crate::oid::SUBJECT_KEY_IDENTIFIER.as_bytes());
    match ski.map(|e| e.value.as_slice()) {
        Some([0x04, n, id @ ..]) if usize::from(*n) == id.len() => id.to_vec(),
        _ => {
            let (alg, seed) = ca.subject_key_id();
            key_id(KeyPair::get(alg, seed))
        }
    }
}

impl CrlBuilder {
    /// A v2 CRL issued and signed by `ca` (its subject, key and key identifier) with three
    /// entries, each with a non-critical reasonCode SBR 7.2.2 allows.
    pub fn new(ca: &CertBuilder) -> CrlBuilder {
        let revoked = THIS_UPDATE - 3 * 86_400;
        let entries = vec![
            Entry::new(&[0x4e, 0x01, 0x9a, 0x77, 0x21], revoked)
                .reason(reason::KEY_COMPROMISE, false),
            Entry::new(&[0x4e, 0x01, 0x9a, 0x77, 0x22], revoked + 3600)
                .reason(reason::SUPERSEDED, false),
            Entry::new(&[0x4e, 0x01, 0x9a, 0x77, 0x23], revoked + 7200)
                .reason(reason::CESSATION_OF_OPERATION, false),
        ];
        CrlBuilder {
            version: Some(der::int(1)),
            tbs_signature: None,
            signature_algorithm: None,
            issuer: ca.subject.clone(),
            this_update: der::time(THIS_UPDATE),
            next_update: Some(der::time(THIS_UPDATE + NEXT_UPDATE_AFTER)),
            entries,
            empty_revoked: false,
            revoked_raw: None,
            extensions: Vec::new(),
            extensions_raw: None,
            signer: ca.subject_key_id(),
            sign_with: None,
            signature_raw: None,
        }
        .aki_key_id(&issuer_key_id(ca))
        .crl_number(&[0x10, 0x00])
    }

    /// Signs with another key; issuer name and authorityKeyIdentifier stay.
    pub fn signing_key(mut self, alg: KeyAlg, seed: u64) -> Self {
        self.signer = (alg, seed);
        self
    }

    pub fn sign_with(mut self, alg: SigAlg) -> Self {
        self.sign_with = Some(alg);
        self
    }

    pub fn signature_raw(mut self, content: Vec<u8>) -> Self {
        self.signature_raw = Some(content);
        self
    }

    pub fn version_raw(mut self, v: Option<Vec<u8>>) -> Self {
        self.version = v;
        self
    }

    pub fn tbs_signature_raw(mut self, alg: Vec<u8>) -> Self {
        self.tbs_signature = Some(alg);
        self
    }

    pub fn signature_algorithm_raw(mut self, alg: Vec<u8>) -> Self {
        self.signature_algorithm = Some(alg);
        self
    }

    pub fn issuer_raw(mut self, name: Vec<u8>) -> Self {
        self.issuer = name;
        self
    }

    /// thisUpdate, encoded by the RFC 5280 rule (UTCTime through 2049).
    pub fn this_update(mut self, t: UnixTime) -> Self {
        self.this_update = der::time(t);
        self
    }

    /// nextUpdate by the RFC 5280 rule, or omitted.
    pub fn next_update(mut self, t: Option<UnixTime>) -> Self {
        self.next_update = t.map(der::time);
        self
    }

    pub fn this_update_raw(mut self, tlv: Vec<u8>) -> Self {
        self.this_update = tlv;
        self
    }

    pub fn next_update_raw(mut self, tlv: Option<Vec<u8>>) -> Self {
        self.next_update = tlv;
        self
    }

    pub fn entries(mut self, entries: Vec<Entry>) -> Self {
        self.entries = entries;
        self
    }

    pub fn entry(mut self, entry: Entry) -> Self {
        self.entries.push(entry);
        self
    }

    /// No entries, but an empty revokedCertificates SEQUENCE present.
    pub fn empty_revoked(mut self) -> Self {
        self.entries.clear();
        self.empty_revoked = true;
        self
    }

    pub fn revoked_raw(mut self, field: Vec<u8>) -> Self {
        self.revoked_raw = Some(field);
        self
    }

    /// Replaces the CRL extension with this OID in place, or appends it.
    pub fn ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        set_ext(&mut self.extensions, ExtSpec::new(o, critical, value));
        self
    }

    /// Appends a CRL extension even if one with the same OID exists.
    pub fn push_ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        self.extensions.push(ExtSpec::new(o, critical, value));
        self
    }

    pub fn without_ext(mut self, o: &ObjectIdentifier) -> Self {
        self.extensions.retain(|e| e.oid != o.as_bytes());
        self
    }

    /// Sets the criticality of an existing CRL extension.
    pub fn critical(mut self, o: &ObjectIdentifier, critical: bool) -> Self {
        for e in self.extensions.iter_mut().filter(|e| e.oid == o.as_bytes()) {
            e.critical = critical;
        }
        self
    }

    pub fn extensions_raw(mut self, field: Option<Vec<u8>>) -> Self {
        self.extensions_raw = field;
        self
    }

    /// authorityKeyIdentifier with a keyIdentifier, non-critical.
    pub fn aki_key_id(self, id: &[u8]) -> Self {
        self.ext(
            &ext::AUTHORITY_KEY_IDENTIFIER,
            false,
            crate::ext::aki_key_id(id),
        )
    }

    /// authorityKeyIdentifier with authorityCertIssuer (GeneralName TLVs) and
    /// authorityCertSerialNumber (INTEGER content) only.
    pub fn aki_issuer_serial(self, issuer: &[Vec<u8>], serial: &[u8]) -> Self {
        let value = crate::ext_values::aki(None, issuer, Some(serial));
        self.ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, value)
    }

    /// cRLNumber, non-critical, from raw INTEGER content.
    pub fn crl_number(self, content: &[u8]) -> Self {
        self.ext(&ext::CRL_NUMBER, false, ext::crl_number(content))
    }

    /// deltaCRLIndicator (critical, as RFC 5280 §5.2.4 requires) naming this base CRL number.
    pub fn delta_crl_indicator(self, base_content: &[u8]) -> Self {
        self.ext(
            &ext::DELTA_CRL_INDICATOR,
            true,
            ext::crl_number(base_content),
        )
    }

    /// issuingDistributionPoint (RFC 5280 §5.2.5 wants it critical).
    pub fn idp(self, idp: &Idp, critical: bool) -> Self {
        self.ext(&ext::ISSUING_DISTRIBUTION_POINT, critical, idp.der())
    }

    fn algorithms(&self) -> (Vec<u8>, SigAlg) {
        let key = KeyPair::get(self.signer.0, self.signer.1);
        let alg = self
            .sign_with
            .or_else(|| key.default_sig_alg())
            .expect("the CRL signer's key can sign");
        let bytes = self
            .tbs_signature
            .clone()
            .unwrap_or_else(|| alg.der().to_vec());
        (bytes, alg)
    }

    /// The DER TBSCertList.
    pub fn build_tbs(&self) -> Vec<u8> {
        let mut parts: Vec<Vec<u8>> = self.version.iter().cloned().collect();
        parts.push(self.algorithms().0);
        parts.push(self.issuer.clone());
        parts.push(self.this_update.clone());
        parts.extend(self.next_update.clone());
        match &self.revoked_raw {
            Some(raw) => parts.push(raw.clone()),
            None if !self.entries.is_empty() || self.empty_revoked => {
                let items: Vec<Vec<u8>> = self.entries.iter().map(Entry::der).collect();
                parts.push(der::seq(&items));
            }
            None => {}
        }
        match &self.extensions_raw {
            Some(raw) => parts.push(raw.clone()),
            None if !self.extensions.is_empty() => {
                parts.push(der::explicit(0, &extensions_der(&self.extensions)));
            }
            None => {}
        }
        der::seq(&parts)
    }

    /// The signed DER CertificateList.
    pub fn build(&self) -> Vec<u8> {
        let tbs = self.build_tbs();
        let (tbs_alg, alg) = self.algorithms();
        let signature = self.signature_raw.clone().unwrap_or_else(|| {
            let key = KeyPair::get(self.signer.0, self.signer.1);
            key.sign(alg, &tbs).expect("signing the CRL")
        });
        let outer = self.signature_algorithm.clone().unwrap_or(tbs_alg);
        der::seq(&[tbs, outer, der::bits(&signature)])
    }

    /// PEM of [`build`](Self::build).
    pub fn build_pem(&self) -> String {
        crate::pem("X509 CRL", &self.build())
    }
}
