//! Signature verification for the chain-aware lints and for telling a root (self-signed) from
//! a self-issued subordinate CA.
//!
//! Supported: RSA PKCS#1 v1.5 and RSASSA-PSS with SHA-256/384/512 (PSS with MGF1 over the same
//! hash and trailerField 1, any salt length), ECDSA on P-256/P-384/P-521 with SHA-256/384/512,
//! Ed25519, Ed448 (pure, empty context) and ML-DSA-44/65/87 (pure, empty context). Anything else
//! is [`Verdict::Unsupported`]: a lint reports it as NA, never as a pass.

use crate::spki::Spki;
use crate::{oid, Cert, Form};
use const_oid::ObjectIdentifier;
use rsa::signature::hazmat::PrehashVerifier;
use rsa::signature::Verifier;
use sha2::{Digest, Sha256, Sha384, Sha512};
use smimelint_der::walk::{tag, Reader, Tlv};

mod oids {
    use const_oid::ObjectIdentifier;
    pub static SHA256_WITH_RSA: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
    pub static SHA384_WITH_RSA: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
    pub static SHA512_WITH_RSA: ObjectIdentifier =
        ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
    pub static RSASSA_PSS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
    pub static MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
    pub static ECDSA_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
    pub static ECDSA_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
    pub static ECDSA_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
    pub static SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub static SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub static SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");
    pub static P256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
    pub static P384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
    pub static P521: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
}

/// A SHA-2 hash named by a signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hash {
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    pub fn digest(self, msg: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha256 => Sha256::digest(msg).to_vec(),
            Hash::Sha384 => Sha384::digest(msg).to_vec(),
            Hash::Sha512 => Sha512::digest(msg).to_vec(),
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }
    fn from_oid(bytes: &[u8]) -> Option<Hash> {
        [
            (&oids::SHA256, Hash::Sha256),
            (&oids::SHA384, Hash::Sha384),
            (&oids::SHA512, Hash::Sha512),
        ]
        .into_iter()
        .find(|(o, _)| o.as_bytes() == bytes)
        .map(|(_, h)| h)
    }
}

/// A signature algorithm smimelint can verify.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SigAlgorithm {
    RsaPkcs1(Hash),
    RsaPss { hash: Hash, salt_len: usize },
    Ecdsa(Hash),
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

impl SigAlgorithm {
    /// Name for messages, e.g. `ecdsa-with-SHA384`.
    pub fn name(self) -> String {
        match self {
            SigAlgorithm::RsaPkcs1(h) => format!("RSA PKCS#1 v1.5 with {}", h.name()),
            SigAlgorithm::RsaPss { hash, salt_len } => {
                format!("RSASSA-PSS with {} (salt {salt_len})", hash.name())
            }
            SigAlgorithm::Ecdsa(h) => format!("ECDSA with {}", h.name()),
            SigAlgorithm::Ed25519 => "Ed25519".into(),
            SigAlgorithm::Ed448 => "Ed448".into(),
            SigAlgorithm::MlDsa44 => "ML-DSA-44".into(),
            SigAlgorithm::MlDsa65 => "ML-DSA-65".into(),
            SigAlgorithm::MlDsa87 => "ML-DSA-87".into(),
        }
    }

    /// Whether SBR 7.1.3.2 pairs this algorithm with a key of this kind: any RSA scheme with an
    /// RSA key, ECDSA with the hash of the curve's size, EdDSA and ML-DSA with their own key.
    pub fn matches_key(self, key: KeyKind) -> bool {
        matches!(
            (self, key),
            (
                SigAlgorithm::RsaPkcs1(_) | SigAlgorithm::RsaPss { .. },
                KeyKind::Rsa
            ) | (SigAlgorithm::Ecdsa(Hash::Sha256), KeyKind::P256)
                | (SigAlgorithm::Ecdsa(Hash::Sha384), KeyKind::P384)
                | (SigAlgorithm::Ecdsa(Hash::Sha512), KeyKind::P521)
                | (SigAlgorithm::Ed25519, KeyKind::Ed25519)
                | (SigAlgorithm::Ed448, KeyKind::Ed448)
                | (SigAlgorithm::MlDsa44, KeyKind::MlDsa44)
                | (SigAlgorithm::MlDsa65, KeyKind::MlDsa65)
                | (SigAlgorithm::MlDsa87, KeyKind::MlDsa87)
        )
    }
}

