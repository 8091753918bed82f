use super::*;
use crate::algorithms::signature_encoding_problem;

fn check_signature_algorithm_not_allowed(ctx: &CrlContext<'_>) -> Outcome {
    let crl = ctx.crl;
    let fields = [
        ("tbsCertList.signature", crl.tbs_signature),
        ("signatureAlgorithm", crl.signature_algorithm),
    ];
    let present: Vec<_> = fields
        .iter()
        .filter_map(|(name, t)| t.map(|t| (*name, t)))
        .collect();
    if present.is_empty() {
        return Outcome::NotApplicable;
    }
    let problems: Vec<String> = present
        .iter()
        .filter_map(|(name, t)| signature_encoding_problem(t.raw).map(|p| format!("{name}: {p}")))
        .collect();
    if problems.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", problems.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// `tbsCertList.signature` and `signatureAlgorithm` are each byte for byte one of the
    /// AlgorithmIdentifier encodings SBR 7.1.3.2 lists: sha256/384/512WithRSAEncryption with
    /// NULL parameters, RSASSA-PSS with the SBR's three parameter sets,
    /// ecdsa-with-SHA256/384/512 without parameters, Ed25519, Ed448 and ML-DSA.
    ///
    /// Whether the algorithm fits the CA's key needs the CA certificate
    /// (`e_crl_signature_algorithm_key_mismatch`); whether both fields agree is
    /// `e_crl_signature_algorithm_mismatch`.
    ///
    /// ## Why
    /// SBR 7.1.3.2: "All objects signed by a CA Private Key SHALL conform to these
    /// requirements", naming "The `signatureAlgorithm` field of a CertificateList" and "The
    /// `signature` field of a TBSCertList"; "No other encodings are permitted for these fields." SHA-1 signatures are forgeable by chosen-prefix
    /// collisions, and one fixed encoding per algorithm leaves nothing for a parser to guess.
    ///
    /// ## Example
    /// signatureAlgorithm sha1WithRSAEncryption, or sha256WithRSAEncryption without its NULL.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check the algorithm of a CRL (zlint checks the ECDSA encodings only).
    E_CRL_SIGNATURE_ALGORITHM_NOT_ALLOWED {
        name: "e_crl_signature_algorithm_not_allowed",
        description: "A CRL's signature algorithm is not an encoding SBR 7.1.3.2 allows",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: ["e_crl_ecdsa_signature_encoding_correct", "e_crl_sigalgo_missing_null_params"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_signature_algorithm_not_allowed,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_signature_algorithm_not_allowed";

    #[test]
    fn algorithm_is_an_sbr_encoding() {
        // ecdsa-with-SHA256 with NULL parameters: not the SBR's bytes.
        let with_null = der::seq(&[der::oid("1.2.840.10045.4.3.2"), der::null()]);
        let bad = base()
            .tbs_signature_raw(with_null.clone())
            .signature_algorithm_raw(with_null)
            .build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
        let rsa = CrlBuilder::new(&CertBuilder::sub_ca(KeyAlg::Rsa2048)).build();
        assert_eq!(status_of(&rsa, LINT), Status::Pass);
    }
}
