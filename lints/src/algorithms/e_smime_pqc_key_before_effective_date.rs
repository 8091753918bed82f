use super::*;

fn check_pqc_key_before_effective_date(ctx: &LintContext<'_>) -> Outcome {
    let Some(Ok(spki)) = ctx.cert.spki_view() else {
        return Outcome::NotApplicable;
    };
    match not_yet_allowed(&SPKI_ALGORITHMS, spki.algorithm_oid, ctx.at) {
        None => Outcome::Pass,
        Some(e) => fail!(
            "{} key ({}); the SBR allows it from {} (SMC013, v1.0.11); {}",
            e.name,
            oid::dotted(spki.algorithm_oid),
            smimelint_cert::time::format_date(e.since),
            dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
        ),
    }
}

lint! {
    /// ## What it checks
    /// A certificate issued before 2025-08-22 (its notBefore, or the `--at` time) does not
    /// have an ML-DSA-44/65/87 or ML-KEM-512/768/1024 subject public key. From 2025-08-22 on
    /// the lint is not effective (NE): the keys are allowed, and their encoding, length and
    /// keyUsage are checked by `e_smime_spki_algorithm_encoding_not_allowed`,
    /// `e_smime_mldsa_public_key_invalid_length`, `e_smime_mlkem_public_key_invalid_length`
    /// and the keyUsage lints.
    ///
    /// An early PQC certificate is therefore never passed silently: this lint reports it, and
    /// the PQC-specific lints, whose effective date is 2025-08-22, report NE.
    ///
    /// ## Why
    /// SBR 6.1.5 before v1.0.11 allowed RSA, ECDSA and EdDSA keys only ("No other algorithms
    /// or key sizes are permitted"); ballot SMC013 added ML-DSA and ML-KEM in v1.0.11,
    /// effective 2025-08-22.
    ///
    /// ## Example
    /// An ML-KEM-768 certificate with notBefore 2025-06-01.
    ///
    /// ## Differences from pkilint
    /// pkilint has no dates: it accepts ML-DSA and ML-KEM keys whatever the notBefore. zlint's
    /// SPKI lint lets them pass before the date too.
    E_SMIME_PQC_KEY_BEFORE_EFFECTIVE_DATE {
        name: "e_smime_pqc_key_before_effective_date",
        description: "ML-DSA or ML-KEM key in a certificate issued before 2025-08-22",
        citation: "SBR 6.1.5; SBR 7.1.3.1; SBR 1.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ineffective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: ["e_invalid_legacy_spki_algoid"],
        catalog: ["e_smime_pqc_key_before_effective_date"],
        applies: Applies::ALL,
        check: check_pqc_key_before_effective_date,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::algorithms::{details, with_key, PQC_SIG};

    use smimelint_cert::time::date;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{CertBuilder, KeyAlg};

    #[test]
    fn pqc_findings_under_at_name_the_evaluation_time_and_the_real_not_before() {
        let nb = date(2025, 6, 1);
        let at = date(2025, 7, 1);
        let opts = smimelint_engine::linter::Options {
            at: Some(at),
            include_passes: true,
            ..Default::default()
        };
        let linter = smimelint_engine::linter::Linter::new(opts);
        let key = with_key(KeyAlg::MlDsa65)
            .validity(nb, nb + 365 * 86_400 - 1)
            .build();
        let mut sig = CertBuilder::subscriber("mailbox-strict").validity(nb, nb + 86_400);
        sig.issuer_key = (KeyAlg::MlDsa44, smimelint_factory::ISSUER_SEED);
        for (cert, lint) in [(key, PQC_KEY), (sig.build(), PQC_SIG)] {
            let r = linter.lint_der("test".into(), &cert);
            let f = r.findings.iter().find(|f| f.lint == lint).expect("ran");
            assert_eq!(f.status, Status::Error, "{lint}");
            let d = f.details.clone().unwrap_or_default();
            assert!(d.contains("evaluated at 2025-07-01"), "{d}");
            assert!(d.contains("notBefore is 2025-06-01"), "{d}");
            assert!(!d.contains("issued 2025-07-01"), "{d}");
        }
    }

    #[test]
    fn pqc_keys_before_smc013_are_reported() {
        let early = date(2025, 6, 1);
        for alg in [KeyAlg::MlDsa65, KeyAlg::MlKem1024] {
            let bad = with_key(alg)
                .validity(early, early + 365 * 86_400 - 1)
                .build();
            assert_lint(
                PQC_KEY,
                &bad,
                &with_key(KeyAlg::Rsa2048)
                    .validity(early, early + 86_400)
                    .build(),
                &[],
            );
            assert!(details(&bad, PQC_KEY).contains("allows it from 2025-08-22"));
            // The PQC-specific lints are not effective yet: NE, not a silent pass.
            assert_eq!(
                status_of(&bad, "e_smime_mldsa_public_key_invalid_length"),
                Status::NotEffective
            );
            // From the effective date on, this lint no longer applies.
            assert_eq!(
                status_of(&with_key(alg).build(), PQC_KEY),
                Status::NotEffective
            );
        }
    }

    const PQC_KEY: &str = "e_smime_pqc_key_before_effective_date";
}
