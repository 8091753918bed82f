use super::*;

fn check_update_order(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| {
        let (this, next) = (s.this_update_time()?, s.next_update_time()?);
        Some(if next < this {
            Err(format!(
                "nextUpdate is {} before thisUpdate",
                duration(this - next)
            ))
        } else {
            Ok(())
        })
    })
}

lint! {
    /// ## What it checks
    /// No SingleResponse has a nextUpdate earlier than its thisUpdate.
    ///
    /// ## Why
    /// RFC 6960 2.4 and 4.2.2.1: thisUpdate is when the status was known to be correct and
    /// nextUpdate the time at or before which newer information will be available; newer
    /// information cannot be due before the status was established, and clients treat such a
    /// response as expired from the start.
    ///
    /// ## Example
    /// thisUpdate `20251015120000Z`, nextUpdate `20251015110000Z`.
    E_OCSP_NEXT_UPDATE_BEFORE_THIS_UPDATE {
        name: "e_ocsp_next_update_before_this_update",
        description: "A SingleResponse's nextUpdate is before its thisUpdate",
        citation: "RFC 6960 2.4, 4.2.2.1",
        source: Source::Rfc6960,
        effective: dates::RFC_6960,
        pkilint: ["pkix.ocsp_negative_validity_period"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        ocsp_check: check_update_order,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::status_of;

    const L: &str = "e_ocsp_next_update_before_this_update";

    #[test]
    fn next_update_is_not_before_this_update() {
        let bad = response()
            .each_response(|s| s.next_update(Some(PRODUCED_AT - HOUR)))
            .build();
        assert_eq!(status_of(&bad, L), Status::Error);
        let equal = response()
            .each_response(|s| s.next_update(Some(PRODUCED_AT)))
            .build();
        assert_eq!(status_of(&equal, L), Status::Pass);
        let open = response().each_response(|s| s.next_update(None)).build();
        assert_eq!(status_of(&open, L), Status::NotApplicable);
    }
}
