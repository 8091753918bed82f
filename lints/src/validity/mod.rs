//! Maximum validity period of subscriber certificates (SBR 6.3.2), counted the way the SBR
//! counts: the period runs from notBefore through notAfter inclusive (SBR 1.6.1 "Validity
//! Period", RFC 5280 §4.1.2.5), a day is 86,400 seconds, and any excess over whole days,
//! however small, is one more day.

use crate::prelude::*;
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

mod e_smime_rfc5280_validity_not_after_before_not_before;
mod e_smime_rfc5280_validity_time_encoding;
mod e_smime_validity_exceeds_1185_days;
mod e_smime_validity_exceeds_825_days;
mod w_smime_validity_at_maximum;
