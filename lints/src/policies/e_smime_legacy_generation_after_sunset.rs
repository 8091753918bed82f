use super::*;
use smimelint_engine::detect::{CertType, Generation};

fn check_legacy_generation_after_sunset(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let legacy = reserved(list)
        .find_map(|o| CertType::from_policy_oid(o).filter(|t| t.generation == Generation::Legacy));
    match legacy {
        None => Outcome::Pass,
        Some(t) => fail!(
            "Legacy generation policy OID {} ({t}) on or after the {} sunset; {}",
            t.policy_oid(),
            smimelint_cert::time::format_date(dates::LEGACY_SUNSET),
            dates::evaluation_time(ctx.at, ctx.cert.not_before_time())
        ),
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate whose notBefore (or the `--at` time) is on or after
    /// 2025-07-15T00:00:00Z does not carry a Legacy generation reserved policy OID
    /// (`2.23.140.1.5.1.1`, `2.23.140.1.5.2.1`, `2.23.140.1.5.3.1`, `2.23.140.1.5.4.1`).
    ///
    /// The lint reads the reserved OID in the certificate. A certificate that smimelint lints
    /// as Legacy only because it guessed the type from the subject (no reserved OID) is not
    /// reported: it was not issued *using* a Legacy profile OID, and its missing OID is
    /// reported by `e_smime_reserved_policy_oid_missing`. A `--type` override does not hide a
    /// Legacy OID that the certificate carries.
    ///
    /// ## Why
    /// SBR 7.1.6.1, added by ballot SMC08: effective July 15, 2025, S/MIME subscriber
    /// certificates SHALL NOT be issued using the Legacy generation profiles.
    ///
    /// ## Example
    /// A certificate with policy `2.23.140.1.5.4.1` (individual-validated Legacy) and notBefore
    /// 2025-10-01.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.legacy_generation_certificate_issued_after_prohibition`
    /// whenever it lints a certificate as Legacy, including when it only guessed the Legacy
    /// generation because the certificate has no reserved OID (or no certificatePolicies at
    /// all). The SBR prohibits issuing *using* the Legacy profile OIDs, so smimelint reports
    /// only certificates that carry one.
    E_SMIME_LEGACY_GENERATION_AFTER_SUNSET {
        name: "e_smime_legacy_generation_after_sunset",
        description: "A Legacy generation subscriber certificate issued on or after 2025-07-15",
        citation: "SBR 7.1.6.1",
        source: Source::Sbr,
        effective: dates::LEGACY_SUNSET,
        ballot: "SMC08",
        pkilint: ["cabf.smime.legacy_generation_certificate_issued_after_prohibition"],
        zlint: ["e_legacy_generation_deprecated"],
        catalog: ["e_smime_legacy_generation_after_sunset"],
        applies: Applies::SUBSCRIBER,
        check: check_legacy_generation_after_sunset,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{details, details_at, CA_OID};

    use smimelint_cert::time::{date, UnixTime};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, lint_all, status_of};
    use smimelint_factory::CertBuilder;

    #[test]
    fn legacy_after_sunset_under_at_names_the_evaluation_time_and_the_real_not_before() {
        let lint = "e_smime_legacy_generation_after_sunset";
        let legacy = CertBuilder::subscriber("individual-legacy").build();
        let d = details_at(&legacy, lint, date(2026, 12, 4));
        assert!(d.contains("evaluated at 2026-12-04"), "{d}");
        assert!(d.contains("notBefore is 2025-03-01"), "{d}");
        assert!(!d.contains("issued 2026-12-04"), "{d}");
        // Evaluated at its own notBefore, the certificate's issuance date is named as such.
        let (from, to) = year_from(date(2025, 10, 1));
        let late = CertBuilder::subscriber("individual-legacy")
            .validity(from, to)
            .build();
        let d = details(&late, lint);
        assert!(d.contains("issued 2025-10-01 (notBefore)"), "{d}");
    }

    #[test]
    fn legacy_generation_after_sunset() {
        let lint = "e_smime_legacy_generation_after_sunset";
        let (from, to) = year_from(date(2025, 10, 1));
        let bad = CertBuilder::subscriber("individual-legacy")
            .validity(from, to)
            .build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint(lint, &bad, &good, &[]);
        assert!(details(&bad, lint).contains("2.23.140.1.5.4.1"));

        // Before the sunset, Legacy is allowed; the boundary is 2025-07-15T00:00:00Z.
        let legacy = CertBuilder::subscriber("individual-legacy");
        assert_eq!(status_of(&legacy.build(), lint), Status::NotEffective);
        let sunset = smimelint_engine::dates::LEGACY_SUNSET;
        let (from, to) = year_from(sunset - 1);
        assert_eq!(
            status_of(&legacy.clone().validity(from, to).build(), lint),
            Status::NotEffective
        );
        let (from, to) = year_from(sunset);
        assert_eq!(
            status_of(&legacy.validity(from, to).build(), lint),
            Status::Error
        );

        // A Legacy generation guessed from the subject (no reserved OID) is not a Legacy OID.
        let guessed = CertBuilder::subscriber("individual-strict")
            .policies(&[CA_OID])
            .build();
        let result = lint_all(&guessed);
        assert_eq!(
            result.cert_type.map(|t| t.to_string()).as_deref(),
            Some("individual-legacy")
        );
        assert_eq!(status_of(&guessed, lint), Status::Pass);
    }

    fn year_from(start: UnixTime) -> (UnixTime, UnixTime) {
        (start, start + 365 * 86_400 - 1)
    }
}
