use super::*;

fn check_signature_algorithm_mismatch(ctx: &CrlContext<'_>) -> Outcome {
    let (Some(inner), Some(outer)) = (ctx.crl.tbs_signature, ctx.crl.signature_algorithm) else {
        return Outcome::NotApplicable;
    };
    if inner.raw == outer.raw {
        Outcome::Pass
    } else {
        fail!(
            "signatureAlgorithm ({}) differs from tbsCertList.signature ({})",
            hex_full(outer.raw),
            hex_full(inner.raw)
        )
    }
}

lint! {
    /// ## What it checks
    /// The CRL's signatureAlgorithm is byte for byte the same AlgorithmIdentifier as
    /// tbsCertList.signature. An unsigned TBSCertList has only the inner one and is not checked.
    ///
    /// ## Why
    /// RFC 5280 §5.1.1.2: signatureAlgorithm "MUST contain the same algorithm identifier as the
    /// signature field in the sequence tbsCertList". The inner copy is signed and the outer one
    /// is not; when they differ a verifier may be led to the wrong algorithm.
    ///
    /// ## Example
    /// tbsCertList.signature ecdsa-with-SHA256, signatureAlgorithm ecdsa-with-SHA384.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_signature_algorithm_match`).
    E_CRL_SIGNATURE_ALGORITHM_MISMATCH {
        name: "e_crl_signature_algorithm_mismatch",
        description: "The CRL's signatureAlgorithm differs from tbsCertList.signature",
        citation: "RFC 5280 5.1.1.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_signature_algorithm_match"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_signature_algorithm_mismatch,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_factory::SigAlg;

    const LINT: &str = "e_crl_signature_algorithm_mismatch";

    #[test]
    fn both_algorithm_fields_agree() {
        let bad = base()
            .signature_algorithm_raw(SigAlg::EcdsaSha384.der().to_vec())
            .build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
        assert_eq!(status_of(&base().build_tbs(), LINT), Status::NotApplicable);
    }
}