/// A public key smimelint can verify with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyKind {
    Rsa,
    P256,
    P384,
    P521,
    Ed25519,
    Ed448,
    MlDsa44,
    MlDsa65,
    MlDsa87,
}

impl KeyKind {
    pub fn name(self) -> &'static str {
        match self {
            KeyKind::Rsa => "RSA",
            KeyKind::P256 => "EC P-256",
            KeyKind::P384 => "EC P-384",
            KeyKind::P521 => "EC P-521",
            KeyKind::Ed25519 => "Ed25519",
            KeyKind::Ed448 => "Ed448",
            KeyKind::MlDsa44 => "ML-DSA-44",
            KeyKind::MlDsa65 => "ML-DSA-65",
            KeyKind::MlDsa87 => "ML-DSA-87",
        }
    }

    /// The kind of a SubjectPublicKeyInfo; Err names what is not supported.
    pub fn of(spki: &Spki<'_>) -> Result<KeyKind, String> {
        let plain: [(&ObjectIdentifier, KeyKind); 6] = [
            (&oid::RSA_ENCRYPTION, KeyKind::Rsa),
            (&oid::ED25519, KeyKind::Ed25519),
            (&oid::ED448, KeyKind::Ed448),
            (&oid::ML_DSA_44, KeyKind::MlDsa44),
            (&oid::ML_DSA_65, KeyKind::MlDsa65),
            (&oid::ML_DSA_87, KeyKind::MlDsa87),
        ];
        if let Some((_, k)) = plain
            .iter()
            .find(|(o, _)| o.as_bytes() == spki.algorithm_oid)
        {
            return Ok(*k);
        }
        if spki.algorithm_oid != oid::EC_PUBLIC_KEY.as_bytes() {
            return Err(format!(
                "public key algorithm {}",
                oid::dotted(spki.algorithm_oid)
            ));
        }
        let curve = spki
            .parameters
            .filter(|p| p.tag == tag::OID)
            .map(|p| p.content)
            .ok_or("EC key without a namedCurve")?;
        [
            (&oids::P256, KeyKind::P256),
            (&oids::P384, KeyKind::P384),
            (&oids::P521, KeyKind::P521),
        ]
        .into_iter()
        .find(|(o, _)| o.as_bytes() == curve)
        .map(|(_, k)| k)
        .ok_or_else(|| format!("EC curve {}", oid::dotted(curve)))
    }
}

/// Reads an AlgorithmIdentifier TLV as a supported signature algorithm; Err names what is not
/// supported.
pub fn signature_algorithm(alg: &Tlv<'_>) -> Result<SigAlgorithm, String> {
    let mut r = alg.children();
    let id = r.expect(tag::OID, "algorithm")?.content;
    let params = r.read().ok();
    let simple: [(&ObjectIdentifier, SigAlgorithm); 11] = [
        (&oids::SHA256_WITH_RSA, SigAlgorithm::RsaPkcs1(Hash::Sha256)),
        (&oids::SHA384_WITH_RSA, SigAlgorithm::RsaPkcs1(Hash::Sha384)),
        (&oids::SHA512_WITH_RSA, SigAlgorithm::RsaPkcs1(Hash::Sha512)),
        (&oids::ECDSA_SHA256, SigAlgorithm::Ecdsa(Hash::Sha256)),
        (&oids::ECDSA_SHA384, SigAlgorithm::Ecdsa(Hash::Sha384)),
        (&oids::ECDSA_SHA512, SigAlgorithm::Ecdsa(Hash::Sha512)),
        (&oid::ED25519, SigAlgorithm::Ed25519),
        (&oid::ED448, SigAlgorithm::Ed448),
        (&oid::ML_DSA_44, SigAlgorithm::MlDsa44),
        (&oid::ML_DSA_65, SigAlgorithm::MlDsa65),
        (&oid::ML_DSA_87, SigAlgorithm::MlDsa87),
    ];
    if let Some((_, a)) = simple.iter().find(|(o, _)| o.as_bytes() == id) {
        return Ok(*a);
    }
    if id == oids::RSASSA_PSS.as_bytes() {
        return pss_parameters(params);
    }
    Err(format!("signature algorithm {}", oid::dotted(id)))
}

