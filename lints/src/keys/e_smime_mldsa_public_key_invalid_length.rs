use super::*;
use smimelint_cert::spki::KeyFamily;

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

#[cfg(test)]
mod tests {

    use crate::test_support::keys::{details, with_key};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::keys::spki_algorithm;
    use smimelint_factory::{KeyAlg, KeyPair, SUBJECT_SEED};

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
