//! AlgorithmIdentifiers (SBR 7.1.3.1 and 7.1.3.2, as amended by SMC013): the SBR lists the exact
//! DER of every allowed encoding and says "No other encodings are permitted". The allowed
//! encodings are data (`SPKI_ALGORITHMS`, `SIGNATURE_ALGORITHMS`); a second table names the
//! algorithms and curves a rejected encoding is likely to carry, so the finding says what was
//! found (`id-X25519`, `sha1WithRSAEncryption`, explicit EC parameters …) rather than only that
//! the bytes differ.

use crate::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_cert::alg::AlgorithmIdentifier;
use smimelint_cert::der_text::{hex, tag};
use smimelint_cert::time::UnixTime;
use Params::{Absent, NamedCurve, Null, Pss};

/// `hex!("3005…")`: a `&'static [u8]` decoded at compile time.
macro_rules! hex {
    ($s:literal) => {{
        const BYTES: [u8; $s.len() / 2] = smimelint_cert::der_text::hex_array($s);
        &BYTES
    }};
}

/// One AlgorithmIdentifier encoding the SBR lists.
pub(crate) struct Encoding {
    pub name: &'static str,
    /// The whole AlgorithmIdentifier TLV.
    pub der: &'static [u8],
    /// First notBefore at which the SBR allows it.
    pub since: UnixTime,
}

const fn enc(name: &'static str, der: &'static [u8], since: UnixTime) -> Encoding {
    Encoding { name, der, since }
}

const V1: UnixTime = dates::SBR_1_0_0;
const PQC: UnixTime = dates::SMC013;

/// SBR 7.1.3.1 (rules catalog §5.1): the allowed `subjectPublicKeyInfo.algorithm` encodings.
pub(crate) const SPKI_ALGORITHMS: [Encoding; 12] = [
    enc("rsaEncryption", hex!("300d06092a864886f70d0101010500"), V1),
    enc(
        "P-256",
        hex!("301306072a8648ce3d020106082a8648ce3d030107"),
        V1,
    ),
    enc("P-384", hex!("301006072a8648ce3d020106052b81040022"), V1),
    enc("P-521", hex!("301006072a8648ce3d020106052b81040023"), V1),
    enc("id-Ed25519", hex!("300506032b6570"), V1),
    enc("id-Ed448", hex!("300506032b6571"), V1),
    enc("ML-DSA-44", hex!("300b0609608648016503040311"), PQC),
    enc("ML-DSA-65", hex!("300b0609608648016503040312"), PQC),
    enc("ML-DSA-87", hex!("300b0609608648016503040313"), PQC),
    enc("ML-KEM-512", hex!("300b0609608648016503040401"), PQC),
    enc("ML-KEM-768", hex!("300b0609608648016503040402"), PQC),
    enc("ML-KEM-1024", hex!("300b0609608648016503040403"), PQC),
];

/// SBR 7.1.3.2 (rules catalog §5.2): the allowed signature AlgorithmIdentifier encodings.
pub(crate) const SIGNATURE_ALGORITHMS: [Encoding; 14] = [
    enc("sha256WithRSAEncryption", hex!("300d06092a864886f70d01010b0500"), V1),
    enc("sha384WithRSAEncryption", hex!("300d06092a864886f70d01010c0500"), V1),
    enc("sha512WithRSAEncryption", hex!("300d06092a864886f70d01010d0500"), V1),
    enc(
        "RSASSA-PSS with SHA-256, MGF1-SHA-256, salt 32",
        hex!("304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120"),
        V1,
    ),
    enc(
        "RSASSA-PSS with SHA-384, MGF1-SHA-384, salt 48",
        hex!("304106092a864886f70d01010a3034a00f300d06096086480165030402020500a11c301a06092a864886f70d010108300d06096086480165030402020500a203020130"),
        V1,
    ),
    enc(
        "RSASSA-PSS with SHA-512, MGF1-SHA-512, salt 64",
        hex!("304106092a864886f70d01010a3034a00f300d06096086480165030402030500a11c301a06092a864886f70d010108300d06096086480165030402030500a203020140"),
        V1,
    ),
    enc("ecdsa-with-SHA256", hex!("300a06082a8648ce3d040302"), V1),
    enc("ecdsa-with-SHA384", hex!("300a06082a8648ce3d040303"), V1),
    enc("ecdsa-with-SHA512", hex!("300a06082a8648ce3d040304"), V1),
    enc("id-Ed25519", hex!("300506032b6570"), V1),
    enc("id-Ed448", hex!("300506032b6571"), V1),
    enc("id-ml-dsa-44", hex!("300b0609608648016503040311"), PQC),
    enc("id-ml-dsa-65", hex!("300b0609608648016503040312"), PQC),
    enc("id-ml-dsa-87", hex!("300b0609608648016503040313"), PQC),
];

