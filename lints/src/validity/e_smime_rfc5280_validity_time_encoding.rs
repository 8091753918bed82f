use super::*;
use smimelint_cert::time::TimeKind;
use smimelint_cert::TimeField;

/// `UTCTime "251001000000Z"`, for messages.
fn time_text(f: &TimeField<'_>) -> String {
    let kind = match f.parsed.kind {
        TimeKind::Utc => "UTCTime",
        TimeKind::Generalized => "GeneralizedTime",
    };
    format!("{kind} {:?}", String::from_utf8_lossy(f.tlv.content))
}

/// The four-digit year at the start of GeneralizedTime content.
fn generalized_year(content: &[u8]) -> Option<u32> {
    let y = content.get(..4)?;
    y.iter()
        .all(u8::is_ascii_digit)
        .then(|| y.iter().fold(0, |acc, &d| acc * 10 + u32::from(d - b'0')))
}

/// GeneralizedTime used for a year UTCTime must carry (1950–2049).
fn generalized_too_early(f: &TimeField<'_>) -> Option<u32> {
    if f.parsed.kind != TimeKind::Generalized {
        return None;
    }
    generalized_year(f.tlv.content).filter(|y| (1950..2050).contains(y))
}

fn time_defects(name: &str, field: &Option<TimeField<'_>>, out: &mut Vec<String>) {
    let Some(f) = field else { return };
    for d in &f.parsed.defects {
        out.push(format!("{name}: {d} ({})", time_text(f)));
    }
    if let Some(year) = generalized_too_early(f) {
        out.push(format!(
            "{name}: year {year} is encoded as GeneralizedTime, but dates through 2049 must be UTCTime ({})",
            time_text(f)
        ));
    }
}

fn time_is_clean(field: &Option<TimeField<'_>>) -> bool {
    field
        .as_ref()
        .is_none_or(|f| f.parsed.defects.is_empty() && generalized_too_early(f).is_none())
}

fn check_validity_time_encoding(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.not_before.is_none() && cert.not_after.is_none() {
        return Outcome::NotApplicable;
    }
    if time_is_clean(&cert.not_before) && time_is_clean(&cert.not_after) {
        return Outcome::Pass;
    }
    let mut found = Vec::new();
    time_defects("notBefore", &cert.not_before, &mut found);
    time_defects("notAfter", &cert.not_after, &mut found);
    fail!("{}", found.join("; "))
}

lint! {
    /// ## What it checks
    /// notBefore and notAfter follow the RFC 5280 time profile: UTCTime (`YYMMDDHHMMSSZ`) for
    /// dates through 2049 and GeneralizedTime (`YYYYMMDDHHMMSSZ`) from 2050; always in UTC with
    /// the `Z` suffix (no local time, no offset), always with seconds, never with fractional
    /// seconds; and a real calendar date and time (no 30 February, no hour 24). Each defect is
    /// named with its field.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.5, §4.1.2.5.1 and §4.1.2.5.2 (SBR §7.1.2.4). Each deviation is a second
    /// way to write the same instant, which DER-based software rejects (x509-cert refuses
    /// UTCTime without seconds) or misreads (a GeneralizedTime year before 2050 where UTCTime is
    /// expected).
    ///
    /// ## Example
    /// `17 0b "2510010000Z"` (notBefore: seconds are missing); `18 0f "20261001000000Z"`
    /// (a 2026 date as GeneralizedTime); `"20501001000000.5Z"` (fractional seconds).
    E_SMIME_RFC5280_VALIDITY_TIME_ENCODING {
        name: "e_smime_rfc5280_validity_time_encoding",
        description: "notBefore or notAfter is not encoded as RFC 5280 requires",
        citation: "RFC 5280 4.1.2.5; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [
            "pkix.wrong_time_useful_type",
            "pkix.invalid_time_syntax",
            "pkix.utctime_incorrect_syntax",
            "pkix.generalizedtime_incorrect_syntax",
        ],
        zlint: [
            "e_wrong_time_format_pre2050",
            "e_utc_time_not_in_zulu",
            "e_utc_time_does_not_include_seconds",
            "e_generalized_time_not_in_zulu",
            "e_generalized_time_does_not_include_seconds",
            "e_generalized_time_includes_fraction_seconds",
        ],
        catalog: ["e_smime_rfc5280_validity_time_encoding"],
        applies: Applies::ALL,
        check: check_validity_time_encoding,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::rfc5280::{base, details, good, ASN1, NOT_BEFORE};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::der;

    #[test]
    fn validity_times_follow_the_profile() {
        let lint = "e_smime_rfc5280_validity_time_encoding";
        let no_seconds = base()
            .times_raw(der::utc_time("2510010000Z"), der::utc_time(NOT_AFTER))
            .build();
        let explicit_good = base()
            .times_raw(der::utc_time(NOT_BEFORE), der::utc_time(NOT_AFTER))
            .build();
        // x509-cert rejects UTCTime without seconds.
        assert_lint(lint, &no_seconds, &explicit_good, &[ASN1]);
        assert_eq!(
            details(&no_seconds, lint),
            "notBefore: seconds are missing (UTCTime \"2510010000Z\")"
        );

        // GeneralizedTime for a date UTCTime must carry.
        let early_gt = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("20260930235959Z"),
            )
            .build();
        assert_lint(lint, &early_gt, &good(), &[]);
        assert!(details(&early_gt, lint)
            .starts_with("notAfter: year 2026 is encoded as GeneralizedTime"));

        let cases = [
            (
                der::utc_time("251001000000+0100"),
                "notBefore: time zone offset instead of 'Z'",
            ),
            (der::utc_time("251001000000"), "notBefore: no time zone"),
            (
                der::generalized_time("20251001000000.5Z"),
                "notBefore: fractional seconds",
            ),
            (
                der::utc_time("250230000000Z"),
                "notBefore: not a valid calendar date",
            ),
        ];
        for (not_before, expected) in cases {
            let bad = base()
                .times_raw(not_before, der::utc_time(NOT_AFTER))
                .build();
            let d = details(&bad, lint);
            assert!(d.contains(expected), "{d}");
        }

        // From 2050 GeneralizedTime is the required form.
        let late = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("20500101000000Z"),
            )
            .build();
        assert_eq!(status_of(&late, lint), Status::Pass);
        let pre_1950 = base()
            .times_raw(
                der::utc_time(NOT_BEFORE),
                der::generalized_time("19491231235959Z"),
            )
            .build();
        assert_eq!(status_of(&pre_1950, lint), Status::Pass);
    }

    const NOT_AFTER: &str = "260930235959Z";
}
