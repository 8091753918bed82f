//! Subject public keys (SBR 6.1.5 and 6.1.6, as amended by SMC013): RSA modulus and exponent,
//! EC points on their named curve, EdDSA points, ML-DSA / ML-KEM key lengths.
//!
//! Each lint looks at one key family and is not applicable to the others. The AlgorithmIdentifier
//! itself is `e_smime_spki_algorithm_encoding_not_allowed`'s business (lints/algorithms.rs); the
//! checks here read the key whatever its parameters, so a key with a wrong encoding and a bad
//! value gets both findings.

use super::prelude::*;
use smimelint_cert::spki::{KeyFamily, Spki};
use smimelint_der::walk::{tag, Reader};
use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::OnceLock;

/// The SPKI when it decodes and its algorithm is of `family`.
fn spki_of<'c>(ctx: &'c LintContext<'_>, family: KeyFamily) -> Option<&'c Spki<'c>> {
    match ctx.cert.spki_view() {
        Some(Ok(spki)) if spki.family() == family => Some(spki),
        _ => None,
    }
}

/// "…, and the BIT STRING has N unused bits" when N is not zero: a key is a whole number of
/// octets.
fn unused_bits_note(spki: &Spki<'_>) -> Option<String> {
    (spki.unused_bits != 0).then(|| {
        format!(
            "the subjectPublicKey BIT STRING has {} unused bits (a key is a whole number of octets)",
            spki.unused_bits
        )
    })
}

// ---------------------------------------------------------------------------------------------
// A small unsigned big integer: just what the modulus checks need.
// ---------------------------------------------------------------------------------------------

/// Unsigned integer as little-endian 64-bit limbs, without high zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Big(Vec<u64>);

