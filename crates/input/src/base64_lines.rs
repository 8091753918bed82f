//! Base64-lines mode: one certificate per line, or per run of lines when wrapped.

use std::io::{self, Read};

use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use base64::Engine as _;

use crate::decode::{decode_cert, encoded_len_cap, is_base64_body, too_large_cert};
use crate::der::{der_total_len, DerLen};
use crate::item::{Encoding, InputError, InputErrorKind, Unnamed};
use crate::reader::LineEnd;
use crate::stream::Core;

impl<R: Read> Core<R> {
    /// The certificate starting at the current line: the line alone, or joined with the lines
    /// that continue it when it is wrapped (see the crate documentation).
    pub(crate) fn base64_unit(&mut self, too_long: bool) -> io::Result<Unnamed> {
        let first = self.line.trim_ascii();
        let width = first.len();
        let need = match declared_base64_len(first) {
            Some(need)
                if !too_long
                    && need > width
                    && width.is_multiple_of(4)
                    && !first.ends_with(b"=") =>
            {
                need
            }
            _ => return Ok(self.base64_line_item(too_long)),
        };
        let max_cert = self.limits.max_cert_bytes;
        // Text beyond what a certificate under the limit needs is counted, not kept.
        let keep = encoded_len_cap(max_cert).saturating_add(width);
        let mut text = first.to_vec();
        let mut len = width;
        let first_no = self.line_no;
        let mut last_no = first_no;
        while len < need {
            let end = self.read_line()?;
            if end == LineEnd::Eof {
                break;
            }
            let next = self.line.trim_ascii();
            let continues = end == LineEnd::Full
                && !next.is_empty()
                && next.len() <= width
                && is_base64_body(next)
                && !text.ends_with(b"=")
                && len.is_multiple_of(width)
                && declared_base64_len(next).is_none_or(|n| n != next.len());
            if !continues {
                // A blank line just ends the unit; anything else is looked at next.
                if !next.is_empty() || end != LineEnd::Full {
                    self.pending_line = Some(end);
                }
                break;
            }
            len += next.len();
            if text.len() < keep {
                text.extend_from_slice(next);
            }
            last_no = self.line_no;
        }
        Ok(unit_item(&text, len, (first_no, last_no), max_cert))
    }

    /// The current line as one base64-encoded certificate.
    fn base64_line_item(&self, too_long: bool) -> Unnamed {
        let n = self.line_no;
        let max_line = self.limits.max_line_bytes;
        let max_cert = self.limits.max_cert_bytes;
        let text = self.line.trim_ascii();
        let der = if too_long {
            Err(InputError::new(
                InputErrorKind::TooLarge,
                format!("base64 line {n} is longer than the limit of {max_line} bytes"),
            ))
        } else if text.len() > encoded_len_cap(max_cert) {
            Err(too_large_cert(&format!("base64 line {n}"), max_cert))
        } else {
            decode_cert(text, max_cert).map_err(|e| e.describe(&format!("base64 line {n}")))
        };
        Unnamed::with_encoding(Encoding::Base64, der)
    }
}

/// The item for a unit of `len` base64 characters on lines `first..=last`, of which `text`
/// holds the part that was kept.
fn unit_item(text: &[u8], len: usize, (first, last): (usize, usize), max_cert: usize) -> Unnamed {
    if first == last {
        let what = format!("base64 line {first}");
        let der = decode_cert(text, max_cert).map_err(|e| e.describe(&what));
        return Unnamed::with_encoding(Encoding::Base64, der);
    }
    let what = format!("base64 lines {first}-{last}");
    let der = if len > encoded_len_cap(max_cert) {
        Err(too_large_cert(&what, max_cert))
    } else {
        decode_cert(text, max_cert).map_err(|e| e.describe(&what))
    };
    Unnamed::with_encoding(Encoding::Base64, der)
}

/// How many base64 characters the DER element starting `text` takes, padding included, from
/// the length in its decoded header; None when `text` does not start a definite-length
/// SEQUENCE.
fn declared_base64_len(text: &[u8]) -> Option<usize> {
    let head = STANDARD_PAD_INDIFFERENT.decode(text.get(..8)?).ok()?;
    match (head.first(), der_total_len(&head)) {
        (Some(0x30), DerLen::Definite(total)) => Some(total.div_ceil(3).saturating_mul(4)),
        _ => None,
    }
}

