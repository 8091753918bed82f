use super::*;

fn check_spki_algorithm_encoding(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    match find_encoding(&SPKI_ALGORITHMS, spki.algorithm.raw) {
        Some(_) => Outcome::Pass,
        None => fail!(
            "subjectPublicKeyInfo.algorithm: {}",
            diagnose(spki.algorithm.raw, Place::Key)
        ),
    }
}

lint! {
    /// ## What it checks
    /// `subjectPublicKeyInfo.algorithm` is byte for byte one of the twelve encodings of SBR
    /// 7.1.3.1: rsaEncryption with NULL parameters; id-ecPublicKey with the namedCurve P-256,
    /// P-384 or P-521; id-Ed25519; id-Ed448; ML-DSA-44/65/87 and ML-KEM-512/768/1024 with
    /// absent parameters. The finding says what was found instead: the RSASSA-PSS OID used
    /// as a key algorithm, rsaEncryption without NULL, explicit or implicit EC parameters,
    /// another curve (brainpool, secp256k1, P-224 …), X25519/X448, DSA, SLH-DSA, HashML-DSA,
    /// or EdDSA/PQC algorithms with parameters present.
    ///
    /// The ML-DSA and ML-KEM encodings are in the table whatever the date; that they were not
    /// allowed before 2025-08-22 is `e_smime_pqc_key_before_effective_date`'s finding, so a
    /// PQC certificate issued too early gets exactly one finding about its date.
    ///
    /// ## Why
    /// SBR 7.1.3.1: "When encoded, the AlgorithmIdentifier … SHALL be byte-for-byte identical
    /// with the following hex-encoded bytes" and "No other encodings are permitted"; SBR 6.1.5
    /// (as amended by SMC013): "No other algorithms or key sizes are permitted." Byte-exact
    /// encodings keep relying parties from having to accept variants (missing NULL, explicit
    /// curves) that have caused parser bugs.
    ///
    /// ## Example
    /// `300b06092a864886f70d010101` (rsaEncryption without NULL); `300506032b656e`
    /// (id-X25519); `300b06092a864886f70d01010a` (id-RSASSA-PSS as key algorithm).
    ///
    /// ## Differences from pkilint
    /// pkilint (`cabf.smime.prohibited_spki_algorithm_encoding`) rejects P-521 keys: its
    /// allow-list never had them. pkilint's separate codes for pre-standard (IPD, round 3) PQC
    /// OIDs, for algorithms it does not know, and for HashML-DSA / HashSLH-DSA keys in CA
    /// certificates are all this one finding here, in every certificate. SBR 6.1.5 and 7.1.3.1.2 allow P-521 (since v1.0.0), so
    /// smimelint does. For rsaEncryption without NULL, pkilint also reports a decoding error
    /// (`itu.invalid_asn1_syntax`); smimelint reports the encoding here only.
    E_SMIME_SPKI_ALGORITHM_ENCODING_NOT_ALLOWED {
        name: "e_smime_spki_algorithm_encoding_not_allowed",
        description: "subjectPublicKeyInfo.algorithm is not one of the encodings the SBR allows",
        citation: "SBR 7.1.3.1; SBR 6.1.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: [
            "cabf.smime.prohibited_spki_algorithm_encoding",
            "cabf.smime.unsupported_public_key_type",
            "pkix.public_key_algorithm_unsupported",
            "pkix.public_key_nist_ipd_algorithm_present",
            "pkix.public_key_nist_round3_algorithm_present",
            "pkix.hash_mldsa_ca_key_prohibited",
            "pkix.hash_slhdsa_ca_key_prohibited",
        ],
        zlint: ["e_invalid_spki_algoid", "e_invalid_legacy_spki_algoid"],
        catalog: ["e_smime_spki_algorithm_encoding_not_allowed", "e_smime_rsa_key_not_rsa_encryption_oid", "e_smime_ec_curve_not_allowed", "e_smime_hash_ml_dsa_prohibited"],
        applies: Applies::ALL,
        check: check_spki_algorithm_encoding,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::algorithms::{details, with_key};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, KeyAlg, KeyPair, SUBJECT_SEED};

    #[test]
    fn spki_algorithm_must_be_listed() {
        let cases = [
            (
                "300b06092a864886f70d010101",
                KeyAlg::Rsa2048,
                "rsaEncryption (1.2.840.113549.1.1.1) without the NULL parameters",
            ),
            (
                "300b06092a864886f70d01010a",
                KeyAlg::Rsa2048,
                "RSASSA-PSS OID used as key algorithm",
            ),
            (
                "301406072a8648ce3d020106092b2403030208010107",
                KeyAlg::P256,
                "on curve brainpoolP256r1",
            ),
            (
                "301006072a8648ce3d020106052b8104000a",
                KeyAlg::P256,
                "on curve secp256k1",
            ),
            (
                "300b06072a8648ce3d02010500",
                KeyAlg::P256,
                "implicitlyCA (NULL) curve parameters",
            ),
            (
                "301106072a8648ce3d02013006020101020101",
                KeyAlg::P256,
                "explicit EC parameters",
            ),
            (
                "300506032b656e",
                KeyAlg::Ed25519,
                "id-X25519 (1.3.101.110): X25519 keys are not allowed",
            ),
            ("300506032b656f", KeyAlg::Ed448, "id-X448"),
            (
                "300706032b65700500",
                KeyAlg::Ed25519,
                "id-Ed25519 (1.3.101.112) with parameters 0500 that must be absent",
            ),
            (
                "300b0609608648016503040320",
                KeyAlg::MlDsa44,
                "only pure ML-DSA is allowed",
            ),
            (
                "300b0609608648016503040314",
                KeyAlg::MlDsa44,
                "SLH-DSA is not allowed",
            ),
            (
                "300d0609608648016503040402 0500",
                KeyAlg::MlKem768,
                "id-alg-ml-kem-768 (2.16.840.1.101.3.4.4.2) with parameters 0500",
            ),
        ];
        for (hex, alg, expected) in cases {
            let bad = spki_cert(&hex.replace(' ', ""), alg);
            assert_eq!(status_of(&bad, SPKI), Status::Error, "{hex}");
            let d = details(&bad, SPKI);
            assert!(d.contains(expected), "{hex}: {d}");
        }
        // Exactly one finding on a key whose only defect is its AlgorithmIdentifier.
        let no_null = spki_cert("300b06092a864886f70d010101", KeyAlg::Rsa2048);
        assert_lint(SPKI, &no_null, &with_key(KeyAlg::Rsa2048).build(), &[]);
        let x25519 = spki_cert("300506032b656e", KeyAlg::Ed25519);
        assert_lint(SPKI, &x25519, &with_key(KeyAlg::Ed25519).build(), &[]);
        // Every allowed key algorithm passes, P-521 included (pkilint rejects it).
        for alg in KeyAlg::ALL {
            assert_eq!(
                status_of(&with_key(alg).build(), SPKI),
                Status::Pass,
                "{alg:?}"
            );
        }
    }

    const SPKI: &str = "e_smime_spki_algorithm_encoding_not_allowed";

    /// The baseline with an SPKI of this AlgorithmIdentifier (hex) and the key of `alg`.
    fn spki_cert(alg_hex: &str, alg: KeyAlg) -> Vec<u8> {
        let key = KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
        with_key(alg)
            .subject_key_raw(&der::unhex(alg_hex), 0, &key)
            .build()
    }
}