/// `HashAlgorithm ::= AlgorithmIdentifier` with absent or NULL parameters.
fn hash_of(alg: Tlv<'_>) -> Result<Hash, String> {
    let id = alg.children().expect(tag::OID, "hashAlgorithm")?.content;
    Hash::from_oid(id).ok_or_else(|| format!("PSS hash {}", oid::dotted(id)))
}

/// RSASSA-PSS-params (RFC 4055 §3.1). The SHA-1 defaults are not supported.
fn pss_parameters(params: Option<Tlv<'_>>) -> Result<SigAlgorithm, String> {
    let params = params
        .filter(|p| p.tag == tag::SEQUENCE)
        .ok_or("RSASSA-PSS without parameters (SHA-1 defaults)")?;
    let mut r = params.children();
    let hash = match r.read_if(0xa0) {
        Some(h) => hash_of(h.children().expect(tag::SEQUENCE, "hashAlgorithm")?)?,
        None => return Err("RSASSA-PSS with the default SHA-1 hash".into()),
    };
    let Some(mgf) = r.read_if(0xa1) else {
        return Err("RSASSA-PSS with the default MGF1-SHA-1".into());
    };
    let mut m = mgf
        .children()
        .expect(tag::SEQUENCE, "maskGenAlgorithm")?
        .children();
    if m.expect(tag::OID, "maskGenAlgorithm")?.content != oids::MGF1.as_bytes() {
        return Err("RSASSA-PSS with a mask generation function other than MGF1".into());
    }
    let mgf_hash = hash_of(m.expect(tag::SEQUENCE, "MGF1 hash")?)?;
    if mgf_hash != hash {
        return Err("RSASSA-PSS with different message and MGF1 hashes".into());
    }
    let salt_len = match r.read_if(0xa2) {
        None => 20,
        Some(s) => small_int(s.children().expect(tag::INTEGER, "saltLength")?.content)
            .ok_or("RSASSA-PSS saltLength out of range")?,
    };
    if let Some(t) = r.read_if(0xa3) {
        if small_int(t.children().expect(tag::INTEGER, "trailerField")?.content) != Some(1) {
            return Err("RSASSA-PSS trailerField other than 1".into());
        }
    }
    Ok(SigAlgorithm::RsaPss { hash, salt_len })
}

fn small_int(content: &[u8]) -> Option<usize> {
    crate::int_value(content).and_then(|v| usize::try_from(v).ok())
}

/// The result of checking a signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    /// The signature does not verify (or the key or signature cannot be decoded).
    Invalid(String),
    /// The check cannot be made: algorithm not supported, no signature (TBSCertificate), …
    Unsupported(String),
}

/// Verifies `cert`'s signature (over the TBSCertificate, with the outer signatureAlgorithm)
/// with the public key in `signer_spki`.
pub fn verify_cert(cert: &Cert<'_>, signer_spki: &Spki<'_>) -> Verdict {
    if cert.form == Form::Tbs {
        return Verdict::Unsupported("a TBSCertificate has no signature".into());
    }
    let (Some(tbs), Some(alg), Some(sig)) =
        (cert.tbs, cert.signature_algorithm, cert.signature_value)
    else {
        return Verdict::Unsupported("the certificate has no readable signature".into());
    };
    let alg = match signature_algorithm(&alg) {
        Ok(a) => a,
        Err(e) => return Verdict::Unsupported(format!("{e} is not supported")),
    };
    let key = match KeyKind::of(signer_spki) {
        Ok(k) => k,
        Err(e) => return Verdict::Unsupported(format!("{e} is not supported")),
    };
    let Some((&0, sig)) = sig.content.split_first() else {
        return Verdict::Invalid("the signature BIT STRING has unused bits".into());
    };
    verify(alg, key, signer_spki.public_key, tbs.raw, sig)
}

