//! AlgorithmIdentifiers (SBR 7.1.3.1 and 7.1.3.2, as amended by SMC013): the SBR lists the exact
//! DER of every allowed encoding and says "No other encodings are permitted". The allowed
//! encodings are data (`SPKI_ALGORITHMS`, `SIGNATURE_ALGORITHMS`); a second table names the
//! algorithms and curves a rejected encoding is likely to carry, so the finding says what was
//! found (`id-X25519`, `sha1WithRSAEncryption`, explicit EC parameters …) rather than only that
//! the bytes differ.

use super::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_cert::alg::AlgorithmIdentifier;
use smimelint_cert::der_text::{hex, tag};
use smimelint_cert::time::UnixTime;

/// Decodes a hex literal at compile time.
pub(crate) const fn unhex<const N: usize>(s: &str) -> [u8; N] {
    const fn nibble(c: u8) -> u8 {
        match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => panic!("bad hex digit"),
        }
    }
    let s = s.as_bytes();
    assert!(s.len() == 2 * N, "hex length");
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = (nibble(s[2 * i]) << 4) | nibble(s[2 * i + 1]);
        i += 1;
    }
    out
}

/// `hex!("3005…")`: a `&'static [u8]` decoded at compile time.
macro_rules! hex {
    ($s:literal) => {{
        const BYTES: [u8; $s.len() / 2] = unhex($s);
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

/// The entry whose bytes equal `der` exactly.
pub(crate) fn find_encoding<'t>(table: &'t [Encoding], der: &[u8]) -> Option<&'t Encoding> {
    table.iter().find(|e| e.der == der)
}

/// What the parameters of an algorithm must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Params {
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

use Params::{Absent, NamedCurve, Null, Pss};

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

// ---------------------------------------------------------------------------------------------
// subjectPublicKeyInfo.algorithm
// ---------------------------------------------------------------------------------------------

fn check_spki_algorithm_encoding(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    match find_encoding(&SPKI_ALGORITHMS, spki.algorithm.raw) {
        Some(_) => Outcome::Pass,
        None => fail!(
            "subjectPublicKeyInfo.algorithm: {}",
            diagnose(spki.algorithm.raw, Place::Key)
        ),
    }
}

lint! {
    /// ## What it checks
    /// `subjectPublicKeyInfo.algorithm` is byte for byte one of the twelve encodings of SBR
    /// 7.1.3.1: rsaEncryption with NULL parameters; id-ecPublicKey with the namedCurve P-256,
    /// P-384 or P-521; id-Ed25519; id-Ed448; ML-DSA-44/65/87 and ML-KEM-512/768/1024 with
    /// absent parameters. The finding says what was found instead: the RSASSA-PSS OID used
    /// as a key algorithm, rsaEncryption without NULL, explicit or implicit EC parameters,
    /// another curve (brainpool, secp256k1, P-224 …), X25519/X448, DSA, SLH-DSA, HashML-DSA,
    /// or EdDSA/PQC algorithms with parameters present.
    ///
    /// The ML-DSA and ML-KEM encodings are in the table whatever the date; that they were not
    /// allowed before 2025-08-22 is `e_smime_pqc_key_before_effective_date`'s finding, so a
    /// PQC certificate issued too early gets exactly one finding about its date.
    ///
    /// ## Why
    /// SBR 7.1.3.1: "When encoded, the AlgorithmIdentifier … SHALL be byte-for-byte identical
    /// with the following hex-encoded bytes" and "No other encodings are permitted"; SBR 6.1.5
    /// (as amended by SMC013): "No other algorithms or key sizes are permitted." Byte-exact
    /// encodings keep relying parties from having to accept variants (missing NULL, explicit
    /// curves) that have caused parser bugs.
    ///
    /// ## Example
    /// `300b06092a864886f70d010101` (rsaEncryption without NULL); `300506032b656e`
    /// (id-X25519); `300b06092a864886f70d01010a` (id-RSASSA-PSS as key algorithm).
    ///
    /// ## Differences from pkilint
    /// pkilint (`cabf.smime.prohibited_spki_algorithm_encoding`) rejects P-521 keys: its
    /// allow-list never had them. pkilint's separate codes for pre-standard (IPD, round 3) PQC
    /// OIDs, for algorithms it does not know, and for HashML-DSA / HashSLH-DSA keys in CA
    /// certificates are all this one finding here, in every certificate. SBR 6.1.5 and 7.1.3.1.2 allow P-521 (since v1.0.0), so
    /// smimelint does. For rsaEncryption without NULL, pkilint also reports a decoding error
    /// (`itu.invalid_asn1_syntax`); smimelint reports the encoding here only.
    E_SMIME_SPKI_ALGORITHM_ENCODING_NOT_ALLOWED {
        name: "e_smime_spki_algorithm_encoding_not_allowed",
        description: "subjectPublicKeyInfo.algorithm is not one of the encodings the SBR allows",
        citation: "SBR 7.1.3.1; SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_spki_algorithm_encoding",
            "cabf.smime.unsupported_public_key_type",
            "pkix.public_key_algorithm_unsupported",
            "pkix.public_key_nist_ipd_algorithm_present",
            "pkix.public_key_nist_round3_algorithm_present",
            "pkix.hash_mldsa_ca_key_prohibited",
            "pkix.hash_slhdsa_ca_key_prohibited",
        ],
        zlint: ["e_invalid_spki_algoid", "e_invalid_legacy_spki_algoid"],
        catalog: ["e_smime_spki_algorithm_encoding_not_allowed", "e_smime_rsa_key_not_rsa_encryption_oid", "e_smime_ec_curve_not_allowed", "e_smime_hash_ml_dsa_prohibited"],
        applies: Applies::ALL,
        check: check_spki_algorithm_encoding,
    }
}

