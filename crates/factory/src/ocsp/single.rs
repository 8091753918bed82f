//! SingleResponse, CertID and the responder certificate.

use crate::{der, ext, extensions_der, ku, name, set_ext, CertBuilder, ExtSpec, KeyPair};
use const_oid::ObjectIdentifier;
use sha1::{Digest, Sha1};
use sha2::Sha256;
use smimelint_cert::oid;
use smimelint_der::time::{date, UnixTime};

/// id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1).
pub const NOCHECK: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5");
/// Seed of delegated responder keys.
pub const RESPONDER_SEED: u64 = 3000;
/// Default producedAt and thisUpdate.
pub const PRODUCED_AT: UnixTime = date(2025, 10, 15) + 12 * 3600;
/// Default thisUpdate → nextUpdate: inside SBR 4.9.10's eight hours to ten days.
pub const NEXT_UPDATE_AFTER: i64 = 4 * 86_400;
/// `AlgorithmIdentifier { id-sha1, NULL }`, the CertID hash RFC 5019 clients expect.
pub const SHA1_ALG: [u8; 11] = [
    0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00,
];

/// SHA-1 of a certificate's subjectPublicKey BIT STRING contents (unused-bits octet excluded),
/// as ResponderID byKey and CertID issuerKeyHash use it.
pub fn key_hash(cert: &CertBuilder) -> Vec<u8> {
    let (alg, seed) = cert.subject_key_id();
    Sha1::digest(KeyPair::get(alg, seed).public_key_bytes()).to_vec()
}

/// CertID for the certificate with serial INTEGER TLV `serial` issued by `ca`.
pub fn cert_id(ca: &CertBuilder, serial: &[u8]) -> Vec<u8> {
    der::seq(&[
        SHA1_ALG.to_vec(),
        der::octets(&Sha1::digest(&ca.subject)),
        der::octets(&key_hash(ca)),
        serial.to_vec(),
    ])
}

/// A delegated OCSP responder certificate issued by `ca` (SBR 4.9.9): id-kp-OCSPSigning,
/// id-pkix-ocsp-nocheck, a key of the CA's algorithm seeded [`RESPONDER_SEED`].
pub fn responder_cert(ca: &CertBuilder) -> CertBuilder {
    let (alg, _) = ca.subject_key_id();
    let key = KeyPair::get(alg, RESPONDER_SEED);
    let mut b = CertBuilder::subscriber("mailbox-strict");
    b.extensions.clear();
    b.subject = name(&[
        ("C", "GB"),
        ("O", "Example CA Ltd"),
        ("CN", "Example OCSP Responder"),
    ]);
    b.spki = key.spki_der();
    b.subject_key = alg;
    b.subject_seed = RESPONDER_SEED;
    let serial = Sha256::digest(format!("OCSP responder {alg:?}").as_bytes());
    b.serial = der::uint(&serial[..16]);
    let not_before = date(2025, 10, 1);
    b.validity(not_before, not_before + 90 * 86_400 - 1)
        .ext(
            &oid::KEY_USAGE,
            true,
            ext::key_usage(&[ku::DIGITAL_SIGNATURE]),
        )
        .ext(
            &oid::EXT_KEY_USAGE,
            false,
            ext::eku(&[&oid::KP_OCSP_SIGNING]),
        )
        .ext(&NOCHECK, false, der::null())
        .ext(&oid::AUTHORITY_KEY_IDENTIFIER, false, Vec::new())
        .ext(
            &oid::SUBJECT_KEY_IDENTIFIER,
            false,
            ext::ski(&crate::key_id(key)),
        )
        .issued_by(ca)
}

/// `CertStatus ::= CHOICE { good [0], revoked [1], unknown [2] }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertStatus {
    Good,
    /// revocationTime (a TLV) and revocationReason (a CRLReason value) if present.
    Revoked {
        time: Vec<u8>,
        reason: Option<u8>,
    },
    Unknown,
    /// Any TLV.
    Raw(Vec<u8>),
}

impl CertStatus {
    pub fn der(&self) -> Vec<u8> {
        match self {
            CertStatus::Good => der::implicit(0, &[]),
            CertStatus::Revoked { time, reason } => {
                let mut c = time.clone();
                if let Some(r) = reason {
                    c.extend(der::explicit(0, &crate::crl::ext::crl_reason(*r)));
                }
                der::explicit(1, &c)
            }
            CertStatus::Unknown => der::implicit(2, &[]),
            CertStatus::Raw(tlv) => tlv.clone(),
        }
    }
}

/// One SingleResponse. Fields hold complete TLVs; `None` omits an optional field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SingleResponse {
    pub cert_id: Vec<u8>,
    pub status: CertStatus,
    pub this_update: Vec<u8>,
    /// The GeneralizedTime inside `[0]`.
    pub next_update: Option<Vec<u8>>,
    pub extensions: Vec<ExtSpec>,
}

impl SingleResponse {
    /// "good" for `cert` as issued by `ca`, valid four days from [`PRODUCED_AT`].
    pub fn good(ca: &CertBuilder, cert: &CertBuilder) -> SingleResponse {
        SingleResponse {
            cert_id: cert_id(ca, &cert.serial),
            status: CertStatus::Good,
            this_update: der::generalized(PRODUCED_AT),
            next_update: Some(der::generalized(PRODUCED_AT + NEXT_UPDATE_AFTER)),
            extensions: Vec::new(),
        }
    }

    /// Revoked at `t` with this CRLReason (or none).
    pub fn revoked(mut self, t: UnixTime, reason: Option<u8>) -> Self {
        self.status = CertStatus::Revoked {
            time: der::generalized(t),
            reason,
        };
        self
    }

    pub fn status(mut self, status: CertStatus) -> Self {
        self.status = status;
        self
    }

    pub fn cert_id_raw(mut self, tlv: Vec<u8>) -> Self {
        self.cert_id = tlv;
        self
    }

    pub fn this_update(mut self, t: UnixTime) -> Self {
        self.this_update = der::generalized(t);
        self
    }

    pub fn next_update(mut self, t: Option<UnixTime>) -> Self {
        self.next_update = t.map(der::generalized);
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

    /// Replaces the singleExtension with this OID in place, or appends it.
    pub fn ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Self {
        set_ext(&mut self.extensions, ExtSpec::new(o, critical, value));
        self
    }

    /// A reasonCode singleExtension (SBR 7.3.2 forbids it).
    pub fn reason_code_ext(self, value: u8) -> Self {
        use crate::crl::ext::{crl_reason, REASON_CODE};
        self.ext(&REASON_CODE, false, crl_reason(value))
    }

    pub fn der(&self) -> Vec<u8> {
        let mut items = vec![
            self.cert_id.clone(),
            self.status.der(),
            self.this_update.clone(),
        ];
        if let Some(t) = &self.next_update {
            items.push(der::explicit(0, t));
        }
        if !self.extensions.is_empty() {
            items.push(der::explicit(1, &extensions_der(&self.extensions)));
        }
        der::seq(&items)
    }
}
