use super::*;

lint! {
    /// ## What it checks
    /// A Strict or Multipurpose subscriber certificate's validity period is at most 825 days:
    /// `notAfter − notBefore + 1 s ≤ 825 × 86,400 s`, i.e. notAfter is at most
    /// 71,279,999 seconds after notBefore. The `+ 1 s` is there because RFC 5280 §4.1.2.5 and
    /// the SBR's definition of Validity Period (1.6.1) include notAfter itself; a certificate
    /// from `2025-10-01T00:00:00Z` to `2028-01-03T23:59:59Z` is exactly 825 days.
    ///
    /// ## Why
    /// SBR 6.3.2: Strict and Multipurpose certificates have a maximum validity period of 825
    /// days; "a day is measured as 86,400 seconds. Any amount of time greater than this,
    /// including fractional seconds and/or leap seconds, SHALL represent an additional day."
    ///
    /// ## Example
    /// notBefore `2023-04-28T00:00:00Z`, notAfter `2025-07-31T00:00:00Z`: 825 days and 1
    /// second, which counts as 826 days.
    E_SMIME_VALIDITY_EXCEEDS_825_DAYS {
        name: "e_smime_validity_exceeds_825_days",
        description: "Strict/Multipurpose validity period is longer than 825 days",
        citation: "SBR 6.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_validity_period_exceeds_825_days"],
        zlint: [],
        catalog: ["e_smime_validity_exceeds_825_days"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_validity_exceeds_max,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::validity::{cert, details, DAY};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn strict_and_multipurpose_at_most_825_days() {
        let lint = "e_smime_validity_exceeds_825_days";
        for t in ["mailbox-strict", "organization-multipurpose"] {
            // notAfter = notBefore + 825 days: 825 days and 1 second, inclusive.
            let over = cert(t, 825 * DAY);
            let max = cert(t, 825 * DAY - 1);
            assert_lint(lint, &over, &cert(t, 824 * DAY), &[]);
            assert_eq!(status_of(&max, lint), Status::Pass);
            assert_eq!(
                details(&over, lint),
                "validity period 2025-10-01T00:00:00Z through 2028-01-04T00:00:00Z is 825 days and 1 second inclusive, which counts as 826 days; "
                    .to_string()
                    + t.rsplit('-').next().unwrap()
                    + " certificates may have at most 825"
            );
        }
        // Legacy certificates have the 1185-day limit instead.
        assert_eq!(
            status_of(&cert("mailbox-legacy", 900 * DAY), lint),
            Status::NotApplicable
        );
    }
}