/// Verifies `sig` over `msg`. A key the algorithm cannot be used with is Invalid.
pub fn verify(alg: SigAlgorithm, key: KeyKind, pk: &[u8], msg: &[u8], sig: &[u8]) -> Verdict {
    match check(alg, key, pk, msg, sig) {
        Ok(true) => Verdict::Valid,
        Ok(false) => Verdict::Invalid(format!(
            "the {} signature does not verify with the {} key",
            alg.name(),
            key.name()
        )),
        Err(verdict) => verdict,
    }
}

/// Verifies `sig` over a message given by its `hash` digest. RSA and ECDSA sign a digest, so a
/// message too large to keep (a CRL of millions of entries) can be hashed as it streams; the
/// other algorithms need the message itself and are Unsupported here.
pub fn verify_prehashed(
    alg: SigAlgorithm,
    key: KeyKind,
    pk: &[u8],
    hash: Hash,
    digest: &[u8],
    sig: &[u8],
) -> Verdict {
    let alg_hash = match alg {
        SigAlgorithm::RsaPkcs1(h) | SigAlgorithm::Ecdsa(h) => h,
        SigAlgorithm::RsaPss { hash, .. } => hash,
        _ => {
            return Verdict::Unsupported(format!(
                "{} needs the whole message, which was too large to keep",
                alg.name()
            ))
        }
    };
    if alg_hash != hash {
        return Verdict::Unsupported(format!(
            "the message was hashed with {} for {}",
            hash.name(),
            alg.name()
        ));
    }
    let checked = match (alg, key) {
        (SigAlgorithm::RsaPkcs1(h), KeyKind::Rsa) => rsa_verify_digest(pk, digest, sig, h, None),
        (SigAlgorithm::RsaPss { hash, salt_len }, KeyKind::Rsa) => {
            rsa_verify_digest(pk, digest, sig, hash, Some(salt_len))
        }
        (SigAlgorithm::Ecdsa(_), KeyKind::P256) => p256::ecdsa::VerifyingKey::from_sec1_bytes(pk)
            .map_err(|_| bad_key(key))
            .and_then(|k| ecdsa_verify::<_, p256::ecdsa::DerSignature>(&k, digest, sig)),
        (SigAlgorithm::Ecdsa(_), KeyKind::P384) => p384::ecdsa::VerifyingKey::from_sec1_bytes(pk)
            .map_err(|_| bad_key(key))
            .and_then(|k| ecdsa_verify::<_, p384::ecdsa::DerSignature>(&k, digest, sig)),
        (SigAlgorithm::Ecdsa(_), KeyKind::P521) => p521::ecdsa::VerifyingKey::from_sec1_bytes(pk)
            .map_err(|_| bad_key(key))
            .and_then(|k| ecdsa_verify::<_, p521::ecdsa::DerSignature>(&k, digest, sig)),
        _ => Err(Verdict::Invalid(format!(
            "{} cannot be verified with the {} key",
            alg.name(),
            key.name()
        ))),
    };
    match checked {
        Ok(true) => Verdict::Valid,
        Ok(false) => Verdict::Invalid(format!(
            "the {} signature does not verify with the {} key",
            alg.name(),
            key.name()
        )),
        Err(verdict) => verdict,
    }
}

