//! Format detection: DER or text, decided once per stream from its first bytes.

use std::io::{self, Read};

use crate::format::InputFormat;
use crate::item::{InputErrorKind, Unnamed};
use crate::reader::Skipped;
use crate::stream::{Core, Phase, TextMode, NO_CERT_MESSAGE};

/// How many leading bytes decide between DER and text.
const SNIFF_BYTES: usize = 64;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl<R: Read> Core<R> {
    /// Decide the stream's format from its first bytes and give its first item.
    pub(crate) fn detect(&mut self) -> io::Result<Unnamed> {
        if self.format == InputFormat::Der {
            if self.src.peek(1)?.is_empty() {
                self.phase = Phase::Done;
                return Ok(Unnamed::stream_error(
                    InputErrorKind::Empty,
                    "input is empty",
                ));
            }
            return self.der_item();
        }
        let mut skipped = self.skip_blank()?;
        if self.src.peek(UTF8_BOM.len())?.starts_with(UTF8_BOM) {
            self.src.consume(UTF8_BOM.len());
            skipped.bytes += UTF8_BOM.len();
            let more = self.skip_blank()?;
            skipped.bytes += more.bytes;
        }
        if self.src.peek(1)?.is_empty() {
            self.phase = Phase::Done;
            let message = if skipped.bytes == 0 {
                "input is empty"
            } else {
                "input contains only whitespace"
            };
            return Ok(Unnamed::stream_error(InputErrorKind::Empty, message));
        }
        if self.format == InputFormat::Auto && looks_like_der(self.src.peek(SNIFF_BYTES)?) {
            return self.der_item();
        }
        self.phase = Phase::Text;
        if self.format == InputFormat::Base64 {
            self.mode = TextMode::Lines;
        }
        match self.text_item()? {
            Some(item) => Ok(item),
            // Unreachable in practice: text_item gives NotCertificate at EOF in Scanning mode.
            None => Ok(Unnamed::stream_error(
                InputErrorKind::NotCertificate,
                NO_CERT_MESSAGE,
            )),
        }
    }

    /// Skip leading whitespace, counting newlines so line numbers stay right.
    fn skip_blank(&mut self) -> io::Result<Skipped> {
        let skipped = self.src.skip_whitespace()?;
        self.line_no += skipped.newlines;
        Ok(skipped)
    }
}

/// The DER-vs-text rule; see the crate documentation.
fn looks_like_der(prefix: &[u8]) -> bool {
    match prefix {
        [0x30, len, ..] => *len <= 0x84 && !looks_like_text(prefix),
        _ => false,
    }
}

/// Valid UTF-8 (a character cut at the end is fine) without control bytes
/// other than tab, CR and LF.
fn looks_like_text(bytes: &[u8]) -> bool {
    let utf8 = match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    utf8 && bytes
        .iter()
        .all(|&b| (b >= 0x20 && b != 0x7f) || matches!(b, b'\t' | b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::InputErrorKind;

    #[test]
    fn empty_and_whitespace_only() {
        let items = frame_all(b"");
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Empty));
        let items = frame_all(b"  \r\n\t\n \n");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Empty));
    }

    #[test]
    fn text_starting_with_zero_is_not_der() {
        let items = frame_all(b"0123 is not a certificate\nnor is this\n");
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].encoding, None);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificate));

        let der = fake_cert(300, 11);
        let text = format!("0 f\u{fc}r alle\n{}", pem("CERTIFICATE", &der));
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn random_binary_is_one_not_certificate() {
        let mut rng = Rng(0x5eed);
        let mut noise = rng.bytes(5 << 20);
        noise[0] = 0x17; // keep the DER branch out of this test
        let items = frame_all(&noise);
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificate));
        assert_eq!(items[0].der.as_ref().unwrap_err().message, NO_CERT_MESSAGE);
    }

    #[test]
    fn random_text_is_one_not_certificate() {
        let mut rng = Rng(77);
        let words = [
            "alpha", "beta", "----", "BEGIN", "END", "MII", "\n", " ", "\r\n",
        ];
        // Only the first line may switch to base64-lines mode; make it plain prose.
        let mut text = String::from("Notes from the meeting\n");
        text.extend((0..20_000).map(|_| words[rng.below(words.len())]));
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificate));
    }

    #[test]
    fn utf8_bom_before_pem() {
        let der = fake_cert(300, 31);
        let text = format!("\u{feff}{}", pem("CERTIFICATE", &der));
        let items = frame_all(text.as_bytes());
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }
}
