//! Jacobi symbols, for quadratic-residue tests on multi-limb and single-word numbers.

use std::cmp::Ordering;

/// The Jacobi symbol (a | m) for an odd m: 1, −1, or 0 when they have a common factor. The
/// binary algorithm with whole runs of zero bits shifted out at once; several times faster
/// than crypto-bigint's bit-at-a-time `jacobi_symbol_vartime`, and finished in single words
/// once both numbers fit in one.
pub(crate) fn jacobi<const N: usize>(mut a: [u64; N], mut m: [u64; N]) -> i8 {
    let mut symbol = 1i8;
    loop {
        if a[1..].iter().chain(&m[1..]).all(|&l| l == 0) {
            return symbol * jacobi_u64(a[0], m[0]);
        }
        let Some(zeros) = trailing_zeros(&a) else {
            // gcd(0, m) = m > 1.
            return 0;
        };
        shift_right(&mut a, zeros);
        // (2|m) = −1 exactly when m ≡ ±3 (mod 8).
        if zeros & 1 == 1 && matches!(m[0] & 7, 3 | 5) {
            symbol = -symbol;
        }
        if a.iter().rev().cmp(m.iter().rev()) == Ordering::Less {
            // Quadratic reciprocity: (a|m) = −(m|a) exactly when a ≡ m ≡ 3 (mod 4).
            std::mem::swap(&mut a, &mut m);
            if a[0] & m[0] & 3 == 3 {
                symbol = -symbol;
            }
        }
        // (a|m) = (a − m | m); both odd, so the difference is even (or zero).
        let mut borrow = false;
        for (x, &y) in a.iter_mut().zip(&m) {
            let (d, b1) = x.overflowing_sub(y);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *x = d;
            borrow = b1 || b2;
        }
    }
}

pub(crate) fn jacobi_u64(mut a: u64, mut m: u64) -> i8 {
    let mut symbol = 1i8;
    while a != 0 {
        let zeros = a.trailing_zeros();
        a >>= zeros;
        if zeros & 1 == 1 && matches!(m & 7, 3 | 5) {
            symbol = -symbol;
        }
        if a < m {
            std::mem::swap(&mut a, &mut m);
            if a & m & 3 == 3 {
                symbol = -symbol;
            }
        }
        a -= m;
    }
    if m == 1 {
        symbol
    } else {
        0
    }
}

/// The number of trailing zero bits, `None` for zero.
fn trailing_zeros(a: &[u64]) -> Option<u32> {
    let i = a.iter().position(|&l| l != 0)?;
    Some(i as u32 * 64 + a[i].trailing_zeros())
}

fn shift_right(a: &mut [u64], bits: u32) {
    let (limbs, bits) = ((bits / 64) as usize, bits % 64);
    for i in 0..a.len() {
        let lo = a.get(i + limbs).copied().unwrap_or(0);
        let hi = a.get(i + limbs + 1).copied().unwrap_or(0);
        a[i] = if bits == 0 {
            lo
        } else {
            (lo >> bits) | (hi << (64 - bits))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymath::pseudo_random;

    #[test]
    fn jacobi_symbol_matches_crypto_bigint() {
        use crypto_bigint::{JacobiSymbol, Odd, U448};
        let mut next = pseudo_random(7);
        for i in 0..3000 {
            // Numbers of every length: the top limbs cleared at random, and some shared factors.
            let mut a: [u64; 7] = std::array::from_fn(|_| next());
            let mut m: [u64; 7] = std::array::from_fn(|_| next());
            a[1 + i % 6..].fill(0);
            m[1 + (i / 6) % 6..].fill(0);
            if i % 7 == 0 {
                a[0] = a[0].wrapping_mul(3) & !0xff;
                m[0] = (m[0] | 1).wrapping_mul(9);
            }
            m[0] |= 1;
            let big = |x: [u64; 7]| {
                let bytes: Vec<u8> = x.iter().flat_map(|l| l.to_le_bytes()).collect();
                U448::from_le_slice(&bytes)
            };
            let expected = match big(a).jacobi_symbol_vartime(&Odd::new(big(m)).expect("odd")) {
                JacobiSymbol::Zero => 0,
                JacobiSymbol::One => 1,
                JacobiSymbol::MinusOne => -1,
            };
            assert_eq!(jacobi(a, m), expected, "{a:x?} | {m:x?}");
        }
        assert_eq!(jacobi_u64(0, 1), 1);
        assert_eq!(jacobi_u64(2, 3), -1);
        assert_eq!(jacobi_u64(6, 9), 0);
    }
}
