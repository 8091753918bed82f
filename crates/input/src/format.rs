//! The input format a caller may impose instead of detection.

use std::fmt;
use std::str::FromStr;

/// How a stream is read: detected from its first bytes, or as the caller says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// DER, PEM or base64 lines, decided per stream (see the crate documentation).
    #[default]
    Auto,
    /// Text with PEM blocks only; bare base64 lines are ignored like any text.
    Pem,
    /// The whole stream is one DER certificate, whatever its first bytes.
    Der,
    /// Bare base64, one certificate per line or per wrapped run of lines; PEM markers are not
    /// recognised (each such line is a certificate that does not decode).
    Base64,
}

impl InputFormat {
    pub const ALL: [InputFormat; 4] = [
        InputFormat::Auto,
        InputFormat::Pem,
        InputFormat::Der,
        InputFormat::Base64,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Pem => "pem",
            InputFormat::Der => "der",
            InputFormat::Base64 => "base64",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        InputFormat::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("'{s}': expected auto, pem, der or base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{frame_as, Encoding, InputErrorKind, InputItem, Limits};
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;

    fn frame_with(format: InputFormat, input: &[u8]) -> Vec<InputItem> {
        frame_as("t", input, Limits::default(), format).collect()
    }

    fn b64_lines(der: &[u8], width: usize) -> String {
        let text = STANDARD.encode(der);
        let lines: Vec<&str> = text
            .as_bytes()
            .chunks(width)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        lines.join("\n") + "\n"
    }

    #[test]
    fn names_round_trip() {
        for f in InputFormat::ALL {
            assert_eq!(f.as_str().parse::<InputFormat>(), Ok(f));
        }
        assert!("PEMS".parse::<InputFormat>().is_err());
    }

    #[test]
    fn der_takes_the_whole_stream_even_when_it_is_text() {
        let der = fake_cert(400, 1);
        let text = pem("CERTIFICATE", &der);
        let items = frame_with(InputFormat::Der, text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].encoding, Some(Encoding::Der));
        assert_eq!(items[0].der.as_ref().unwrap(), text.as_bytes());
        let items = frame_with(InputFormat::Der, &der);
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
        let items = frame_with(InputFormat::Der, b"");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Empty));
    }

    #[test]
    fn pem_ignores_base64_lines_and_der() {
        let der = fake_cert(400, 2);
        for input in [b64_lines(&der, 64).into_bytes(), der.clone()] {
            let items = frame_with(InputFormat::Pem, &input);
            assert_eq!(items.len(), 1);
            assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificate));
        }
        let two = format!("{}{}", pem("CERTIFICATE", &der), pem("CERTIFICATE", &der));
        let items = frame_with(InputFormat::Pem, two.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2"]);
        assert!(items.iter().all(|i| i.der.as_ref().ok() == Some(&der)));
    }

    #[test]
    fn base64_reads_every_line_even_after_text() {
        let a = fake_cert(400, 3);
        let b = fake_cert(900, 4);
        // Auto detection would ignore this file: its first line is not base64.
        let text = format!("# exported\n{}{}", b64_lines(&a, 76), b64_lines(&b, 64));
        let auto = frame_with(InputFormat::Auto, text.as_bytes());
        assert_eq!(auto.len(), 1);
        assert_eq!(kind(&auto[0]), Some(InputErrorKind::NotCertificate));
        let items = frame_with(InputFormat::Base64, text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        assert!(items[0].der.is_err());
        assert_eq!(items[1].der.as_ref().unwrap(), &a);
        assert_eq!(items[2].der.as_ref().unwrap(), &b);
        assert!(items.iter().all(|i| i.encoding == Some(Encoding::Base64)));
        let items = frame_with(InputFormat::Base64, b" \n");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Empty));
    }

    #[test]
    fn base64_does_not_read_pem_markers() {
        let der = fake_cert(400, 5);
        let items = frame_with(InputFormat::Base64, pem("CERTIFICATE", &der).as_bytes());
        assert!(items.iter().all(|i| i.pem_label.is_none()));
        assert!(
            items.len() >= 2,
            "the BEGIN and END lines are records of their own"
        );
    }
}
