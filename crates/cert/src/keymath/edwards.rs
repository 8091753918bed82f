//! Edwards-curve public keys (RFC 8032): whether 32 octets decode to an Ed25519 point and 57
//! octets to an Ed448 point, with the canonical-encoding rules of RFC 8032 decoding.

use super::jacobi::jacobi;
use std::cmp::Ordering;

/// Whether the little-endian y coordinate in `y` is below the field prime `p` (also little
/// endian, same length): RFC 8032 decoding rejects y ≥ p, which ed25519-dalek (following
/// ZIP-215) accepts.
fn y_below_p(y: &[u8], p: &[u8]) -> bool {
    y.iter().rev().cmp(p.iter().rev()) == Ordering::Less
}

/// 2^255 − 19, little endian.
pub const P25519: [u8; 32] = {
    let mut p = [0xff; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
};

/// 2^448 − 2^224 − 1, little endian.
pub const P448: [u8; 56] = {
    let mut p = [0xff; 56];
    p[28] = 0xfe;
    p
};

pub fn ed25519_decodes(b: &[u8]) -> bool {
    let Ok(k) = <&[u8; 32]>::try_from(b) else {
        return false;
    };
    let mut y = *k;
    y[31] &= 0x7f;
    y_below_p(&y, &P25519) && ed25519_dalek::VerifyingKey::from_bytes(k).is_ok()
}

/// Whether 57 octets are an Ed448 point as RFC 8032 §5.2.3 decodes one, other than the
/// identity. Rather than decompressing (a 448-bit square root, about 150 µs with the generic
/// arithmetic of ed448-goldilocks), it asks only whether x exists: x² = u/v with u = y² − 1 and
/// v = d·y² − 1, so x exists exactly when u·v is a square modulo p (v is never 0: d is not a
/// square), which the Legendre symbol answers in a few µs.
pub fn ed448_decodes(b: &[u8]) -> bool {
    use crypto_bigint::{NonZero, Odd, U448};
    const P: Odd<U448> = Odd::<U448>::from_le_hex(P448_HEX);
    /// The curve constant d = −39081 modulo p.
    const D: U448 = U448::from_le_hex(P448_HEX).wrapping_sub(&U448::from_u64(39081));

    let Ok(k) = <&[u8; 57]>::try_from(b) else {
        return false;
    };
    // The last octet holds only the sign of x.
    if k[56] & 0x7f != 0 || !y_below_p(&k[..56], &P448) {
        return false;
    }
    let x_negative = k[56] == 0x80;
    let y = U448::from_le_slice(&k[..56]);
    if y == U448::ONE {
        // (0, 1) is the identity, refused as a public key (as ed448-goldilocks refuses it).
        return false;
    }
    let p: &NonZero<U448> = P.as_nz_ref();
    let yy = y.square_mod_vartime(p);
    let u = yy.sub_mod(&U448::ONE, p);
    let v = D.mul_mod_vartime(&yy, p).sub_mod(&U448::ONE, p);
    if u == U448::ZERO {
        // y = −1: x = 0, which has no negative form (RFC 8032: x = 0 with x_0 = 1 fails).
        return !x_negative;
    }
    jacobi(limbs_of(&u.mul_mod_vartime(&v, p)), limbs_of(P.as_ref())) != -1
}

/// Little-endian 64-bit limbs of a crypto-bigint number (whatever its word size).
#[allow(clippy::useless_conversion)] // `Word` is u64 here but u32 on 32-bit targets.
fn limbs_of(x: &crypto_bigint::U448) -> [u64; 7] {
    let word_bits = crypto_bigint::Word::BITS as usize;
    let mut limbs = [0u64; 7];
    for (i, &w) in x.as_words().iter().enumerate() {
        limbs[i * word_bits / 64] |= u64::from(w) << (i * word_bits % 64);
    }
    limbs
}

/// [`P448`] as little-endian hex, for crypto-bigint's constants.
const P448_HEX: &str = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                        feffffffffffffffffffffffffffffffffffffffffffffffffffffff";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymath::pseudo_random;

    /// RFC 8032 §5.2.3 decoding as ed448-goldilocks implements it, without its subgroup check,
    /// for keys with y < p and a clean last octet: x exists, x = 0 is not negative, and the
    /// point is not the identity.
    fn ed448_reference(k: &[u8; 57]) -> bool {
        let compressed = ed448_goldilocks::CompressedEdwardsY(*k);
        compressed
            .decompress_unchecked()
            .into_option()
            .is_some_and(|point| {
                let x_zero = point.x() == [0; 56];
                !(x_zero && k[56] == 0x80) && point != ed448_goldilocks::AffinePoint::IDENTITY
            })
    }

    #[test]
    fn ed448_decoding_matches_rfc8032() {
        let mut next = pseudo_random(0x5eed_ed44_8000_0001);
        let (mut points, mut non_points) = (0, 0);
        for i in 0..4000 {
            let mut k = [0u8; 57];
            for chunk in k[..56].chunks_mut(8) {
                chunk.copy_from_slice(&next().to_le_bytes());
            }
            k[56] = if i % 2 == 0 { 0x00 } else { 0x80 };
            assert!(y_below_p(&k[..56], &P448));
            let decodes = ed448_decodes(&k);
            assert_eq!(decodes, ed448_reference(&k), "{k:02x?}");
            if decodes {
                points += 1;
            } else {
                non_points += 1;
            }
        }
        // About half the y values have an x.
        assert!(
            points > 1800 && non_points > 1800,
            "{points} / {non_points}"
        );
        // Small y values and the edge cases: x = 0 (y = ±1), the identity, y = p − 2.
        let mut minus = P448;
        minus[0] -= 1;
        let mut minus_two = P448;
        minus_two[0] -= 2;
        let small_y = |y: u8| {
            let mut b = [0u8; 56];
            b[0] = y;
            b
        };
        let edges = (0u8..=64).map(small_y);
        for y in edges.chain([minus, minus_two]) {
            for sign in [0x00, 0x80] {
                let mut k = [0u8; 57];
                k[..56].copy_from_slice(&y);
                k[56] = sign;
                assert_eq!(ed448_decodes(&k), ed448_reference(&k), "{k:02x?}");
            }
        }
        let key = |y: [u8; 56], sign: u8| {
            let mut k = [0u8; 57];
            k[..56].copy_from_slice(&y);
            k[56] = sign;
            k
        };
        let mut one = [0u8; 56];
        one[0] = 1;
        assert!(!ed448_decodes(&key(one, 0x00)), "the identity");
        assert!(!ed448_decodes(&key(one, 0x80)), "x = 0 with the sign bit");
        assert!(ed448_decodes(&key(minus, 0x00)), "(0, −1)");
        assert!(!ed448_decodes(&key(minus, 0x80)), "x = 0 with the sign bit");
        // y ≥ p is not canonical, even when y − p decodes.
        assert!(!ed448_decodes(&key(P448, 0x00)));
        let small = (2u8..)
            .find(|&y| ed448_decodes(&key(small_y(y), 0x00)))
            .expect("a small y with an x");
        let mut p_plus_small = P448;
        p_plus_small[0] = small - 1; // 0xff + small carries into the next octet …
        p_plus_small[1..28].fill(0); // … and through the low 28 octets,
        p_plus_small[28] = 0xff; // into the 0xfe.
        assert!(!ed448_decodes(&key(p_plus_small, 0x00)));
        // The crypto-bigint constant is the same prime.
        assert_eq!(
            crypto_bigint::U448::from_le_hex(P448_HEX),
            crypto_bigint::U448::from_le_slice(&P448)
        );
    }
}
