use super::*;

fn check_successful_bytes(ctx: &OcspContext<'_>) -> Outcome {
    match ctx.ocsp.status_value() {
        Some(0) if ctx.ocsp.response_bytes.is_none() => {
            fail!("responseStatus is successful but responseBytes is absent")
        }
        Some(0) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// An OCSPResponse whose `responseStatus` is successful (0) carries `responseBytes`.
    ///
    /// ## Why
    /// RFC 6960 4.2.1: a successful status announces a definitive response, and the status of
    /// the requested certificates is carried only in responseBytes (the response of the type
    /// responseType names). A successful response without responseBytes answers nothing, and
    /// clients treat it as malformed.
    ///
    /// ## Example
    /// `30 03 0a 01 00` (successful and nothing else).
    ///
    /// pkilint has no such check.
    E_OCSP_SUCCESSFUL_WITHOUT_BYTES {
        name: "e_ocsp_successful_without_bytes",
        description: "A successful OCSP response has no responseBytes",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_successful_bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_successful_without_bytes";

    #[test]
    fn successful_responses_carry_bytes() {
        let bad = response().response_bytes(false).build();
        assert_eq!(status_of(&bad, L), Status::Error);
        assert_eq!(status_of(&response().build(), L), Status::Pass);
        assert_eq!(
            status_of(&response().unsuccessful(3).build(), L),
            Status::NotApplicable
        );
    }
}
