use super::*;

fn check_responder_nocheck(ctx: &OcspContext<'_>) -> Outcome {
    let Some(responder) = delegated_responder(ctx) else {
        return Outcome::NotApplicable;
    };
    if responder.has_extension(&oid::OCSP_NOCHECK) {
        Outcome::Pass
    } else {
        fail!(
            "the delegated responder, {}, has no id-pkix-ocsp-nocheck extension",
            cert_label(responder)
        )
    }
}

lint! {
    /// ## What it checks
    /// Notes a delegated responder certificate (found as for e_ocsp_responder_eku_missing)
    /// without the id-pkix-ocsp-nocheck extension.
    ///
    /// ## Why
    /// RFC 6960 4.2.2.2.1 leaves the CA three ways to let clients check the responder's own
    /// status, nocheck being one; which one applies is the CA's policy, so RFC 6960 alone does
    /// not make its absence an error. SBR 4.9.9 does require nocheck in the OCSP signing
    /// certificates of S/MIME CAs; the notice asks to check that the response comes from such
    /// a CA.
    ///
    /// ## Example
    /// A responder certificate with id-kp-OCSPSigning but no `1.3.6.1.5.5.7.48.1.5` extension.
    N_OCSP_RESPONDER_NO_CHECK_MISSING {
        name: "n_ocsp_responder_no_check_missing",
        description: "The delegated OCSP responder's certificate lacks id-pkix-ocsp-nocheck",
        citation: "RFC 6960 4.2.2.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_responder_nocheck,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::ocsp::NOCHECK;

    const L: &str = "n_ocsp_responder_no_check_missing";

    #[test]
    fn delegated_responders_carry_nocheck() {
        let without = responder_cert(&ca()).without_ext(&NOCHECK);
        let bad = response().responder(&without).build();
        assert_eq!(status_of(&bad, L), Status::Notice);
        assert_eq!(status_of(&delegated().build(), L), Status::Pass);
        assert_eq!(status_of(&response().build(), L), Status::NotApplicable);
    }
}
