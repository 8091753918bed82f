//! Maximum validity period of subscriber certificates (SBR 6.3.2), counted the way the SBR
//! counts: the period runs from notBefore through notAfter inclusive (SBR 1.6.1 "Validity
//! Period", RFC 5280 §4.1.2.5), a day is 86,400 seconds, and any excess over whole days,
//! however small, is one more day.

use super::prelude::*;
use smimelint_cert::time::format_iso;

const DAY: i64 = 86_400;

/// Maximum validity in days for a generation (SBR 6.3.2 table).
fn max_days(g: Generation) -> i64 {
    match g {
        Generation::Strict | Generation::Multipurpose => 825,
        Generation::Legacy => 1185,
    }
}

/// The validity period in seconds, notAfter inclusive: `notAfter − notBefore + 1`. None when a
/// time is unreadable or the period is reversed (other lints report those).
fn inclusive_seconds(cert: &Cert<'_>) -> Option<i64> {
    let (nb, na) = (cert.not_before_time()?, cert.not_after_time()?);
    (na >= nb).then(|| na - nb + 1)
}

/// "825 days" or "825 days and 1 second", from inclusive seconds.
fn period_text(seconds: i64) -> String {
    let (days, rest) = (seconds / DAY, seconds % DAY);
    match rest {
        0 => format!("{days} days"),
        1 => format!("{days} days and 1 second"),
        _ => format!("{days} days and {rest} seconds"),
    }
}

/// Days as the SBR counts them: whole days, plus one for any remainder.
fn counted_days(seconds: i64) -> i64 {
    (seconds + DAY - 1) / DAY
}

fn check_validity_exceeds_max(ctx: &LintContext<'_>) -> Outcome {
    let (Some(g), Some(seconds)) = (ctx.generation(), inclusive_seconds(ctx.cert)) else {
        return Outcome::NotApplicable;
    };
    let max = max_days(g);
    if seconds <= max * DAY {
        return Outcome::Pass;
    }
    fail!(
        "validity period {} through {} is {} inclusive, which counts as {} days; {} certificates may have at most {max}",
        ctx.cert.not_before_time().map_or_else(String::new, format_iso),
        ctx.cert.not_after_time().map_or_else(String::new, format_iso),
        period_text(seconds),
        counted_days(seconds),
        g.as_str()
    )
}

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

lint! {
    /// ## What it checks
    /// A Legacy subscriber certificate's validity period is at most 1185 days:
    /// `notAfter − notBefore + 1 s ≤ 1185 × 86,400 s` (notAfter inclusive, as in
    /// `e_smime_validity_exceeds_825_days`).
    ///
    /// ## Why
    /// SBR 6.3.2: Legacy certificates have a maximum validity period of 1185 days, counted in
    /// 86,400-second days with any excess counting as another day.
    ///
    /// ## Example
    /// notBefore `2023-04-28T00:00:00Z`, notAfter `2026-07-26T00:00:00Z`: 1185 days and 1
    /// second.
    E_SMIME_VALIDITY_EXCEEDS_1185_DAYS {
        name: "e_smime_validity_exceeds_1185_days",
        description: "Legacy validity period is longer than 1185 days",
        citation: "SBR 6.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_validity_period_exceeds_1185_days"],
        zlint: [],
        catalog: ["e_smime_validity_exceeds_1185_days"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_validity_exceeds_max,
    }
}

fn check_validity_at_maximum(ctx: &LintContext<'_>) -> Outcome {
    let (Some(g), Some(seconds)) = (ctx.generation(), inclusive_seconds(ctx.cert)) else {
        return Outcome::NotApplicable;
    };
    let max = max_days(g);
    if seconds == max * DAY {
        fail!(
            "validity period is exactly the {max}-day maximum of {} certificates",
            g.as_str()
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate's validity period is not exactly the maximum for its
    /// generation (825 days for Strict and Multipurpose, 1185 for Legacy, notAfter
    /// inclusive). Longer periods are the error lints' findings.
    ///
    /// ## Why
    /// SBR 6.3.2: "Subscriber Certificates SHOULD NOT be issued for the maximum permissible
    /// time by default, in order to account for such adjustments" — a maximum-length
    /// certificate is one leap second or clock adjustment away from exceeding the limit.
    ///
    /// ## Example
    /// notBefore `2023-04-28T00:00:00Z`, notAfter `2025-07-30T23:59:59Z` (Multipurpose):
    /// exactly 825 days.
    W_SMIME_VALIDITY_AT_MAXIMUM {
        name: "w_smime_validity_at_maximum",
        description: "Validity period is exactly the maximum the SBR allows",
        citation: "SBR 6.3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_validity_period_at_maximum"],
        zlint: [],
        catalog: ["w_smime_validity_at_maximum"],
        applies: Applies::SUBSCRIBER,
        check: check_validity_at_maximum,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::{CertBuilder, DEFAULT_NOT_BEFORE, LEGACY_NOT_BEFORE};

    const DAY: i64 = 86_400;

    fn cert(t: &str, seconds_after_not_before: i64) -> Vec<u8> {
        let nb = if t.ends_with("legacy") {
            LEGACY_NOT_BEFORE
        } else {
            DEFAULT_NOT_BEFORE
        };
        CertBuilder::subscriber(t)
            .validity(nb, nb + seconds_after_not_before)
            .build()
    }

    #[track_caller]
    fn details(der: &[u8], lint: &str) -> String {
        let r = lint_all(der);
        let f = r
            .findings
            .iter()
            .find(|f| f.lint == lint)
            .expect("lint ran");
        f.details.clone().unwrap_or_default()
    }

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

    #[test]
    fn legacy_at_most_1185_days() {
        let lint = "e_smime_validity_exceeds_1185_days";
        let over = cert("sponsored-legacy", 1185 * DAY);
        assert_lint(lint, &over, &cert("sponsored-legacy", 1000 * DAY), &[]);
        assert_eq!(
            status_of(&cert("sponsored-legacy", 1185 * DAY - 1), lint),
            Status::Pass
        );
        assert!(details(&over, lint).contains("counts as 1186 days"));
    }

    #[test]
    fn not_the_full_maximum() {
        let lint = "w_smime_validity_at_maximum";
        assert_lint(
            lint,
            &cert("individual-strict", 825 * DAY - 1),
            &cert("individual-strict", 825 * DAY - 2),
            &[],
        );
        assert_lint(
            lint,
            &cert("individual-legacy", 1185 * DAY - 1),
            &cert("individual-legacy", 825 * DAY - 1),
            &[],
        );
        // Over the maximum is the error lint's finding only.
        assert_eq!(
            status_of(&cert("individual-strict", 825 * DAY), lint),
            Status::Pass
        );
    }
}
