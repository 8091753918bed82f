use super::*;
use smimelint_revocation::ocsp::status_name;

fn check_error_response_bytes(ctx: &OcspContext<'_>) -> Outcome {
    match ctx.ocsp.status_value() {
        None | Some(0) => Outcome::NotApplicable,
        Some(v) if ctx.ocsp.response_bytes.is_some() => fail!(
            "responseStatus {} carries responseBytes",
            status_name(v).map_or_else(|| v.to_string(), |n| format!("{n} ({v})"))
        ),
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// An OCSPResponse whose `responseStatus` is not successful has no `responseBytes`.
    ///
    /// ## Why
    /// RFC 6960 4.2.1: "If the value of responseStatus is one of the error conditions, the
    /// responseBytes field is not set." A client that sees an error status ignores a body it
    /// may nonetheless be tempted to trust.
    ///
    /// ## Example
    /// `30 … 0a 01 01 a0 …` (malformedRequest followed by responseBytes).
    E_OCSP_ERROR_RESPONSE_HAS_BYTES {
        name: "e_ocsp_error_response_has_bytes",
        description: "A non-successful OCSP response carries responseBytes",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_error_response_has_response_body"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_error_response_bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;
    use smimelint_factory::der;

    const L: &str = "e_ocsp_error_response_has_bytes";

    #[test]
    fn error_statuses_have_no_body() {
        let bad = response().status_raw(der::tlv(0x0a, &[1])).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert_eq!(
            status_of(&response().unsuccessful(1).build(), L),
            Status::Pass
        );
        assert_eq!(status_of(&response().build(), L), Status::NotApplicable);
    }
}
