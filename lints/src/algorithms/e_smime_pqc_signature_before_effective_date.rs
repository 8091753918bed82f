use super::*;
use smimelint_cert::alg::AlgorithmIdentifier;

fn check_pqc_signature_before_effective_date(ctx: &LintContext<'_>) -> Outcome {
    let early = |der: &[u8]| {
        AlgorithmIdentifier::parse(der)
            .and_then(|a| not_yet_allowed(&SIGNATURE_ALGORITHMS, a.oid, ctx.at))
    };
    let found: Vec<String> = signature_fields(ctx.cert)
        .iter()
        .filter_map(|(field, t)| {
            early(t).map(|e| {
                format!(
                    "{field} is {}, allowed from {}",
                    e.name,
                    smimelint_cert::time::format_date(e.since)
                )
            })
        })
        .collect();
    if found.is_empty() {
        return Outcome::Pass;
    }
    fail!(
        "{} (SMC013, v1.0.11); {}",
        found.join("; "),
        dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
    )
}

lint! {
    /// ## What it checks
    /// A certificate issued before 2025-08-22 (its notBefore, or the `--at` time) is not
    /// signed with id-ml-dsa-44/65/87 (`tbsCertificate.signature` or `signatureAlgorithm`).
    /// From 2025-08-22 on the lint is not effective (NE) and the encoding is checked by
    /// `e_smime_signature_algorithm_encoding_not_allowed`.
    ///
    /// ## Why
    /// SBR 7.1.3.2 before v1.0.11 listed RSA, ECDSA and EdDSA signatures only; ballot SMC013
    /// added ML-DSA (printed as 7.1.3.2.4) in v1.0.11, effective 2025-08-22.
    ///
    /// ## Example
    /// A certificate signed by an ML-DSA-65 issuing CA with notBefore 2025-08-01.
    ///
    /// ## Differences from pkilint
    /// pkilint has no dates and accepts ML-DSA signatures whatever the notBefore.
    E_SMIME_PQC_SIGNATURE_BEFORE_EFFECTIVE_DATE {
        name: "e_smime_pqc_signature_before_effective_date",
        description: "ML-DSA signature algorithm in a certificate issued before 2025-08-22",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ineffective: dates::SMC013,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_pqc_signature_before_effective_date"],
        applies: Applies::ALL,
        check: check_pqc_signature_before_effective_date,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::algorithms::{details, PQC_SIG};

    use smimelint_cert::time::date;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{CertBuilder, KeyAlg};

    #[test]
    fn pqc_signatures_before_smc013_are_reported() {
        let early = date(2025, 8, 21);
        let mut bad = CertBuilder::subscriber("mailbox-strict").validity(early, early + 86_400);
        bad.issuer_key = (KeyAlg::MlDsa44, smimelint_factory::ISSUER_SEED);
        let bad = bad.build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .validity(early, early + 86_400)
            .build();
        assert_lint(PQC_SIG, &bad, &good, &[]);
        assert!(details(&bad, PQC_SIG)
            .starts_with("tbsCertificate.signature and signatureAlgorithm is id-ml-dsa-44, allowed from 2025-08-22"));
    }
}
