use super::*;

fn check_certs_not_empty(ctx: &OcspContext<'_>) -> Outcome {
    if ctx.ocsp.certs_field.is_none() {
        return Outcome::NotApplicable;
    }
    if ctx.ocsp.certs_empty() {
        fail!("certs is present but holds no certificate; omit the field instead")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// The BasicOCSPResponse's `certs`, when present, holds at least one certificate.
    ///
    /// ## Why
    /// RFC 6960 4.2.1: certs is `[0] EXPLICIT SEQUENCE OF Certificate OPTIONAL`, there to help
    /// the client verify the responder's signature; an empty list helps nothing and some
    /// decoders reject it. A response signed by the CA itself omits the field.
    ///
    /// ## Example
    /// `a0 02 30 00` after the signature.
    W_OCSP_CERTS_EMPTY {
        name: "w_ocsp_certs_empty",
        description: "The OCSP response's certs field is present but empty",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_certs_sequence_is_empty"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_certs_not_empty,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    const L: &str = "w_ocsp_certs_empty";

    #[test]
    fn certs_is_omitted_rather_than_empty() {
        let bad = response()
            .certs_raw(Some(der::explicit(0, &der::seq(&[]))))
            .build();
        assert_eq!(status_of(&bad, L), Status::Warn);
        assert_eq!(status_of(&delegated().build(), L), Status::Pass);
        assert_eq!(status_of(&response().build(), L), Status::NotApplicable);
    }
}