/// Ok(valid?), or the verdict when the key or signature cannot be decoded or do not fit
/// together.
fn check(
    alg: SigAlgorithm,
    key: KeyKind,
    pk: &[u8],
    msg: &[u8],
    sig: &[u8],
) -> Result<bool, Verdict> {
    match (alg, key) {
        (SigAlgorithm::RsaPkcs1(h), KeyKind::Rsa) => rsa_verify(pk, msg, sig, h, None),
        (SigAlgorithm::RsaPss { hash, salt_len }, KeyKind::Rsa) => {
            rsa_verify(pk, msg, sig, hash, Some(salt_len))
        }
        (SigAlgorithm::Ecdsa(h), KeyKind::P256) => {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(pk).map_err(|_| bad_key(key))?;
            ecdsa_verify::<_, p256::ecdsa::DerSignature>(&key, &h.digest(msg), sig)
        }
        (SigAlgorithm::Ecdsa(h), KeyKind::P384) => {
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(pk).map_err(|_| bad_key(key))?;
            ecdsa_verify::<_, p384::ecdsa::DerSignature>(&key, &h.digest(msg), sig)
        }
        (SigAlgorithm::Ecdsa(h), KeyKind::P521) => {
            let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(pk).map_err(|_| bad_key(key))?;
            ecdsa_verify::<_, p521::ecdsa::DerSignature>(&key, &h.digest(msg), sig)
        }
        (SigAlgorithm::Ed25519, KeyKind::Ed25519) => {
            let key = <&[u8; 32]>::try_from(pk)
                .ok()
                .and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(b).ok())
                .ok_or_else(|| bad_key(key))?;
            plain_verify::<_, ed25519_dalek::Signature>(&key, msg, sig)
        }
        (SigAlgorithm::Ed448, KeyKind::Ed448) => {
            let key = pk
                .try_into()
                .ok()
                .and_then(|b| ed448_goldilocks::VerifyingKey::from_bytes(b).ok())
                .ok_or_else(|| bad_key(key))?;
            plain_verify::<_, ed448_goldilocks::Signature>(&key, msg, sig)
        }
        (SigAlgorithm::MlDsa44, KeyKind::MlDsa44) => ml_dsa_verify::<ml_dsa::MlDsa44>(pk, msg, sig),
        (SigAlgorithm::MlDsa65, KeyKind::MlDsa65) => ml_dsa_verify::<ml_dsa::MlDsa65>(pk, msg, sig),
        (SigAlgorithm::MlDsa87, KeyKind::MlDsa87) => ml_dsa_verify::<ml_dsa::MlDsa87>(pk, msg, sig),
        _ => Err(Verdict::Invalid(format!(
            "{} cannot be verified with the {} key",
            alg.name(),
            key.name()
        ))),
    }
}

fn bad_key(key: KeyKind) -> Verdict {
    Verdict::Invalid(format!("the {} public key cannot be decoded", key.name()))
}

fn plain_verify<K, S>(key: &K, msg: &[u8], sig: &[u8]) -> Result<bool, Verdict>
where
    K: Verifier<S>,
    S: for<'a> TryFrom<&'a [u8]>,
{
    let sig = S::try_from(sig)
        .map_err(|_| Verdict::Invalid("the signature value cannot be decoded".into()))?;
    Ok(key.verify(msg, &sig).is_ok())
}

fn ecdsa_verify<K, S>(key: &K, prehash: &[u8], sig: &[u8]) -> Result<bool, Verdict>
where
    K: PrehashVerifier<S>,
    S: for<'a> TryFrom<&'a [u8]>,
{
    let sig = S::try_from(sig)
        .map_err(|_| Verdict::Invalid("the ECDSA signature is not a DER Ecdsa-Sig-Value".into()))?;
    Ok(key.verify_prehash(prehash, &sig).is_ok())
}

fn ml_dsa_verify<P: ml_dsa::MlDsaParams>(
    pk: &[u8],
    msg: &[u8],
    sig: &[u8],
) -> Result<bool, Verdict> {
    let enc = ml_dsa::EncodedVerifyingKey::<P>::try_from(pk)
        .map_err(|_| Verdict::Invalid(format!("the ML-DSA public key has {} octets", pk.len())))?;
    plain_verify::<_, ml_dsa::Signature<P>>(&ml_dsa::VerifyingKey::<P>::decode(&enc), msg, sig)
}

/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }.
fn rsa_public(der: &[u8]) -> Option<rsa::RsaPublicKey> {
    let seq = Reader::new(der).read_if(tag::SEQUENCE)?;
    let mut r = seq.children();
    let n = r.read_if(tag::INTEGER)?.content;
    let e = r.read_if(tag::INTEGER)?.content;
    let uint = |b: &[u8]| {
        rsa::BoxedUint::from_be_slice_vartime(&b[b.iter().take_while(|&&x| x == 0).count()..])
    };
    // Up to 16384 bits: key size policy is the key lints' business, not verification's.
    rsa::RsaPublicKey::new_with_size_limits(uint(n), uint(e), 512..=16384).ok()
}

fn rsa_verify(
    pk: &[u8],
    msg: &[u8],
    sig: &[u8],
    hash: Hash,
    pss_salt: Option<usize>,
) -> Result<bool, Verdict> {
    rsa_verify_digest(pk, &hash.digest(msg), sig, hash, pss_salt)
}

