//! The evaluation time of the pkilint-compatible endpoint: the request time unless the `at`
//! query parameter names another (pre-issuance linting asks about a certificate to be signed
//! now, and pkilint applies every rule whatever the dates).

use serde::Deserialize;
use smimelint_der::time::{self, UnixTime};

/// The query string the pkilint-compatible endpoint takes (pkilint itself takes none; other
/// parameters are ignored, as FastAPI ignores them).
#[derive(Debug, Default, Deserialize)]
pub struct PkilintQuery {
    /// RFC 3339 date-time, or the CLI's `--at` forms (`now`, `YYYY-MM-DD`,
    /// `YYYY-MM-DDTHH:MM:SSZ`).
    pub at: Option<String>,
}

/// The evaluation time `at` names; `None` when it does not parse.
pub fn evaluation_time(at: Option<&str>) -> Option<UnixTime> {
    match at {
        None => Some(time::now()),
        Some(s) => smimelint_engine::linter::parse_at(s).or_else(|| rfc3339(s)),
    }
}

/// `YYYY-MM-DD(T|t| )HH:MM:SS[.fraction](Z|z|±HH:MM)`, to the second.
pub fn rfc3339(s: &str) -> Option<UnixTime> {
    let b = s.as_bytes();
    if b.len() < 20 || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let base = time::parse_iso(&format!("{}T{}Z", &s[..10], s.get(11..19)?))?;
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let num = |a: u8, b: u8| -> Option<i64> {
                (a.is_ascii_digit() && b.is_ascii_digit())
                    .then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'))
            };
            let (h, m) = (num(*h1, *h2)?, num(*m1, *m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let seconds = h * 3600 + m * 60;
            if *sign == b'+' {
                seconds
            } else {
                -seconds
            }
        }
        _ => return None,
    };
    Some(base - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_forms() {
        // 2025-07-02T00:00:00Z is 1751414400 (date -u -d 2025-07-02 +%s).
        assert_eq!(rfc3339("2025-07-02T00:00:00Z"), Some(1_751_414_400));
        assert_eq!(rfc3339("2025-07-02t00:00:00.123z"), Some(1_751_414_400));
        assert_eq!(rfc3339("2025-07-02T02:00:00+02:00"), Some(1_751_414_400));
        assert_eq!(rfc3339("2025-07-01 19:30:00-04:30"), Some(1_751_414_400));
        assert_eq!(rfc3339("2025-07-02T00:00:00"), None);
        assert_eq!(rfc3339("2025-07-02T00:00:00.Z"), None);
        assert_eq!(rfc3339("2025-07-02T00:00:00+2:00"), None);
        assert_eq!(evaluation_time(Some("2025-07-02")), Some(1_751_414_400));
        assert_eq!(evaluation_time(Some("yesterday")), None);
        assert!(evaluation_time(None).is_some());
    }
}
