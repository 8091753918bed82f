//! Whether a modulus is a perfect power m^k (k ≥ 2), and so a prime power when it is one:
//! residue filters rule out almost every exponent, an exact integer root settles the rest.

use super::bignum::Big;
use super::jacobi::jacobi_u64;
use super::primes::{
    is_prime_u32, is_prime_u64, odd_primes_below_752, pow_mod_fast, pow_mod_small,
};
use std::cell::OnceCell;
use std::cmp::Ordering;
use std::sync::OnceLock;

/// Mersenne prime 2^61 − 1: a modulus for cheap "is n = c^k?" screening.
const SCREEN: u64 = (1 << 61) - 1;

/// `a · b mod 2^61 − 1` without a division.
fn mul_screen(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let s = (p as u64 & SCREEN) + (p >> 61) as u64;
    let s = (s & SCREEN) + (s >> 61);
    if s >= SCREEN {
        s - SCREEN
    } else {
        s
    }
}

fn pow_screen(base: u64, mut exp: u32) -> u64 {
    let (mut acc, mut b) = (1, base % SCREEN);
    while exp > 0 {
        if exp & 1 == 1 {
            acc = mul_screen(acc, b);
        }
        b = mul_screen(b, b);
        exp >>= 1;
    }
    acc
}

/// Roots up to this many bits are found from a floating-point estimate.
const FLOAT_ROOT_BITS: usize = 40;

/// An upper bound on the bit length of the k-th root of n.
fn root_bits(n: &Big, k: u32) -> usize {
    n.bits() / k as usize + 1
}

/// A modulus with what the root tests need of it, each worked out at most once.
struct Target<'a> {
    n: &'a Big,
    log2: f64,
    /// `n mod 2^61 − 1`, for the rare candidates that pass the test modulo 2^64.
    screen: OnceCell<u64>,
}