fn rsa_verify_digest(
    pk: &[u8],
    h: &[u8],
    sig: &[u8],
    hash: Hash,
    pss_salt: Option<usize>,
) -> Result<bool, Verdict> {
    use rsa::{Pkcs1v15Sign, Pss};
    // The rsa crate refuses some keys the SBR allows (public exponents above 2^33 - 1): a limit
    // of smimelint, not a defect of the certificate.
    let key = rsa_public(pk).ok_or_else(|| {
        Verdict::Unsupported("an RSA key the rsa crate cannot verify with".into())
    })?;
    let result = match (hash, pss_salt) {
        (Hash::Sha256, None) => key.verify(Pkcs1v15Sign::new::<Sha256>(), h, sig),
        (Hash::Sha384, None) => key.verify(Pkcs1v15Sign::new::<Sha384>(), h, sig),
        (Hash::Sha512, None) => key.verify(Pkcs1v15Sign::new::<Sha512>(), h, sig),
        (Hash::Sha256, Some(s)) => key.verify(Pss::<Sha256>::new_with_salt(s), h, sig),
        (Hash::Sha384, Some(s)) => key.verify(Pss::<Sha384>::new_with_salt(s), h, sig),
        (Hash::Sha512, Some(s)) => key.verify(Pss::<Sha512>::new_with_salt(s), h, sig),
    };
    Ok(result.is_ok())
}

/// Whether a self-issued certificate is also self-signed: Some(false) when its key identifiers
/// point elsewhere or its signature does not verify with its own key, None when that cannot be
/// decided (TBSCertificate, unsupported algorithm).
pub fn is_self_signed(cert: &Cert<'_>) -> Option<bool> {
    use crate::Ext;
    // Cheap first: a keyIdentifier that differs from the certificate's own SKI names another key.
    if let (Ext::Present(_, aki), Ext::Present(_, ski)) = (cert.aki(), cert.ski()) {
        if aki.key_id.is_some_and(|id| id != *ski) {
            return Some(false);
        }
    }
    let Some(Ok(spki)) = cert.spki_view() else {
        return None;
    };
    match verify_cert(cert, spki) {
        Verdict::Valid => Some(true),
        Verdict::Invalid(_) => Some(false),
        Verdict::Unsupported(_) => None,
    }
}

/// Self-signature verdicts of the root candidates a linter saw last. Verifying one costs
/// 0.1–1 ms (P-384, ML-DSA-65, RSA-4096), many times the cost of linting it, while the roots of
/// a large batch are few and recur. Keyed by the exact DER (the verdict depends on every byte),
/// so a hit is never a guess; bounded in entries and entry size. Owned by whoever lints (the
/// engine's `Linter`), so two linters never share or leak verdicts.
#[derive(Debug, Default)]
pub struct SelfSignatures {
    entries: std::sync::Mutex<Vec<Remembered>>,
}

/// (a certificate's DER, its verdict); the entries are kept oldest first.
type Remembered = (Box<[u8]>, Option<bool>);

impl SelfSignatures {
    /// Roots remembered; the oldest is forgotten first.
    pub const CAPACITY: usize = 64;
    /// Larger certificates are checked every time, so memory stays within CAPACITY × MAX_DER.
    pub const MAX_DER: usize = 16 * 1024;

