use super::*;
use smimelint_cert::verify::{signature_algorithm, KeyKind};

fn check_signature_algorithm_key_mismatch(ctx: &CrlContext<'_>) -> Outcome {
    let Some(Ok(spki)) = ctx.issuer.and_then(|i| i.spki_view()) else {
        return Outcome::NotApplicable;
    };
    let Ok(key) = KeyKind::of(spki) else {
        return Outcome::NotApplicable;
    };
    let crl = ctx.crl;
    let fields = [
        ("tbsCertList.signature", crl.tbs_signature),
        ("signatureAlgorithm", crl.signature_algorithm),
    ];
    let mut checked = false;
    let mut problems = Vec::new();
    for (name, tlv) in fields {
        // Algorithms smimelint cannot name are e_crl_signature_algorithm_not_allowed's finding.
        let Some(alg) = tlv.and_then(|t| signature_algorithm(&t).ok()) else {
            continue;
        };
        checked = true;
        if !alg.matches_key(key) {
            problems.push(format!(
                "{name} is {}, which SBR 7.1.3.2 does not pair with the issuer's {} key",
                alg.name(),
                key.name()
            ));
        }
    }
    match (checked, problems.is_empty()) {
        (false, _) => Outcome::NotApplicable,
        (true, true) => Outcome::Pass,
        (true, false) => fail!("{}", problems.join("; ")),
    }
}

lint! {
    /// ## What it checks
    /// With the issuing CA's certificate (`--issuer`): the CRL's signature algorithm is one SBR
    /// 7.1.3.2 allows for the CA's key: an RSA scheme for an RSA key, ecdsa-with-SHA256 for
    /// P-256, ecdsa-with-SHA384 for P-384, ecdsa-with-SHA512 for P-521, Ed25519, Ed448 or the
    /// ML-DSA parameter set of the key. Without `--issuer` the lint does not run.
    ///
    /// ## Why
    /// SBR 7.1.3.2.2: "The CA SHALL use the appropriate signature algorithm and encoding based
    /// upon the signing key used. If the signing key is P-256, the signature SHALL use ECDSA
    /// with SHA-256"
    /// (and likewise P-384 with SHA-384, P-521 with SHA-512); the RSA, EdDSA and ML-DSA
    /// subsections tie their encodings to the key type the same way.
    ///
    /// ## Example
    /// A CRL of a P-256 CA signed with ecdsa-with-SHA512.
    ///
    /// ## Differences from pkilint
    /// pkilint lints a CRL without its issuer and has no such check.
    E_CRL_SIGNATURE_ALGORITHM_KEY_MISMATCH {
        name: "e_crl_signature_algorithm_key_mismatch",
        description: "A CRL's signature algorithm does not fit the issuing CA's key",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_signature_algorithm_key_mismatch,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_factory::SigAlg;

    const LINT: &str = "e_crl_signature_algorithm_key_mismatch";

    #[test]
    fn algorithm_fits_the_issuer_key() {
        let bad = base().sign_with(SigAlg::EcdsaSha512).build();
        assert_eq!(status_with_issuer(&bad, &ca_der(), LINT), Status::Error);
        let good = base().build();
        assert_eq!(status_with_issuer(&good, &ca_der(), LINT), Status::Pass);
        // Without the issuer nothing is known about the key.
        assert_eq!(status_of(&bad, LINT), Status::NotApplicable);
    }
}
