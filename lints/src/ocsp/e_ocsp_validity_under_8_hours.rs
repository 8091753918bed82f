use super::*;

/// SBR 4.9.10: "greater than or equal to eight hours".
const MINIMUM: i64 = 8 * 3600;

fn check_minimum_validity(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| {
        let interval = validity_interval(s)?;
        // A negative interval is e_ocsp_next_update_before_this_update's finding.
        if interval < 1 {
            return None;
        }
        Some(if interval < MINIMUM {
            Err(format!(
                "the validity interval is {} (thisUpdate through nextUpdate inclusive), under \
                 8 hours",
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
    /// is at least eight hours. The interval counts thisUpdate through nextUpdate inclusive:
    /// `nextUpdate − thisUpdate + 1 s ≥ 28,800 s`, so nextUpdate 7 h 59 min 59 s after
    /// thisUpdate is just enough.
    ///
    /// ## Why
    /// SBR 4.9.10: "OCSP responses SHALL have a validity interval greater than or equal to
    /// eight hours", the interval being "the difference in time between the thisUpdate and
    /// nextUpdate field, inclusive" with 3,600 s to the hour. Inclusive is read as for
    /// certificate validity periods (one second added). Runs only when the scope is
    /// subscriber; responses without nextUpdate are e_ocsp_next_update_missing's finding.
    ///
    /// ## Example
    /// thisUpdate `20251015120000Z`, nextUpdate `20251015190000Z` (7 hours and 1 second).
    ///
    /// pkilint has no OCSP validity interval check.
    E_OCSP_VALIDITY_UNDER_8_HOURS {
        name: "e_ocsp_validity_under_8_hours",
        description: "A subscriber certificate's OCSP response is valid for less than eight hours",
        citation: "SBR 4.9.10",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        ocsp_check: check_minimum_validity,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;

    const L: &str = "e_ocsp_validity_under_8_hours";

    fn lasting(seconds: i64) -> Vec<u8> {
        response()
            .each_response(move |s| s.next_update(Some(PRODUCED_AT + seconds)))
            .build()
    }

    #[test]
    fn at_least_eight_hours_inclusive() {
        assert_eq!(subscriber(&lasting(7 * HOUR), L), Status::Error);
        // 8 h − 1 s apart is 8 h inclusive (SBR 4.9.10 "inclusive").
        assert_eq!(subscriber(&lasting(8 * HOUR - 2), L), Status::Error);
        assert_eq!(subscriber(&lasting(8 * HOUR - 1), L), Status::Pass);
        assert_eq!(subscriber(&lasting(4 * DAY), L), Status::Pass);
        assert_eq!(for_ca(&lasting(7 * HOUR), L), Status::NotApplicable);
    }
}