/// An entry with this algorithm OID (whatever the parameters) that the SBR did not yet allow
/// at `at`.
fn not_yet_allowed<'t>(table: &'t [Encoding], oid: &[u8], at: UnixTime) -> Option<&'t Encoding> {
    table
        .iter()
        .find(|e| e.since > at && smimelint_cert::alg::leading_oid(e.der).is_some_and(|o| o == oid))
}

/// Why a signature AlgorithmIdentifier is not one of the encodings of SBR 7.1.3.2, or None
/// when it is one. For the signatures of CRLs and OCSP responses, which the same table governs.
pub(crate) fn signature_encoding_problem(der: &[u8]) -> Option<String> {
    find_encoding(&SIGNATURE_ALGORITHMS, der)
        .is_none()
        .then(|| diagnose(der, Place::Signature))
}

/// The entry whose bytes equal `der` exactly.
pub(crate) fn find_encoding<'t>(table: &'t [Encoding], der: &[u8]) -> Option<&'t Encoding> {
    table.iter().find(|e| e.der == der)
}

/// What the parameters of an algorithm must be.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Params {
    /// NULL (the RSA PKCS #1 algorithms).
    Null,
    /// Absent (EdDSA, ML-DSA, ML-KEM, ECDSA signatures).
    Absent,
    /// A namedCurve OID (id-ecPublicKey).
    NamedCurve,
    /// The fixed RSASSA-PSS-params of the SBR.
    Pss,
    /// The algorithm is never allowed, whatever its parameters.
    Prohibited,
}

/// Algorithms a certificate may name, with what the SBR says about them. `key` and `sig` tell
/// where the SBR allows the OID (as a key algorithm, as a signature algorithm).
struct Known {
    oid: ObjectIdentifier,
    name: &'static str,
    params: Params,
    key: bool,
    sig: bool,
    /// Why the algorithm is not allowed, when it never is.
    note: &'static str,
}

const fn known(dotted: &str, name: &'static str, params: Params, key: bool, sig: bool) -> Known {
    Known {
        oid: ObjectIdentifier::new_unwrap(dotted),
        name,
        params,
        key,
        sig,
        note: "",
    }
}

const fn banned(dotted: &str, name: &'static str, note: &'static str) -> Known {
    Known {
        oid: ObjectIdentifier::new_unwrap(dotted),
        name,
        params: Params::Prohibited,
        key: false,
        sig: false,
        note,
    }
}

const SHA1: &str = "SHA-1 is not allowed";
const SLH: &str = "SLH-DSA is not allowed";
const HASH_ML_DSA: &str = "HashML-DSA is prohibited; only pure ML-DSA is allowed";
const UNLISTED: &str = "the SBR does not list it";

