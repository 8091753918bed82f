use super::*;
use smimelint_cert::verify::Verdict;
use smimelint_engine::revocation_context::OcspSigner;

fn check_signature(ctx: &OcspContext<'_>) -> Outcome {
    if ctx.issuer.is_none() {
        return Outcome::NotApplicable;
    }
    let (Some(signer), Some(verdict)) = (ctx.signer(), ctx.signature()) else {
        return Outcome::NotApplicable;
    };
    let who = match signer {
        OcspSigner::Ca(_) => "the CA".to_string(),
        OcspSigner::Certs(c) => format!("the responder, {}", cert_label(c)),
    };
    match verdict {
        Verdict::Valid => Outcome::Pass,
        Verdict::Invalid(why) => {
            fail!("the signature does not verify with the key of {who}: {why}")
        }
        Verdict::Unsupported(_) => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// With `--issuer`, the BasicOCSPResponse's signature verifies with the key of the signer
    /// responderID names: the CA itself, or the delegated responder whose certificate is in
    /// `certs`. Not applicable without an issuer, when responderID names neither, or when the
    /// algorithm is not supported.
    ///
    /// ## Why
    /// RFC 6960 4.2.2.2 and 3.2: a client accepts a response only if "the signature on the
    /// response is valid" with the key of the CA or of an authorized responder; a response
    /// that fails it is rejected, leaving the certificate's status unknown. Whether the
    /// responder is authorized is e_ocsp_responder_not_authorized's check.
    ///
    /// ## Example
    /// A response signed by a key other than the one responderID names.
    E_OCSP_SIGNATURE_INVALID {
        name: "e_ocsp_signature_invalid",
        description: "The OCSP response's signature does not verify with the responder's key",
        citation: "RFC 6960 3.2, 4.2.2.2",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_signature,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{status_of, status_with_issuer};
    use smimelint_factory::KeyAlg;

    const L: &str = "e_ocsp_signature_invalid";

    #[test]
    fn signature_verifies_with_the_signer_key() {
        let issuer = ca().build();
        let forged = response().signing_key(KeyAlg::P256, 77).build();
        assert_eq!(status_with_issuer(&forged, &issuer, L), Status::Error);
        assert_eq!(status_of(&forged, L), Status::NotApplicable);
        assert_eq!(
            status_with_issuer(&response().build(), &issuer, L),
            Status::Pass
        );
        assert_eq!(
            status_with_issuer(&delegated().build(), &issuer, L),
            Status::Pass
        );
        let forged_delegated = delegated().signing_key(KeyAlg::P256, 77).build();
        assert_eq!(
            status_with_issuer(&forged_delegated, &issuer, L),
            Status::Error
        );
    }
}
