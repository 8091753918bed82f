//! Small primes and cheap remainders: the odd primes below 752 of NIST SP 800-89 §5.3.3, a
//! modulus's residues by all of them at once, and division-free modular powers.

use super::bignum::Big;
use std::sync::OnceLock;

/// `base^exp mod m` for a small modulus (below 2^32).
pub(crate) fn pow_mod_small(base: u64, mut exp: u64, m: u64) -> u64 {
    let (mut acc, mut b) = (1 % m, base % m);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = acc * b % m;
        }
        b = b * b % m;
        exp >>= 1;
    }
    acc
}

/// [`pow_mod_small`] for `base` < q < 2^16 (products below 2^32), by [`fastmod`] with q's
/// `magic`.
pub(crate) fn pow_mod_fast(base: u64, mut exp: u64, q: u64, magic: u64) -> u64 {
    let (mut acc, mut b) = (1, base);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = fastmod(acc * b, q, magic);
        }
        b = fastmod(b * b, q, magic);
        exp >>= 1;
    }
    acc
}

/// Odd primes below 752 (NIST SP 800-89 §5.3.3), smallest first.
pub(crate) fn odd_primes_below_752() -> &'static [u64] {
    static PRIMES: OnceLock<Vec<u64>> = OnceLock::new();
    PRIMES.get_or_init(|| {
        (3..752u64)
            .step_by(2)
            .filter(|&n| {
                (3..)
                    .step_by(2)
                    .take_while(|d| d * d <= n)
                    .all(|d| !n.is_multiple_of(d))
            })
            .collect()
    })
}

/// Consecutive odd primes below 752 whose product fits in 32 bits, with what makes remainders
/// cheap: with the powers 2^(64·j) mod the product, n mod product is a sum of limb × power
/// products (one multiplication per limb instead of a 128-bit division, and independent of each
/// other), and each member's remainder follows from the group's by Lemire's fastmod (two
/// multiplications instead of a division).
struct PrimeGroup {
    product: u64,
    /// (p, ⌊(2^64 − 1) / p⌋ + 1) for each member, in increasing order.
    members: Vec<(u64, u64)>,
    /// 2^(64·j) mod product, for j = 0 ..= [`BLOCK_LIMBS`].
    powers: Vec<u64>,
}

/// Limbs summed per block: a 4096-bit modulus is one block; longer ones are taken block by
/// block, most significant first (Horner's rule with 2^(64·BLOCK_LIMBS) mod product).
const BLOCK_LIMBS: usize = 64;

fn prime_groups() -> &'static [PrimeGroup] {
    static GROUPS: OnceLock<Vec<PrimeGroup>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: Vec<(u64, Vec<u64>)> = Vec::new();
        for &p in odd_primes_below_752() {
            match groups.last_mut() {
                Some((product, members)) if *product * p <= u64::from(u32::MAX) => {
                    *product *= p;
                    members.push(p);
                }
                _ => groups.push((p, vec![p])),
            }
        }
        groups
            .into_iter()
            .map(|(product, members)| {
                let two_64 = ((1u128 << 64) % u128::from(product)) as u64;
                let powers =
                    std::iter::successors(Some(1 % product), |&c| Some(c * two_64 % product))
                        .take(BLOCK_LIMBS + 1)
                        .collect();
                PrimeGroup {
                    product,
                    members: members.iter().map(|&p| (p, u64::MAX / p + 1)).collect(),
                    powers,
                }
            })
            .collect()
    })
}

impl PrimeGroup {
    /// `n mod product`. Each block sum is below 64 · 2^64 · 2^32 and the carried remainder
    /// times the block step below 2^64, so the u128 never overflows.
    fn rem(&self, n: &Big) -> u64 {
        let step = u128::from(self.powers[BLOCK_LIMBS]);
        n.0.chunks(BLOCK_LIMBS).rev().fold(0, |r, block| {
            let sum: u128 = block
                .iter()
                .zip(&self.powers)
                .map(|(&limb, &c)| u128::from(limb) * u128::from(c))
                .sum();
            ((u128::from(r) * step + sum) % u128::from(self.product)) as u64
        })
    }
}

/// `r mod p` for r, p below 2^32, with `magic` = ⌊(2^64 − 1) / p⌋ + 1 (Lemire, Kaser and
/// Kurz, "Faster remainder by direct computation", 2019).
pub(crate) fn fastmod(r: u64, p: u64, magic: u64) -> u64 {
    ((u128::from(magic.wrapping_mul(r)) * u128::from(p)) >> 64) as u64
}

/// `n mod p` for every odd prime p below 752, smallest first.
pub(crate) fn small_prime_residues(n: &Big) -> Vec<(u64, u64)> {
    let mut out = Vec::with_capacity(odd_primes_below_752().len());
    for group in prime_groups() {
        let r = group.rem(n);
        out.extend(
            group
                .members
                .iter()
                .map(|&(p, magic)| (p, fastmod(r, p, magic))),
        );
    }
    out
}

pub(crate) fn is_prime_u64(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

pub(crate) fn is_prime_u32(k: u32) -> bool {
    k >= 2
        && (2..)
            .take_while(|d| d * d <= k)
            .all(|d| !k.is_multiple_of(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymath::jacobi::jacobi_u64;
    use crate::keymath::pseudo_random;

    #[test]
    fn small_prime_residues_are_remainders() {
        let mut next = pseudo_random(0x752);
        // Lengths around the 64-limb block, and limbs of all ones (the largest sums).
        for limbs in [1, 2, 31, 32, 63, 64, 65, 128, 129, 300] {
            for fill in 0..3 {
                let n = Big((0..limbs)
                    .map(|_| if fill == 0 { u64::MAX } else { next() })
                    .collect());
                let residues = small_prime_residues(&n);
                let expected: Vec<(u64, u64)> = odd_primes_below_752()
                    .iter()
                    .map(|&p| (p, n.rem_u64(p)))
                    .collect();
                assert_eq!(residues, expected, "{limbs} limbs");
            }
        }
        assert!(small_prime_residues(&Big(Vec::new()))
            .iter()
            .all(|&(_, r)| r == 0));
        // The division-free Euler criterion and Legendre symbol agree with the plain one.
        for &q in odd_primes_below_752() {
            let magic = u64::MAX / q + 1;
            for a in 0..q {
                for e in [1, 2, 3, (q - 1) / 5, (q - 1) / 2] {
                    assert_eq!(pow_mod_fast(a, e, q, magic), pow_mod_small(a, e, q));
                }
                let residue = pow_mod_small(a, (q - 1) / 2, q) == 1;
                assert_eq!(jacobi_u64(a, q) == -1, a != 0 && !residue);
            }
        }
    }
}
