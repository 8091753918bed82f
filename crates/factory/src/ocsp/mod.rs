//! OCSP responses (RFC 6960 §4.2.1): [`OcspBuilder`] starts from a successful BasicOCSPResponse
//! that satisfies RFC 6960 and SBR 4.9.9, 4.9.10 and 7.3, signed by the CA itself or by a
//! delegated responder, with one knob per field a linter checks.
//!
//! ```
//! use smimelint_factory::{ocsp::{OcspBuilder, SingleResponse}, CertBuilder, KeyAlg};
//! let ca = CertBuilder::sub_ca(KeyAlg::P256);
//! let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
//! // One defect: a reasonCode singleExtension, which SBR 7.3.2 forbids.
//! let resp = OcspBuilder::delegated(&ca, &leaf)
//!     .responses(vec![SingleResponse::good(&ca, &leaf).reason_code_ext(1)])
//!     .build();
//! # assert_eq!(resp[0], 0x30);
//! ```

mod single;
#[cfg(test)]
mod tests;

pub use single::{
    cert_id, key_hash, responder_cert, CertStatus, SingleResponse, NEXT_UPDATE_AFTER, NOCHECK,
    PRODUCED_AT, RESPONDER_SEED, SHA1_ALG,
};

use crate::{der, extensions_der, set_ext, CertBuilder, ExtSpec, KeyAlg, KeyPair, SigAlg};
use const_oid::ObjectIdentifier;
use smimelint_der::time::UnixTime;

/// id-pkix-ocsp-basic.
pub const BASIC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1");
/// id-pkix-ocsp-nonce.
pub const NONCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.2");

/// OCSPResponseStatus values.
pub mod status {
    pub const SUCCESSFUL: u8 = 0;
    pub const MALFORMED_REQUEST: u8 = 1;
    pub const INTERNAL_ERROR: u8 = 2;
    pub const TRY_LATER: u8 = 3;
    pub const SIG_REQUIRED: u8 = 5;
    pub const UNAUTHORIZED: u8 = 6;
}

/// Builds one OCSPResponse. Fields hold complete TLVs; `None` omits an optional field.
#[derive(Clone, Debug)]
pub struct OcspBuilder {
    /// The responseStatus ENUMERATED.
    pub status: Vec<u8>,
    /// Whether responseBytes is present.
    pub response_bytes: bool,
    /// The responseType OID.
    pub response_type: Vec<u8>,
    /// The whole `[0]` version field; None = v1 by DEFAULT (omitted, as DER requires).
    pub version: Option<Vec<u8>>,
    pub responder_id: Vec<u8>,
    pub produced_at: Vec<u8>,
    pub responses: Vec<SingleResponse>,
    pub extensions: Vec<ExtSpec>,
    /// `signatureAlgorithm`; None = the signing key's algorithm.
    pub signature_algorithm: Option<Vec<u8>>,
    /// Certificates for `certs` (DER); empty = field omitted.
    pub certs: Vec<Vec<u8>>,
    /// Replaces the whole `[0]` certs field when set (`Some(vec![])` = omitted).
    pub certs_raw: Option<Vec<u8>>,
    /// The key that signs, as `(algorithm, seed)`.
    pub signer: (KeyAlg, u64),
    /// The signature algorithm used to sign; None = the signing key's default.
    pub sign_with: Option<SigAlg>,
    /// Replaces the signature BIT STRING content when set.
    pub signature_raw: Option<Vec<u8>>,
}

/// `ResponderID byKey` naming `cert`'s key.
pub fn by_key(cert: &CertBuilder) -> Vec<u8> {
    der::explicit(2, &der::octets(&key_hash(cert)))
}

/// `ResponderID byName` naming this Name.
pub fn by_name(name: &[u8]) -> Vec<u8> {
    der::explicit(1, name)
}

impl OcspBuilder {
    /// A successful response signed by `ca` itself (responderID byKey), saying `cert` is good.
    pub fn new(ca: &CertBuilder, cert: &CertBuilder) -> OcspBuilder {
        OcspBuilder {
            status: der::tlv(0x0a, &[status::SUCCESSFUL]),
            response_bytes: true,
            response_type: der::oid_of(&BASIC),
            version: None,
            responder_id: by_key(ca),
            produced_at: der::generalized(PRODUCED_AT),
            responses: vec![SingleResponse::good(ca, cert)],
            extensions: Vec::new(),
            signature_algorithm: None,
            certs: Vec::new(),
            certs_raw: None,
            signer: ca.subject_key_id(),
            sign_with: None,
            signature_raw: None,
        }
    }

    /// As [`new`](Self::new), signed by a delegated responder ([`responder_cert`]) whose
    /// certificate is in `certs`.
    pub fn delegated(ca: &CertBuilder, cert: &CertBuilder) -> OcspBuilder {
        Self::new(ca, cert).responder(&responder_cert(ca))
    }

