//! Lenient view of `SubjectPublicKeyInfo` (RFC 5280 §4.1.2.7): the algorithm, its parameters
//! and the key bits, with no interpretation of the key itself. Key checks build on this.

use super::oid;
use smimelint_der::walk::{tag, Tlv};

/// Key algorithm family, as named by the SPKI AlgorithmIdentifier OID.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyFamily {
    /// rsaEncryption.
    Rsa,
    /// id-ecPublicKey (any curve).
    Ec,
    /// id-Ed25519 or id-Ed448.
    EdDsa,
    /// id-ml-dsa-44/65/87.
    MlDsa,
    /// id-alg-ml-kem-512/768/1024.
    MlKem,
    /// Anything else (id-RSASSA-PSS, X25519, HashML-DSA, …).
    Other,
}

impl KeyFamily {
    /// The family an algorithm OID (content bytes) belongs to.
    pub fn of(algorithm: &[u8]) -> KeyFamily {
        let table: [(&const_oid::ObjectIdentifier, KeyFamily); 10] = [
            (&oid::RSA_ENCRYPTION, KeyFamily::Rsa),
            (&oid::EC_PUBLIC_KEY, KeyFamily::Ec),
            (&oid::ED25519, KeyFamily::EdDsa),
            (&oid::ED448, KeyFamily::EdDsa),
            (&oid::ML_DSA_44, KeyFamily::MlDsa),
            (&oid::ML_DSA_65, KeyFamily::MlDsa),
            (&oid::ML_DSA_87, KeyFamily::MlDsa),
            (&oid::ML_KEM_512, KeyFamily::MlKem),
            (&oid::ML_KEM_768, KeyFamily::MlKem),
            (&oid::ML_KEM_1024, KeyFamily::MlKem),
        ];
        table
            .iter()
            .find(|(o, _)| o.as_bytes() == algorithm)
            .map_or(KeyFamily::Other, |(_, f)| *f)
    }

    /// Short name for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyFamily::Rsa => "rsaEncryption",
            KeyFamily::Ec => "id-ecPublicKey",
            KeyFamily::EdDsa => "EdDSA",
            KeyFamily::MlDsa => "ML-DSA",
            KeyFamily::MlKem => "ML-KEM",
            KeyFamily::Other => "other",
        }
    }
}

/// The parts of a SubjectPublicKeyInfo.
#[derive(Clone, Debug)]
pub struct Spki<'a> {
    /// The whole SubjectPublicKeyInfo SEQUENCE.
    pub tlv: Tlv<'a>,
    /// The AlgorithmIdentifier SEQUENCE.
    pub algorithm: Tlv<'a>,
    /// Content bytes of the algorithm OID.
    pub algorithm_oid: &'a [u8],
    /// The parameters, when present (whatever their type).
    pub parameters: Option<Tlv<'a>>,
    /// The BIT STRING's unused-bits octet.
    pub unused_bits: u8,
    /// The subjectPublicKey bits (BIT STRING content after the unused-bits octet).
    pub public_key: &'a [u8],
}

impl Spki<'_> {
    pub fn family(&self) -> KeyFamily {
        KeyFamily::of(self.algorithm_oid)
    }
}

/// Decodes the SubjectPublicKeyInfo SEQUENCE.
pub fn decode(tlv: Tlv<'_>) -> Result<Spki<'_>, String> {
    let mut r = tlv.children();
    let algorithm = r.expect(tag::SEQUENCE, "algorithm")?;
    let mut a = algorithm.children();
    let algorithm_oid = a.expect(tag::OID, "algorithm.algorithm")?.content;
    let parameters = if a.is_empty() {
        None
    } else {
        Some(a.read().map_err(|e| format!("algorithm.parameters: {e}"))?)
    };
    let bits = r.expect(tag::BIT_STRING, "subjectPublicKey")?;
    let (&unused_bits, public_key) = bits
        .content
        .split_first()
        .ok_or("subjectPublicKey: BIT STRING has no unused-bits octet")?;
    Ok(Spki {
        tlv,
        algorithm,
        algorithm_oid,
        parameters,
        unused_bits,
        public_key,
    })
}