impl<'a> Target<'a> {
    fn new(n: &'a Big) -> Target<'a> {
        Target {
            n,
            log2: n.log2(),
            screen: OnceCell::new(),
        }
    }
}

/// `Some(m)` when `n = m^k` exactly.
fn exact_root(t: &Target<'_>, k: u32) -> Option<Big> {
    let n = t.n;
    let root_bits = root_bits(n, k);
    if root_bits <= FLOAT_ROOT_BITS {
        // The root is small: log2(n) is known to about 2^-42, so the estimate 2^(log2(n)/k)
        // is off by less than 2^40 · 2^-42 < 1/2 and rounds to the root. A candidate whose
        // k-th power differs from n modulo 2^64 (one multiplication per step), then modulo
        // 2^61 − 1 (for an n with many low zero bits), is out without big-number arithmetic.
        let c = (t.log2 / f64::from(k)).exp2().round() as u64;
        return Some(Big::from_u64(c)).filter(|m| {
            c > 1
                && c.wrapping_pow(k) == n.0.first().copied().unwrap_or(0)
                && pow_screen(c, k) == *t.screen.get_or_init(|| n.rem_u64(SCREEN))
                && m.pow_cmp(k, n) == Ordering::Equal
        });
    }
    let r = floor_root(n, k, t.log2);
    (r.pow_cmp(k, n) == Ordering::Equal).then_some(r)
}

/// The largest r with r^k <= n, by integer Newton steps from the floating-point estimate
/// 2^(log2(n)/k). A modulus built to pass every residue filter used to cost a bit-by-bit
/// search (one k-th power per root bit, over half a second at 8192 bits); the estimate is good
/// to about 40 bits and each step doubles that, so a handful of steps suffice.
fn floor_root(n: &Big, k: u32, log2: f64) -> Big {
    let e = log2 / f64::from(k);
    let whole = e.floor();
    // 53 bits of the estimate, then shifted into place.
    let mantissa = Big::from_u64(((e - whole).exp2() * (1u64 << 52) as f64).ceil() as u64);
    let whole = whole as i64;
    let start = if whole >= 52 {
        mantissa.shl((whole - 52) as usize)
    } else {
        Big::from_u64((mantissa.0[0] >> (52 - whole.max(0)) as u32).max(1))
    };
    // One step from any positive x lands at or above the root (the arithmetic-geometric mean
    // inequality); from there every step decreases until the root is reached.
    let mut x = newton_step(n, k, &start);
    loop {
        let y = newton_step(n, k, &x);
        if y.cmp_big(&x) != Ordering::Less {
            return x;
        }
        x = y;
    }
}

/// ⌊((k − 1)·x + ⌊n / x^(k−1)⌋) / k⌋ for x > 0.
fn newton_step(n: &Big, k: u32, x: &Big) -> Big {
    let mut power = Big::from_u64(1);
    let mut quotient = Big(Vec::new());
    let mut fits = true;
    for _ in 1..k {
        power = power.mul(x);
        if power.bits() > n.bits() {
            fits = false;
            break;
        }
    }
    if fits && !power.0.is_empty() {
        quotient = n.div_big(&power);
    }
    let (sum, _) = x
        .mul(&Big::from_u64(u64::from(k) - 1))
        .add(&quotient)
        .div_u64(u64::from(k));
    sum
}

/// Largest exponent with a precomputed filter: enough for moduli of about 19,000 bits.
const MAX_FILTERED_K: usize = 2048;

/// A filter prime q ≡ 1 (mod k) for an exponent k. Below 752 its residue is already known;
/// larger ones (for exponents with fewer than two small ones) are reduced on demand.
enum FilterPrime {
    /// `index` into the small primes, (q − 1)/k, and q's [`fastmod`] constant: the test then
    /// needs no division.
    Small {
        index: usize,
        exponent: u64,
        magic: u64,
    },
    Large {
        q: u64,
    },
}

/// Filter primes wanted per exponent: a non-power passes each with probability 1/k.
const FILTERS_PER_K: usize = 2;

/// For each prime k, its filter primes: every odd prime q < 752 with q ≡ 1 (mod k), then larger
/// ones until there are [`FILTERS_PER_K`].
fn filter_primes(k: u32) -> &'static [FilterPrime] {
    // Built per exponent on first use: a 2048-bit modulus needs k <= 214 only, and finding
    // the larger filter primes for every k up to 2048 cost a fresh process most of a
    // millisecond.
    static TABLE: [OnceLock<Vec<FilterPrime>>; MAX_FILTERED_K + 1] =
        [const { OnceLock::new() }; MAX_FILTERED_K + 1];
    TABLE
        .get(k as usize)
        .map_or(&[], |cell| cell.get_or_init(|| filters_for(k)).as_slice())
}

fn filters_for(k: u32) -> Vec<FilterPrime> {
    if !is_prime_u32(k) {
        return Vec::new();
    }
    let primes = odd_primes_below_752();
    let k = u64::from(k);
    let mut out: Vec<FilterPrime> = (0..primes.len())
        .filter(|&i| (primes[i] - 1).is_multiple_of(k))
        .map(|index| FilterPrime::Small {
            index,
            exponent: (primes[index] - 1) / k,
            magic: u64::MAX / primes[index] + 1,
        })
        .collect();
    let larger = (1..)
        .map(|j| 2 * k * j + 1)
        .filter(|&q| q > 751 && is_prime_u64(q));
    let missing = FILTERS_PER_K.saturating_sub(out.len());
    out.extend(larger.take(missing).map(|q| FilterPrime::Large { q }));
    out
}

/// Whether a filter proves that `n` is not a k-th power: modulo a prime q ≡ 1 (mod k), only
/// one residue in k is a k-th power, and n mod q must be one of them. The larger filter primes
/// cost a pass over n each, so they are used only when the root is too long for the cheap
/// floating-point test of [`exact_root`].
fn not_a_kth_power(n: &Big, residues: &[(u64, u64)], k: u32) -> bool {
    let use_large = root_bits(n, k) > FLOAT_ROOT_BITS;
    filter_primes(k).iter().any(|f| match f {
        FilterPrime::Small {
            index,
            exponent,
            magic,
        } => residues.get(*index).is_some_and(|&(q, a)| match k {
            // The Legendre symbol, without divisions: the same answer as Euler's criterion.
            2 => jacobi_u64(a, q) == -1,
            _ => a != 0 && pow_mod_fast(a, *exponent, q, *magic) != 1,
        }),
        FilterPrime::Large { q } if use_large => not_a_kth_power_residue(n.rem_u64(*q), *q, k),
        FilterPrime::Large { .. } => false,
    })
}