    /// Signs with `responder`'s key, names it byKey and carries its certificate in `certs`.
    pub fn responder(mut self, responder: &CertBuilder) -> Self {
        self.signer = responder.subject_key_id();
        self.responder_id = by_key(responder);
        self.certs = vec![responder.build()];
        self
    }

    /// A non-successful status without responseBytes, as RFC 6960 §4.2.1 has it.
    pub fn unsuccessful(mut self, value: u8) -> Self {
        self.status = der::tlv(0x0a, &[value]);
        self.response_bytes = false;
        self
    }

    /// Sets responseStatus only (responseBytes stays as it is).
    pub fn status_raw(mut self, tlv: Vec<u8>) -> Self {
        self.status = tlv;
        self
    }

    pub fn response_bytes(mut self, present: bool) -> Self {
        self.response_bytes = present;
        self
    }

    pub fn response_type(mut self, o: &ObjectIdentifier) -> Self {
        self.response_type = der::oid_of(o);
        self
    }

    /// The whole `[0]` version field, e.g. `der::explicit(0, &der::int(0))`.
    pub fn version_raw(mut self, field: Option<Vec<u8>>) -> Self {
        self.version = field;
        self
    }

    pub fn responder_id_raw(mut self, tlv: Vec<u8>) -> Self {
        self.responder_id = tlv;
        self
    }

    pub fn produced_at(mut self, t: UnixTime) -> Self {
        self.produced_at = der::generalized(t);
        self
    }

    pub fn produced_at_raw(mut self, tlv: Vec<u8>) -> Self {
        self.produced_at = tlv;
        self
    }

    pub fn responses(mut self, responses: Vec<SingleResponse>) -> Self {
        self.responses = responses;
        self
    }

    /// Changes every SingleResponse.
    pub fn each_response(mut self, f: impl Fn(SingleResponse) -> SingleResponse) -> Self {
        self.responses = self.responses.into_iter().map(f).collect();
        self
    }

    /// Replaces the responseExtension with this OID in place, or appends it.
    pub fn ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        set_ext(&mut self.extensions, ExtSpec::new(o, critical, value));
        self
    }

    /// A non-critical nonce responseExtension (RFC 8954: an OCTET STRING of 1 to 32 octets).
    pub fn nonce(self, value: &[u8]) -> Self {
        self.ext(&NONCE, false, der::octets(value))
    }

    pub fn signature_algorithm_raw(mut self, alg: Vec<u8>) -> Self {
        self.signature_algorithm = Some(alg);
        self
    }

    pub fn certs_raw(mut self, field: Option<Vec<u8>>) -> Self {
        self.certs_raw = field;
        self
    }

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

    /// The DER ResponseData.
    pub fn build_tbs(&self) -> Vec<u8> {
        let mut parts: Vec<Vec<u8>> = self.version.iter().cloned().collect();
        parts.push(self.responder_id.clone());
        parts.push(self.produced_at.clone());
        let singles: Vec<Vec<u8>> = self.responses.iter().map(SingleResponse::der).collect();
        parts.push(der::seq(&singles));
        if !self.extensions.is_empty() {
            parts.push(der::explicit(1, &extensions_der(&self.extensions)));
        }
        der::seq(&parts)
    }

    /// The DER BasicOCSPResponse.
    pub fn build_basic(&self) -> Vec<u8> {
        let tbs = self.build_tbs();
        let key = KeyPair::get(self.signer.0, self.signer.1);
        let alg = self
            .sign_with
            .or_else(|| key.default_sig_alg())
            .expect("the OCSP signer's key can sign");
        let signature = self
            .signature_raw
            .clone()
            .unwrap_or_else(|| key.sign(alg, &tbs).expect("signing the OCSP response"));
        let alg_der = self
            .signature_algorithm
            .clone()
            .unwrap_or_else(|| alg.der().to_vec());
        let mut parts = vec![tbs, alg_der, der::bits(&signature)];
        match &self.certs_raw {
            Some(raw) => parts.push(raw.clone()),
            None if !self.certs.is_empty() => parts.push(der::explicit(0, &der::seq(&self.certs))),
            None => {}
        }
        der::seq(&parts)
    }

    /// The DER OCSPResponse.
    pub fn build(&self) -> Vec<u8> {
        let mut parts = vec![self.status.clone()];
        if self.response_bytes {
            let bytes = der::seq(&[self.response_type.clone(), der::octets(&self.build_basic())]);
            parts.push(der::explicit(0, &bytes));
        }
        der::seq(&parts)
    }

    /// PEM of [`build`](Self::build).
    pub fn build_pem(&self) -> String {
        crate::pem("OCSP RESPONSE", &self.build())
    }
}
