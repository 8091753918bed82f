//! Effective dates of the SBR and its ballots (UTC midnight; compared with notBefore).

use smimelint_der::time::{date, UnixTime};

/// Before any requirement (RFC 5280 and X.690 rules always apply).
pub const ALWAYS: UnixTime = date(1970, 1, 1);
/// RFC 5280 published (May 2008): its rules apply whatever the SBR's dates.
pub const RFC_5280: UnixTime = date(2008, 5, 1);
/// RFC 6818 published (January 2013): explicitText encoding updated.
pub const RFC_6818: UnixTime = date(2013, 1, 1);
/// RFC 6960 published (June 2013): the OCSP profile.
pub const RFC_6960: UnixTime = date(2013, 6, 1);
/// RFC 9598 published (May 2024).
pub const RFC_9598: UnixTime = date(2024, 5, 1);
/// SBR v1.0.0 published (January 2023): the reserved policy OIDs 2.23.140.1.5.* exist.
pub const SBR_PUBLISHED: UnixTime = date(2023, 1, 1);
/// SBR v1.0.0 (ballot SMC01) effective date.
pub const SBR_1_0_0: UnixTime = date(2023, 9, 1);
/// SMC06 (v1.0.4): attribute dependencies, CN pseudonym wording, organizationIdentifier notes.
pub const SMC06: UnixTime = date(2024, 5, 11);
/// Appendix B (SMC03): end-entity certificates only from SBR-compliant sub-CAs.
pub const EXTANT_CA_TRANSITION: UnixTime = date(2024, 9, 15);
/// SMC09 (v1.0.7): TAX/EID identifiers, extra CA-documented policy OIDs.
pub const SMC09: UnixTime = date(2024, 11, 22);
/// SMC011 (v1.0.9): EUID registration references.
pub const SMC011: UnixTime = date(2025, 5, 14);
/// SMC012 (v1.0.10): SAN directoryName bound to the subject tables.
pub const SMC012: UnixTime = date(2025, 7, 2);
/// SMC08: Legacy generation subscriber certificates prohibited.
pub const LEGACY_SUNSET: UnixTime = date(2025, 7, 15);
/// SMC013 (v1.0.11): ML-DSA and ML-KEM allowed.
pub const SMC013: UnixTime = date(2025, 8, 22);

/// How a finding names the time it was judged at: the notBefore by default, or the evaluation
/// time the user chose (`--at`), which is then named as such next to the real notBefore.
pub fn evaluation_time(at: UnixTime, not_before: Option<UnixTime>) -> String {
    use smimelint_der::time::format_date;
    match not_before {
        Some(nb) if nb == at => {
            format!("the certificate was issued {} (notBefore)", format_date(nb))
        }
        Some(nb) => format!(
            "evaluated at {} (the requested evaluation time); the certificate's notBefore is {}",
            format_date(at),
            format_date(nb)
        ),
        None => format!(
            "evaluated at {} (the certificate's notBefore is unreadable)",
            format_date(at)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evaluation_time_names_the_requested_time_and_the_real_not_before() {
        let nb = date(2025, 3, 1);
        assert_eq!(
            evaluation_time(nb, Some(nb)),
            "the certificate was issued 2025-03-01 (notBefore)"
        );
        let at = date(2026, 12, 4);
        let s = evaluation_time(at, Some(nb));
        assert!(
            s.contains("evaluated at 2026-12-04 (the requested evaluation time)"),
            "{s}"
        );
        assert!(s.contains("notBefore is 2025-03-01"), "{s}");
        assert!(!s.contains("issued 2026-12-04"), "{s}");
    }
}
