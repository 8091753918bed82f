//! Independent readers for the factory's own tests: the `der` and `x509-cert` crates decode,
//! `smimelint_cert::verify` checks signatures.

use crate::{KeyAlg, KeyPair};
use der::asn1::AnyRef;
use der::{Decode, Encode, Reader, SliceReader};
use smimelint_cert::verify::{self, KeyKind, Verdict};
use smimelint_der::walk::read_tlv;

/// The elements of the constructed TLV `tlv` (which must be exactly one TLV).
pub fn children(tlv: &[u8]) -> Vec<AnyRef<'_>> {
    inner(AnyRef::from_der(tlv).expect("one DER TLV"))
}

/// The elements inside a constructed value.
pub fn inner(any: AnyRef<'_>) -> Vec<AnyRef<'_>> {
    let mut r = SliceReader::new(any.value()).expect("reader");
    let mut out = Vec::new();
    while !r.is_finished() {
        out.push(r.decode::<AnyRef<'_>>().expect("DER element"));
    }
    out
}

/// The complete encoding of `any`.
pub fn raw(any: AnyRef<'_>) -> Vec<u8> {
    any.to_der().expect("re-encoding")
}

/// Checks `sig` over `msg` under the AlgorithmIdentifier `alg_der` with the public key of
/// `(alg, seed)`, through smimelint_cert's verifier.
pub fn verdict(alg_der: &[u8], key: (KeyAlg, u64), msg: &[u8], sig: &[u8]) -> Verdict {
    let (alg, _) = read_tlv(alg_der, 0).expect("AlgorithmIdentifier");
    let alg = verify::signature_algorithm(&alg).expect("supported algorithm");
    let spki_der = KeyPair::get(key.0, key.1).spki_der();
    let (tlv, _) = read_tlv(&spki_der, 0).expect("SPKI");
    let spki = smimelint_cert::spki::decode(tlv).expect("SPKI");
    let kind = KeyKind::of(&spki).expect("key kind");
    verify::verify(alg, kind, spki.public_key, msg, sig)
}

/// Verifies a `SEQUENCE { tbs, signatureAlgorithm, signature BIT STRING, ... }` with `key`.
pub fn verify_signed(signed: &[u8], key: (KeyAlg, u64)) -> Verdict {
    let parts = children(signed);
    let bits = parts[2].value();
    assert_eq!(bits.first(), Some(&0), "unused bits in the signature");
    verdict(&raw(parts[1]), key, &raw(parts[0]), &bits[1..])
}
