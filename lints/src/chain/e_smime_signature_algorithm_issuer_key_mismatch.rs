use super::*;
use smimelint_cert::verify;
use smimelint_cert::verify::KeyKind;

/// The issuing CA's key, when there is an issuer and its key is one smimelint knows.
fn issuer_key<'c>(ctx: &LintContext<'c>) -> Option<(&'c smimelint_cert::spki::Spki<'c>, KeyKind)> {
    let Some(Ok(spki)) = ctx.issuer?.spki_view() else {
        return None;
    };
    KeyKind::of(spki).ok().map(|k| (spki, k))
}

fn check_signature_algorithm_issuer_key_mismatch(ctx: &LintContext<'_>) -> Outcome {
    let (Some((_, key)), Some(alg)) = (issuer_key(ctx), ctx.cert.tbs_signature) else {
        return Outcome::NotApplicable;
    };
    // An algorithm outside the SBR list is reported by the algorithm lints.
    let Ok(alg) = verify::signature_algorithm(&alg) else {
        return Outcome::NotApplicable;
    };
    if alg.matches_key(key) {
        Outcome::Pass
    } else {
        fail!(
            "signed with {} but the issuing CA's key is {}",
            alg.name(),
            key.name()
        )
    }
}

lint! {
    /// ## What it checks
    /// The signature algorithm (`tbsCertificate.signature`) fits the issuing CA's key: an RSA
    /// scheme for an RSA key, ecdsa-with-SHA256 / SHA384 / SHA512 for a P-256 / P-384 / P-521
    /// key, Ed25519 / Ed448 for those keys, and ML-DSA-44/65/87 for the ML-DSA key of the same
    /// parameter set. Also works on a TBSCertificate (pre-issuance).
    ///
    /// ## Why
    /// SBR 7.1.3.2 pairs each signature algorithm with a key type and, for ECDSA, the hash with
    /// the curve (7.1.3.2.2). A certificate that names another algorithm than the issuer's key
    /// can produce either cannot verify, or uses a hash/curve pairing the SBR does not allow.
    ///
    /// ## Example
    /// ecdsa-with-SHA256 from a CA with a P-384 key.
    E_SMIME_SIGNATURE_ALGORITHM_ISSUER_KEY_MISMATCH {
        name: "e_smime_signature_algorithm_issuer_key_mismatch",
        description: "Signature algorithm does not match the issuing CA's key",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC013",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_signature_algorithm_key_mismatch"],
        applies: Applies::ALL,
        check: check_signature_algorithm_issuer_key_mismatch,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::chain::assert_chain_lint;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_with_issuer;
    use smimelint_factory::{Hierarchy, KeyAlg, SigAlg};

    #[test]
    fn signature_algorithm_issuer_key_mismatch() {
        let h = Hierarchy::new(KeyAlg::P384);
        let sub = h.sub_ca.build();
        let mut bad = h.subscriber.clone();
        // A valid ECDSA signature with the P-384 key, but SHA-256: SBR 7.1.3.2.2 wants SHA-384.
        bad.sign_with = Some(SigAlg::EcdsaSha256);
        assert_chain_lint(
            "e_smime_signature_algorithm_issuer_key_mismatch",
            &bad.build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
        // On a TBSCertificate too.
        assert_eq!(
            status_with_issuer(
                &bad.build_tbs(),
                &sub,
                "e_smime_signature_algorithm_issuer_key_mismatch"
            ),
            Status::Error
        );
    }
}
