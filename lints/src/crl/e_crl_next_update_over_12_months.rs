use super::*;
use smimelint_cert::time::{civil_from_days, days_from_civil, days_in_month, format_iso};

/// The same day and time twelve calendar months later; a day past the end of that month (29
/// February) becomes its last day.
fn twelve_months_after(t: i64) -> i64 {
    let (days, secs) = (t.div_euclid(DAY), t.rem_euclid(DAY));
    let (y, m, d) = civil_from_days(days);
    let d = d.min(days_in_month(y + 1, m));
    days_from_civil(y + 1, m, d) * DAY + secs
}

fn check_next_update_over_12_months(ctx: &CrlContext<'_>) -> Outcome {
    let (Some(this), Some(next)) = (ctx.crl.this_update_time(), ctx.crl.next_update_time()) else {
        return Outcome::NotApplicable;
    };
    let limit = twelve_months_after(this);
    if next > limit {
        fail!(
            "nextUpdate {} is more than twelve months after thisUpdate {} (latest allowed {})",
            format_iso(next),
            format_iso(this),
            format_iso(limit)
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// nextUpdate is at most twelve calendar months after thisUpdate: no later than the same
    /// day and time of the same month one year on (29 February counts to 28 February). This
    /// holds for every CRL; subscriber CRLs have the stricter ten days of
    /// `e_crl_next_update_over_10_days`.
    ///
    /// ## Why
    /// SBR 4.9.7: "For the status of Subordinate CA Certificates: ... The value of the
    /// `nextUpdate` field SHALL NOT be more than twelve months beyond the value of the
    /// `thisUpdate` field." No CRL may be valid longer than that.
    ///
    /// ## Example
    /// thisUpdate `251015000000Z`, nextUpdate `261015000001Z`.
    ///
    /// ## Differences from pkilint
    /// pkilint's ARL profile (`cabf.arl_invalid_validity_period`) counts 365 days: a CRL
    /// whose thisUpdate is before 29 February of a leap year may run 366 days under the SBR's
    /// calendar months, and pkilint flags it. The SBR text (calendar months) wins.
    E_CRL_NEXT_UPDATE_OVER_12_MONTHS {
        name: "e_crl_next_update_over_12_months",
        description: "The CRL's nextUpdate is more than twelve months after thisUpdate",
        citation: "SBR 4.9.7",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.arl_invalid_validity_period"],
        zlint: ["e_crl_next_update_invalid"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_next_update_over_12_months,
    }
}

#[cfg(test)]
mod tests {
    use super::twelve_months_after;
    use crate::crl::testing::*;
    use smimelint_cert::time::date;

    const LINT: &str = "e_crl_next_update_over_12_months";

    #[test]
    fn crls_last_at_most_twelve_months() {
        let crl = |next: i64| base().next_update(Some(next)).build();
        // THIS_UPDATE is 2025-10-15 00:00:00.
        assert_only(&crl(date(2026, 10, 15) + 1), LINT);
        assert_eq!(status_of(&crl(date(2026, 10, 15)), LINT), Status::Pass);
    }

    #[test]
    fn months_are_calendar_months() {
        // 366 days: 2023-03-01 to 2024-03-01 spans 29 February 2024.
        assert_eq!(twelve_months_after(date(2023, 3, 1)), date(2024, 3, 1));
        assert_eq!(twelve_months_after(date(2024, 2, 29)), date(2025, 2, 28));
        assert_eq!(
            twelve_months_after(date(2025, 1, 31) + 3600),
            date(2026, 1, 31) + 3600
        );
    }
}
