use super::*;
use smimelint_cert::verify::Verdict;

fn check_signature_invalid(ctx: &LintContext<'_>) -> Outcome {
    match ctx.issuer_signature() {
        Some(Verdict::Valid) => Outcome::Pass,
        Some(Verdict::Invalid(why)) => fail!("{why}"),
        Some(Verdict::Unsupported(_)) | None => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// The certificate's signature verifies with the issuing CA's public key (given with
    /// `--issuer`). Supported: RSA PKCS#1 v1.5 and RSASSA-PSS with SHA-256/384/512, ECDSA on
    /// P-256/P-384/P-521, Ed25519, Ed448 and ML-DSA-44/65/87. Any other algorithm, or a
    /// TBSCertificate (no signature), is NA: never a pass.
    ///
    /// ## Why
    /// RFC 5280 §6.1.3(a)(1): a certificate is valid in a path only if its signature verifies
    /// with the working public key, that of its issuer. A signature that does not verify means
    /// the wrong issuer was given, the certificate was altered after signing, or the CA signed
    /// with another key.
    ///
    /// ## Example
    /// A subscriber certificate checked against a sub-CA certificate for a different key.
    E_SMIME_SIGNATURE_INVALID {
        name: "e_smime_signature_invalid",
        description: "Signature does not verify with the issuing CA's public key",
        citation: "RFC 5280 6.1.3(a)(1)",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_signature_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::chain::assert_chain_lint;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_with_issuer;
    use smimelint_factory::{der, Hierarchy, KeyAlg, SigAlg};

    #[test]
    fn rsa_pss_signatures_verify() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        for sig in [
            SigAlg::RsaPssSha256,
            SigAlg::RsaPssSha384,
            SigAlg::RsaPssSha512,
        ] {
            let mut leaf = h.subscriber.clone();
            leaf.sign_with = Some(sig);
            assert_eq!(
                status_with_issuer(&leaf.build(), &sub, "e_smime_signature_invalid"),
                Status::Pass,
                "{sig:?}"
            );
        }
    }

    #[test]
    fn signature_invalid() {
        for alg in [KeyAlg::Rsa2048, KeyAlg::P384, KeyAlg::MlDsa65] {
            let h = Hierarchy::new(alg);
            let sub = h.sub_ca.build();
            let good = h.subscriber.build();
            // Flip one bit of the last signature octet.
            let mut bad = good.clone();
            let last = bad.len() - 1;
            bad[last] ^= 1;
            assert_chain_lint("e_smime_signature_invalid", &bad, &good, &sub, &[]);
        }
    }

    #[test]
    fn signature_from_another_key_is_invalid() {
        let h = Hierarchy::new(KeyAlg::MlDsa44);
        let sub = h.sub_ca.build();
        let mut other = h.subscriber.clone();
        other.issuer_key = (KeyAlg::MlDsa44, 4242);
        assert_chain_lint(
            "e_smime_signature_invalid",
            &other.build(),
            &h.subscriber.build(),
            &sub,
            &[],
        );
    }

    #[test]
    fn unsupported_or_unsigned_is_na() {
        let h = Hierarchy::new(KeyAlg::Rsa2048);
        let sub = h.sub_ca.build();
        let tbs = h.subscriber.build_tbs();
        assert_eq!(
            status_with_issuer(&tbs, &sub, "e_smime_signature_invalid"),
            Status::NotApplicable
        );
        // sha1WithRSAEncryption: not verified, so NA (the algorithm lints report it).
        let sha1 = der::seq(&[der::oid("1.2.840.113549.1.1.5"), der::null()]);
        let leaf = h
            .subscriber
            .clone()
            .tbs_signature_raw(sha1.clone())
            .signature_algorithm_raw(sha1)
            .build();
        assert_eq!(
            status_with_issuer(&leaf, &sub, "e_smime_signature_invalid"),
            Status::NotApplicable
        );
    }
}
