//! The per-stream state machine: phases, text modes and the line loop that hands lines
//! to the PEM and base64-lines readers.

use std::io::{self, Read};

use crate::base64_lines::starts_base64_cert;
use crate::format::InputFormat;
use crate::item::{InputErrorKind, Unnamed};
use crate::limits::Limits;
use crate::pem::{marker_label, BEGIN_MARKER};
use crate::reader::{LineEnd, Source};

pub(crate) const NO_CERT_MESSAGE: &str = "no PEM certificate block, DER or base64 found";
pub(crate) const NO_PEM_MESSAGE: &str = "no PEM certificate block found";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Nothing read yet.
    Start,
    /// Reading text lines.
    Text,
    /// An item was given; skip the rest of the stream (reporting read errors).
    Drain,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TextMode {
    /// Nothing found yet.
    Scanning,
    /// At least one PEM block seen; other text is ignored.
    Pem,
    /// Every non-empty line outside PEM blocks is a base64 certificate.
    Lines,
}

/// The unnamed-item state machine behind [`Framer`](crate::Framer).
pub(crate) struct Core<R> {
    pub(crate) src: Source<R>,
    pub(crate) limits: Limits,
    pub(crate) format: InputFormat,
    pub(crate) phase: Phase,
    pub(crate) mode: TextMode,
    /// Whether the first non-empty, non-BEGIN line was already judged for base64 mode.
    pub(crate) first_line_judged: bool,
    /// The current text line (at most `max_line_bytes`), reused between lines.
    pub(crate) line: Vec<u8>,
    /// 1-based number of the line in `line`, for messages.
    pub(crate) line_no: usize,
    /// A BEGIN line (label, line number) that cut the previous block short.
    pub(crate) carried_begin: Option<(String, usize)>,
    /// `line` holds a line read ahead (it ended a wrapped base64 unit) not yet looked at.
    pub(crate) pending_line: Option<LineEnd>,
}

impl<R: Read> Core<R> {
    pub(crate) fn new(reader: R, limits: Limits, format: InputFormat) -> Self {
        Core {
            src: Source::new(reader),
            limits,
            format,
            phase: Phase::Start,
            mode: TextMode::Scanning,
            first_line_judged: false,
            line: Vec::new(),
            line_no: 0,
            carried_begin: None,
            pending_line: None,
        }
    }

    pub(crate) fn next_item(&mut self) -> Option<Unnamed> {
        let result = match self.phase {
            Phase::Start => self.detect().map(Some),
            Phase::Text => self.text_item(),
            Phase::Drain => self.src.drain().map(|()| None),
            Phase::Done => return None,
        };
        match result {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.phase = Phase::Done;
                None
            }
            Err(e) => {
                self.phase = Phase::Done;
                Some(Unnamed::stream_error(
                    InputErrorKind::Unreadable,
                    format!("read error: {e}"),
                ))
            }
        }
    }

    /// Read text lines until one item is complete; `None` at the end.
    pub(crate) fn text_item(&mut self) -> io::Result<Option<Unnamed>> {
        loop {
            if let Some((label, line_no)) = self.carried_begin.take() {
                return self.pem_block(label, line_no).map(Some);
            }
            let end = match self.pending_line.take() {
                Some(end) => end,
                None => self.read_line()?,
            };
            if end == LineEnd::Eof {
                return Ok(self.end_of_text());
            }
            let too_long = end == LineEnd::TooLong;
            let text = self.line.trim_ascii();
            if text.is_empty() {
                continue;
            }
            let begin = match self.format {
                InputFormat::Base64 => None,
                _ => marker_label(text, BEGIN_MARKER),
            };
            if let Some(label) = begin {
                if self.mode == TextMode::Scanning {
                    self.mode = TextMode::Pem;
                }
                return self.pem_block(label, self.line_no).map(Some);
            }
            let first_line = !self.first_line_judged;
            self.first_line_judged = true;
            match self.mode {
                TextMode::Scanning
                    if first_line
                        && self.format == InputFormat::Auto
                        && starts_base64_cert(text, too_long) =>
                {
                    self.mode = TextMode::Lines;
                    return self.base64_unit(too_long).map(Some);
                }
                TextMode::Lines => return self.base64_unit(too_long).map(Some),
                // Text outside PEM blocks is ignored.
                TextMode::Scanning | TextMode::Pem => {}
            }
        }
    }

    pub(crate) fn read_line(&mut self) -> io::Result<LineEnd> {
        let end = self
            .src
            .read_line(&mut self.line, self.limits.max_line_bytes)?;
        if end != LineEnd::Eof {
            self.line_no += 1;
        }
        Ok(end)
    }

    fn end_of_text(&mut self) -> Option<Unnamed> {
        self.phase = Phase::Done;
        let message = match self.format {
            InputFormat::Pem => NO_PEM_MESSAGE,
            _ => NO_CERT_MESSAGE,
        };
        (self.mode == TextMode::Scanning)
            .then(|| Unnamed::stream_error(InputErrorKind::NotCertificate, message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::*;
    use crate::{frame, InputErrorKind, Limits};
    use std::fs;

    /// Gives `data`, then fails.
    struct Failing {
        data: Vec<u8>,
        pos: usize,
    }

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.pos == self.data.len() {
                return Err(io::Error::other("disk on fire"));
            }
            let n = buf.len().min(self.data.len() - self.pos).min(100);
            buf[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
            self.pos += n;
            Ok(n)
        }
    }

    #[test]
    fn read_errors_become_unreadable_items() {
        let items: Vec<_> = frame(
            "-",
            Failing {
                data: vec![],
                pos: 0,
            },
            Limits::default(),
        )
        .collect();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "-");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Unreadable));
        assert!(items[0]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("disk on fire"));

        let der = fake_cert(400, 40);
        let data = format!(
            "{}-----BEGIN CERTIFICATE-----\nMIIB\n",
            pem("CERTIFICATE", &der)
        );
        let reader = Failing {
            data: data.into_bytes(),
            pos: 0,
        };
        let items: Vec<_> = frame("-", reader, Limits::default()).collect();
        assert_eq!(names(&items), ["-#1", "-#2"]);
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
        assert_eq!(kind(&items[1]), Some(InputErrorKind::Unreadable));

        let reader = Failing {
            data: fake_cert(400, 41),
            pos: 0,
        };
        let items: Vec<_> = frame("x.der", reader, Limits::default()).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Unreadable));
    }

    #[test]
    fn framing_a_directory_reports_unreadable() {
        let tmp = TempDir::new("dir");
        let Ok(file) = fs::File::open(&tmp.0) else {
            return; // some platforms refuse to open directories at all
        };
        let items: Vec<_> = frame("dir", file, Limits::default()).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::Unreadable));
    }
}
