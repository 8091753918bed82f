use super::*;

fn check_response_type(ctx: &OcspContext<'_>) -> Outcome {
    match ctx.ocsp.response_type {
        None => Outcome::NotApplicable,
        Some(t) if t == oid::OCSP_BASIC.as_bytes() => Outcome::Pass,
        Some(t) => fail!(
            "responseType is {}, not id-pkix-ocsp-basic (1.3.6.1.5.5.7.48.1.1)",
            oid::dotted(t)
        ),
    }
}

lint! {
    /// ## What it checks
    /// `responseBytes.responseType` is id-pkix-ocsp-basic.
    ///
    /// ## Why
    /// RFC 6960 4.2.1: "For a basic OCSP responder, responseType will be id-pkix-ocsp-basic",
    /// and the basic type is the only one clients are required to process, so a response of
    /// another type is unreadable to them. SBR 4.9.9 requires responses that conform to
    /// RFC 6960 and/or RFC 5019.
    ///
    /// ## Example
    /// responseType `1.3.6.1.5.5.7.48.1.99`.
    E_OCSP_RESPONSE_TYPE_NOT_BASIC {
        name: "e_ocsp_response_type_not_basic",
        description: "responseType is not id-pkix-ocsp-basic",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_response_is_not_basic"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_response_type,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use const_oid::ObjectIdentifier;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_response_type_not_basic";

    #[test]
    fn response_type_is_basic() {
        let other = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.99");
        let bad = response().response_type(&other).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert_eq!(status_of(&response().build(), L), Status::Pass);
    }
}