/// Random filter primes per exponent, for a modulus that passed the fixed ones. The fixed
/// primes are public, so a modulus can be built to pass them all (n ≡ 1 modulo each) and send
/// every exponent to the costly exact root; primes drawn at random once per process cannot be
/// targeted. A non-power passes each with probability at most 1/2; a true power passes all,
/// so only the cost depends on the draw, never the result.
const RANDOM_FILTERS: usize = 24;

fn random_filter_primes(k: u32) -> &'static [u64] {
    static TABLE: [OnceLock<Vec<u64>>; MAX_FILTERED_K + 1] =
        [const { OnceLock::new() }; MAX_FILTERED_K + 1];
    TABLE.get(k as usize).map_or(&[], |cell| {
        cell.get_or_init(|| {
            use std::hash::{BuildHasher, Hasher};
            let mut state = std::collections::hash_map::RandomState::new()
                .build_hasher()
                .finish();
            let step = 2 * u64::from(k);
            // q = step·j + 1 between 2^20 and 2^24: hundreds of primes for every k.
            let (low, span) = (
                (1u64 << 20) / step,
                (1u64 << 24) / step - (1u64 << 20) / step,
            );
            let mut out: Vec<u64> = Vec::with_capacity(RANDOM_FILTERS);
            while out.len() < RANDOM_FILTERS {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let q = step * (low + (state >> 33) % span) + 1;
                if is_prime_u64(q) && !out.contains(&q) {
                    out.push(q);
                }
            }
            out
        })
        .as_slice()
    })
}

/// Whether a random filter prime proves that `n` is not a k-th power.
fn random_filters_reject(n: &Big, k: u32) -> bool {
    random_filter_primes(k)
        .iter()
        .any(|&q| not_a_kth_power_residue(n.rem_u64(q), q, k))
}

/// Euler's criterion for a prime q ≡ 1 (mod k): a non-zero `a` is a k-th power modulo q
/// exactly when a^((q−1)/k) ≡ 1. One short exponentiation per filter used, instead of tables
/// of k-th power residues whose construction cost a fresh process about 3 ms.
fn not_a_kth_power_residue(a: u64, q: u64, k: u32) -> bool {
    a != 0 && pow_mod_small(a, (q - 1) / u64::from(k), q) != 1
}

