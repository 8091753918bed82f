use super::*;
use smimelint_revocation::ocsp::status_name;

fn check_response_status(ctx: &OcspContext<'_>) -> Outcome {
    if ctx.ocsp.response_status.is_none() {
        return Outcome::NotApplicable;
    }
    match ctx.ocsp.status_value() {
        Some(v) if status_name(v).is_some() => Outcome::Pass,
        Some(v) => fail!(
            "responseStatus {v} is not an OCSPResponseStatus value (0 to 3, 5 and 6 are defined; \
             4 is not used)"
        ),
        None => fail!("responseStatus does not hold a readable ENUMERATED value"),
    }
}

lint! {
    /// ## What it checks
    /// The OCSPResponse's `responseStatus` is one of the values RFC 6960 defines:
    /// successful (0), malformedRequest (1), internalError (2), tryLater (3), sigRequired (5),
    /// unauthorized (6). Not applicable to a bare BasicOCSPResponse or ResponseData.
    ///
    /// ## Why
    /// RFC 6960 4.2.1 enumerates OCSPResponseStatus and marks 4 "is not used"; a client cannot
    /// interpret any other value.
    ///
    /// ## Example
    /// `30 03 0a 01 04` (responseStatus 4).
    ///
    /// pkilint reports only the value 4 (`pkix.ocsp_response_status_code_4`); smimelint also
    /// reports values above 6 and negative ones.
    E_OCSP_RESPONSE_STATUS_INVALID {
        name: "e_ocsp_response_status_invalid",
        description: "responseStatus is not a value RFC 6960 defines",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_response_status_code_4"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_response_status,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_response_status_invalid";

    #[test]
    fn status_4_is_not_used() {
        // RFC 6960 4.2.1: "--(4) is not used".
        assert_eq!(
            status_of(&response().unsuccessful(4).build(), L),
            Status::Error
        );
        assert_eq!(
            status_of(&response().unsuccessful(7).build(), L),
            Status::Error
        );
        assert_eq!(
            status_of(&response().unsuccessful(6).build(), L),
            Status::Pass
        );
        assert_eq!(status_of(&response().build(), L), Status::Pass);
    }
}
