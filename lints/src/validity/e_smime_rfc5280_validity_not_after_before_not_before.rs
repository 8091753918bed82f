use super::*;
use smimelint_cert::time::format_iso;

fn check_validity_not_after_before_not_before(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    let (Some(not_before), Some(not_after)) = (cert.not_before_time(), cert.not_after_time())
    else {
        return Outcome::NotApplicable;
    };
    if not_after < not_before {
        fail!(
            "notAfter {} is earlier than notBefore {}",
            format_iso(not_after),
            format_iso(not_before)
        )
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// notAfter is not earlier than notBefore. Equal times (a one-second validity period) pass.
    /// Not applicable when either time cannot be read as a calendar time.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.5: the validity period is the interval from notBefore through notAfter.
    /// A reversed interval is valid at no time at all; it usually means swapped fields or a
    /// two-digit year that wrapped (UTCTime `49…` is 2049, `50…` is 1950).
    ///
    /// ## Example
    /// notBefore `251001000000Z`, notAfter `250930000000Z`.
    E_SMIME_RFC5280_VALIDITY_NOT_AFTER_BEFORE_NOT_BEFORE {
        name: "e_smime_rfc5280_validity_not_after_before_not_before",
        description: "notAfter is earlier than notBefore",
        citation: "RFC 5280 4.1.2.5; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["pkix.certificate_negative_validity_period"],
        zlint: ["e_validity_time_not_positive"],
        catalog: [],
        applies: Applies::ALL,
        check: check_validity_not_after_before_not_before,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good, NOT_BEFORE};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn not_after_must_not_precede_not_before() {
        let lint = "e_smime_rfc5280_validity_not_after_before_not_before";
        let bad = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time("250930000000Z"))
            .build();
        assert_lint(lint, &bad, &good(), &[]);
        assert_eq!(
            details(&bad, lint),
            "notAfter 2025-09-30T00:00:00Z is earlier than notBefore 2025-10-01T00:00:00Z"
        );
        let same = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time(NOT_BEFORE))
            .build();
        assert_eq!(status_of(&same, lint), Status::Pass);
    }
}
