//! authorityKeyIdentifier and subjectKeyIdentifier in subscriber certificates
//! (SBR 7.1.2.3(g), 7.1.2.3(n)).
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// Whether `ski` is what one of the well-known key identifier methods gives for this key:
/// RFC 5280 §4.2.1.2 (1) and (2), RFC 7093 §2 (1)–(3), and RFC 7093 (4) with SHA-1 or SHA-2
/// over the whole SubjectPublicKeyInfo. Hashes are computed only for identifiers of a matching
/// length.
fn key_derived(ski: &[u8], key_bits: &[u8], spki_der: &[u8]) -> bool {
    match ski.len() {
        20 => {
            Sha1::digest(key_bits)[..] == *ski
                || Sha256::digest(key_bits)[..20] == *ski
                || Sha384::digest(key_bits)[..20] == *ski
                || Sha512::digest(key_bits)[..20] == *ski
                || Sha1::digest(spki_der)[..] == *ski
        }
        8 => {
            // RFC 5280 method (2): 0100 followed by the least significant 60 bits of SHA-1.
            let h = Sha1::digest(key_bits);
            ski[0] == 0x40 | (h[12] & 0x0f) && ski[1..] == h[13..]
        }
        32 => Sha256::digest(spki_der)[..] == *ski,
        48 => Sha384::digest(spki_der)[..] == *ski,
        64 => Sha512::digest(spki_der)[..] == *ski,
        _ => false,
    }
}

mod e_smime_aki_critical;
mod e_smime_aki_issuer_and_serial_present;
mod e_smime_aki_key_identifier_missing;
mod e_smime_aki_missing;
mod e_smime_ca_ski_invalid;
mod e_smime_ski_critical;
mod e_smime_subca_aki_invalid;
mod n_smime_ski_not_key_derived;
mod w_smime_ski_missing;

#[cfg(test)]
mod tests {
    use super::*;
    use sha1::Sha1;
    use sha2::{Digest, Sha256};

    use smimelint_factory::{der, KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn derivation_methods() {
        let key = KeyPair::get(KeyAlg::P256, SUBJECT_SEED);
        let bits = key.public_key_bytes();
        let spki = key.spki_der();
        let sha1 = Sha1::digest(&bits);
        let mut m2 = sha1[12..].to_vec();
        m2[0] = 0x40 | (m2[0] & 0x0f);
        assert!(key_derived(&sha1, &bits, &spki));
        assert!(key_derived(&m2, &bits, &spki));
        assert!(key_derived(&Sha256::digest(&bits)[..20], &bits, &spki));
        assert!(key_derived(&Sha256::digest(&spki), &bits, &spki));
        assert!(!key_derived(&Sha256::digest(&bits), &bits, &spki));
        assert!(!key_derived(&der::int(5), &bits, &spki));
    }
}
