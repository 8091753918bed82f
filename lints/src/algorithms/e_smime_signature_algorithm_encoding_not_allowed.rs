use super::*;

fn check_signature_algorithm_encoding(ctx: &LintContext<'_>) -> Outcome {
    let fields = signature_fields(ctx.cert);
    if fields.is_empty() {
        return Outcome::NotApplicable;
    }
    let found: Vec<String> = fields
        .iter()
        .filter(|(_, t)| find_encoding(&SIGNATURE_ALGORITHMS, t).is_none())
        .map(|(field, t)| format!("{field}: {}", diagnose(t, Place::Signature)))
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// `tbsCertificate.signature` and `signatureAlgorithm` are each byte for byte one of the
    /// fourteen encodings of SBR 7.1.3.2: sha256/384/512WithRSAEncryption with NULL
    /// parameters; RSASSA-PSS with exactly the three parameter sets of the SBR (SHA-256 with
    /// MGF1-SHA-256 and salt 32, SHA-384/48, SHA-512/64, every field written out);
    /// ecdsa-with-SHA256/384/512 without parameters; id-Ed25519; id-Ed448; id-ml-dsa-44/65/87.
    /// The finding names the field and what it holds: `sha1WithRSAEncryption`, a missing NULL,
    /// ECDSA with parameters, other PSS parameters, HashML-DSA, SLH-DSA ….
    ///
    /// Whether the algorithm matches the issuer's key (P-256 → ecdsa-with-SHA256 …) needs the
    /// issuer certificate and is a chain lint. That the two fields are identical is
    /// `e_smime_signature_algorithm_fields_mismatch`. ML-DSA before 2025-08-22 is
    /// `e_smime_pqc_signature_before_effective_date`.
    ///
    /// ## Why
    /// SBR 7.1.3.2: the encoded AlgorithmIdentifier "SHALL be byte-for-byte identical with the
    /// following hex-encoded bytes"; "No other encodings are permitted". SHA-1 signatures
    /// are forgeable by chosen-prefix collisions.
    ///
    /// ## Example
    /// `300d06092a864886f70d0101050500` (sha1WithRSAEncryption);
    /// `300c06082a8648ce3d0403020500` (ecdsa-with-SHA256 with a NULL parameter).
    ///
    /// ## Differences from pkilint
    /// pkilint (`cabf.smime.prohibited_signature_algorithm_encoding`) rejects
    /// ecdsa-with-SHA512, which SBR 7.1.3.2.2 allows for P-521 keys; smimelint follows the
    /// SBR.
    E_SMIME_SIGNATURE_ALGORITHM_ENCODING_NOT_ALLOWED {
        name: "e_smime_signature_algorithm_encoding_not_allowed",
        description: "A signature AlgorithmIdentifier is not one of the encodings the SBR allows",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: ["cabf.smime.prohibited_signature_algorithm_encoding"],
        zlint: [],
        catalog: ["e_smime_signature_algorithm_encoding_not_allowed"],
        applies: Applies::ALL,
        check: check_signature_algorithm_encoding,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::algorithms::details;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, CertBuilder, KeyAlg, SigAlg};

    #[test]
    fn signature_algorithm_must_be_listed() {
        let base = || CertBuilder::subscriber("mailbox-strict");
        let sha1 = base()
            .tbs_signature_raw(der::unhex("300d06092a864886f70d0101050500"))
            .build();
        assert_lint(SIG, &sha1, &base().build(), &[]);
        assert_eq!(
            details(&sha1, SIG),
            "tbsCertificate.signature and signatureAlgorithm: sha1WithRSAEncryption (1.2.840.113549.1.1.5): SHA-1 is not allowed (found 300d06092a864886f70d0101050500)"
        );
        // Only the outer field is wrong: both lints name it.
        let outer = base()
            .signature_algorithm_raw(der::unhex("300c06082a8648ce3d0403020500"))
            .build();
        assert_lint(
            SIG,
            &outer,
            &base().build(),
            &["e_smime_signature_algorithm_fields_mismatch"],
        );
        assert!(details(&outer, SIG).starts_with(
            "signatureAlgorithm: ecdsa-with-SHA256 (1.2.840.10045.4.3.2) with parameters 0500 that must be absent"
        ));
        let cases = [
            (
                "300b06092a864886f70d01010b",
                "sha256WithRSAEncryption (1.2.840.113549.1.1.11) without the NULL parameters",
            ),
            (
                "300b06092a864886f70d01010a",
                "id-RSASSA-PSS (1.2.840.113549.1.1.10) without parameters",
            ),
            ("300906072a8648ce3d0401", "ecdsa-with-SHA1"),
            (
                "300d06092a864886f70d0101010500",
                "is a key algorithm, not a signature algorithm",
            ),
            ("300b0609608648016503040321", "HashML-DSA is prohibited"),
        ];
        for (hex, expected) in cases {
            let bad = base().tbs_signature_raw(der::unhex(hex)).build();
            let d = details(&bad, SIG);
            assert!(d.contains(expected), "{hex}: {d}");
        }
        // A PSS encoding with salt 20 instead of 32.
        let pss = SigAlg::RsaPssSha256.der().to_vec();
        let mut salt20 = pss.clone();
        *salt20.last_mut().expect("salt") = 0x14;
        let bad = base().tbs_signature_raw(salt20).build();
        assert!(details(&bad, SIG).contains("parameters other than the three allowed"));

        // Every allowed signature algorithm, real signatures, passes: ecdsa-with-SHA512 with a
        // P-521 issuer key (pkilint rejects it), RSASSA-PSS, EdDSA, ML-DSA.
        let signed = |key: KeyAlg, sig: Option<SigAlg>| {
            let mut b = base();
            b.issuer_key = (key, smimelint_factory::ISSUER_SEED);
            b.sign_with = sig;
            b.build()
        };
        for (key, sig) in [
            (KeyAlg::P521, None),
            (KeyAlg::P256, None),
            (KeyAlg::P384, None),
            (KeyAlg::Rsa2048, Some(SigAlg::RsaPssSha384)),
            (KeyAlg::Ed25519, None),
            (KeyAlg::Ed448, None),
            (KeyAlg::MlDsa87, None),
        ] {
            assert_eq!(status_of(&signed(key, sig), SIG), Status::Pass, "{key:?}");
        }
    }

    const SIG: &str = "e_smime_signature_algorithm_encoding_not_allowed";
}