/// Algorithm OIDs with a name, for findings. Allowed OIDs carry their parameter rule and where
/// the SBR allows them (as a key, as a signature); others the reason they are not allowed.
#[rustfmt::skip]
const KNOWN: &[Known] = &[
    known("1.2.840.113549.1.1.1", "rsaEncryption", Null, true, false),
    known("1.2.840.113549.1.1.11", "sha256WithRSAEncryption", Null, false, true),
    known("1.2.840.113549.1.1.12", "sha384WithRSAEncryption", Null, false, true),
    known("1.2.840.113549.1.1.13", "sha512WithRSAEncryption", Null, false, true),
    known("1.2.840.113549.1.1.10", "id-RSASSA-PSS", Pss, false, true),
    known("1.2.840.10045.2.1", "id-ecPublicKey", NamedCurve, true, false),
    known("1.2.840.10045.4.3.2", "ecdsa-with-SHA256", Absent, false, true),
    known("1.2.840.10045.4.3.3", "ecdsa-with-SHA384", Absent, false, true),
    known("1.2.840.10045.4.3.4", "ecdsa-with-SHA512", Absent, false, true),
    known("1.3.101.112", "id-Ed25519", Absent, true, true),
    known("1.3.101.113", "id-Ed448", Absent, true, true),
    known("2.16.840.1.101.3.4.3.17", "id-ml-dsa-44", Absent, true, true),
    known("2.16.840.1.101.3.4.3.18", "id-ml-dsa-65", Absent, true, true),
    known("2.16.840.1.101.3.4.3.19", "id-ml-dsa-87", Absent, true, true),
    known("2.16.840.1.101.3.4.4.1", "id-alg-ml-kem-512", Absent, true, false),
    known("2.16.840.1.101.3.4.4.2", "id-alg-ml-kem-768", Absent, true, false),
    known("2.16.840.1.101.3.4.4.3", "id-alg-ml-kem-1024", Absent, true, false),
    banned("1.2.840.113549.1.1.5", "sha1WithRSAEncryption", SHA1),
    banned("1.2.840.113549.1.1.4", "md5WithRSAEncryption", "MD5 is not allowed"),
    banned("1.2.840.113549.1.1.2", "md2WithRSAEncryption", "MD2 is not allowed"),
    banned("1.2.840.113549.1.1.14", "sha224WithRSAEncryption", UNLISTED),
    banned("1.2.840.113549.1.1.15", "sha512-224WithRSAEncryption", UNLISTED),
    banned("1.2.840.113549.1.1.16", "sha512-256WithRSAEncryption", UNLISTED),
    banned("1.2.840.113549.1.1.7", "id-RSAES-OAEP", UNLISTED),
    banned("1.2.840.10045.4.1", "ecdsa-with-SHA1", SHA1),
    banned("1.2.840.10045.4.3.1", "ecdsa-with-SHA224", UNLISTED),
    banned("2.16.840.1.101.3.4.3.10", "id-ecdsa-with-sha3-256", UNLISTED),
    banned("2.16.840.1.101.3.4.3.11", "id-ecdsa-with-sha3-384", UNLISTED),
    banned("2.16.840.1.101.3.4.3.12", "id-ecdsa-with-sha3-512", UNLISTED),
    banned("2.16.840.1.101.3.4.3.14", "id-rsassa-pkcs1-v1_5-with-sha3-256", UNLISTED),
    banned("2.16.840.1.101.3.4.3.15", "id-rsassa-pkcs1-v1_5-with-sha3-384", UNLISTED),
    banned("2.16.840.1.101.3.4.3.16", "id-rsassa-pkcs1-v1_5-with-sha3-512", UNLISTED),
    banned("1.2.840.10040.4.1", "id-dsa", "DSA is not allowed"),
    banned("1.2.840.10040.4.3", "id-dsa-with-sha1", "DSA is not allowed"),
    banned("2.16.840.1.101.3.4.3.2", "id-dsa-with-sha256", "DSA is not allowed"),
    banned("1.2.840.10046.2.1", "dhpublicnumber", "Diffie-Hellman keys are not allowed"),
    banned("1.3.101.110", "id-X25519", "X25519 keys are not allowed"),
    banned("1.3.101.111", "id-X448", "X448 keys are not allowed"),
    banned("1.2.156.10197.1.301", "SM2", UNLISTED),
    banned("1.2.156.10197.1.501", "SM2-with-SM3", UNLISTED),
    banned("2.16.840.1.101.3.4.3.32", "id-hash-ml-dsa-44-with-sha512", HASH_ML_DSA),
    banned("2.16.840.1.101.3.4.3.33", "id-hash-ml-dsa-65-with-sha512", HASH_ML_DSA),
    banned("2.16.840.1.101.3.4.3.34", "id-hash-ml-dsa-87-with-sha512", HASH_ML_DSA),
    banned("2.16.840.1.101.3.4.3.20", "id-slh-dsa-sha2-128s", SLH),
    banned("2.16.840.1.101.3.4.3.21", "id-slh-dsa-sha2-128f", SLH),
    banned("2.16.840.1.101.3.4.3.22", "id-slh-dsa-sha2-192s", SLH),
    banned("2.16.840.1.101.3.4.3.23", "id-slh-dsa-sha2-192f", SLH),
    banned("2.16.840.1.101.3.4.3.24", "id-slh-dsa-sha2-256s", SLH),
    banned("2.16.840.1.101.3.4.3.25", "id-slh-dsa-sha2-256f", SLH),
    banned("2.16.840.1.101.3.4.3.26", "id-slh-dsa-shake-128s", SLH),
    banned("2.16.840.1.101.3.4.3.27", "id-slh-dsa-shake-128f", SLH),
    banned("2.16.840.1.101.3.4.3.28", "id-slh-dsa-shake-192s", SLH),
    banned("2.16.840.1.101.3.4.3.29", "id-slh-dsa-shake-192f", SLH),
    banned("2.16.840.1.101.3.4.3.30", "id-slh-dsa-shake-256s", SLH),
    banned("2.16.840.1.101.3.4.3.31", "id-slh-dsa-shake-256f", SLH),
    banned("2.16.840.1.101.3.4.3.35", "id-hash-slh-dsa-sha2-128s-with-sha256", SLH),
    banned("2.16.840.1.101.3.4.3.36", "id-hash-slh-dsa-sha2-128f-with-sha256", SLH),
    banned("2.16.840.1.101.3.4.3.37", "id-hash-slh-dsa-sha2-192s-with-sha512", SLH),
    banned("2.16.840.1.101.3.4.3.38", "id-hash-slh-dsa-sha2-192f-with-sha512", SLH),
    banned("2.16.840.1.101.3.4.3.39", "id-hash-slh-dsa-sha2-256s-with-sha512", SLH),
    banned("2.16.840.1.101.3.4.3.40", "id-hash-slh-dsa-sha2-256f-with-sha512", SLH),
    banned("2.16.840.1.101.3.4.3.41", "id-hash-slh-dsa-shake-128s-with-shake128", SLH),
    banned("2.16.840.1.101.3.4.3.42", "id-hash-slh-dsa-shake-128f-with-shake128", SLH),
    banned("2.16.840.1.101.3.4.3.43", "id-hash-slh-dsa-shake-192s-with-shake256", SLH),
    banned("2.16.840.1.101.3.4.3.44", "id-hash-slh-dsa-shake-192f-with-shake256", SLH),
    banned("2.16.840.1.101.3.4.3.45", "id-hash-slh-dsa-shake-256s-with-shake256", SLH),
    banned("2.16.840.1.101.3.4.3.46", "id-hash-slh-dsa-shake-256f-with-shake256", SLH),
];

