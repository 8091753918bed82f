//! CRLReason (RFC 5280 §5.3.1), shared by CRL entries and OCSP RevokedInfo.

/// `unspecified (0)`: SBR 7.2.2 says to omit the reason instead.
pub const UNSPECIFIED: i64 = 0;
/// `certificateHold (6)`: never for CA certificates (SBR 7.2.2).
pub const CERTIFICATE_HOLD: i64 = 6;

/// The CRLReason values RFC 5280 defines, with their names; 7 is not used.
pub const REASONS: [(i64, &str); 10] = [
    (0, "unspecified"),
    (1, "keyCompromise"),
    (2, "cACompromise"),
    (3, "affiliationChanged"),
    (4, "superseded"),
    (5, "cessationOfOperation"),
    (6, "certificateHold"),
    (8, "removeFromCRL"),
    (9, "privilegeWithdrawn"),
    (10, "aACompromise"),
];

/// The name of a defined reason, or None for 7 and values above 10.
pub fn name(value: i64) -> Option<&'static str> {
    REASONS.iter().find(|(v, _)| *v == value).map(|(_, n)| *n)
}

/// "keyCompromise (1)", or "7 (undefined)".
pub fn describe(value: i64) -> String {
    match name(value) {
        Some(n) => format!("{n} ({value})"),
        None => format!("{value} (not a defined CRLReason)"),
    }
}
