//! Which certificates a response names: the responder that ResponderID designates (RFC 6960
//! §4.2.1) and the issuer a CertID hashes (RFC 6960 §4.1.1).

use super::{CertId, Ocsp, ResponderId};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use smimelint_cert::{oid, Cert};
use smimelint_der::walk::tag;

/// SHA-1 of a certificate's subjectPublicKey (the BIT STRING value without tag, length and
/// unused-bits octet), as `KeyHash` and CertID issuerKeyHash define it. None when the
/// certificate has no readable SubjectPublicKeyInfo.
pub fn key_hash(cert: &Cert<'_>) -> Option<Vec<u8>> {
    let spki = cert.spki_view()?.as_ref().ok()?;
    Some(Sha1::digest(spki.public_key).to_vec())
}

/// The hash algorithms a CertID may name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertIdHash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl CertIdHash {
    fn digest(self, msg: &[u8]) -> Vec<u8> {
        match self {
            CertIdHash::Sha1 => Sha1::digest(msg).to_vec(),
            CertIdHash::Sha256 => Sha256::digest(msg).to_vec(),
            CertIdHash::Sha384 => Sha384::digest(msg).to_vec(),
            CertIdHash::Sha512 => Sha512::digest(msg).to_vec(),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CertIdHash::Sha1 => "SHA-1",
            CertIdHash::Sha256 => "SHA-256",
            CertIdHash::Sha384 => "SHA-384",
            CertIdHash::Sha512 => "SHA-512",
        }
    }
}

/// How a CertID's hashes compare with a candidate issuer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IssuerMatch {
    pub hash: CertIdHash,
    /// issuerNameHash equals the hash of the issuer's subject Name DER.
    pub name: bool,
    /// issuerKeyHash equals the hash of the issuer's subjectPublicKey.
    pub key: bool,
}

const SHA2: [(&str, CertIdHash); 3] = [
    ("2.16.840.1.101.3.4.2.1", CertIdHash::Sha256),
    ("2.16.840.1.101.3.4.2.2", CertIdHash::Sha384),
    ("2.16.840.1.101.3.4.2.3", CertIdHash::Sha512),
];

impl CertId<'_> {
    /// The hashAlgorithm, or Err naming an algorithm smimelint cannot compute.
    pub fn hash(&self) -> Result<CertIdHash, String> {
        let id = self
            .hash_algorithm
            .children()
            .read_if(tag::OID)
            .ok_or("hashAlgorithm has no algorithm OID")?
            .content;
        if id == oid::SHA1.as_bytes() {
            return Ok(CertIdHash::Sha1);
        }
        SHA2.iter()
            .find(|(dotted, _)| oid::dotted(id) == *dotted)
            .map(|(_, h)| *h)
            .ok_or_else(|| format!("hash algorithm {}", oid::dotted(id)))
    }

    /// Compares issuerNameHash and issuerKeyHash with `issuer`'s subject and key; Err when the
    /// hash algorithm is not supported or the certificate lacks a subject or key.
    pub fn matches_issuer(&self, issuer: &Cert<'_>) -> Result<IssuerMatch, String> {
        let hash = self.hash()?;
        let subject = issuer.subject.ok_or("the issuer has no readable subject")?;
        let spki = match issuer.spki_view() {
            Some(Ok(spki)) => spki,
            _ => return Err("the issuer has no readable public key".into()),
        };
        Ok(IssuerMatch {
            hash,
            name: hash.digest(subject.raw) == self.issuer_name_hash,
            key: hash.digest(spki.public_key) == self.issuer_key_hash,
        })
    }
}

impl<'a> Ocsp<'a> {
    /// Whether responderID designates `cert`: byName its subject Name (DER bytes), byKey the
    /// SHA-1 of its subjectPublicKey.
    pub fn responder_is(&self, cert: &Cert<'_>) -> bool {
        match self.responder_id {
            Some(ResponderId::ByName(name)) => cert.subject.is_some_and(|s| s.raw == name.raw),
            Some(ResponderId::ByKey(k)) => key_hash(cert).is_some_and(|h| h == k.content),
            Some(ResponderId::Malformed(_)) | None => false,
        }
    }

    /// The certificate in `certs` that responderID designates (the first, if several do).
    pub fn responder_cert(&self) -> Option<&Cert<'a>> {
        self.certs.iter().find(|c| self.responder_is(c))
    }

    /// The ResponseData version: None when absent (v1 by DEFAULT), Some(None) when the `[0]`
    /// does not hold a decodable INTEGER.
    pub fn version_number(&self) -> Option<Option<i64>> {
        self.version.map(|v| {
            v.children()
                .read_if(tag::INTEGER)
                .and_then(|i| smimelint_cert::int_value(i.content))
        })
    }

    /// `certs` is present but its SEQUENCE OF Certificate is empty.
    pub fn certs_empty(&self) -> bool {
        self.certs_field.is_some_and(|w| {
            w.children()
                .read_if(tag::SEQUENCE)
                .is_some_and(|s| s.content.is_empty())
        })
    }
}