const fn curve(dotted: &str, name: &'static str) -> (ObjectIdentifier, &'static str) {
    (ObjectIdentifier::new_unwrap(dotted), name)
}

/// Named curves, allowed or not, for findings about id-ecPublicKey parameters. The first three
/// are the ones the SBR allows.
#[rustfmt::skip]
const CURVES: &[(ObjectIdentifier, &str)] = &[
    curve("1.2.840.10045.3.1.7", "P-256 (secp256r1)"),
    curve("1.3.132.0.34", "P-384 (secp384r1)"),
    curve("1.3.132.0.35", "P-521 (secp521r1)"),
    curve("1.2.840.10045.3.1.1", "P-192 (prime192v1)"),
    curve("1.3.132.0.33", "P-224 (secp224r1)"),
    curve("1.3.132.0.10", "secp256k1"),
    curve("1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1"),
    curve("1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1"),
    curve("1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1"),
    curve("1.2.156.10197.1.301", "SM2"),
];

/// "name (dotted)" for an algorithm OID, or the dotted form alone.
fn algorithm_name(oid_bytes: &[u8]) -> String {
    let dotted = oid::dotted(oid_bytes);
    match KNOWN.iter().find(|k| k.oid.as_bytes() == oid_bytes) {
        Some(k) => format!("{} ({dotted})", k.name),
        None => dotted,
    }
}

/// Where an AlgorithmIdentifier sits, which decides the table and the wording.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Key,
    Signature,
}