fn check_pqc_key_before_effective_date(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    match not_yet_allowed(&SPKI_ALGORITHMS, spki.algorithm_oid, ctx.at) {
        None => Outcome::Pass,
        Some(e) => fail!(
            "{} key ({}); the SBR allows it from {} (SMC013, v1.0.11); {}",
            e.name,
            oid::dotted(spki.algorithm_oid),
            smimelint_cert::time::format_date(e.since),
            dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
        ),
    }
}

lint! {
    /// ## What it checks
    /// A certificate issued before 2025-08-22 (its notBefore, or the `--at` time) does not
    /// have an ML-DSA-44/65/87 or ML-KEM-512/768/1024 subject public key. From 2025-08-22 on
    /// the lint is not effective (NE): the keys are allowed, and their encoding, length and
    /// keyUsage are checked by `e_smime_spki_algorithm_encoding_not_allowed`,
    /// `e_smime_mldsa_public_key_invalid_length`, `e_smime_mlkem_public_key_invalid_length`
    /// and the keyUsage lints.
    ///
    /// An early PQC certificate is therefore never passed silently: this lint reports it, and
    /// the PQC-specific lints, whose effective date is 2025-08-22, report NE.
    ///
    /// ## Why
    /// SBR 6.1.5 before v1.0.11 allowed RSA, ECDSA and EdDSA keys only ("No other algorithms
    /// or key sizes are permitted"); ballot SMC013 added ML-DSA and ML-KEM in v1.0.11,
    /// effective 2025-08-22.
    ///
    /// ## Example
    /// An ML-KEM-768 certificate with notBefore 2025-06-01.
    ///
    /// ## Differences from pkilint
    /// pkilint has no dates: it accepts ML-DSA and ML-KEM keys whatever the notBefore. zlint's
    /// SPKI lint lets them pass before the date too.
    E_SMIME_PQC_KEY_BEFORE_EFFECTIVE_DATE {
        name: "e_smime_pqc_key_before_effective_date",
        description: "ML-DSA or ML-KEM key in a certificate issued before 2025-08-22",
        citation: "SBR 6.1.5; SBR 7.1.3.1; SBR 1.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ineffective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: ["e_invalid_legacy_spki_algoid"],
        catalog: ["e_smime_pqc_key_before_effective_date"],
        applies: Applies::ALL,
        check: check_pqc_key_before_effective_date,
    }
}

