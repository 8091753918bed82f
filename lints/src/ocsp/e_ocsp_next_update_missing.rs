use super::*;

fn check_next_update_present(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| {
        Some(match s.next_update {
            Some(_) => Ok(()),
            None => Err("nextUpdate is absent, so the response has no validity interval".into()),
        })
    })
}

lint! {
    /// ## What it checks
    /// Every SingleResponse about a subscriber certificate has a nextUpdate.
    ///
    /// ## Why
    /// SBR 4.9.10 requires OCSP responses for subscriber certificates to have a validity
    /// interval of eight hours to ten days, the time between thisUpdate and nextUpdate;
    /// without nextUpdate (RFC 6960 4.2.2.1: "newer information is available all the time")
    /// there is no interval to meet that rule. Runs only when the scope is subscriber.
    ///
    /// ## Example
    /// A SingleResponse of certID, certStatus and thisUpdate only.
    ///
    /// pkilint's `pkix.validity_period_end_value_missing` cannot fire on OCSP responses (its
    /// check runs only when nextUpdate is present).
    E_OCSP_NEXT_UPDATE_MISSING {
        name: "e_ocsp_next_update_missing",
        description: "A response for a subscriber certificate has no nextUpdate",
        citation: "SBR 4.9.10",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        ocsp_check: check_next_update_present,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;

    const L: &str = "e_ocsp_next_update_missing";

    #[test]
    fn subscriber_responses_have_next_update() {
        let bad = response().each_response(|s| s.next_update(None)).build();
        assert_eq!(subscriber(&bad, L), Status::Error);
        assert_eq!(for_ca(&bad, L), Status::NotApplicable);
        assert_eq!(subscriber(&response().build(), L), Status::Pass);
    }
}
