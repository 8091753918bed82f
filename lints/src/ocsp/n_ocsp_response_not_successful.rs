use super::*;
use smimelint_revocation::ocsp::status_name;

fn check_not_successful(ctx: &OcspContext<'_>) -> Outcome {
    match ctx.ocsp.status_value() {
        None => Outcome::NotApplicable,
        Some(0) => Outcome::Pass,
        Some(v) => fail!(
            "responseStatus is {}: the response reports no certificate status, so only its \
             envelope was linted",
            status_name(v).map_or_else(|| v.to_string(), |n| format!("{n} ({v})"))
        ),
    }
}

lint! {
    /// ## What it checks
    /// Notes an OCSPResponse whose `responseStatus` is not successful.
    ///
    /// ## Why
    /// RFC 6960 4.2.1: error responses carry no responseBytes, so none of the rules on the
    /// response data, the signature or the single responses could be checked. The notice says
    /// so instead of letting a clean report suggest a fully linted response.
    ///
    /// ## Example
    /// `30 03 0a 01 03` (tryLater).
    N_OCSP_RESPONSE_NOT_SUCCESSFUL {
        name: "n_ocsp_response_not_successful",
        description: "The OCSP response is not successful and carries nothing else to lint",
        citation: "RFC 6960 4.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_not_successful,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "n_ocsp_response_not_successful";

    #[test]
    fn error_statuses_are_noted() {
        assert_eq!(
            status_of(&response().unsuccessful(3).build(), L),
            Status::Notice
        );
        assert_eq!(status_of(&response().build(), L), Status::Pass);
    }
}
