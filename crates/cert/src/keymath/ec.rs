//! Points on the NIST prime curves (SEC1 encodings), validated by the RustCrypto decoders.

use crate::spki::Spki;
use smimelint_der::walk::tag;

/// A named curve whose points can be validated.
pub struct NistCurve {
    /// namedCurve OID content.
    oid: &'static [u8],
    pub name: &'static str,
    decodes: fn(&[u8]) -> bool,
}

static CURVES: [NistCurve; 3] = [
    NistCurve {
        oid: &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        name: "P-256",
        decodes: |b| p256::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok(),
    },
    NistCurve {
        oid: &[0x2b, 0x81, 0x04, 0x00, 0x22],
        name: "P-384",
        decodes: |b| p384::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok(),
    },
    NistCurve {
        oid: &[0x2b, 0x81, 0x04, 0x00, 0x23],
        name: "P-521",
        decodes: |b| p521::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok(),
    },
];

impl NistCurve {
    /// The curve an id-ecPublicKey SPKI's parameters name, when they are a namedCurve OID of
    /// P-256, P-384 or P-521.
    pub fn of(spki: &Spki<'_>) -> Option<&'static NistCurve> {
        let params = spki.parameters.filter(|p| p.tag == tag::OID)?;
        CURVES.iter().find(|c| c.oid == params.content)
    }

    /// Whether the octets are a SEC1 point on this curve other than infinity: full public-key
    /// validation (SP 800-56A), since these curves have cofactor 1.
    pub fn is_valid_point(&self, point: &[u8]) -> bool {
        (self.decodes)(point)
    }
}

/// What kind of SEC1 point encoding the octets claim to be, for messages.
pub fn point_form(b: &[u8]) -> &'static str {
    match b.first() {
        None => "an empty point",
        Some(0x00) => "the point at infinity",
        Some(0x02 | 0x03) => "a compressed point",
        Some(0x04) => "an uncompressed point",
        Some(_) => "no SEC1 point encoding",
    }
}
