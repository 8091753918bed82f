use super::*;
use smimelint_cert::verify::{signature_algorithm, KeyKind};

fn check_signature_algorithm(ctx: &OcspContext<'_>) -> Outcome {
    let Some(alg) = ctx.ocsp.signature_algorithm else {
        return Outcome::NotApplicable;
    };
    if let Some(problem) = crate::algorithms::signature_encoding_problem(alg.raw) {
        return fail!("signatureAlgorithm: {problem}");
    }
    // SBR 7.1.3.2 also pairs each encoding with a key: check it when the signer is known.
    let Some(signer) = ctx.signer() else {
        return Outcome::Pass;
    };
    let (Ok(alg), Some(Ok(spki))) = (signature_algorithm(&alg), signer.cert().spki_view()) else {
        return Outcome::Pass;
    };
    match KeyKind::of(spki) {
        Ok(key) if !alg.matches_key(key) => fail!(
            "signatureAlgorithm {} does not fit the signer's {} key ({})",
            alg.name(),
            key.name(),
            cert_label(signer.cert())
        ),
        _ => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// The BasicOCSPResponse's `signatureAlgorithm` is byte for byte one of the encodings SBR
    /// 7.1.3.2 lists, and, when the signer's certificate is known (the `--issuer` CA that
    /// responderID names, or the responder certificate in `certs`), the one for the signer's
    /// key: ECDSA with the hash of the curve's size, RSA schemes with RSA keys, EdDSA and ML-DSA
    /// with their own keys.
    ///
    /// ## Why
    /// SBR 7.1.3.2 applies to "The signatureAlgorithm field of a BasicOCSPResponse" and says
    /// "No other encodings are permitted for these fields"; its subsections tie each encoding
    /// to a key type and size (e.g. a P-256 key signs with ecdsa-with-SHA256).
    ///
    /// ## Example
    /// A P-256 responder key with `30 0a 06 08 2a 86 48 ce 3d 04 03 04` (ecdsa-with-SHA512).
    ///
    /// pkilint's OCSP profile does not check signature algorithms.
    E_OCSP_SIGNATURE_ALGORITHM_NOT_ALLOWED {
        name: "e_ocsp_signature_algorithm_not_allowed",
        description: "The OCSP response's signatureAlgorithm is not an SBR 7.1.3.2 encoding for the signer's key",
        citation: "SBR 7.1.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_signature_algorithm,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{status_of, status_with_issuer};
    use smimelint_factory::{der, SigAlg};

    const L: &str = "e_ocsp_signature_algorithm_not_allowed";

    #[test]
    fn algorithm_is_an_sbr_encoding_for_the_key() {
        // ecdsa-with-SHA256 with NULL parameters: SBR 7.1.3.2.2 requires them absent.
        let with_null = der::seq(&[
            der::tlv(0x06, &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]),
            der::null(),
        ]);
        let bad = response().signature_algorithm_raw(with_null).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        // A P-256 key with SHA-512 (SBR 7.1.3.2.2 pairs P-256 with SHA-256).
        let mismatch = response().sign_with(SigAlg::EcdsaSha512).build();
        assert_eq!(
            status_with_issuer(&mismatch, &ca().build(), L),
            Status::Error
        );
        let delegated_mismatch = delegated().sign_with(SigAlg::EcdsaSha512).build();
        assert_eq!(status_of(&delegated_mismatch, L), Status::Error);
        assert_eq!(
            status_with_issuer(&response().build(), &ca().build(), L),
            Status::Pass
        );
    }
}
