//! Input framing: turn paths and stdin into a stream of certificate blobs.
//!
//! Every certificate-looking unit becomes exactly one [`InputItem`], and every
//! problem becomes an item carrying an [`InputError`], in input order. Streams
//! are read lazily through a fixed 64 KiB buffer; the only things ever held in
//! memory are one text line (at most `max_line_bytes`), one certificate (at
//! most about `max_cert_bytes`) and one item of lookahead for naming.
//!
//! # Detection (once per stream)
//!
//! Leading ASCII whitespace and a UTF-8 byte order mark are skipped, then:
//!
//! 1. Nothing left: one `Empty` item.
//! 2. DER, when all of these hold for the first (up to) 64 bytes:
//!    - the first byte is `0x30` (SEQUENCE);
//!    - the second byte is a plausible DER length byte: short form `0x00..=0x7F`,
//!      indefinite `0x80`, or long form with 1 to 4 length bytes `0x81..=0x84`;
//!    - the window does *not* look like text. Text means: valid UTF-8 (a
//!      character cut by the end of the window is fine) and no control bytes
//!      other than tab, CR and LF. Real DER fails this almost at once: a
//!      certificate starts `30 82 ..` (0x82 cannot start a UTF-8 character),
//!      and small structures have length and tag bytes below 0x20. A text
//!      file that merely starts with the digit '0' passes it, so it stays text.
//!
//!    The whole stream is then one certificate (trailing bytes included).
//! 3. Otherwise the stream is read as text, line by line (LF or CRLF; lines
//!    are trimmed of surrounding whitespace before they are looked at):
//!    - a line starting `-----BEGIN ` opens a PEM block, anywhere in the stream;
//!      text outside blocks is ignored;
//!    - if the first non-empty line is standard base64 decoding to bytes that
//!      start with `0x30`, the stream is in base64-lines mode: every later
//!      non-empty line outside a PEM block starts one certificate. A certificate
//!      wrapped over several lines (`base64`, `openssl base64`: 64 or 76
//!      columns) is one certificate: lines of the first line's width (a
//!      multiple of 4, no padding yet) are joined until the DER length in the
//!      decoded header is reached. A blank line, a longer line, a line that is
//!      a whole certificate on its own or a PEM BEGIN line ends the unit early;
//!      a line holding a whole certificate stays one certificate;
//!    - a text stream that yields nothing gets one `NotCertificate` item.
//!      Binary noise ends up here too, scanned line by line with each line
//!      capped at `max_line_bytes`.
//!
//! A read error yields one `Unreadable` item and ends the stream.
//!
//! [`frame_as`] skips detection: with [`InputFormat::Der`] the stream is one DER certificate,
//! with [`InputFormat::Pem`] only PEM blocks count, with [`InputFormat::Base64`] every
//! non-empty line (or wrapped run of lines) is a certificate. A stream still gives at least
//! one item: nothing at all is `Empty`, text without a block is `NotCertificate`.

mod base64_lines;
mod decode;
mod der;
mod format;
mod item;
mod limits;
mod paths;
mod pem;
mod reader;
mod sniff;
mod stream;
#[cfg(test)]
mod test_support;

use std::io::Read;

pub use format::InputFormat;
pub use item::{Encoding, InputError, InputErrorKind, InputItem, InputNote, StreamSource};
pub use limits::{Limits, DEFAULT_MAX_CERT_BYTES, DEFAULT_MAX_LINE_BYTES};
pub use paths::{expand_paths, path_name};

use item::Unnamed;
use stream::Core;

/// Frame one byte stream. `name` is the display name ("-" for stdin). Lazily reads `reader`.
pub fn frame<R: Read>(name: &str, reader: R, limits: Limits) -> Framer<R> {
    frame_as(name, reader, limits, InputFormat::Auto)
}

/// Frame one byte stream read as `format` (see the crate documentation).
pub fn frame_as<R: Read>(name: &str, reader: R, limits: Limits, format: InputFormat) -> Framer<R> {
    Framer {
        name: name.to_owned(),
        core: Core::new(reader, limits, format),
        lookahead: None,
        emitted: 0,
        numbered: false,
    }
}