/// Why `t`, which is not one of the allowed encodings, is rejected.
fn diagnose(der: &[u8], place: Place) -> String {
    let found = format!("found {}", hex(der));
    let Some(a) = AlgorithmIdentifier::parse(der) else {
        return format!("not an AlgorithmIdentifier SEQUENCE with an OID ({found})");
    };
    let name = algorithm_name(a.oid);
    let Some(k) = KNOWN.iter().find(|k| k.oid.as_bytes() == a.oid) else {
        return format!("algorithm {name} is not allowed ({found})");
    };
    if k.params == Params::Prohibited {
        return format!("{name}: {} ({found})", k.note);
    }
    let allowed_here = match place {
        Place::Key => k.key,
        Place::Signature => k.sig,
    };
    if !allowed_here {
        return match (place, k.params) {
            (Place::Key, Pss) => format!(
                "RSASSA-PSS OID used as key algorithm: {name}; RSA keys must be rsaEncryption with NULL parameters ({found})"
            ),
            (Place::Key, _) => format!("{name} is a signature algorithm, not a key algorithm ({found})"),
            (Place::Signature, _) => {
                format!("{name} is a key algorithm, not a signature algorithm ({found})")
            }
        };
    }
    if a.extra {
        return format!("{name} with extra fields after the parameters ({found})");
    }
    match (k.params, &a.params) {
        (Null, None) => format!("{name} without the NULL parameters ({found})"),
        (Null, Some(p)) if p.tag != tag::NULL => {
            format!("{name} with parameters {} instead of NULL ({found})", hex(p.raw))
        }
        (Absent, Some(p)) => {
            format!("{name} with parameters {} that must be absent ({found})", hex(p.raw))
        }
        (NamedCurve, None) => format!("{name} without curve parameters ({found})"),
        (NamedCurve, Some(p)) => match p.tag {
            tag::NULL => format!("{name} with implicitlyCA (NULL) curve parameters ({found})"),
            tag::SEQUENCE => {
                format!("{name} with explicit EC parameters (specifiedCurve) instead of a namedCurve ({found})")
            }
            tag::OID => match CURVES.iter().find(|(o, _)| o.as_bytes() == p.content) {
                Some((_, curve)) if is_allowed_curve(p.content) => {
                    format!("{name} namedCurve {curve} encoded differently from the SBR's bytes ({found})")
                }
                Some((_, curve)) => format!(
                    "{name} on curve {curve} ({}); only P-256, P-384 and P-521 are allowed ({found})",
                    oid::dotted(p.content)
                ),
                None => format!(
                    "{name} on curve {}; only P-256, P-384 and P-521 are allowed ({found})",
                    oid::dotted(p.content)
                ),
            },
            _ => format!("{name} with parameters {} that are not a namedCurve ({found})", hex(p.raw)),
        },
        (Pss, None) => format!("{name} without parameters; the SBR requires explicit SHA-2, MGF1 and salt length ({found})"),
        (Pss, Some(_)) => format!(
            "{name} with parameters other than the three allowed (SHA-256/MGF1-SHA-256/salt 32, SHA-384/…/48, SHA-512/…/64, all written out) ({found})"
        ),
        _ => format!("{name} encoded differently from the SBR's bytes ({found})"),
    }
}

fn is_allowed_curve(curve: &[u8]) -> bool {
    CURVES[..3].iter().any(|(o, _)| o.as_bytes() == curve)
}

/// The signature AlgorithmIdentifier fields present: `tbsCertificate.signature`, and
/// `signatureAlgorithm` unless it is byte-identical (then one finding covers both).
fn signature_fields<'a>(cert: &Cert<'a>) -> Vec<(&'static str, &'a [u8])> {
    let mut out = Vec::new();
    match (cert.tbs_signature, cert.signature_algorithm) {
        (Some(inner), Some(outer)) if inner.raw == outer.raw => {
            out.push(("tbsCertificate.signature and signatureAlgorithm", inner.raw));
        }
        (inner, outer) => {
            out.extend(inner.map(|t| ("tbsCertificate.signature", t.raw)));
            out.extend(outer.map(|t| ("signatureAlgorithm", t.raw)));
        }
    }
    out
}

mod e_smime_pqc_key_before_effective_date;
mod e_smime_pqc_signature_before_effective_date;
mod e_smime_signature_algorithm_encoding_not_allowed;
mod e_smime_signature_algorithm_fields_mismatch;
mod e_smime_spki_algorithm_encoding_not_allowed;

#[cfg(test)]
mod tests {
    use super::*;

    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::{KeyAlg, SigAlg};

    #[test]
    fn tables_match_the_factory_encodings() {
        for alg in KeyAlg::ALL {
            assert!(
                SPKI_ALGORITHMS.iter().any(|e| e.der == spki_algorithm(alg)),
                "{alg:?}"
            );
        }
        for sig in [
            SigAlg::RsaPkcs1Sha256,
            SigAlg::RsaPkcs1Sha384,
            SigAlg::RsaPkcs1Sha512,
            SigAlg::RsaPssSha256,
            SigAlg::RsaPssSha384,
            SigAlg::RsaPssSha512,
            SigAlg::EcdsaSha256,
            SigAlg::EcdsaSha384,
            SigAlg::EcdsaSha512,
            SigAlg::Ed25519,
            SigAlg::Ed448,
            SigAlg::MlDsa44,
            SigAlg::MlDsa65,
            SigAlg::MlDsa87,
        ] {
            assert!(
                SIGNATURE_ALGORITHMS.iter().any(|e| e.der == sig.der()),
                "{sig:?}"
            );
        }
    }
}