/// Whether the first non-empty line starts base64-lines mode: standard base64
/// decoding to bytes that begin with 0x30. For an over-long line only its kept
/// prefix is known, so judge that by alphabet and first byte.
pub(crate) fn starts_base64_cert(text: &[u8], too_long: bool) -> bool {
    // 0x30 as the first decoded byte means 'M' then one of 'A'..='P'.
    let prefix_ok = text.first() == Some(&b'M') && matches!(text.get(1), Some(b'A'..=b'P'));
    if !prefix_ok {
        return false;
    }
    if too_long {
        return text
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/');
    }
    STANDARD_PAD_INDIFFERENT.decode(text).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{frame, InputItem, Limits};
    use base64::engine::general_purpose::STANDARD;

    /// base64 of `der` wrapped at `width` columns, as `base64 -w WIDTH` writes it.
    fn wrapped(der: &[u8], width: usize) -> String {
        let b64 = STANDARD.encode(der);
        let mut out = String::new();
        for chunk in b64.as_bytes().chunks(width) {
            out.push_str(std::str::from_utf8(chunk).unwrap());
            out.push('\n');
        }
        out
    }

    fn ders(items: &[InputItem]) -> Vec<Vec<u8>> {
        items
            .iter()
            .map(|i| {
                i.der
                    .clone()
                    .unwrap_or_else(|e| panic!("{}: {e:?}", i.name))
            })
            .collect()
    }

    #[test]
    fn wrapped_base64_is_one_certificate_per_unit() {
        let certs: Vec<_> = (0..4)
            .map(|i| fake_cert(300 + 97 * i, 40 + i as u64))
            .collect();
        // One certificate per line: each line is its own certificate.
        let lines: String = certs.iter().map(|c| STANDARD.encode(c) + "\n").collect();
        let items = frame_all(lines.as_bytes());
        assert_eq!(ders(&items), certs);
        assert_eq!(items[3].name, "t#4");
        for width in [64, 76] {
            // One wrapped certificate.
            let items = frame_all(wrapped(&certs[1], width).as_bytes());
            assert_eq!(ders(&items), [certs[1].clone()], "width {width}");
            assert_eq!(items[0].encoding, Some(Encoding::Base64));
            // Several, separated by blank lines (CRLF too), and back to back.
            let blank: String = certs.iter().map(|c| wrapped(c, width) + "\r\n").collect();
            assert_eq!(ders(&frame_all(blank.as_bytes())), certs, "width {width}");
            let tight: String = certs.iter().map(|c| wrapped(c, width)).collect();
            assert_eq!(ders(&frame_all(tight.as_bytes())), certs, "width {width}");
        }
        // Wrapped and one-line certificates mixed.
        let mixed = format!(
            "{}{}\n{}",
            wrapped(&certs[0], 64),
            STANDARD.encode(&certs[1]),
            wrapped(&certs[2], 76)
        );
        assert_eq!(ders(&frame_all(mixed.as_bytes())), certs[..3].to_vec());
    }

    #[test]
    fn a_cut_wrapped_certificate_is_one_error_and_the_next_is_read() {
        let a = fake_cert(400, 50);
        let b = fake_cert(500, 51);
        let a_text = wrapped(&a, 64);
        let cut: Vec<&str> = a_text.lines().collect();
        let text = format!("{}\n\n{}", cut[..3].join("\n"), wrapped(&b, 64));
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(items[0].der.as_ref().unwrap().len() < a.len());
        assert_eq!(items[1].der.as_ref().unwrap(), &b);
        // A line longer than the wrap width starts a new certificate.
        let text = format!("{}\n{}\n", cut[..2].join("\n"), STANDARD.encode(&b));
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[1].der.as_ref().unwrap(), &b);
        // A wrapped certificate over the size limit is one TooLarge record.
        let limits = Limits {
            max_cert_bytes: 300,
            ..Limits::default()
        };
        let text = format!("{}{}", wrapped(&a, 64), wrapped(&fake_cert(256, 52), 64));
        let items: Vec<_> = frame("t", text.as_bytes(), limits).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        assert!(format!("{:?}", items[0].der).contains("base64 lines 1-"));
        assert!(items[1].der.is_ok());
    }

    #[test]
    fn base64_lines_with_one_bad_line() {
        let certs: Vec<Vec<u8>> = (0..2).map(|i| fake_cert(300 + i, 20 + i as u64)).collect();
        let text = format!(
            "{}\r\n\n  not base64 at all!  \n{}\n",
            STANDARD.encode(&certs[0]),
            STANDARD.encode(&certs[1]).trim_end_matches('=')
        );
        let items = frame_all(text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        assert_eq!(items[0].encoding, Some(Encoding::Base64));
        assert_eq!(items[0].der.as_ref().unwrap(), &certs[0]);
        assert_eq!(kind(&items[1]), Some(InputErrorKind::BadBase64));
        assert!(items[1]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("line 3"));
        assert_eq!(items[2].der.as_ref().unwrap(), &certs[1]);
    }

    #[test]
    fn base64_line_over_the_line_limit() {
        let der = fake_cert(3000, 21);
        let limits = Limits {
            max_cert_bytes: 100_000,
            max_line_bytes: 1000,
            ..Limits::default()
        };
        let text = format!(
            "{}\n{}\n",
            STANDARD.encode(&der),
            STANDARD.encode(&der[..500])
        );
        let items: Vec<_> = frame("t", text.as_bytes(), limits).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        assert!(items[1].der.is_ok());
    }
}
