use super::*;
use smimelint_cert::verify::Verdict;
use smimelint_revocation::ocsp::ResponderId;

fn check_responder_authorized(ctx: &OcspContext<'_>) -> Outcome {
    let Some(ca) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let ocsp = ctx.ocsp;
    if !matches!(
        ocsp.responder_id,
        Some(ResponderId::ByName(_) | ResponderId::ByKey(_))
    ) {
        return Outcome::NotApplicable;
    }
    if ocsp.responder_is(ca) {
        return Outcome::Pass;
    }
    let Some(responder) = ocsp.responder_cert() else {
        return fail!(
            "responderID names neither the CA ({}) nor a certificate in certs",
            cert_label(ca)
        );
    };
    match ctx.issued_by_ca(responder) {
        Some(Verdict::Valid) => {}
        Some(Verdict::Invalid(_)) => {
            return fail!(
                "the responder, {}, was not issued by the CA ({}): its signature does not \
                 verify with the CA's key",
                cert_label(responder),
                cert_label(ca)
            )
        }
        Some(Verdict::Unsupported(_)) | None => return Outcome::NotApplicable,
    }
    if has_ocsp_signing(responder) {
        Outcome::Pass
    } else {
        fail!(
            "the responder, {}, was issued by the CA but has no id-kp-OCSPSigning",
            cert_label(responder)
        )
    }
}

lint! {
    /// ## What it checks
    /// With `--issuer`, the response is signed by that CA (responderID names it) or by a
    /// responder whose certificate is in `certs`, was signed with the CA's key, and lists
    /// id-kp-OCSPSigning. Not applicable without an issuer.
    ///
    /// ## Why
    /// RFC 6960 4.2.2.2: "The key used to sign the response MUST belong to one of the
    /// following: the CA who issued the certificate in question; a Trusted Responder ...; a CA
    /// Designated Responder (Authorized Responder ...) who holds a specially marked certificate
    /// issued directly by the CA". SBR 4.9.9 allows only the CA and such responders. A
    /// responder named but not included in certs, or certified by another CA, is reported:
    /// S/MIME clients have no locally trusted responders to fall back on.
    ///
    /// ## Example
    /// A response whose responderID names the root while the subscriber's CA is the issuer.
    E_OCSP_RESPONDER_NOT_AUTHORIZED {
        name: "e_ocsp_responder_not_authorized",
        description: "The OCSP response is signed neither by the CA nor by a responder the CA authorized",
        citation: "RFC 6960 4.2.2.2",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_responder_authorized,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{status_of, status_with_issuer};
    use smimelint_factory::{CertBuilder, KeyAlg};

    const L: &str = "e_ocsp_responder_not_authorized";

    #[test]
    fn signer_is_the_ca_or_its_ocsp_responder() {
        let issuer = ca().build();
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048);
        let names_root = response().responder_id_raw(by_key(&root)).build();
        assert_eq!(status_with_issuer(&names_root, &issuer, L), Status::Error);
        assert_eq!(status_of(&names_root, L), Status::NotApplicable);
        let other_issuer = response()
            .responder(&responder_cert(&ca()).issued_by(&root))
            .build();
        assert_eq!(status_with_issuer(&other_issuer, &issuer, L), Status::Error);
        let email_only = response()
            .responder(&responder_cert(&ca()).eku(&[&oid::KP_EMAIL_PROTECTION]))
            .build();
        assert_eq!(status_with_issuer(&email_only, &issuer, L), Status::Error);
        assert_eq!(
            status_with_issuer(&response().build(), &issuer, L),
            Status::Pass
        );
        assert_eq!(
            status_with_issuer(&delegated().build(), &issuer, L),
            Status::Pass
        );
        let by_ca_name = response().responder_id_raw(by_name(&ca().subject)).build();
        assert_eq!(status_with_issuer(&by_ca_name, &issuer, L), Status::Pass);
    }
}