/// Iterator over the items of one stream; see [`frame`].
pub struct Framer<R> {
    name: String,
    core: Core<R>,
    /// The second item, read early to learn whether names need a "#N".
    lookahead: Option<Unnamed>,
    emitted: usize,
    numbered: bool,
}

impl<R: Read> Iterator for Framer<R> {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        if self.emitted == 0 {
            let first = self.core.next_item()?;
            self.lookahead = self.core.next_item();
            self.numbered = self.lookahead.is_some();
            return Some(self.name_item(first));
        }
        let item = match self.lookahead.take() {
            Some(item) => item,
            None => self.core.next_item()?,
        };
        Some(self.name_item(item))
    }
}

impl<R> Framer<R> {
    fn name_item(&mut self, item: Unnamed) -> InputItem {
        self.emitted += 1;
        let name = if self.numbered {
            format!("{}#{}", self.name, self.emitted)
        } else {
            self.name.clone()
        };
        InputItem {
            name,
            encoding: item.encoding,
            pem_label: item.pem_label,
            der: item.der,
            notes: Vec::new(),
            stream: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;
    use std::io;

    /// Hands out the data in tiny random pieces, with spurious interruptions.
    struct Trickle<'a> {
        data: &'a [u8],
        rng: Rng,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.rng.below(5) == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let n = (1 + self.rng.below(7)).min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    fn summary(items: &[InputItem]) -> Vec<String> {
        items
            .iter()
            .map(|i| format!("{} {:?} {:?} {:?}", i.name, i.encoding, i.pem_label, i.der))
            .collect()
    }

    /// Random inputs: random bytes, and soups of PEM-ish tokens.
    fn random_input(rng: &mut Rng, cert_b64: &str) -> Vec<u8> {
        let tokens: [&[u8]; 16] = [
            b"-----BEGIN CERTIFICATE-----",
            b"-----END CERTIFICATE-----",
            b"-----BEGIN PRIVATE KEY-----",
            b"-----END PRIVATE KEY-----",
            b"-----BEGIN ",
            b"\n",
            b"\r\n",
            b" ",
            b"MIIB",
            b"==",
            b"0",
            b"\x30\x82",
            b"\x30\x03\x02\x01\x05",
            b"Proc-Type: x",
            b"\xef\xbb\xbf",
            cert_b64.as_bytes(),
        ];
        match rng.below(3) {
            0 => {
                let n = rng.below(3000);
                rng.bytes(n)
            }
            _ => {
                let n = rng.below(40);
                (0..n)
                    .flat_map(|_| tokens[rng.below(tokens.len())].to_vec())
                    .collect()
            }
        }
    }

    #[test]
    fn random_inputs_never_panic_and_always_yield_items() {
        let mut rng = Rng(0xdead_beef);
        let cert_b64 = STANDARD.encode(fake_cert(300, 50));
        for round in 0..3000 {
            let input = random_input(&mut rng, &cert_b64);
            let limits = if round % 2 == 0 {
                Limits::default()
            } else {
                Limits {
                    max_cert_bytes: rng.below(600),
                    max_line_bytes: rng.below(300),
                    ..Limits::default()
                }
            };
            let items: Vec<_> = frame("r", &input[..], limits.clone()).collect();
            assert!(!items.is_empty(), "no item for {input:?}");
            if items.len() == 1 {
                assert_eq!(items[0].name, "r");
            } else {
                for (i, item) in items.iter().enumerate() {
                    assert_eq!(item.name, format!("r#{}", i + 1));
                }
            }
            // Framing must not depend on how the reader splits the bytes.
            let trickle = Trickle {
                data: &input,
                rng: Rng(round + 1),
            };
            let trickled: Vec<_> = frame("r", trickle, limits).collect();
            assert_eq!(summary(&items), summary(&trickled), "input {input:?}");
        }
    }
}
