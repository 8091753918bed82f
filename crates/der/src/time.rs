//! Calendar arithmetic and ASN.1 time parsing without a date-time dependency.
//!
//! Times are seconds since 1970-01-01T00:00:00Z ([`UnixTime`]). Parsing is lenient about the
//! form (so a lint can name each defect) but never about the calendar.

/// Seconds since the Unix epoch, UTC.
pub type UnixTime = i64;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub const fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// Inverse of [`days_from_civil`].
pub const fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Midnight UTC of a date, usable in constants.
pub const fn date(y: i64, m: u32, d: u32) -> UnixTime {
    days_from_civil(y, m, d) * 86_400
}

pub fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn format_iso(t: UnixTime) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `YYYY-MM-DD`.
pub fn format_date(t: UnixTime) -> String {
    format_iso(t)[..10].to_string()
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (used by `--at`).
pub fn parse_iso(s: &str) -> Option<UnixTime> {
    let b = s.as_bytes();
    if b.len() != 10 && !(b.len() == 20 && b[10] == b'T' && b[19] == b'Z') {
        return None;
    }
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = digits(&b[0..4])? as i64;
    let m = digits(&b[5..7])?;
    let d = digits(&b[8..10])?;
    let (hh, mm, ss) = if b.len() == 20 {
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        (
            digits(&b[11..13])?,
            digits(&b[14..16])?,
            digits(&b[17..19])?,
        )
    } else {
        (0, 0, 0)
    };
    checked_time(y, m, d, hh, mm, ss)
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |acc, c| acc * 10 + u32::from(c - b'0')))
}

fn checked_time(y: i64, m: u32, d: u32, hh: u32, mm: u32, ss: u32) -> Option<UnixTime> {
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || hh > 23 || mm > 59 || ss > 59
    {
        return None;
    }
    Some(days_from_civil(y, m, d) * 86_400 + i64::from(hh * 3600 + mm * 60 + ss))
}

/// Which ASN.1 time type a value used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeKind {
    Utc,
    Generalized,
}

/// A parsed ASN.1 time, with every deviation from the RFC 5280 profile recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asn1Time {
    pub kind: TimeKind,
    /// None when the value is not a calendar time at all.
    pub time: Option<UnixTime>,
    /// Deviations from RFC 5280 §4.1.2.5.1/§4.1.2.5.2 (empty when the encoding is conforming).
    pub defects: Vec<&'static str>,
}

/// Parses UTCTime or GeneralizedTime content bytes leniently, listing defects against the
/// RFC 5280 profile (`YYMMDDHHMMSSZ` / `YYYYMMDDHHMMSSZ`).
pub fn parse_asn1_time(kind: TimeKind, content: &[u8]) -> Asn1Time {
    let mut defects = Vec::new();
    let year_len = if kind == TimeKind::Utc { 2 } else { 4 };
    // Split the value into the digit run, an optional fraction and the zone suffix.
    let digit_end = content
        .iter()
        .position(|c| !c.is_ascii_digit())
        .unwrap_or(content.len());
    let (main, rest) = content.split_at(digit_end);
    let mut rest = rest;
    let mut fraction = false;
    if let Some((b'.' | b',', tail)) = rest.split_first() {
        fraction = true;
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        rest = &tail[n..];
    }
    let mut offset_secs = 0i64;
    match rest {
        b"Z" => {}
        [] => defects.push("no time zone: the value must end in 'Z'"),
        [sign @ (b'+' | b'-'), hhmm @ ..] if hhmm.len() == 4 => {
            defects.push("time zone offset instead of 'Z'");
            match (digits(&hhmm[..2]), digits(&hhmm[2..])) {
                (Some(h), Some(m)) if h < 24 && m < 60 => {
                    let off = i64::from(h * 3600 + m * 60);
                    offset_secs = if *sign == b'+' { off } else { -off };
                }
                _ => return invalid(kind, "malformed time zone offset", defects),
            }
        }
        _ => return invalid(kind, "unexpected characters", defects),
    }
    if fraction {
        defects.push("fractional seconds are not allowed");
    }
    let (y, tail) = match main.len().checked_sub(year_len) {
        Some(_) => main.split_at(year_len),
        None => return invalid(kind, "too short", defects),
    };
    let seconds = match tail.len() {
        10 => true,
        8 => {
            defects.push("seconds are missing");
            false
        }
        _ => return invalid(kind, "wrong number of digits", defects),
    };
    let y = match digits(y) {
        Some(v) if kind == TimeKind::Utc => {
            if v >= 50 {
                1900 + v as i64
            } else {
                2000 + v as i64
            }
        }
        Some(v) => v as i64,
        None => return invalid(kind, "bad year", defects),
    };
    let field = |i: usize| digits(&tail[i..i + 2]);
    let (m, d, hh, mm) = match (field(0), field(2), field(4), field(6)) {
        (Some(m), Some(d), Some(hh), Some(mm)) => (m, d, hh, mm),
        _ => return invalid(kind, "bad digits", defects),
    };
    let ss = if seconds { field(8) } else { Some(0) };
    let time = ss
        .and_then(|ss| checked_time(y, m, d, hh, mm, ss))
        .map(|t| t - offset_secs);
    if time.is_none() {
        defects.push("not a valid calendar date and time");
    }
    Asn1Time {
        kind,
        time,
        defects,
    }
}

