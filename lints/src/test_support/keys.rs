//! Test certificates of the keys rules, shared by several lints.

use smimelint_factory::keys::{rsa_public_key, spki_algorithm};
use smimelint_factory::{KeyAlg, KeyPair, SUBJECT_SEED};

pub(crate) use super::algorithms::with_key;

/// The baseline certificate with an RSA key made of this modulus and exponent.
pub(crate) fn rsa(n: &[u8], e: &[u8]) -> Vec<u8> {
    let alg = spki_algorithm(KeyAlg::Rsa2048);
    with_key(KeyAlg::Rsa2048)
        .subject_key_raw(alg, 0, &rsa_public_key(n, e))
        .build()
}

pub(crate) fn real_rsa() -> (Vec<u8>, Vec<u8>, Vec<Vec<u8>>) {
    let p = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED)
        .rsa_parts()
        .expect("RSA");
    (p.n, p.e, p.primes)
}

pub(crate) fn good() -> Vec<u8> {
    with_key(KeyAlg::Rsa2048).build()
}

pub(crate) use smimelint_engine::testing::finding_details as details;