// ---------------------------------------------------------------------------------------------
// Signature AlgorithmIdentifier
// ---------------------------------------------------------------------------------------------

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

fn check_signature_algorithm_encoding(ctx: &LintContext<'_>) -> Outcome {
    let fields = signature_fields(ctx.cert);
    if fields.is_empty() {
        return Outcome::NotApplicable;
    }
    let found: Vec<String> = fields
        .iter()
        .filter(|(_, t)| find_encoding(&SIGNATURE_ALGORITHMS, t).is_none())
        .map(|(field, t)| format!("{field}: {}", diagnose(t, Place::Signature)))
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.signature` and `signatureAlgorithm` are each byte for byte one of the
    /// fourteen encodings of SBR 7.1.3.2: sha256/384/512WithRSAEncryption with NULL
    /// parameters; RSASSA-PSS with exactly the three parameter sets of the SBR (SHA-256 with
    /// MGF1-SHA-256 and salt 32, SHA-384/48, SHA-512/64, every field written out);
    /// ecdsa-with-SHA256/384/512 without parameters; id-Ed25519; id-Ed448; id-ml-dsa-44/65/87.
    /// The finding names the field and what it holds: `sha1WithRSAEncryption`, a missing NULL,
    /// ECDSA with parameters, other PSS parameters, HashML-DSA, SLH-DSA ….
    ///
    /// Whether the algorithm matches the issuer's key (P-256 → ecdsa-with-SHA256 …) needs the
    /// issuer certificate and is a chain lint. That the two fields are identical is
    /// `e_smime_signature_algorithm_fields_mismatch`. ML-DSA before 2025-08-22 is
    /// `e_smime_pqc_signature_before_effective_date`.
    ///
    /// ## Why
    /// SBR 7.1.3.2: the encoded AlgorithmIdentifier "SHALL be byte-for-byte identical with the
    /// following hex-encoded bytes"; "No other encodings are permitted". SHA-1 signatures
    /// are forgeable by chosen-prefix collisions.
    ///
    /// ## Example
    /// `300d06092a864886f70d0101050500` (sha1WithRSAEncryption);
    /// `300c06082a8648ce3d0403020500` (ecdsa-with-SHA256 with a NULL parameter).
    ///
    /// ## Differences from pkilint
    /// pkilint (`cabf.smime.prohibited_signature_algorithm_encoding`) rejects
    /// ecdsa-with-SHA512, which SBR 7.1.3.2.2 allows for P-521 keys; smimelint follows the
    /// SBR.
    E_SMIME_SIGNATURE_ALGORITHM_ENCODING_NOT_ALLOWED {
        name: "e_smime_signature_algorithm_encoding_not_allowed",
        description: "A signature AlgorithmIdentifier is not one of the encodings the SBR allows",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: ["cabf.smime.prohibited_signature_algorithm_encoding"],
        zlint: [],
        catalog: ["e_smime_signature_algorithm_encoding_not_allowed"],
        applies: Applies::ALL,
        check: check_signature_algorithm_encoding,
    }
}

fn check_pqc_signature_before_effective_date(ctx: &LintContext<'_>) -> Outcome {
    let early = |der: &[u8]| {
        AlgorithmIdentifier::parse(der)
            .and_then(|a| not_yet_allowed(&SIGNATURE_ALGORITHMS, a.oid, ctx.at))
    };
    let found: Vec<String> = signature_fields(ctx.cert)
        .iter()
        .filter_map(|(field, t)| {
            early(t).map(|e| {
                format!(
                    "{field} is {}, allowed from {}",
                    e.name,
                    smimelint_cert::time::format_date(e.since)
                )
            })
        })
        .collect();
    if found.is_empty() {
        return Outcome::Pass;
    }
    fail!(
        "{} (SMC013, v1.0.11); {}",
        found.join("; "),
        dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
    )
}

lint! {
    /// ## What it checks
    /// A certificate issued before 2025-08-22 (its notBefore, or the `--at` time) is not
    /// signed with id-ml-dsa-44/65/87 (`tbsCertificate.signature` or `signatureAlgorithm`).
    /// From 2025-08-22 on the lint is not effective (NE) and the encoding is checked by
    /// `e_smime_signature_algorithm_encoding_not_allowed`.
    ///
    /// ## Why
    /// SBR 7.1.3.2 before v1.0.11 listed RSA, ECDSA and EdDSA signatures only; ballot SMC013
    /// added ML-DSA (printed as 7.1.3.2.4) in v1.0.11, effective 2025-08-22.
    ///
    /// ## Example
    /// A certificate signed by an ML-DSA-65 issuing CA with notBefore 2025-08-01.
    ///
    /// ## Differences from pkilint
    /// pkilint has no dates and accepts ML-DSA signatures whatever the notBefore.
    E_SMIME_PQC_SIGNATURE_BEFORE_EFFECTIVE_DATE {
        name: "e_smime_pqc_signature_before_effective_date",
        description: "ML-DSA signature algorithm in a certificate issued before 2025-08-22",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ineffective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_pqc_signature_before_effective_date"],
        applies: Applies::ALL,
        check: check_pqc_signature_before_effective_date,
    }
}

#[cfg(test)]
mod tests {
    use super::{SIGNATURE_ALGORITHMS, SPKI_ALGORITHMS};
    use smimelint_cert::time::date;
    use smimelint_engine::detect::CertType;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::{der, CertBuilder, KeyAlg, KeyPair, SigAlg, SUBJECT_SEED};

    const SPKI: &str = "e_smime_spki_algorithm_encoding_not_allowed";
    const SIG: &str = "e_smime_signature_algorithm_encoding_not_allowed";
    const PQC_KEY: &str = "e_smime_pqc_key_before_effective_date";
    const PQC_SIG: &str = "e_smime_pqc_signature_before_effective_date";

    fn with_key(alg: KeyAlg) -> CertBuilder {
        let t: CertType = "mailbox-strict".parse().expect("type");
        CertBuilder::subscriber_with_key(t, alg)
    }

    #[track_caller]
    fn details(der: &[u8], lint: &str) -> String {
        let r = lint_all(der);
        let f = r
            .findings
            .iter()
            .find(|f| f.lint == lint)
            .expect("lint ran");
        assert!(f.status.is_finding(), "{lint}: {:?}", f.status);
        f.details.clone().unwrap_or_default()
    }

    #[test]
    fn pqc_findings_under_at_name_the_evaluation_time_and_the_real_not_before() {
        let nb = date(2025, 6, 1);
        let at = date(2025, 7, 1);
        let opts = smimelint_engine::linter::Options {
            at: Some(at),
            include_passes: true,
            ..Default::default()
        };
        let linter = smimelint_engine::linter::Linter::new(opts);
        let key = with_key(KeyAlg::MlDsa65)
            .validity(nb, nb + 365 * 86_400 - 1)
            .build();
        let mut sig = CertBuilder::subscriber("mailbox-strict").validity(nb, nb + 86_400);
        sig.issuer_key = (KeyAlg::MlDsa44, smimelint_factory::ISSUER_SEED);
        for (cert, lint) in [(key, PQC_KEY), (sig.build(), PQC_SIG)] {
            let r = linter.lint_der("test".into(), &cert);
            let f = r.findings.iter().find(|f| f.lint == lint).expect("ran");
            assert_eq!(f.status, Status::Error, "{lint}");
            let d = f.details.clone().unwrap_or_default();
            assert!(d.contains("evaluated at 2025-07-01"), "{d}");
            assert!(d.contains("notBefore is 2025-06-01"), "{d}");
            assert!(!d.contains("issued 2025-07-01"), "{d}");
        }
    }

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

    /// The baseline with an SPKI of this AlgorithmIdentifier (hex) and the key of `alg`.
    fn spki_cert(alg_hex: &str, alg: KeyAlg) -> Vec<u8> {
        let key = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
        with_key(alg)
            .subject_key_raw(&der::unhex(alg_hex), 0, &key)
            .build()
    }

    #[test]
    fn spki_algorithm_must_be_listed() {
        let cases = [
            (
                "300b06092a864886f70d010101",
                KeyAlg::Rsa2048,
                "rsaEncryption (1.2.840.113549.1.1.1) without the NULL parameters",
            ),
            (
                "300b06092a864886f70d01010a",
                KeyAlg::Rsa2048,
                "RSASSA-PSS OID used as key algorithm",
            ),
            (
                "301406072a8648ce3d020106092b2403030208010107",
                KeyAlg::P256,
                "on curve brainpoolP256r1",
            ),
            (
                "301006072a8648ce3d020106052b8104000a",
                KeyAlg::P256,
                "on curve secp256k1",
            ),
            (
                "300b06072a8648ce3d02010500",
                KeyAlg::P256,
                "implicitlyCA (NULL) curve parameters",
            ),
            (
                "301106072a8648ce3d02013006020101020101",
                KeyAlg::P256,
                "explicit EC parameters",
            ),
            (
                "300506032b656e",
                KeyAlg::Ed25519,
                "id-X25519 (1.3.101.110): X25519 keys are not allowed",
            ),
            ("300506032b656f", KeyAlg::Ed448, "id-X448"),
            (
                "300706032b65700500",
                KeyAlg::Ed25519,
                "id-Ed25519 (1.3.101.112) with parameters 0500 that must be absent",
            ),
            (
                "300b0609608648016503040320",
                KeyAlg::MlDsa44,
                "only pure ML-DSA is allowed",
            ),
            (
                "300b0609608648016503040314",
                KeyAlg::MlDsa44,
                "SLH-DSA is not allowed",
            ),
            (
                "300d0609608648016503040402 0500",
                KeyAlg::MlKem768,
                "id-alg-ml-kem-768 (2.16.840.1.101.3.4.4.2) with parameters 0500",
            ),
        ];
        for (hex, alg, expected) in cases {
            let bad = spki_cert(&hex.replace(' ', ""), alg);
            assert_eq!(status_of(&bad, SPKI), Status::Error, "{hex}");
            let d = details(&bad, SPKI);
            assert!(d.contains(expected), "{hex}: {d}");
        }
        // Exactly one finding on a key whose only defect is its AlgorithmIdentifier.
        let no_null = spki_cert("300b06092a864886f70d010101", KeyAlg::Rsa2048);
        assert_lint(SPKI, &no_null, &with_key(KeyAlg::Rsa2048).build(), &[]);
        let x25519 = spki_cert("300506032b656e", KeyAlg::Ed25519);
        assert_lint(SPKI, &x25519, &with_key(KeyAlg::Ed25519).build(), &[]);
        // Every allowed key algorithm passes, P-521 included (pkilint rejects it).
        for alg in KeyAlg::ALL {
            assert_eq!(
                status_of(&with_key(alg).build(), SPKI),
                Status::Pass,
                "{alg:?}"
            );
        }
    }

    #[test]
    fn signature_algorithm_must_be_listed() {
        let base = || CertBuilder::subscriber("mailbox-strict");
        let sha1 = base()
            .tbs_signature_raw(der::unhex("300d06092a864886f70d0101050500"))
            .build();
        assert_lint(SIG, &sha1, &base().build(), &[]);
        assert_eq!(
            details(&sha1, SIG),
            "tbsCertificate.signature and signatureAlgorithm: sha1WithRSAEncryption (1.2.840.113549.1.1.5): SHA-1 is not allowed (found 300d06092a864886f70d0101050500)"
        );
        // Only the outer field is wrong: both lints name it.
        let outer = base()
            .signature_algorithm_raw(der::unhex("300c06082a8648ce3d0403020500"))
            .build();
        assert_lint(
            SIG,
            &outer,
            &base().build(),
            &["e_smime_signature_algorithm_fields_mismatch"],
        );
        assert!(details(&outer, SIG).starts_with(
            "signatureAlgorithm: ecdsa-with-SHA256 (1.2.840.10045.4.3.2) with parameters 0500 that must be absent"
        ));
        let cases = [
            (
                "300b06092a864886f70d01010b",
                "sha256WithRSAEncryption (1.2.840.113549.1.1.11) without the NULL parameters",
            ),
            (
                "300b06092a864886f70d01010a",
                "id-RSASSA-PSS (1.2.840.113549.1.1.10) without parameters",
            ),
            ("300906072a8648ce3d0401", "ecdsa-with-SHA1"),
            (
                "300d06092a864886f70d0101010500",
                "is a key algorithm, not a signature algorithm",
            ),
            ("300b0609608648016503040321", "HashML-DSA is prohibited"),
        ];
        for (hex, expected) in cases {
            let bad = base().tbs_signature_raw(der::unhex(hex)).build();
            let d = details(&bad, SIG);
            assert!(d.contains(expected), "{hex}: {d}");
        }
        // A PSS encoding with salt 20 instead of 32.
        let pss = SigAlg::RsaPssSha256.der().to_vec();
        let mut salt20 = pss.clone();
        *salt20.last_mut().expect("salt") = 0x14;
        let bad = base().tbs_signature_raw(salt20).build();
        assert!(details(&bad, SIG).contains("parameters other than the three allowed"));

        // Every allowed signature algorithm, real signatures, passes: ecdsa-with-SHA512 with a
        // P-521 issuer key (pkilint rejects it), RSASSA-PSS, EdDSA, ML-DSA.
        let signed = |key: KeyAlg, sig: Option<SigAlg>| {
            let mut b = base();
            b.issuer_key = (key, smimelint_factory::ISSUER_SEED);
            b.sign_with = sig;
            b.build()
        };
        for (key, sig) in [
            (KeyAlg::P521, None),
            (KeyAlg::P256, None),
            (KeyAlg::P384, None),
            (KeyAlg::Rsa2048, Some(SigAlg::RsaPssSha384)),
            (KeyAlg::Ed25519, None),
            (KeyAlg::Ed448, None),
            (KeyAlg::MlDsa87, None),
        ] {
            assert_eq!(status_of(&signed(key, sig), SIG), Status::Pass, "{key:?}");
        }
    }

    #[test]
    fn pqc_keys_before_smc013_are_reported() {
        let early = date(2025, 6, 1);
        for alg in [KeyAlg::MlDsa65, KeyAlg::MlKem1024] {
            let bad = with_key(alg)
                .validity(early, early + 365 * 86_400 - 1)
                .build();
            assert_lint(
                PQC_KEY,
                &bad,
                &with_key(KeyAlg::Rsa2048)
                    .validity(early, early + 86_400)
                    .build(),
                &[],
            );
            assert!(details(&bad, PQC_KEY).contains("allows it from 2025-08-22"));
            // The PQC-specific lints are not effective yet: NE, not a silent pass.
            assert_eq!(
                status_of(&bad, "e_smime_mldsa_public_key_invalid_length"),
                Status::NotEffective
            );
            // From the effective date on, this lint no longer applies.
            assert_eq!(
                status_of(&with_key(alg).build(), PQC_KEY),
                Status::NotEffective
            );
        }
    }

    #[test]
    fn pqc_signatures_before_smc013_are_reported() {
        let early = date(2025, 8, 21);
        let mut bad = CertBuilder::subscriber("mailbox-strict").validity(early, early + 86_400);
        bad.issuer_key = (KeyAlg::MlDsa44, smimelint_factory::ISSUER_SEED);
        let bad = bad.build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .validity(early, early + 86_400)
            .build();
        assert_lint(PQC_SIG, &bad, &good, &[]);
        assert!(details(&bad, PQC_SIG)
            .starts_with("tbsCertificate.signature and signatureAlgorithm is id-ml-dsa-44, allowed from 2025-08-22"));
    }
}
