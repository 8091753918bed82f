use super::*;

fn check_responder_eku(ctx: &OcspContext<'_>) -> Outcome {
    let Some(responder) = delegated_responder(ctx) else {
        return Outcome::NotApplicable;
    };
    if has_ocsp_signing(responder) {
        Outcome::Pass
    } else {
        fail!(
            "the delegated responder, {}, has no id-kp-OCSPSigning in extKeyUsage",
            cert_label(responder)
        )
    }
}

lint! {
    /// ## What it checks
    /// The delegated responder certificate, the certificate in `certs` that responderID names
    /// (byName: its subject; byKey: the SHA-1 of its public key), lists id-kp-OCSPSigning in
    /// extKeyUsage. Not applicable when no certificate in `certs` matches, or when it is the CA
    /// (the `--issuer` CA, or any CA certificate): a CA answers for its own certificates.
    ///
    /// ## Why
    /// RFC 6960 4.2.2.2: "OCSP signing delegation SHALL be designated by the inclusion of
    /// id-kp-OCSPSigning in an extended key usage certificate extension included in the OCSP
    /// response signer's certificate." SBR 4.9.9 repeats it for S/MIME CAs. Clients reject a
    /// response from a responder without it.
    ///
    /// ## Example
    /// A responder certificate whose extKeyUsage is id-kp-emailProtection only.
    E_OCSP_RESPONDER_EKU_MISSING {
        name: "e_ocsp_responder_eku_missing",
        description: "The delegated OCSP responder's certificate lacks id-kp-OCSPSigning",
        citation: "RFC 6960 4.2.2.2",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_responder_eku,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_responder_eku_missing";

    #[test]
    fn delegated_responders_have_ocsp_signing() {
        let email_only = responder_cert(&ca()).eku(&[&oid::KP_EMAIL_PROTECTION]);
        let bad = response().responder(&email_only).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert_eq!(status_of(&delegated().build(), L), Status::Pass);
        assert_eq!(status_of(&response().build(), L), Status::NotApplicable);
    }
}