fn invalid(kind: TimeKind, what: &'static str, mut defects: Vec<&'static str>) -> Asn1Time {
    defects.push(what);
    Asn1Time {
        kind,
        time: None,
        defects,
    }
}

/// Current time.
pub fn now() -> UnixTime {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-1_000_000i64, -1, 0, 1, 11_016, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(date(2023, 9, 1), 1_693_526_400);
        assert_eq!(format_iso(date(2025, 7, 15) + 3661), "2025-07-15T01:01:01Z");
    }

    #[test]
    fn parses_conforming_times() {
        let t = parse_asn1_time(TimeKind::Utc, b"250715000000Z");
        assert_eq!(t.time, Some(date(2025, 7, 15)));
        assert!(t.defects.is_empty());
        let t = parse_asn1_time(TimeKind::Generalized, b"20500101000000Z");
        assert_eq!(t.time, Some(date(2050, 1, 1)));
        assert!(t.defects.is_empty());
        assert_eq!(
            parse_asn1_time(TimeKind::Utc, b"690101000000Z").time,
            Some(date(1969, 1, 1))
        );
    }

    #[test]
    fn names_each_defect() {
        let t = parse_asn1_time(TimeKind::Utc, b"2507150000Z");
        assert_eq!(t.defects, ["seconds are missing"]);
        assert_eq!(t.time, Some(date(2025, 7, 15)));
        let t = parse_asn1_time(TimeKind::Utc, b"250715000000+0100");
        assert_eq!(t.defects, ["time zone offset instead of 'Z'"]);
        assert_eq!(t.time, Some(date(2025, 7, 15) - 3600));
        let t = parse_asn1_time(TimeKind::Generalized, b"20250715000000.5Z");
        assert_eq!(t.defects, ["fractional seconds are not allowed"]);
        let t = parse_asn1_time(TimeKind::Generalized, b"20250715000000");
        assert_eq!(t.defects, ["no time zone: the value must end in 'Z'"]);
        let t = parse_asn1_time(TimeKind::Utc, b"250230000000Z");
        assert_eq!(t.time, None);
        assert!(t.defects.contains(&"not a valid calendar date and time"));
        assert!(parse_asn1_time(TimeKind::Utc, b"").time.is_none());
        assert!(parse_asn1_time(TimeKind::Utc, b"\xff\x00").time.is_none());
    }

    #[test]
    fn parses_iso_arguments() {
        assert_eq!(parse_iso("2025-08-22"), Some(date(2025, 8, 22)));
        assert_eq!(
            parse_iso("2025-08-22T00:00:01Z"),
            Some(date(2025, 8, 22) + 1)
        );
        assert_eq!(parse_iso("2025-02-30"), None);
        assert_eq!(parse_iso("yesterday"), None);
    }
}
