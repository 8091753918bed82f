//! A tiny DER writer for building test certificates byte by byte, including deliberately
//! broken ones. Every function returns a complete TLV.

use const_oid::ObjectIdentifier;

/// Length octets in minimal DER form.
pub fn len(n: usize) -> Vec<u8> {
    if n < 0x80 {
        return vec![n as u8];
    }
    let bytes: Vec<u8> = n
        .to_be_bytes()
        .into_iter()
        .skip_while(|&b| b == 0)
        .collect();
    let mut out = vec![0x80 | bytes.len() as u8];
    out.extend(bytes);
    out
}

/// A TLV with identifier octet `tag`.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(len(content.len()));
    out.extend_from_slice(content);
    out
}

pub fn seq(items: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &items.concat())
}

/// SET OF, sorted as DER requires.
pub fn set(items: &[Vec<u8>]) -> Vec<u8> {
    let mut sorted = items.to_vec();
    sorted.sort();
    tlv(0x31, &sorted.concat())
}

/// SET OF in the given order (for unsorted-SET tests).
pub fn set_unsorted(items: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x31, &items.concat())
}

pub fn oid(dotted: &str) -> Vec<u8> {
    tlv(0x06, ObjectIdentifier::new_unwrap(dotted).as_bytes())
}

pub fn oid_of(o: &ObjectIdentifier) -> Vec<u8> {
    tlv(0x06, o.as_bytes())
}

/// INTEGER from big-endian magnitude bytes (made positive and minimal).
pub fn uint(magnitude: &[u8]) -> Vec<u8> {
    let trimmed: &[u8] = {
        let start = magnitude
            .iter()
            .position(|&b| b != 0)
            .unwrap_or(magnitude.len());
        &magnitude[start..]
    };
    let mut content = Vec::new();
    if trimmed.first().is_none_or(|&b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(trimmed);
    tlv(0x02, &content)
}

pub fn int(v: i64) -> Vec<u8> {
    let bytes = v.to_be_bytes();
    let mut start = 0;
    while start < 7 {
        let (b, next) = (bytes[start], bytes[start + 1]);
        if (b == 0 && next & 0x80 == 0) || (b == 0xff && next & 0x80 != 0) {
            start += 1;
        } else {
            break;
        }
    }
    tlv(0x02, &bytes[start..])
}

pub fn boolean(v: bool) -> Vec<u8> {
    tlv(0x01, &[if v { 0xff } else { 0 }])
}

pub fn null() -> Vec<u8> {
    vec![0x05, 0x00]
}

pub fn octets(content: &[u8]) -> Vec<u8> {
    tlv(0x04, content)
}

/// BIT STRING with zero unused bits.
pub fn bits(content: &[u8]) -> Vec<u8> {
    let mut c = vec![0];
    c.extend_from_slice(content);
    tlv(0x03, &c)
}

/// A named bit list (e.g. KeyUsage) with trailing zero bits removed, as DER requires.
pub fn named_bits(positions: &[u32]) -> Vec<u8> {
    let Some(&max) = positions.iter().max() else {
        return tlv(0x03, &[0]);
    };
    let n = (max / 8 + 1) as usize;
    let mut bytes = vec![0u8; n];
    for &p in positions {
        bytes[(p / 8) as usize] |= 0x80 >> (p % 8);
    }
    let unused = 7 - (max % 8) as u8;
    let mut c = vec![unused];
    c.extend(bytes);
    tlv(0x03, &c)
}

pub fn utf8(s: &str) -> Vec<u8> {
    tlv(0x0c, s.as_bytes())
}

pub fn printable(s: &str) -> Vec<u8> {
    tlv(0x13, s.as_bytes())
}

pub fn ia5(s: &str) -> Vec<u8> {
    tlv(0x16, s.as_bytes())
}

pub fn bmp(s: &str) -> Vec<u8> {
    let c: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
    tlv(0x1e, &c)
}

pub fn universal(s: &str) -> Vec<u8> {
    let c: Vec<u8> = s.chars().flat_map(|ch| (ch as u32).to_be_bytes()).collect();
    tlv(0x1c, &c)
}

/// `[n]` context-specific, constructed.
pub fn explicit(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0xa0 | n, content)
}

/// `[n]` context-specific, primitive.
pub fn implicit(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0x80 | n, content)
}

pub fn utc_time(s: &str) -> Vec<u8> {
    tlv(0x17, s.as_bytes())
}

pub fn generalized_time(s: &str) -> Vec<u8> {
    tlv(0x18, s.as_bytes())
}

/// The RFC 5280 encoding of a time: UTCTime through 2049, GeneralizedTime from 2050.
pub fn time(t: smimelint_der::time::UnixTime) -> Vec<u8> {
    let iso = smimelint_der::time::format_iso(t);
    let digits: String = iso.chars().filter(char::is_ascii_digit).collect();
    let year: i64 = digits[..4].parse().unwrap_or(0);
    if (1950..2050).contains(&year) {
        utc_time(&format!("{}Z", &digits[2..]))
    } else {
        generalized_time(&format!("{digits}Z"))
    }
}

/// GeneralizedTime `YYYYMMDDHHMMSSZ` whatever the year (OCSP times, invalidityDate).
pub fn generalized(t: smimelint_der::time::UnixTime) -> Vec<u8> {
    let iso = smimelint_der::time::format_iso(t);
    let digits: String = iso.chars().filter(char::is_ascii_digit).collect();
    generalized_time(&format!("{digits}Z"))
}

/// Hex string to bytes (test data only; panics on bad input).
pub fn unhex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

pub fn visible(s: &str) -> Vec<u8> {
    tlv(0x1a, s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_minimally() {
        assert_eq!(len(5), [5]);
        assert_eq!(len(200), [0x81, 200]);
        assert_eq!(len(300), [0x82, 1, 44]);
        assert_eq!(int(0), [2, 1, 0]);
        assert_eq!(int(128), [2, 2, 0, 128]);
        assert_eq!(int(-1), [2, 1, 0xff]);
        assert_eq!(uint(&[0x80]), [2, 2, 0, 0x80]);
        assert_eq!(uint(&[0, 0, 5]), [2, 1, 5]);
        // digitalSignature (0) + keyEncipherment (2): 101 → one byte, 5 unused bits.
        assert_eq!(named_bits(&[0, 2]), [3, 2, 5, 0xa0]);
        assert_eq!(named_bits(&[8]), [3, 3, 7, 0, 0x80]);
        assert_eq!(
            time(smimelint_der::time::date(2025, 1, 2)),
            utc_time("250102000000Z")
        );
        assert_eq!(
            time(smimelint_der::time::date(2050, 1, 2)),
            generalized_time("20500102000000Z")
        );
        assert_eq!(
            generalized(smimelint_der::time::date(2025, 1, 2) + 3661),
            generalized_time("20250102010101Z")
        );
    }
}