/// How the modulus is a perfect power, when it is: "3^1291", "a perfect square".
pub(crate) fn perfect_power(n: &Big, residues: &[(u64, u64)]) -> Option<String> {
    if n.bits() < 2 {
        return None;
    }
    // A power of 2 has a single bit set.
    if n.is_power_of_two() {
        return Some(format!("2^{}", n.bits() - 1));
    }
    // A small prime factor: a prime power is then a power of that prime.
    if let Some(&(p, _)) = residues.iter().find(|(_, r)| *r == 0) {
        let (mut rest, mut k) = (n.clone(), 0u32);
        loop {
            let (q, r) = rest.div_u64(p);
            if r != 0 {
                break;
            }
            rest = q;
            k += 1;
        }
        if rest == Big::from_u64(1) && k >= 2 {
            return Some(format!("{p}^{k}"));
        }
    }
    // Otherwise n = m^k needs m > 751 (or m has a small factor, found above): k prime and
    // k <= log(n) / log(752).
    let target = Target::new(n);
    let max_k = (target.log2 / 752f64.log2()) as u32;
    let small = std::iter::once(2).chain(odd_primes_below_752().iter().map(|&p| p as u32));
    let large = (752..).filter(|&k| is_prime_u32(k));
    small
        .chain(large)
        .take_while(|&k| k <= max_k)
        .filter(|&k| !not_a_kth_power(n, residues, k))
        .filter(|&k| root_bits(n, k) <= FLOAT_ROOT_BITS || !random_filters_reject(n, k))
        .find_map(|k| {
            exact_root(&target, k)
                .map(|m| format!("a perfect power: m^{k} with m of {} bits", m.bits()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymath::primes::small_prime_residues;
    use crate::keymath::pseudo_random;
    use smimelint_factory::{KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn big_arithmetic() {
        let a = Big::from_be(&[0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05]);
        assert_eq!(a.bits(), 65);
        assert_eq!(u128::from(a.rem_u64(7)), ((1u128 << 64) + 5) % 7);
        let sq = a.mul(&a);
        assert_eq!(sq.to_be().len(), 17);
        assert_eq!(exact_root(&Target::new(&sq), 2), Some(a.clone()));
        let sq3 = sq.mul(&Big::from_u64(3));
        assert_eq!(exact_root(&Target::new(&sq3), 2), None);
        let (q, r) = sq.div_u64(3);
        assert_eq!(q.mul(&Big::from_u64(3)).to_be(), {
            let mut back = sq.clone();
            back.0[0] -= r;
            back.to_be()
        });
        // Small roots go through the floating-point path.
        let c = Big::from_u64(1_000_003)
            .mul(&Big::from_u64(1_000_003))
            .mul(&Big::from_u64(1_000_003));
        assert_eq!(
            exact_root(&Target::new(&c), 3),
            Some(Big::from_u64(1_000_003))
        );
        assert_eq!(pow_screen(3, 5), 243);
        // A 40-bit root, the largest the floating-point path takes.
        let m = Big::from_u64((1 << 40) - 87);
        let mut p = Big::from_u64(1);
        for _ in 0..53 {
            p = p.mul(&m);
        }
        assert_eq!(exact_root(&Target::new(&p), 53), Some(m.clone()));
        let q = p.mul(&Big::from_u64(3));
        assert_eq!(exact_root(&Target::new(&q), 53), None);
        assert_eq!(mul_screen(SCREEN - 1, SCREEN - 1), 1);
    }

    /// `m^k`.
    fn power(m: &Big, k: u32) -> Big {
        (0..k).fold(Big::from_u64(1), |acc, _| acc.mul(m))
    }

    /// The exponent [`perfect_power`] should report for a modulus with no small factor, found
    /// the slow way: the first prime k ≤ log(n)/log(752) with an exact k-th root, each root
    /// found bit by bit.
    fn exhaustive_exponent(n: &Big) -> Option<u32> {
        let max_k = (n.log2() / 752f64.log2()) as u32;
        (2..=max_k).filter(|&k| is_prime_u32(k)).find(|&k| {
            let mut r = Big(Vec::new());
            for bit in (0..root_bits(n, k)).rev() {
                let candidate = r.with_bit(bit);
                if candidate.pow_cmp(k, n) != std::cmp::Ordering::Greater {
                    r = candidate;
                }
            }
            r.pow_cmp(k, n) == std::cmp::Ordering::Equal
        })
    }

    #[test]
    fn perfect_power_agrees_with_exhaustive_roots() {
        let mut next = pseudo_random(0x9e37);
        let prime_20 = Big::from_u64(1_000_003);
        let root_40 = Big::from_u64(1_000_003 * 1_000_033);
        // An even root: n has 620 low zero bits, so the test modulo 2^64 cannot tell.
        let even_root = Big::from_u64((1 << 20) * 1_000_003);
        let mut cases = vec![
            power(&prime_20, 53),
            power(&root_40, 29),
            power(&even_root, 31),
            power(&even_root, 31).mul(&Big::from_u64(1_000_033)),
            power(&root_40, 29).mul(&root_40),
            power(&Big::from_u64(1_000_033), 2).mul(&power(&prime_20, 51)),
        ];
        let no_small_factor = |n: &Big| small_prime_residues(n).iter().all(|&(_, r)| r != 0);
        // n + j·2^1000 for the even power: equal modulo 2^64, not a power.
        let near = (1..)
            .map(|j| {
                let mut near = power(&even_root, 31);
                near.0[1000 / 64] += j << (1000 % 64);
                near
            })
            .find(|n| no_small_factor(n))
            .expect("a near miss");
        cases.push(near);
        // Random 1088-bit numbers without a small factor, and their squares.
        let random = std::iter::repeat_with(|| Big((0..17).map(|_| next()).collect()))
            .filter(|n| no_small_factor(n))
            .take(4);
        for n in random.collect::<Vec<_>>() {
            cases.push(n.mul(&n));
            cases.push(n);
        }
        let mut powers = 0;
        for n in cases {
            // The small-factor branch is not what this test is about.
            assert!(no_small_factor(&n));
            let found = perfect_power(&n, &small_prime_residues(&n));
            match exhaustive_exponent(&n) {
                Some(k) => {
                    powers += 1;
                    assert!(
                        found
                            .as_deref()
                            .is_some_and(|f| f.contains(&format!("m^{k} "))),
                        "{found:?}, expected k = {k}"
                    );
                }
                None => assert_eq!(found, None),
            }
        }
        // m^53, m^29, the even m^31, root_40^30 (a square) and the four squares.
        assert_eq!(powers, 8);
    }

    #[test]
    fn perfect_powers_are_found() {
        let p = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED)
            .rsa_parts()
            .expect("RSA");
        let (n, primes) = (p.n, p.primes);
        let n = Big::from_be(&n);
        assert_eq!(perfect_power(&n, &small_prime_residues(&n)), None);
        let p = Big::from_be(&primes[0]);
        let cube = p.mul(&p).mul(&p);
        assert_eq!(
            perfect_power(&cube, &small_prime_residues(&cube)),
            Some("a perfect power: m^3 with m of 1024 bits".into())
        );
        let mut three = Big::from_u64(1);
        for _ in 0..1290 {
            three = three.mul(&Big::from_u64(3));
        }
        assert_eq!(
            perfect_power(&three, &small_prime_residues(&three)),
            Some("3^1290".into())
        );
        // A 16,338-bit power with a 42-bit root: exponent 389 has no filter prime below 752.
        let m = Big::from_u64((1 << 41) + 15);
        let mut big = Big::from_u64(1);
        for _ in 0..389 {
            big = big.mul(&m);
        }
        assert_eq!(
            perfect_power(&big, &small_prime_residues(&big)),
            Some("a perfect power: m^389 with m of 42 bits".into())
        );
        let not_power = big.mul(&Big::from_u64(1_000_003));
        assert_eq!(
            perfect_power(&not_power, &small_prime_residues(&not_power)),
            None
        );
        let two = Big(Vec::new()).with_bit(2047);
        assert_eq!(perfect_power(&two, &[]), Some("2^2047".into()));
    }

    #[test]
    fn floor_root_matches_the_bit_by_bit_root() {
        let mut next = pseudo_random(0x5eed);
        for limbs in [1usize, 2, 5, 17, 64] {
            for k in [2u32, 3, 5, 7, 13, 61, 127] {
                let n = Big((0..limbs).map(|_| next()).collect::<Vec<_>>());
                let n = if n.0.last() == Some(&0) {
                    n.add(&Big::from_u64(1 << 63).shl(64 * (limbs - 1)))
                } else {
                    n
                };
                let mut slow = Big(Vec::new());
                for bit in (0..root_bits(&n, k)).rev() {
                    let candidate = slow.with_bit(bit);
                    if candidate.pow_cmp(k, &n) != std::cmp::Ordering::Greater {
                        slow = candidate;
                    }
                }
                assert_eq!(floor_root(&n, k, n.log2()), slow, "{limbs} limbs, k = {k}");
            }
        }
    }
}
