//! Public-key mathematics: what SBR 6.1.5 and 6.1.6 ask of a key's numbers and points, worked
//! out on the SubjectPublicKeyInfo view. RSA moduli are screened with a small big-integer
//! type, prime tables and root tests; curve points are decoded as their standards decode them.

pub mod bignum;
pub mod ec;
pub mod edwards;
mod jacobi;
mod power;
mod primes;
pub mod rsa;

use crate::spki::Spki;

/// "the subjectPublicKey BIT STRING has N unused bits …" when N is not zero: a key is a whole
/// number of octets.
pub fn unused_bits_note(spki: &Spki<'_>) -> Option<String> {
    (spki.unused_bits != 0).then(|| {
        format!(
            "the subjectPublicKey BIT STRING has {} unused bits (a key is a whole number of octets)",
            spki.unused_bits
        )
    })
}

/// splitmix64: deterministic pseudo-random words for cross-checks.
#[cfg(test)]
pub(crate) fn pseudo_random(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}