    /// [`is_self_signed`], remembered for certificates seen before.
    pub fn is_self_signed(&self, cert: &Cert<'_>) -> Option<bool> {
        let der = cert.der;
        let lock = || self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, known)) = lock().iter().find(|(d, _)| **d == *der) {
            return *known;
        }
        // Computed without the lock: other threads go on while this one verifies.
        let verdict = is_self_signed(cert);
        if der.len() <= Self::MAX_DER {
            let mut entries = lock();
            if !entries.iter().any(|(d, _)| **d == *der) {
                if entries.len() == Self::CAPACITY {
                    entries.remove(0);
                }
                entries.push((der.into(), verdict));
            }
        }
        verdict
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_factory::{der, SigAlg};

    fn parse(alg_der: &[u8]) -> Result<SigAlgorithm, String> {
        let tlv = Reader::new(alg_der).read().expect("AlgorithmIdentifier");
        signature_algorithm(&tlv)
    }

    #[test]
    fn reads_every_sbr_signature_algorithm() {
        let table = [
            (SigAlg::RsaPkcs1Sha256, SigAlgorithm::RsaPkcs1(Hash::Sha256)),
            (SigAlg::RsaPkcs1Sha512, SigAlgorithm::RsaPkcs1(Hash::Sha512)),
            (
                SigAlg::RsaPssSha384,
                SigAlgorithm::RsaPss {
                    hash: Hash::Sha384,
                    salt_len: 48,
                },
            ),
            (SigAlg::EcdsaSha384, SigAlgorithm::Ecdsa(Hash::Sha384)),
            (SigAlg::Ed448, SigAlgorithm::Ed448),
            (SigAlg::MlDsa87, SigAlgorithm::MlDsa87),
        ];
        for (factory, expected) in table {
            assert_eq!(parse(factory.der()), Ok(expected), "{factory:?}");
        }
    }

    #[test]
    fn sha1_and_pss_defaults_are_unsupported() {
        let pss_defaults = der::seq(&[der::oid("1.2.840.113549.1.1.10"), der::seq(&[])]);
        assert!(parse(&pss_defaults).is_err());
        let sha1_rsa = der::seq(&[der::oid("1.2.840.113549.1.1.5"), der::null()]);
        assert!(parse(&sha1_rsa).is_err());
    }

    #[test]
    fn rsa_keys_the_crate_refuses_are_unsupported_not_invalid() {
        // Public exponent 2^40 + 1: allowed by the SBR, above the rsa crate's limit.
        let pk = der::seq(&[der::uint(&[0xc5; 256]), der::uint(&[1, 0, 0, 0, 0, 1])]);
        let v = verify(
            SigAlgorithm::RsaPkcs1(Hash::Sha256),
            KeyKind::Rsa,
            &pk,
            b"msg",
            &[0; 256],
        );
        assert!(matches!(v, Verdict::Unsupported(_)), "{v:?}");
    }

    #[test]
    fn algorithm_and_key_must_fit() {
        assert!(SigAlgorithm::Ecdsa(Hash::Sha384).matches_key(KeyKind::P384));
        assert!(!SigAlgorithm::Ecdsa(Hash::Sha256).matches_key(KeyKind::P384));
        assert!(SigAlgorithm::RsaPss {
            hash: Hash::Sha512,
            salt_len: 64
        }
        .matches_key(KeyKind::Rsa));
        assert!(!SigAlgorithm::MlDsa44.matches_key(KeyKind::MlDsa65));
        let v = verify(
            SigAlgorithm::Ed25519,
            KeyKind::Ed448,
            &[0; 57],
            b"m",
            &[0; 114],
        );
        assert!(matches!(v, Verdict::Invalid(_)), "{v:?}");
    }

    #[test]
    fn self_signatures_are_remembered_per_exact_der_and_bounded() {
        use smimelint_factory::{CertBuilder, KeyAlg};
        let cache = SelfSignatures::default();
        let root = CertBuilder::root_ca(KeyAlg::P256).build();
        let cert = Cert::parse(&root).unwrap();
        assert_eq!(cache.is_self_signed(&cert), Some(true));
        assert_eq!(cache.is_self_signed(&cert), Some(true));
        assert_eq!(cache.len(), 1, "the second look is a hit");
        // One byte of the signature changed: another key of the cache, and its own verdict.
        let mut forged = root.clone();
        let last = forged.len() - 1;
        forged[last] ^= 1;
        let forged = Cert::parse(&forged).unwrap();
        for _ in 0..2 {
            assert_eq!(cache.is_self_signed(&forged), Some(false));
            assert_eq!(cache.is_self_signed(&cert), Some(true));
        }
        assert_eq!(cache.len(), 2);
        for serial in 1..=SelfSignatures::CAPACITY as i64 + 6 {
            let der = CertBuilder::root_ca(KeyAlg::P256)
                .serial_raw(der::int(serial))
                .build();
            let c = Cert::parse(&der).unwrap();
            assert_eq!(cache.is_self_signed(&c), Some(true));
        }
        assert_eq!(cache.len(), SelfSignatures::CAPACITY);
    }
}
