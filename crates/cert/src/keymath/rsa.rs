//! RSA public keys: the RSAPublicKey structure (RFC 8017 A.1.1) and the number theory SBR
//! 6.1.6 asks of the modulus (small prime factors, prime powers).

use super::bignum::{strip_zeros, Big};
use super::power::perfect_power;
use super::primes::small_prime_residues;
use super::unused_bits_note;
use crate::spki::Spki;
use smimelint_der::walk::{tag, Reader};

/// Magnitudes of an RSAPublicKey's modulus and public exponent, without leading zeros.
#[derive(Clone, Copy, Debug)]
pub struct RsaPublicKey<'a> {
    pub modulus: &'a [u8],
    pub exponent: &'a [u8],
}

impl<'a> RsaPublicKey<'a> {
    /// Decodes the RSAPublicKey of an rsaEncryption SPKI, read leniently; Err names what is
    /// wrong.
    pub fn of(spki: &Spki<'a>) -> Result<RsaPublicKey<'a>, String> {
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
        Ok(RsaPublicKey {
            modulus: strip_zeros(n.content),
            exponent: strip_zeros(e.content),
        })
    }
}

/// A modulus with its remainders by the odd primes below 752, which both the small-factor and
/// the prime-power tests start from.
#[derive(Clone, Debug)]
pub struct RsaModulus {
    n: Big,
    residues: Vec<(u64, u64)>,
}

impl RsaModulus {
    pub fn new(magnitude: &[u8]) -> RsaModulus {
        let n = Big::from_be(magnitude);
        let residues = small_prime_residues(&n);
        RsaModulus { n, residues }
    }

    pub fn bits(&self) -> usize {
        self.n.bits()
    }

    /// The odd primes below 752 that divide the modulus (other than the modulus itself),
    /// smallest first.
    pub fn small_factors(&self) -> impl Iterator<Item = u64> + '_ {
        self.residues
            .iter()
            .filter(|(p, r)| *r == 0 && self.n != Big::from_u64(*p))
            .map(|(p, _)| *p)
    }

    /// How the modulus is a perfect power m^k (k ≥ 2), when it is: "3^1290", "2^2047", "a
    /// perfect power: m^2 with m of 1024 bits". The cost grows with about the cube of the size:
    /// callers bound it.
    pub fn perfect_power(&self) -> Option<String> {
        perfect_power(&self.n, &self.residues)
    }
}
