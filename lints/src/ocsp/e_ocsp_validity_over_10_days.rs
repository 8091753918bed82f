use super::*;

/// SBR 4.9.10: "less than or equal to ten days".
const MAXIMUM: i64 = 10 * 86_400;

fn check_maximum_validity(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| {
        let interval = validity_interval(s)?;
        Some(if interval > MAXIMUM {
            Err(format!(
                "the validity interval is {} (thisUpdate through nextUpdate inclusive), over \
                 10 days",
                duration(interval)
            ))
        } else {
            Ok(())
        })
    })
}

lint! {
    /// ## What it checks
    /// For responses about subscriber certificates, every SingleResponse's validity interval
    /// is at most ten days. The interval counts thisUpdate through nextUpdate inclusive:
    /// `nextUpdate − thisUpdate + 1 s ≤ 864,000 s`, so a nextUpdate exactly ten days after
    /// thisUpdate is one second too long.
    ///
    /// ## Why
    /// SBR 4.9.10: "OCSP responses SHALL have a validity interval less than or equal to ten
    /// days", the interval being "the difference in time between the thisUpdate and nextUpdate
    /// field, inclusive" with 86,400 s to the day. Inclusive is read as for certificate
    /// validity periods (one second added). Runs only when the scope is subscriber.
    ///
    /// ## Example
    /// thisUpdate `20251015120000Z`, nextUpdate `20251026120000Z` (11 days and 1 second).
    ///
    /// pkilint has no OCSP validity interval check.
    E_OCSP_VALIDITY_OVER_10_DAYS {
        name: "e_ocsp_validity_over_10_days",
        description: "A subscriber certificate's OCSP response is valid for more than ten days",
        citation: "SBR 4.9.10",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        ocsp_check: check_maximum_validity,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;

    const L: &str = "e_ocsp_validity_over_10_days";

    fn lasting(seconds: i64) -> Vec<u8> {
        response()
            .each_response(move |s| s.next_update(Some(PRODUCED_AT + seconds)))
            .build()
    }

    #[test]
    fn at_most_ten_days_inclusive() {
        assert_eq!(subscriber(&lasting(11 * DAY), L), Status::Error);
        // Ten days apart is ten days and one second inclusive (SBR 4.9.10 "inclusive").
        assert_eq!(subscriber(&lasting(10 * DAY), L), Status::Error);
        assert_eq!(subscriber(&lasting(10 * DAY - 1), L), Status::Pass);
        assert_eq!(for_ca(&lasting(11 * DAY), L), Status::NotApplicable);
    }
}
