//! Subject public keys (SBR 6.1.5 and 6.1.6, as amended by SMC013): RSA modulus and exponent,
//! EC points on their named curve, EdDSA points, ML-DSA / ML-KEM key lengths.
//!
//! Each lint looks at one key family and is not applicable to the others. The AlgorithmIdentifier
//! itself is `e_smime_spki_algorithm_encoding_not_allowed`'s business (algorithms/); the
//! checks here read the key whatever its parameters, so a key with a wrong encoding and a bad
//! value gets both findings.

use crate::prelude::*;
use smimelint_cert::keymath::bignum::bit_length;
use smimelint_cert::keymath::rsa::RsaPublicKey;
use smimelint_cert::keymath::unused_bits_note;
use smimelint_cert::spki::{KeyFamily, Spki};

/// The SPKI when it decodes and its algorithm is of `family`.
fn spki_of<'c>(ctx: &'c LintContext<'_>, family: KeyFamily) -> Option<&'c Spki<'c>> {
    match ctx.cert.spki_view() {
        Some(Ok(spki)) if spki.family() == family => Some(spki),
        _ => None,
    }
}

/// Runs `check` on the RSA key; NA for other keys and for an RSAPublicKey that does not decode
/// (that is `e_smime_rsa_public_key_invalid`'s finding).
fn with_rsa(ctx: &LintContext<'_>, check: impl Fn(&RsaPublicKey<'_>) -> Outcome) -> Outcome {
    match spki_of(ctx, KeyFamily::Rsa).map(RsaPublicKey::of) {
        Some(Ok(key)) => check(&key),
        _ => Outcome::NotApplicable,
    }
}

/// Decimal for small values, else the bit length.
fn int_text(magnitude: &[u8]) -> String {
    if magnitude.len() <= 8 {
        magnitude
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
            .to_string()
    } else {
        format!("a {}-bit value", bit_length(magnitude))
    }
}

/// Largest modulus the number-theory checks examine. The SBR sets no upper bound, and the
/// prime-power test grows about with the cube of the size (a crafted 16,384-bit modulus cost a
/// second), so a larger one gets a notice instead of the computation.
pub(crate) const MAX_EXAMINED_RSA_BITS: usize = 8192;

/// (algorithm OID, public key length in octets); the parameter set's name is the OID's.
const PQC_LENGTHS: [(&const_oid::ObjectIdentifier, usize); 6] = [
    (&oid::ML_DSA_44, 1312),
    (&oid::ML_DSA_65, 1952),
    (&oid::ML_DSA_87, 2592),
    (&oid::ML_KEM_512, 800),
    (&oid::ML_KEM_768, 1184),
    (&oid::ML_KEM_1024, 1568),
];

fn check_pqc_length(ctx: &LintContext<'_>, family: KeyFamily) -> Outcome {
    let Some(spki) = spki_of(ctx, family) else {
        return Outcome::NotApplicable;
    };
    let Some(&(_, len)) = PQC_LENGTHS
        .iter()
        .find(|(o, _)| o.as_bytes() == spki.algorithm_oid)
    else {
        return Outcome::NotApplicable;
    };
    let name = oid::name_of(oid::OidKind::Algorithm, spki.algorithm_oid).unwrap_or("ML key");
    let got = spki.public_key.len();
    if let Some(note) = unused_bits_note(spki) {
        return fail!("{name} key: {note}");
    }
    if got == len {
        return Outcome::Pass;
    }
    let other = PQC_LENGTHS
        .iter()
        .find(|(_, l)| *l == got)
        .and_then(|(o, _)| oid::name_of(oid::OidKind::Algorithm, o.as_bytes()))
        .map_or_else(String::new, |n| format!(" ({n}'s length)"));
    fail!("{name} public key has {got} octets{other}; {name} keys have {len}")
}

mod e_smime_ec_public_key_invalid;
mod e_smime_eddsa_public_key_invalid;
mod e_smime_mldsa_public_key_invalid_length;
mod e_smime_mlkem_public_key_invalid_length;
mod e_smime_rsa_modulus_not_multiple_of_8;
mod e_smime_rsa_modulus_too_small;
mod e_smime_rsa_public_exponent_invalid;
mod e_smime_rsa_public_key_invalid;
mod n_smime_rsa_modulus_too_large_to_examine;
mod w_smime_rsa_modulus_even;
mod w_smime_rsa_modulus_prime_power;
mod w_smime_rsa_modulus_small_factor;
mod w_smime_rsa_public_exponent_out_of_range;
