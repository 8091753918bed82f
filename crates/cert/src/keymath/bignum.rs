//! A small unsigned big integer: just what the modulus checks need.

use std::cmp::Ordering;

/// Unsigned integer as little-endian 64-bit limbs, without high zero limbs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Big(pub(crate) Vec<u64>);

impl Big {
    pub fn from_be(bytes: &[u8]) -> Big {
        let mut limbs: Vec<u64> = bytes
            .rchunks(8)
            .map(|c| c.iter().fold(0, |acc, &b| (acc << 8) | u64::from(b)))
            .collect();
        while limbs.last() == Some(&0) {
            limbs.pop();
        }
        Big(limbs)
    }

    pub fn from_u64(v: u64) -> Big {
        Big::from_be(&v.to_be_bytes())
    }

    pub fn bits(&self) -> usize {
        self.0
            .last()
            .map_or(0, |&top| self.0.len() * 64 - top.leading_zeros() as usize)
    }

    pub fn rem_u64(&self, m: u64) -> u64 {
        let m = u128::from(m);
        self.0
            .iter()
            .rev()
            .fold(0u128, |r, &l| ((r << 64) | u128::from(l)) % m) as u64
    }

    /// Quotient and remainder by a small divisor.
    pub(crate) fn div_u64(&self, d: u64) -> (Big, u64) {
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

    pub fn mul(&self, other: &Big) -> Big {
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

    pub(crate) fn cmp_big(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// `self^k` compared with `n`, stopping as soon as the power exceeds `n`.
    pub(crate) fn pow_cmp(&self, k: u32, n: &Big) -> Ordering {
        let mut acc = Big::from_u64(1);
        for _ in 0..k {
            acc = acc.mul(self);
            if acc.bits() > n.bits() {
                return Ordering::Greater;
            }
        }
        acc.cmp_big(n)
    }

    pub fn add(&self, other: &Big) -> Big {
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

    pub(crate) fn shl(&self, bits: usize) -> Big {
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
    pub fn to_be(&self) -> Vec<u8> {
        let bytes: Vec<u8> = self.0.iter().rev().flat_map(|l| l.to_be_bytes()).collect();
        strip_zeros(&bytes).to_vec()
    }

    /// `⌊self / d⌋` for a non-zero `d`, by crypto-bigint's long division.
    pub(crate) fn div_big(&self, d: &Big) -> Big {
        use crypto_bigint::{BoxedUint, NonZero};
        let d = NonZero::new(BoxedUint::from_be_slice_vartime(&d.to_be()));
        let Some(d) = Option::<NonZero<BoxedUint>>::from(d) else {
            return Big(Vec::new());
        };
        let (q, _) = BoxedUint::from_be_slice_vartime(&self.to_be()).div_rem_vartime(&d);
        Big::from_be(&q.to_be_bytes())
    }

    /// The top 64 bits and the number of bits below them, for floating-point estimates.
    pub(crate) fn log2(&self) -> f64 {
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

    /// Whether exactly one bit is set.
    pub(crate) fn is_power_of_two(&self) -> bool {
        self.0.iter().map(|l| l.count_ones()).sum::<u32>() == 1
    }
}

/// The magnitude without leading zero octets.
pub fn strip_zeros(b: &[u8]) -> &[u8] {
    &b[b.iter().take_while(|&&x| x == 0).count()..]
}

/// The bit length of a big-endian magnitude.
pub fn bit_length(magnitude: &[u8]) -> usize {
    magnitude
        .first()
        .map_or(0, |&b| magnitude.len() * 8 - b.leading_zeros() as usize)
}

#[cfg(test)]
impl Big {
    pub(crate) fn with_bit(&self, bit: usize) -> Big {
        let mut limbs = self.0.clone();
        if limbs.len() <= bit / 64 {
            limbs.resize(bit / 64 + 1, 0);
        }
        limbs[bit / 64] |= 1 << (bit % 64);
        Big(limbs)
    }
}