impl Big {
    fn from_be(bytes: &[u8]) -> Big {
        let mut limbs: Vec<u64> = bytes
            .rchunks(8)
            .map(|c| c.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
            .collect();
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Big(limbs)
    }

    fn from_u64(v: u64) -> Big {
        Big::from_be(&v.to_be_bytes())
    }

    fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |&top| self.0.len() * 64 - top.leading_zeros() as usize)
    }

    fn rem_u64(&self, m: u64) -> u64 {
        let m = u128::from(m);
        self.0
            .iter()
            .rev()
            .fold(0u128, |r, &l| ((r << 64) | u128::from(l)) % m) as u64
    }

    /// Quotient and remainder by a small divisor.
    fn div_u64(&self, d: u64) -> (Big, u64) {
        let d = u128::from(d);
        let mut q = vec![0u64; self.0.len()];
        let mut r = 0u128;
        for i in (0..self.0.len()).rev() {
            let cur = (r << 64) | u128::from(self.0[i]);
            q[i] = (cur / d) as u64;
            r = cur % d;
        }
        while q.last() == Some(&0) {
            q.pop();
        }
        (Big(q), r as u64)
    }

    fn mul(&self, other: &Big) -> Big {
        let mut out = vec![0u64; self.0.len() + other.0.len()];
        for (i, &a) in self.0.iter().enumerate() {
            let mut carry = 0u128;
            for (j, &b) in other.0.iter().enumerate() {
                let t = u128::from(a) * u128::from(b) + u128::from(out[i + j]) + carry;
                out[i + j] = t as u64;
                carry = t >> 64;
            }
            out[i + other.0.len()] = carry as u64;
        }
        while out.last() == Some(&0) {
            out.pop();
        }
        Big(out)
    }

    fn cmp_big(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self^k` compared with `n`, stopping as soon as the power exceeds `n`.
    fn pow_cmp(&self, k: u32, n: &Big) -> Ordering {
        let mut acc = Big::from_u64(1);
        for _ in 0..k {
            acc = acc.mul(self);
            if acc.bits() > n.bits() {
                return Ordering::Greater;
            }
        }
        acc.cmp_big(n)
    }

    fn add(&self, other: &Big) -> Big {
        let (long, short) = if self.0.len() >= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut out = Vec::with_capacity(long.0.len() + 1);
        let mut carry = false;
        for (i, &a) in long.0.iter().enumerate() {
            let (s1, c1) = a.overflowing_add(short.0.get(i).copied().unwrap_or(0));
            let (s2, c2) = s1.overflowing_add(u64::from(carry));
            out.push(s2);
            carry = c1 || c2;
        }
        if carry {
            out.push(1);
        }
        Big(out)
    }

    fn shl(&self, bits: usize) -> Big {
        let (limbs, bits) = (bits / 64, bits % 64);
        let mut out = vec![0u64; limbs];
        let mut spill = 0u64;
        for &l in &self.0 {
            out.push((l << bits) | spill);
            spill = if bits == 0 { 0 } else { l >> (64 - bits) };
        }
        out.push(spill);
        while out.last() == Some(&0) {
            out.pop();
        }
        Big(out)
    }

    /// Big-endian magnitude without leading zero bytes.
    fn to_be(&self) -> Vec<u8> {
        let bytes: Vec<u8> = self.0.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
        strip_zeros(&bytes).to_vec()
    }

    /// `⌊self / d⌋` for a non-zero `d`, by crypto-bigint's long division.
    fn div_big(&self, d: &Big) -> Big {
        use crypto_bigint::{BoxedUint, NonZero};
        let d = NonZero::new(BoxedUint::from_be_slice_vartime(&d.to_be()));
        let Some(d) = Option::<NonZero<BoxedUint>>::from(d) else {
            return Big(Vec::new());
        };
        let (q, _) = BoxedUint::from_be_slice_vartime(&self.to_be()).div_rem_vartime(&d);
        Big::from_be(&q.to_be_bytes())
    }

    /// The top 64 bits and the number of bits below them, for floating-point estimates.
    fn log2(&self) -> f64 {
        let bits = self.bits();
        if bits <= 64 {
            return (self.0.first().copied().unwrap_or(0) as f64).log2();
        }
        let shift = bits - 64;
        let (lo, hi) = (shift / 64, shift % 64);
        let top = if hi == 0 {
            self.0[lo]
        } else {
            (self.0[lo] >> hi) | (self.0.get(lo + 1).copied().unwrap_or(0) << (64 - hi))
        };
        shift as f64 + (top as f64).log2()
    }
}

/// `base^exp mod m` for a small modulus (below 2^32).
fn pow_mod_small(base: u64, mut exp: u64, m: u64) -> u64 {
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
fn pow_mod_fast(base: u64, mut exp: u64, q: u64, magic: u64) -> u64 {
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
fn odd_primes_below_752() -> &'static [u64] {
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
fn fastmod(r: u64, p: u64, magic: u64) -> u64 {
    ((u128::from(magic.wrapping_mul(r)) * u128::from(p)) >> 64) as u64
}

/// `n mod p` for every odd prime p below 752, smallest first.
fn small_prime_residues(n: &Big) -> Vec<(u64, u64)> {
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

/// [`small_prime_residues`] of the last modulus seen on this thread: the small-factor and
/// prime-power lints need them for the same certificate, one after the other.
fn residues_of(n_bytes: &[u8]) -> Rc<[(u64, u64)]> {
    /// (modulus octets, their residues).
    type Memo = Option<(Vec<u8>, Rc<[(u64, u64)]>)>;
    thread_local! {
        static LAST: RefCell<Memo> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((bytes, residues)) = last.as_ref() {
            if bytes == n_bytes {
                return Rc::clone(residues);
            }
        }
        let residues: Rc<[(u64, u64)]> = small_prime_residues(&Big::from_be(n_bytes)).into();
        *last = Some((n_bytes.to_vec(), Rc::clone(&residues)));
        residues
    })
}

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

fn is_prime_u64(n: u64) -> bool {
    n >= 2
        && (2..)
            .take_while(|d| d * d <= n)
            .all(|d| !n.is_multiple_of(d))
}

fn is_prime_u32(k: u32) -> bool {
    k >= 2
        && (2..)
            .take_while(|d| d * d <= k)
            .all(|d| !k.is_multiple_of(d))
}

/// How the modulus is a perfect power, when it is: "3^1291", "a perfect square".
fn perfect_power(n: &Big, residues: &[(u64, u64)]) -> Option<String> {
    if n.bits() < 2 {
        return None;
    }
    // A power of 2 has a single bit set.
    if n.0.iter().map(|l| l.count_ones()).sum::<u32>() == 1 {
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

// ---------------------------------------------------------------------------------------------
// RSA
// ---------------------------------------------------------------------------------------------

/// RSAPublicKey (RFC 8017 A.1.1): magnitudes of the modulus and exponent, read leniently.
struct RsaKey<'a> {
    n: &'a [u8],
    e: &'a [u8],
}

fn strip_zeros(b: &[u8]) -> &[u8] {
    &b[b.iter().take_while(|&&x| x == 0).count()..]
}

/// Decodes the RSAPublicKey; Err names what is wrong.
fn rsa_key<'a>(spki: &Spki<'a>) -> Result<RsaKey<'a>, String> {
    if let Some(note) = unused_bits_note(spki) {
        return Err(note);
    }
    let mut outer = Reader::new(spki.public_key);
    let seq = outer
        .expect(tag::SEQUENCE, "RSAPublicKey")
        .map_err(|e| format!("subjectPublicKey is not an RSAPublicKey: {e}"))?;
    if !outer.is_empty() {
        return Err("bytes follow the RSAPublicKey SEQUENCE in subjectPublicKey".into());
    }
    let mut r = seq.children();
    let n = r
        .expect(tag::INTEGER, "modulus")
        .map_err(|e| format!("RSAPublicKey {e}"))?;
    let e = r
        .expect(tag::INTEGER, "publicExponent")
        .map_err(|e| format!("RSAPublicKey {e}"))?;
    if !r.is_empty() {
        return Err("RSAPublicKey has fields after publicExponent".into());
    }
    for (name, int) in [("modulus", n.content), ("publicExponent", e.content)] {
        if int.first().is_none_or(|b| b & 0x80 != 0) || strip_zeros(int).is_empty() {
            return Err(format!("RSAPublicKey {name} is not a positive INTEGER"));
        }
    }
    Ok(RsaKey {
        n: strip_zeros(n.content),
        e: strip_zeros(e.content),
    })
}

/// Runs `check` on the RSA key; NA for other keys and for an RSAPublicKey that does not decode
/// (that is `e_smime_rsa_public_key_invalid`'s finding).
fn with_rsa(ctx: &LintContext<'_>, check: impl Fn(&RsaKey<'_>) -> Outcome) -> Outcome {
    match spki_of(ctx, KeyFamily::Rsa).map(rsa_key) {
        Some(Ok(key)) => check(&key),
        _ => Outcome::NotApplicable,
    }
}

fn bit_length(magnitude: &[u8]) -> usize {
    magnitude
        .first()
        .map_or(0, |&b| magnitude.len() * 8 - b.leading_zeros() as usize)
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

fn check_rsa_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    match spki_of(ctx, KeyFamily::Rsa).map(rsa_key) {
        None => Outcome::NotApplicable,
        Some(Ok(_)) => Outcome::Pass,
        Some(Err(e)) => fail!("{e}"),
    }
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an rsaEncryption key is an RSAPublicKey: a SEQUENCE of two
    /// positive INTEGERs (modulus, publicExponent) and nothing else, in a BIT STRING without
    /// unused bits. The other RSA lints read the key only when it decodes.
    ///
    /// ## Why
    /// RFC 8017 A.1.1 and RFC 3279 §2.3.1 define the encoding; SBR 6.1.5 and 6.1.6 put
    /// requirements on the modulus and exponent, which a key that does not decode cannot meet.
    ///
    /// ## Example
    /// A subjectPublicKey holding a bare INTEGER; a negative modulus (`02 82 01 00 c3 …`
    /// without the leading `00`).
    E_SMIME_RSA_PUBLIC_KEY_INVALID {
        name: "e_smime_rsa_public_key_invalid",
        description: "The RSA subjectPublicKey is not a valid RSAPublicKey",
        citation: "SBR 6.1.5; RFC 8017 A.1.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_rsa_public_key_invalid,
    }
}

fn check_rsa_modulus_too_small(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.n) {
        bits if bits < 2048 => fail!("RSA modulus has {bits} bits; at least 2048 are required"),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at least 2048 bits long (its bit length, leading zero octets
    /// ignored).
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, when encoded, is at least 2048
    /// bits". 1024-bit moduli are within reach of factoring.
    ///
    /// ## Example
    /// A 1024-bit RSA key.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this and a size not divisible by 8 under one code,
    /// `cabf.rsa_modulus_invalid_length`.
    E_SMIME_RSA_MODULUS_TOO_SMALL {
        name: "e_smime_rsa_modulus_too_small",
        description: "The RSA modulus is shorter than 2048 bits",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: ["e_rsa_mod_less_than_2048_bits"],
        catalog: ["e_smime_rsa_modulus_too_small"],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_small,
    }
}

fn check_rsa_modulus_not_multiple_of_8(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.n) {
        bits if !bits.is_multiple_of(8) => {
            fail!("RSA modulus has {bits} bits, not a multiple of 8")
        }
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The bit length of the RSA modulus is divisible by 8.
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the modulus size, in bits, is evenly divisible by
    /// 8". Key generators produce whole-octet moduli; an odd size points at a broken or
    /// hand-made key.
    ///
    /// ## Example
    /// A 2047-bit modulus (top octet `7f`).
    E_SMIME_RSA_MODULUS_NOT_MULTIPLE_OF_8 {
        name: "e_smime_rsa_modulus_not_multiple_of_8",
        description: "The RSA modulus size in bits is not divisible by 8",
        citation: "SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_invalid_length"],
        zlint: [],
        catalog: ["e_smime_rsa_modulus_not_multiple_of_8"],
        applies: Applies::ALL,
        check: check_rsa_modulus_not_multiple_of_8,
    }
}

fn check_rsa_public_exponent_invalid(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.e;
        let even = e.last().is_some_and(|b| b & 1 == 0);
        let below_3 = e.len() == 1 && e[0] < 3;
        match (even, below_3) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!("RSA public exponent {} is even", int_text(e)),
            (false, true) => fail!("RSA public exponent {} is less than 3", int_text(e)),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is odd and at least 3.
    ///
    /// ## Why
    /// SBR 6.1.6: "the CA SHALL confirm that the value of the public exponent is an odd number
    /// equal to 3 or more". An even exponent has no inverse modulo λ(n); e = 1 does not
    /// encrypt at all.
    ///
    /// ## Example
    /// publicExponent 1; publicExponent 65536.
    E_SMIME_RSA_PUBLIC_EXPONENT_INVALID {
        name: "e_smime_rsa_public_exponent_invalid",
        description: "The RSA public exponent is even or less than 3",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_prohibited_value"],
        zlint: ["e_rsa_public_exponent_not_odd", "e_rsa_public_exponent_too_small"],
        catalog: ["e_smime_rsa_public_exponent_invalid"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_invalid,
    }
}

fn check_rsa_public_exponent_out_of_range(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let e = key.e;
        // 2^16 + 1 = 0x010001; 2^256 − 1 has 256 bits.
        let too_small = e.len() < 3 || (e.len() == 3 && e < [0x01, 0x00, 0x01].as_slice());
        let too_large = bit_length(e) > 256;
        match (too_small, too_large) {
            (false, false) => Outcome::Pass,
            (true, _) => fail!(
                "RSA public exponent {} is below 2^16+1 (65537)",
                int_text(e)
            ),
            (false, true) => fail!(
                "RSA public exponent has {} bits; it should be at most 2^256-1",
                bit_length(e)
            ),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA public exponent is in the range [2^16 + 1, 2^256 − 1].
    ///
    /// ## Why
    /// SBR 6.1.6: "the public exponent SHOULD be in the range between 2^16 + 1 and 2^256 - 1"
    /// (NIST SP 800-89 §5.3.3). Small exponents such as 3 make padding mistakes exploitable.
    ///
    /// ## Example
    /// publicExponent 3.
    W_SMIME_RSA_PUBLIC_EXPONENT_OUT_OF_RANGE {
        name: "w_smime_rsa_public_exponent_out_of_range",
        description: "The RSA public exponent is outside [2^16+1, 2^256-1]",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_exponent_not_in_recommended_range"],
        zlint: ["w_rsa_public_exponent_not_in_range"],
        catalog: ["w_smime_rsa_public_exponent_out_of_range"],
        applies: Applies::ALL,
        check: check_rsa_public_exponent_out_of_range,
    }
}

fn check_rsa_modulus_even(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        if key.n.last().is_some_and(|b| b & 1 == 0) {
            fail!("RSA modulus ({} bits) is even", bit_length(key.n))
        } else {
            Outcome::Pass
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is odd.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "an odd number" (NIST SP 800-89 §5.3.3). A product of
    /// two large primes is odd; an even modulus has the factor 2 and is not an RSA modulus.
    ///
    /// ## Example
    /// A modulus ending in the octet `00`.
    W_SMIME_RSA_MODULUS_EVEN {
        name: "w_smime_rsa_modulus_even",
        description: "The RSA modulus is even",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_not_odd"],
        catalog: ["w_smime_rsa_modulus_even"],
        applies: Applies::ALL,
        check: check_rsa_modulus_even,
    }
}

fn check_rsa_modulus_small_factor(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        let n = Big::from_be(key.n);
        let factors: Vec<String> = residues_of(key.n)
            .iter()
            .filter(|(p, r)| *r == 0 && n != Big::from_u64(*p))
            .map(|(p, _)| p.to_string())
            .collect();
        if factors.is_empty() {
            Outcome::Pass
        } else {
            fail!("RSA modulus is divisible by {}", factors.join(", "))
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus has no odd prime factor below 752: its remainder by each of the 131 odd
    /// primes 3 … 751 is not zero. The factor 2 is `w_smime_rsa_modulus_even`'s finding, so an
    /// even modulus is reported once.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD "have no factors smaller than 752" (NIST SP 800-89
    /// §5.3.3, partial public-key validation). A modulus with a small factor is trivially
    /// factored.
    ///
    /// ## Example
    /// A modulus that is 251 times a 2048-bit RSA modulus.
    ///
    /// ## Differences from pkilint
    /// pkilint's `cabf.rsa_modulus_has_small_prime_factor` also counts the factor 2;
    /// smimelint reports an even modulus once, as `w_smime_rsa_modulus_even`.
    W_SMIME_RSA_MODULUS_SMALL_FACTOR {
        name: "w_smime_rsa_modulus_small_factor",
        description: "The RSA modulus has a prime factor smaller than 752",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.rsa_modulus_has_small_prime_factor"],
        zlint: ["w_rsa_mod_factors_smaller_than_752"],
        catalog: ["w_smime_rsa_modulus_small_factor"],
        applies: Applies::ALL,
        check: check_rsa_modulus_small_factor,
    }
}

/// Largest modulus the number-theory checks examine. The SBR sets no upper bound, and the
/// prime-power test grows about with the cube of the size (a crafted 16,384-bit modulus cost a
/// second), so a larger one gets a notice instead of the computation.
pub(crate) const MAX_EXAMINED_RSA_BITS: usize = 8192;

fn check_rsa_modulus_too_large(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| match bit_length(key.n) {
        bits if bits > MAX_EXAMINED_RSA_BITS => fail!(
            "RSA modulus has {bits} bits; moduli over {MAX_EXAMINED_RSA_BITS} bits are not examined"
        ),
        _ => Outcome::Pass,
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is at most 8192 bits long; a longer one gets a notice saying that its
    /// number-theory checks were not run.
    ///
    /// ## Why
    /// The SBR sets no upper bound on the modulus, so a longer key is no defect and this is a
    /// notice, never a warning: real subscriber certificates carry keys of over 16,000 bits.
    /// But the SHOULDs of SBR 6.1.6 can only be verified at a bounded cost:
    /// `w_smime_rsa_modulus_prime_power` takes time growing with about the cube of the size (a
    /// modulus crafted to pass its residue filters costs about 2 ms at 8192 bits). Above 8192
    /// bits that check is NA and this notice says the key went unexamined.
    ///
    /// ## Example
    /// A 16,384-bit modulus.
    N_SMIME_RSA_MODULUS_TOO_LARGE_TO_EXAMINE {
        name: "n_smime_rsa_modulus_too_large_to_examine",
        description: "The RSA modulus is longer than 8192 bits: its number-theory checks are not run",
        citation: "SBR 6.1.6",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_rsa_modulus_too_large,
    }
}

fn check_rsa_modulus_prime_power(ctx: &LintContext<'_>) -> Outcome {
    with_rsa(ctx, |key| {
        if bit_length(key.n) > MAX_EXAMINED_RSA_BITS {
            return Outcome::NotApplicable;
        }
        let n = Big::from_be(key.n);
        match perfect_power(&n, &residues_of(key.n)) {
            None => Outcome::Pass,
            Some(how) => fail!("RSA modulus ({} bits) is {how}", n.bits()),
        }
    })
}

lint! {
    /// ## What it checks
    /// The RSA modulus is not a perfect power m^k (k ≥ 2). Every prime power p^k with k ≥ 2 is
    /// one, and a product of two distinct primes never is, so no genuine RSA modulus is
    /// reported. How: a power of 2 or of a prime below 752 is found from the small-factor
    /// remainders by exact division; otherwise m > 751, so only prime exponents
    /// k ≤ log(n)/log(752) can work. For each, the remainders modulo primes q ≡ 1 (mod k)
    /// rule out almost every non-power at once (a k-th power is a k-th power residue mod q;
    /// at least two such q per exponent, below 752 where possible), and the few left are
    /// settled by an exact integer k-th root. A modulus built to pass those public filters
    /// (n ≡ 1 modulo each) meets a further 24 filter primes per exponent drawn at random per
    /// process, which no modulus can target; a true power passes every filter, so the draw
    /// changes the cost, never the result.
    ///
    /// A prime modulus (p^1) is not detected: that needs a primality test on every
    /// certificate. Moduli longer than 8192 bits are not examined (NA; see
    /// `n_smime_rsa_modulus_too_large_to_examine`): the cost grows quickly with the size.
    ///
    /// ## Why
    /// SBR 6.1.6: the modulus SHOULD be "not the power of a prime" (NIST SP 800-89 §5.3.3).
    /// The k-th root of a prime power gives its factor directly.
    ///
    /// ## Example
    /// A 2048-bit modulus that is the square of a 1024-bit prime.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check for prime powers.
    W_SMIME_RSA_MODULUS_PRIME_POWER {
        name: "w_smime_rsa_modulus_prime_power",
        description: "The RSA modulus is a power of a prime (a perfect power)",
        citation: "SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_rsa_modulus_prime_power"],
        applies: Applies::ALL,
        check: check_rsa_modulus_prime_power,
    }
}

// ---------------------------------------------------------------------------------------------
// ECDSA
// ---------------------------------------------------------------------------------------------

/// Named curves whose points the lint can validate: (namedCurve OID content, name, decoder).
type PointCheck = fn(&[u8]) -> bool;
const EC_CURVES: [(&[u8], &str, PointCheck); 3] = [
    (
        &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07],
        "P-256",
        |b| p256::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok(),
    ),
    (&[0x2b, 0x81, 0x04, 0x00, 0x22], "P-384", |b| {
        p384::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok()
    }),
    (&[0x2b, 0x81, 0x04, 0x00, 0x23], "P-521", |b| {
        p521::ecdsa::VerifyingKey::from_sec1_bytes(b).is_ok()
    }),
];

/// What kind of SEC1 point encoding the key claims to be, for messages.
fn point_form(b: &[u8]) -> &'static str {
    match b.first() {
        None => "an empty point",
        Some(0x00) => "the point at infinity",
        Some(0x02 | 0x03) => "a compressed point",
        Some(0x04) => "an uncompressed point",
        Some(_) => "no SEC1 point encoding",
    }
}

fn check_ec_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(spki) = spki_of(ctx, KeyFamily::Ec) else {
        return Outcome::NotApplicable;
    };
    let curve = spki
        .parameters
        .filter(|p| p.tag == tag::OID)
        .and_then(|p| EC_CURVES.iter().find(|(o, _, _)| *o == p.content));
    // Another curve, or parameters that name none, are the encoding lint's finding.
    let Some((_, name, valid)) = curve else {
        return Outcome::NotApplicable;
    };
    if let Some(note) = unused_bits_note(spki) {
        return fail!("{name} key: {note}");
    }
    if valid(spki.public_key) {
        Outcome::Pass
    } else {
        fail!(
            "{name} key is not a valid point on the curve: {} octets, {}",
            spki.public_key.len(),
            point_form(spki.public_key)
        )
    }
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of a P-256, P-384 or P-521 key is a SEC1 point (uncompressed `04`,
    /// or compressed `02`/`03`) of the right length whose coordinates are below the field
    /// prime, that satisfies the curve equation, and that is not the point at infinity. This
    /// is NIST SP 800-56A full public-key validation: on these prime-order curves (cofactor 1)
    /// every point on the curve other than infinity has order n, so the n·Q = O step holds
    /// whenever the others do. The RustCrypto `p256`/`p384`/`p521` decoders perform the checks.
    /// Keys on other curves are left to `e_smime_spki_algorithm_encoding_not_allowed`.
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the key represents a valid point on the NIST
    /// P-256, NIST P-384, or NIST P-521 elliptic curve"; 6.1.6 recommends full or partial
    /// public-key validation. Invalid-curve points leak private keys in ECDH.
    ///
    /// ## Example
    /// An uncompressed P-256 point whose y coordinate was altered; the single octet `00`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports an invalid point as `cabf.ecdsa_key_validation_failed`, a WARNING (the
    /// SHOULD of SBR 6.1.6). SBR 6.1.5 makes "a valid point" a SHALL, so smimelint reports an
    /// error.
    E_SMIME_EC_PUBLIC_KEY_INVALID {
        name: "e_smime_ec_public_key_invalid",
        description: "The EC public key is not a valid point on its named curve",
        citation: "SBR 6.1.5; SBR 6.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.ecdsa_key_validation_failed"],
        zlint: ["e_ec_improper_curves"],
        catalog: ["e_smime_ec_public_key_invalid", "w_smime_ec_public_key_validation_failed"],
        applies: Applies::ALL,
        check: check_ec_public_key_invalid,
    }
}

// ---------------------------------------------------------------------------------------------
// EdDSA, ML-DSA, ML-KEM
// ---------------------------------------------------------------------------------------------

/// Whether the little-endian y coordinate in `y` is below the field prime `p` (also little
/// endian, same length): RFC 8032 decoding rejects y ≥ p, which ed25519-dalek (following
/// ZIP-215) accepts.
fn y_below_p(y: &[u8], p: &[u8]) -> bool {
    y.iter().rev().cmp(p.iter().rev()) == Ordering::Less
}

/// 2^255 − 19, little endian.
const P25519: [u8; 32] = {
    let mut p = [0xff; 32];
    p[0] = 0xed;
    p[31] = 0x7f;
    p
};

/// 2^448 − 2^224 − 1, little endian.
const P448: [u8; 56] = {
    let mut p = [0xff; 56];
    p[28] = 0xfe;
    p
};

fn ed25519_decodes(b: &[u8]) -> bool {
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
fn ed448_decodes(b: &[u8]) -> bool {
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

/// The Jacobi symbol (a | m) for an odd m: 1, −1, or 0 when they have a common factor. The
/// binary algorithm with whole runs of zero bits shifted out at once; several times faster
/// than crypto-bigint's bit-at-a-time `jacobi_symbol_vartime`, and finished in single words
/// once both numbers fit in one.
fn jacobi<const N: usize>(mut a: [u64; N], mut m: [u64; N]) -> i8 {
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

fn jacobi_u64(mut a: u64, mut m: u64) -> i8 {
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

/// [`P448`] as little-endian hex, for crypto-bigint's constants.
const P448_HEX: &str = "ffffffffffffffffffffffffffffffffffffffffffffffffffffffff\
                        feffffffffffffffffffffffffffffffffffffffffffffffffffffff";

fn check_eddsa_public_key_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(spki) = spki_of(ctx, KeyFamily::EdDsa) else {
        return Outcome::NotApplicable;
    };
    let (name, len, decodes): (&str, usize, PointCheck) =
        if spki.algorithm_oid == oid::ED25519.as_bytes() {
            ("Ed25519", 32, ed25519_decodes)
        } else {
            ("Ed448", 57, ed448_decodes)
        };
    let key = spki.public_key;
    if let Some(note) = unused_bits_note(spki) {
        fail!("{name} key: {note}")
    } else if key.len() != len {
        fail!("{name} key has {} octets; {len} are required", key.len())
    } else if !decodes(key) {
        fail!("{name} key does not decode to a point on the curve")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// An id-Ed25519 key is 32 octets and an id-Ed448 key 57 octets (RFC 8410 §3), and the
    /// octets decode to a curve point as RFC 8032 §5.1.3 / §5.2.3 decode it: the y coordinate
    /// is below the field prime (checked here, because ed25519-dalek accepts non-canonical y
    /// the way ZIP-215 does), the unused bits of the last Ed448 octet are zero, and an x
    /// exists for y, and x = 0 does not come with the sign bit set. Ed25519 keys are decoded
    /// by ed25519-dalek. For Ed448 the existence of x is decided without computing it: x² =
    /// (y² − 1)/(d·y² − 1) has a solution exactly when (y² − 1)(d·y² − 1) is a square modulo
    /// p (its Legendre symbol is not −1). The Ed448 identity (y = 1) is reported as not a
    /// valid key (as ed448-goldilocks reports it); the Ed25519 one passes (ed25519-dalek
    /// accepts it).
    ///
    /// Like RFC 8032 decoding, and like the Ed25519 check, the lint does not test whether the
    /// point lies in the prime-order subgroup: a low-order or mixed-order point that decodes
    /// passes, such as (0, −1) for Ed448 (ed448-goldilocks' `VerifyingKey::from_bytes`
    /// refuses points with a torsion component; this lint does not).
    ///
    /// ## Why
    /// SBR 6.1.5: the CA SHALL "ensure that the key represents a valid point on the curve25519
    /// or curve 448 elliptic curve".
    ///
    /// ## Example
    /// A 31-octet Ed25519 key; 32 octets whose y coordinate has no matching x.
    E_SMIME_EDDSA_PUBLIC_KEY_INVALID {
        name: "e_smime_eddsa_public_key_invalid",
        description: "The EdDSA public key has the wrong length or is not a curve point",
        citation: "SBR 6.1.5; RFC 8410 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_eddsa_public_key_invalid"],
        applies: Applies::ALL,
        check: check_eddsa_public_key_invalid,
    }
}

/// (algorithm OID, parameter set, public key length in octets).
const PQC_LENGTHS: [(&const_oid::ObjectIdentifier, &str, usize); 6] = [
    (&oid::ML_DSA_44, "ML-DSA-44", 1312),
    (&oid::ML_DSA_65, "ML-DSA-65", 1952),
    (&oid::ML_DSA_87, "ML-DSA-87", 2592),
    (&oid::ML_KEM_512, "ML-KEM-512", 800),
    (&oid::ML_KEM_768, "ML-KEM-768", 1184),
    (&oid::ML_KEM_1024, "ML-KEM-1024", 1568),
];

fn check_pqc_length(ctx: &LintContext<'_>, family: KeyFamily) -> Outcome {
    let Some(spki) = spki_of(ctx, family) else {
        return Outcome::NotApplicable;
    };
    let Some(&(_, name, len)) = PQC_LENGTHS
        .iter()
        .find(|(o, _, _)| o.as_bytes() == spki.algorithm_oid)
    else {
        return Outcome::NotApplicable;
    };
    let got = spki.public_key.len();
    if let Some(note) = unused_bits_note(spki) {
        return fail!("{name} key: {note}");
    }
    if got == len {
        return Outcome::Pass;
    }
    let other = PQC_LENGTHS
        .iter()
        .find(|(_, _, l)| *l == got)
        .map_or_else(String::new, |(_, n, _)| format!(" ({n}'s length)"));
    fail!("{name} public key has {got} octets{other}; {name} keys have {len}")
}

fn check_mldsa_public_key_invalid_length(ctx: &LintContext<'_>) -> Outcome {
    check_pqc_length(ctx, KeyFamily::MlDsa)
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an ML-DSA key holds the raw public key of the parameter set its
    /// OID names (FIPS 204 Table 2): 1312 octets for ML-DSA-44, 1952 for ML-DSA-65, 2592 for
    /// ML-DSA-87, in a BIT STRING without unused bits (no OCTET STRING wrapper).
    ///
    /// ## Why
    /// SBR 6.1.5 as amended by SMC013: the key SHALL use one of the parameter sets ML-DSA-44,
    /// -65 or -87; a key whose length belongs to another set (or to none) does not.
    ///
    /// ## Example
    /// id-ml-dsa-44 with a 1952-octet key (an ML-DSA-65 key under the wrong OID).
    E_SMIME_MLDSA_PUBLIC_KEY_INVALID_LENGTH {
        name: "e_smime_mldsa_public_key_invalid_length",
        description: "The ML-DSA public key length does not match its parameter set",
        citation: "SBR 6.1.5; FIPS 204",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_mldsa_public_key_invalid_length"],
        applies: Applies::ALL,
        check: check_mldsa_public_key_invalid_length,
    }
}

fn check_mlkem_public_key_invalid_length(ctx: &LintContext<'_>) -> Outcome {
    check_pqc_length(ctx, KeyFamily::MlKem)
}

lint! {
    /// ## What it checks
    /// The subjectPublicKey of an ML-KEM key holds the raw encapsulation key of the parameter
    /// set its OID names (FIPS 203 Table 3): 800 octets for ML-KEM-512, 1184 for ML-KEM-768,
    /// 1568 for ML-KEM-1024, in a BIT STRING without unused bits.
    ///
    /// ## Why
    /// SBR 6.1.5 as amended by SMC013: the key SHALL use one of the parameter sets ML-KEM-512,
    /// -768 or -1024.
    ///
    /// ## Example
    /// id-alg-ml-kem-768 with an 800-octet key.
    E_SMIME_MLKEM_PUBLIC_KEY_INVALID_LENGTH {
        name: "e_smime_mlkem_public_key_invalid_length",
        description: "The ML-KEM public key length does not match its parameter set",
        citation: "SBR 6.1.5; FIPS 203",
        source: Source::Sbr,
        effective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_mlkem_public_key_invalid_length"],
        applies: Applies::ALL,
        check: check_mlkem_public_key_invalid_length,
    }
}

#[cfg(test)]
impl Big {
    fn with_bit(&self, bit: usize) -> Big {
        let mut limbs = self.0.clone();
        if limbs.len() <= bit / 64 {
            limbs.resize(bit / 64 + 1, 0);
        }
        limbs[bit / 64] |= 1 << (bit % 64);
        Big(limbs)
    }
}

#[cfg(test)]
mod tests {
    use super::{exact_root, perfect_power, small_prime_residues, Big, Target};
    use smimelint_engine::detect::CertType;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::keys::{
        crafted_rsa_modulus, rsa_key_of_size, rsa_public_key, spki_algorithm,
    };
    use smimelint_factory::{CertBuilder, KeyAlg, KeyPair, SUBJECT_SEED};

    fn with_key(alg: KeyAlg) -> CertBuilder {
        let t: CertType = "mailbox-strict".parse().expect("type");
        CertBuilder::subscriber_with_key(t, alg)
    }

    /// The baseline certificate with an RSA key made of this modulus and exponent.
    fn rsa(n: &[u8], e: &[u8]) -> Vec<u8> {
        let alg = spki_algorithm(KeyAlg::Rsa2048);
        with_key(KeyAlg::Rsa2048)
            .subject_key_raw(alg, 0, &rsa_public_key(n, e))
            .build()
    }

    fn real_rsa() -> (Vec<u8>, Vec<u8>, Vec<Vec<u8>>) {
        let p = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED)
            .rsa_parts()
            .expect("RSA");
        (p.n, p.e, p.primes)
    }

    fn good() -> Vec<u8> {
        with_key(KeyAlg::Rsa2048).build()
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
        assert_eq!(super::pow_screen(3, 5), 243);
        // A 40-bit root, the largest the floating-point path takes.
        let m = Big::from_u64((1 << 40) - 87);
        let mut p = Big::from_u64(1);
        for _ in 0..53 {
            p = p.mul(&m);
        }
        assert_eq!(exact_root(&Target::new(&p), 53), Some(m.clone()));
        let q = p.mul(&Big::from_u64(3));
        assert_eq!(exact_root(&Target::new(&q), 53), None);
        assert_eq!(super::mul_screen(super::SCREEN - 1, super::SCREEN - 1), 1);
    }

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
                let expected: Vec<(u64, u64)> = super::odd_primes_below_752()
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
        for &q in super::odd_primes_below_752() {
            let magic = u64::MAX / q + 1;
            for a in 0..q {
                for e in [1, 2, 3, (q - 1) / 5, (q - 1) / 2] {
                    assert_eq!(
                        super::pow_mod_fast(a, e, q, magic),
                        super::pow_mod_small(a, e, q)
                    );
                }
                let residue = super::pow_mod_small(a, (q - 1) / 2, q) == 1;
                assert_eq!(super::jacobi_u64(a, q) == -1, a != 0 && !residue);
            }
        }
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
        (2..=max_k).filter(|&k| super::is_prime_u32(k)).find(|&k| {
            let mut r = Big(Vec::new());
            for bit in (0..super::root_bits(n, k)).rev() {
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
        let (n, _, primes) = real_rsa();
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
    fn rsa_public_key_decodes() {
        let lint = "e_smime_rsa_public_key_invalid";
        let alg = spki_algorithm(KeyAlg::Rsa2048);
        let (n, _, _) = real_rsa();
        let bare = with_key(KeyAlg::Rsa2048)
            .subject_key_raw(alg, 0, &smimelint_factory::der::uint(&n))
            .build();
        assert_lint(lint, &bare, &good(), &[]);
        assert!(details(&bare, lint).contains("not an RSAPublicKey"));
        // The modulus without its sign octet is negative.
        let negative = with_key(KeyAlg::Rsa2048)
            .subject_key_raw(
                alg,
                0,
                &smimelint_factory::der::seq(&[
                    smimelint_factory::der::tlv(0x02, &n),
                    smimelint_factory::der::int(65537),
                ]),
            )
            .build();
        assert!(details(&negative, lint).contains("modulus is not a positive INTEGER"));
    }

    #[test]
    fn rsa_modulus_size() {
        let small = rsa_key_of_size(1024, 1);
        let bad = rsa(&small.n, &small.e);
        assert_lint("e_smime_rsa_modulus_too_small", &bad, &good(), &[]);
        assert_eq!(
            details(&bad, "e_smime_rsa_modulus_too_small"),
            "RSA modulus has 1024 bits; at least 2048 are required"
        );
        let odd_size = rsa_key_of_size(2052, 1);
        let bad = rsa(&odd_size.n, &odd_size.e);
        assert_lint("e_smime_rsa_modulus_not_multiple_of_8", &bad, &good(), &[]);
        for alg in [KeyAlg::Rsa3072, KeyAlg::Rsa4096] {
            let der = with_key(alg).build();
            assert_eq!(
                status_of(&der, "e_smime_rsa_modulus_too_small"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_prime_power"),
                Status::Pass
            );
            assert_eq!(
                status_of(&der, "w_smime_rsa_modulus_small_factor"),
                Status::Pass
            );
        }
    }

    #[test]
    fn rsa_exponent() {
        let (n, _, _) = real_rsa();
        let even = rsa(&n, &[0x01, 0x00, 0x02]);
        assert_lint("e_smime_rsa_public_exponent_invalid", &even, &good(), &[]);
        assert_eq!(
            details(&even, "e_smime_rsa_public_exponent_invalid"),
            "RSA public exponent 65538 is even"
        );
        let one = rsa(&n, &[1]);
        assert_lint(
            "e_smime_rsa_public_exponent_invalid",
            &one,
            &good(),
            &["w_smime_rsa_public_exponent_out_of_range"],
        );
        let three = rsa(&n, &[3]);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &three,
            &good(),
            &[],
        );
        // 2^256 + 1 is odd but too large.
        let mut huge = vec![0u8; 33];
        huge[0] = 1;
        huge[32] = 1;
        let huge = rsa(&n, &huge);
        assert_lint(
            "w_smime_rsa_public_exponent_out_of_range",
            &huge,
            &good(),
            &[],
        );
        assert!(details(&huge, "w_smime_rsa_public_exponent_out_of_range").contains("257 bits"));
    }

    #[test]
    fn rsa_modulus_quality() {
        let (n, e, primes) = real_rsa();
        let big_n = Big::from_be(&n);
        // n × 256: 2056 bits, even (the factor 2 is the even lint's finding only).
        let even = rsa(&big_n.mul(&Big::from_u64(256)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_even", &even, &good(), &[]);
        // n × 251: 2056 bits, divisible by 251.
        let times_251 = rsa(&big_n.mul(&Big::from_u64(251)).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_small_factor", &times_251, &good(), &[]);
        assert_eq!(
            details(&times_251, "w_smime_rsa_modulus_small_factor"),
            "RSA modulus is divisible by 251"
        );
        // The square of one of the key's 1024-bit primes: a 2048-bit prime power.
        let p = Big::from_be(&primes[0]);
        let square = p.mul(&p);
        assert_eq!(square.bits(), 2048);
        let square = rsa(&square.to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        // Beyond 8192 bits the check does not run.
        let huge: Vec<u8> = n.iter().cycle().take(2100).copied().collect();
        assert_eq!(
            status_of(&rsa(&huge, &e), "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (2048 bits) is a perfect power: m^2 with m of 1024 bits"
        );
    }

    #[test]
    fn rsa_modulus_too_large() {
        let (_, e, _) = real_rsa();
        // Residue 1 modulo every prime below 3000: no filter rules it out as a perfect power.
        let crafted = crafted_rsa_modulus(16_384, 3000);
        assert_eq!(Big::from_be(&crafted).bits(), 16_384);
        assert_eq!(Big::from_be(&crafted).rem_u64(2999), 1);
        let bad = rsa(&crafted, &e);
        assert_lint(
            "n_smime_rsa_modulus_too_large_to_examine",
            &bad,
            &good(),
            &[],
        );
        assert_eq!(
            details(&bad, "n_smime_rsa_modulus_too_large_to_examine"),
            "RSA modulus has 16384 bits; moduli over 8192 bits are not examined"
        );
        assert_eq!(
            status_of(&bad, "w_smime_rsa_modulus_prime_power"),
            Status::NotApplicable
        );
        // 8192 bits is the largest examined size, and 8200 the next multiple of 8.
        let at_bound = rsa(&crafted_rsa_modulus(8192, 3000), &e);
        assert_eq!(
            status_of(&at_bound, "n_smime_rsa_modulus_too_large_to_examine"),
            Status::Pass
        );
        assert_eq!(
            status_of(&at_bound, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
        let over = rsa(&crafted_rsa_modulus(8200, 3000), &e);
        assert!(status_of(&over, "n_smime_rsa_modulus_too_large_to_examine").is_finding());
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
                for bit in (0..super::root_bits(&n, k)).rev() {
                    let candidate = slow.with_bit(bit);
                    if candidate.pow_cmp(k, &n) != std::cmp::Ordering::Greater {
                        slow = candidate;
                    }
                }
                assert_eq!(
                    super::floor_root(&n, k, n.log2()),
                    slow,
                    "{limbs} limbs, k = {k}"
                );
            }
        }
    }

    #[test]
    fn filter_passing_moduli_are_settled_exactly() {
        let (_, e, _) = real_rsa();
        // m ≡ 1 modulo every prime below 2000, so m^k passes every residue filter for every
        // k, as does the non-power at_bound of rsa_modulus_too_large; only the root decides.
        let m = Big::from_be(&crafted_rsa_modulus(4096, 2000));
        let square = rsa(&m.mul(&m).to_be(), &e);
        assert_lint("w_smime_rsa_modulus_prime_power", &square, &good(), &[]);
        assert_eq!(
            details(&square, "w_smime_rsa_modulus_prime_power"),
            "RSA modulus (8192 bits) is a perfect power: m^2 with m of 4096 bits"
        );
        let m = Big::from_be(&crafted_rsa_modulus(1024, 500));
        let seventh = (0..7).fold(Big::from_u64(1), |acc, _| acc.mul(&m));
        let seventh = rsa(&seventh.to_be(), &e);
        assert!(details(&seventh, "w_smime_rsa_modulus_prime_power")
            .ends_with("is a perfect power: m^7 with m of 1024 bits"));
        // One more than the square of an m ≡ 1 modulo every prime below 500: not a power
        // (no two positive squares are consecutive), yet ≡ 2 modulo each of those primes.
        let near = rsa(&m.mul(&m).add(&Big::from_u64(1)).to_be(), &e);
        assert_eq!(
            status_of(&near, "w_smime_rsa_modulus_prime_power"),
            Status::Pass
        );
    }

    #[test]
    fn ec_points_are_on_their_curve() {
        let lint = "e_smime_ec_public_key_invalid";
        for alg in [KeyAlg::P256, KeyAlg::P384, KeyAlg::P521] {
            let mut point = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
            *point.last_mut().expect("point") ^= 0x01;
            let off_curve = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &point)
                .build();
            assert_lint(lint, &off_curve, &with_key(alg).build(), &[]);
            assert!(details(&off_curve, lint).contains("an uncompressed point"));
        }
        let infinity = with_key(KeyAlg::P256)
            .subject_key_raw(spki_algorithm(KeyAlg::P256), 0, &[0x00])
            .build();
        assert!(details(&infinity, lint).contains("the point at infinity"));
        // The compressed form of a valid point is valid.
        let point = KeyPair::get(KeyAlg::P256, SUBJECT_SEED).public_key_bytes();
        let mut compressed = point[..33].to_vec();
        compressed[0] = 0x02 | (point[64] & 1);
        let compressed = with_key(KeyAlg::P256)
            .subject_key_raw(spki_algorithm(KeyAlg::P256), 0, &compressed)
            .build();
        assert_eq!(status_of(&compressed, lint), Status::Pass);
    }

    #[test]
    fn eddsa_keys_decode() {
        let lint = "e_smime_eddsa_public_key_invalid";
        for (alg, len) in [(KeyAlg::Ed25519, 32), (KeyAlg::Ed448, 57)] {
            let key = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
            let short = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &key[..len - 1])
                .build();
            assert_lint(lint, &short, &with_key(alg).build(), &[]);
            assert!(
                details(&short, lint).contains(&format!("{} octets; {len} are required", len - 1))
            );
            // A y coordinate with no x on the curve.
            let bad = (2u8..=255)
                .map(|y| {
                    let mut k = vec![0u8; len];
                    k[0] = y;
                    k
                })
                .find(|k| !(super::ed25519_decodes(k) || super::ed448_decodes(k)))
                .expect("a non-point");
            let off_curve = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &bad)
                .build();
            assert_lint(lint, &off_curve, &with_key(alg).build(), &[]);
            assert!(details(&off_curve, lint).contains("does not decode"));
        }
        // y = p + 1 encodes y = 1 (the identity's y) non-canonically.
        let mut y = super::P25519;
        y[0] += 1;
        assert!(ed25519_dalek::VerifyingKey::from_bytes(&y).is_ok());
        let non_canonical = with_key(KeyAlg::Ed25519)
            .subject_key_raw(spki_algorithm(KeyAlg::Ed25519), 0, &y)
            .build();
        assert!(details(&non_canonical, lint).contains("does not decode"));
        // The unused bits of the last Ed448 octet.
        let mut key = KeyPair::get(KeyAlg::Ed448, SUBJECT_SEED).public_key_bytes();
        key[56] |= 0x01;
        let stray = with_key(KeyAlg::Ed448)
            .subject_key_raw(spki_algorithm(KeyAlg::Ed448), 0, &key)
            .build();
        assert!(details(&stray, lint).contains("does not decode"));
        // Ed448 keys with y ≥ p, the identity (y = 1), and x = 0 with the sign bit set
        // (y = p − 1 with 0x80) fail; (0, −1) decodes: the lint makes no subgroup check.
        let ed448 = |y: [u8; 56], sign: u8| {
            let mut key = y.to_vec();
            key.push(sign);
            with_key(KeyAlg::Ed448)
                .subject_key_raw(spki_algorithm(KeyAlg::Ed448), 0, &key)
                .build()
        };
        let mut one = [0u8; 56];
        one[0] = 1;
        let mut minus_one = super::P448;
        minus_one[0] -= 1;
        let mut ed25519_identity = [0u8; 32];
        ed25519_identity[0] = 1;
        assert!(super::ed25519_decodes(&ed25519_identity));
        for (y, sign) in [(super::P448, 0x00), (one, 0x00), (minus_one, 0x80)] {
            assert_lint(lint, &ed448(y, sign), &ed448(minus_one, 0x00), &[]);
            assert!(details(&ed448(y, sign), lint).contains("does not decode"));
        }
    }

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

    /// splitmix64: deterministic pseudo-random words for cross-checks.
    fn pseudo_random(seed: u64) -> impl FnMut() -> u64 {
        let mut state = seed;
        move || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
    }

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
            assert_eq!(super::jacobi(a, m), expected, "{a:x?} | {m:x?}");
        }
        assert_eq!(super::jacobi_u64(0, 1), 1);
        assert_eq!(super::jacobi_u64(2, 3), -1);
        assert_eq!(super::jacobi_u64(6, 9), 0);
    }

    #[test]
    fn ed448_decoding_matches_rfc8032() {
        use super::{ed448_decodes, y_below_p, P448};
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
            crypto_bigint::U448::from_le_hex(super::P448_HEX),
            crypto_bigint::U448::from_le_slice(&P448)
        );
    }

    #[test]
    fn pqc_key_lengths() {
        let cases = [
            ("e_smime_mldsa_public_key_invalid_length", KeyAlg::MlDsa44, KeyAlg::MlDsa65, "ML-DSA-44 public key has 1952 octets (ML-DSA-65's length); ML-DSA-44 keys have 1312"),
            ("e_smime_mldsa_public_key_invalid_length", KeyAlg::MlDsa87, KeyAlg::MlDsa44, "ML-DSA-87 public key has 1312 octets (ML-DSA-44's length); ML-DSA-87 keys have 2592"),
            ("e_smime_mlkem_public_key_invalid_length", KeyAlg::MlKem768, KeyAlg::MlKem512, "ML-KEM-768 public key has 800 octets (ML-KEM-512's length); ML-KEM-768 keys have 1184"),
            ("e_smime_mlkem_public_key_invalid_length", KeyAlg::MlKem1024, KeyAlg::MlKem768, "ML-KEM-1024 public key has 1184 octets (ML-KEM-768's length); ML-KEM-1024 keys have 1568"),
        ];
        for (lint, alg, other, expected) in cases {
            let key = KeyPair::get(other, SUBJECT_SEED).public_key_bytes();
            let bad = with_key(alg)
                .subject_key_raw(spki_algorithm(alg), 0, &key)
                .build();
            assert_lint(lint, &bad, &with_key(alg).build(), &[]);
            assert_eq!(details(&bad, lint), expected);
        }
        // Unused bits in the BIT STRING are reported too.
        let key = KeyPair::get(KeyAlg::MlDsa65, SUBJECT_SEED).public_key_bytes();
        let unused = with_key(KeyAlg::MlDsa65)
            .subject_key_raw(spki_algorithm(KeyAlg::MlDsa65), 4, &key)
            .build();
        assert!(
            details(&unused, "e_smime_mldsa_public_key_invalid_length").contains("4 unused bits")
        );
    }
}
