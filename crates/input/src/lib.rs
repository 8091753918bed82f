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

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;
use base64::Engine as _;

/// Largest certificate accepted (DER bytes).
pub const DEFAULT_MAX_CERT_BYTES: usize = 1 << 20;
/// Longest text line considered; longer lines are skipped without buffering.
pub const DEFAULT_MAX_LINE_BYTES: usize = 4 << 20;

/// Size of the read buffer, and so of every read from the underlying stream.
const READ_CHUNK: usize = 64 * 1024;
/// How many leading bytes decide between DER and text.
const SNIFF_BYTES: usize = 64;
/// Bytes allowed after a definite-length DER certificate, so the linter can
/// report trailing data instead of us rejecting the file.
const DER_TRAILING_SLACK: usize = 64 * 1024;
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const BEGIN_MARKER: &[u8] = b"-----BEGIN ";
const END_MARKER: &[u8] = b"-----END ";
/// Longest PEM label kept; longer ones are cut.
const MAX_LABEL_CHARS: usize = 100;
const NO_CERT_MESSAGE: &str = "no PEM certificate block, DER or base64 found";

/// PEM labels whose body is a certificate (or a certificate-like structure).
const CERT_LABELS: &[&str] = &[
    "CERTIFICATE",
    "X509 CERTIFICATE",
    "TRUSTED CERTIFICATE",
    "TBS CERTIFICATE",
    "PRECERTIFICATE",
];

/// What the body of a PEM block with a non-certificate label is, for the finding's message.
/// The body itself is never decoded: it may be a private key.
fn label_kind(label: &str) -> Option<&'static str> {
    Some(match label {
        "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => "a PKCS#10 certificate request",
        "PRIVATE KEY" => "a private key (PKCS#8)",
        "ENCRYPTED PRIVATE KEY" => "an encrypted private key (PKCS#8)",
        "RSA PRIVATE KEY" => "a private key (PKCS#1 RSA)",
        "EC PRIVATE KEY" => "a private key (SEC1)",
        "DSA PRIVATE KEY" => "a private key (DSA)",
        "OPENSSH PRIVATE KEY" => "a private key (OpenSSH)",
        "PUBLIC KEY" => "a public key (SubjectPublicKeyInfo)",
        "RSA PUBLIC KEY" => "a public key (PKCS#1 RSA)",
        "X509 CRL" => "a CRL",
        "PKCS7" | "CMS" => "a CMS/PKCS#7 message",
        "ATTRIBUTE CERTIFICATE" => "an attribute certificate",
        "EC PARAMETERS" | "DH PARAMETERS" | "X9.42 DH PARAMETERS" => "key parameters",
        _ => return None,
    })
}

/// File extensions taken from directories (compared case-insensitively).
const CERT_EXTENSIONS: &[&str] = &["pem", "crt", "cer", "der", "cert", "b64", "base64", "txt"];

/// Size limits applied while framing.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest certificate, in DER bytes.
    pub max_cert_bytes: usize,
    /// Longest text line kept in memory.
    pub max_line_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cert_bytes: DEFAULT_MAX_CERT_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
        }
    }
}

/// How a certificate was encoded in its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Pem,
    Der,
    Base64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputErrorKind {
    /// The source could not be read (open or read error).
    Unreadable,
    /// The source is empty or holds only whitespace.
    Empty,
    /// No certificate was found in the source.
    NotCertificate,
    /// A PEM block without a matching END line.
    TruncatedPem,
    /// A PEM body or base64 line that does not decode.
    BadBase64,
    /// A certificate or line over the configured limits.
    TooLarge,
    /// A PEM block whose label is not a certificate label.
    NotCertificateLabel,
    /// A CT log entry (or response) that does not decode.
    CtEntry,
}

/// A framing problem, with a human-readable message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub kind: InputErrorKind,
    pub message: String,
}

impl InputError {
    fn new(kind: InputErrorKind, message: impl Into<String>) -> Self {
        InputError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}

/// One framed unit of input: a certificate's DER bytes, or the reason there are none.
#[derive(Debug)]
pub struct InputItem {
    /// "PATH", or "PATH#N" (1-based) when the source yields more than one item; "-" for stdin.
    pub name: String,
    /// Known for items inside a detected format; `None` for stream-level errors.
    pub encoding: Option<Encoding>,
    /// The PEM label, for items from a PEM block.
    pub pem_label: Option<String>,
    pub der: Result<Vec<u8>, InputError>,
    /// Problems found around the certificate that leave it lintable (a CT entry's broken
    /// chain, say); each becomes a finding of the named lint in the item's record.
    pub notes: Vec<InputNote>,
}

/// A finding about an input item that its framing, not a lint, detected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputNote {
    /// The registered lint it is reported under.
    pub lint: &'static str,
    pub details: String,
}

/// Frame one byte stream. `name` is the display name ("-" for stdin). Lazily reads `reader`.
pub fn frame<R: Read>(name: &str, reader: R, limits: Limits) -> Framer<R> {
    Framer {
        name: name.to_owned(),
        core: Core::new(reader, limits),
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
        }
    }
}

/// An item before it gets its display name.
struct Unnamed {
    encoding: Option<Encoding>,
    pem_label: Option<String>,
    der: Result<Vec<u8>, InputError>,
}

impl Unnamed {
    fn stream_error(kind: InputErrorKind, message: impl Into<String>) -> Self {
        Unnamed {
            encoding: None,
            pem_label: None,
            der: Err(InputError::new(kind, message)),
        }
    }

    fn pem(label: &str, der: Result<Vec<u8>, InputError>) -> Self {
        Unnamed {
            encoding: Some(Encoding::Pem),
            pem_label: Some(label.to_owned()),
            der,
        }
    }

    fn with_encoding(encoding: Encoding, der: Result<Vec<u8>, InputError>) -> Self {
        Unnamed {
            encoding: Some(encoding),
            pem_label: None,
            der,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Nothing read yet.
    Start,
    /// Reading text lines.
    Text,
    /// An item was given; skip the rest of the stream (reporting read errors).
    Drain,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TextMode {
    /// Nothing found yet.
    Scanning,
    /// At least one PEM block seen; other text is ignored.
    Pem,
    /// Every non-empty line outside PEM blocks is a base64 certificate.
    Lines,
}

/// The unnamed-item state machine behind [`Framer`].
struct Core<R> {
    src: Source<R>,
    limits: Limits,
    phase: Phase,
    mode: TextMode,
    /// Whether the first non-empty, non-BEGIN line was already judged for base64 mode.
    first_line_judged: bool,
    /// The current text line (at most `max_line_bytes`), reused between lines.
    line: Vec<u8>,
    /// 1-based number of the line in `line`, for messages.
    line_no: usize,
    /// A BEGIN line (label, line number) that cut the previous block short.
    carried_begin: Option<(String, usize)>,
    /// `line` holds a line read ahead (it ended a wrapped base64 unit) not yet looked at.
    pending_line: Option<LineEnd>,
}

impl<R: Read> Core<R> {
    fn new(reader: R, limits: Limits) -> Self {
        Core {
            src: Source::new(reader),
            limits,
            phase: Phase::Start,
            mode: TextMode::Scanning,
            first_line_judged: false,
            line: Vec::new(),
            line_no: 0,
            carried_begin: None,
            pending_line: None,
        }
    }

    fn next_item(&mut self) -> Option<Unnamed> {
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

    /// Decide the stream's format from its first bytes and give its first item.
    fn detect(&mut self) -> io::Result<Unnamed> {
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
        if looks_like_der(self.src.peek(SNIFF_BYTES)?) {
            return self.der_item();
        }
        self.phase = Phase::Text;
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

    /// The whole stream as one DER certificate.
    fn der_item(&mut self) -> io::Result<Unnamed> {
        self.phase = Phase::Drain;
        let max = self.limits.max_cert_bytes;
        let cap = match der_total_len(self.src.peek(6)?) {
            DerLen::Definite(total) if total > max => {
                let message = format!(
                    "DER certificate declares {total} bytes, over the limit of {max} bytes"
                );
                return Ok(der_error(InputErrorKind::TooLarge, message));
            }
            DerLen::Definite(_) => max.saturating_add(DER_TRAILING_SLACK),
            DerLen::Indefinite | DerLen::Truncated => max,
        };
        let mut der = Vec::new();
        if !self.src.read_capped(&mut der, cap)? {
            let message = format!("DER input is larger than the limit of {cap} bytes");
            return Ok(der_error(InputErrorKind::TooLarge, message));
        }
        self.phase = Phase::Done;
        Ok(Unnamed::with_encoding(Encoding::Der, Ok(der)))
    }

    /// Read text lines until one item is complete; `None` at the end.
    fn text_item(&mut self) -> io::Result<Option<Unnamed>> {
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
            if let Some(label) = marker_label(text, BEGIN_MARKER) {
                if self.mode == TextMode::Scanning {
                    self.mode = TextMode::Pem;
                }
                return self.pem_block(label, self.line_no).map(Some);
            }
            let first_line = !self.first_line_judged;
            self.first_line_judged = true;
            match self.mode {
                TextMode::Scanning if first_line && starts_base64_cert(text, too_long) => {
                    self.mode = TextMode::Lines;
                    return self.base64_unit(too_long).map(Some);
                }
                TextMode::Lines => return self.base64_unit(too_long).map(Some),
                // Text outside PEM blocks is ignored.
                TextMode::Scanning | TextMode::Pem => {}
            }
        }
    }

    fn read_line(&mut self) -> io::Result<LineEnd> {
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
        (self.mode == TextMode::Scanning)
            .then(|| Unnamed::stream_error(InputErrorKind::NotCertificate, NO_CERT_MESSAGE))
    }

    /// The certificate starting at the current line: the line alone, or joined with the lines
    /// that continue it when it is wrapped (see the module documentation).
    fn base64_unit(&mut self, too_long: bool) -> io::Result<Unnamed> {
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
        if first_no == last_no {
            let what = format!("base64 line {first_no}");
            let der = decode_cert(&text, max_cert).map_err(|e| e.describe(&what));
            return Ok(Unnamed::with_encoding(Encoding::Base64, der));
        }
        let what = format!("base64 lines {first_no}-{last_no}");
        let der = if len > encoded_len_cap(max_cert) {
            Err(too_large_cert(&what, max_cert))
        } else {
            decode_cert(&text, max_cert).map_err(|e| e.describe(&what))
        };
        Ok(Unnamed::with_encoding(Encoding::Base64, der))
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

    /// Read one PEM block whose BEGIN line (number `start`) was just read.
    fn pem_block(&mut self, label: String, start: usize) -> io::Result<Unnamed> {
        let what = format!("PEM block '{label}' (line {start})");
        let is_cert = CERT_LABELS.contains(&label.as_str());
        let cap = encoded_len_cap(self.limits.max_cert_bytes);
        // Most certificates' base64 fits here: no regrowing line by line.
        let mut body = Vec::with_capacity(if is_cert { 4096.min(cap) } else { 0 });
        // The first problem found in the body; the rest of it is then skipped.
        let mut problem: Option<InputError> = None;
        loop {
            let end = self.read_line()?;
            if end == LineEnd::Eof {
                let message = format!("{what} has no END line");
                return Ok(pem_error(&label, InputErrorKind::TruncatedPem, message));
            }
            let text = self.line.trim_ascii();
            // The common line: nothing but base64 characters (so neither a marker, a header
            // nor whitespace), checked in one pass.
            if is_cert && problem.is_none() && end == LineEnd::Full && is_base64_body(text) {
                body.extend_from_slice(text);
                if body.len() > cap {
                    problem = Some(too_large_cert(&what, self.limits.max_cert_bytes));
                    body = Vec::new();
                }
                continue;
            }
            if let Some(next) = marker_label(text, BEGIN_MARKER) {
                let n = self.line_no;
                self.carried_begin = Some((next, n));
                let message = format!("{what} has no END line before the BEGIN line {n}");
                return Ok(pem_error(&label, InputErrorKind::TruncatedPem, message));
            }
            if let Some(end_label) = marker_label(text, END_MARKER) {
                return Ok(self.finish_pem_block(&label, &end_label, &what, &body, problem));
            }
            if !is_cert || problem.is_some() {
                continue; // skip without buffering
            }
            let too_large = || too_large_cert(&what, self.limits.max_cert_bytes);
            if text.contains(&b':') {
                let message = format!(
                    "{what} has a header line (line {}); PEM headers are not supported in certificates",
                    self.line_no
                );
                problem = Some(InputError::new(InputErrorKind::BadBase64, message));
            } else if end == LineEnd::TooLong {
                problem = Some(too_large());
            } else {
                // Whitespace inside a line is rare: copy the line whole unless it has some
                // (a byte-by-byte filtered copy was a third of the cost of framing).
                if text.iter().any(u8::is_ascii_whitespace) {
                    body.extend(text.iter().filter(|b| !b.is_ascii_whitespace()));
                } else {
                    body.extend_from_slice(text);
                }
                if body.len() > cap {
                    problem = Some(too_large());
                }
            }
            if problem.is_some() {
                body = Vec::new(); // free it now: the block may go on for long
            }
        }
    }

    fn finish_pem_block(
        &self,
        label: &str,
        end_label: &str,
        what: &str,
        body: &[u8],
        problem: Option<InputError>,
    ) -> Unnamed {
        let der = if end_label != label {
            Err(InputError::new(
                InputErrorKind::TruncatedPem,
                format!(
                    "{what} ends with a mismatched END line for '{end_label}' (line {})",
                    self.line_no
                ),
            ))
        } else if !CERT_LABELS.contains(&label) {
            Err(InputError::new(
                InputErrorKind::NotCertificateLabel,
                match label_kind(label) {
                    Some(kind) => format!("{what} is {kind}, not a certificate"),
                    None => format!("{what} is not a certificate"),
                },
            ))
        } else if let Some(problem) = problem {
            Err(problem)
        } else if body.is_empty() {
            Err(InputError::new(
                InputErrorKind::BadBase64,
                format!("{what} has an empty body"),
            ))
        } else {
            decode_cert(body, self.limits.max_cert_bytes).map_err(|e| e.describe(what))
        };
        Unnamed::pem(label, der)
    }
}

fn der_error(kind: InputErrorKind, message: String) -> Unnamed {
    Unnamed::with_encoding(Encoding::Der, Err(InputError::new(kind, message)))
}

fn pem_error(label: &str, kind: InputErrorKind, message: String) -> Unnamed {
    Unnamed::pem(label, Err(InputError::new(kind, message)))
}

fn too_large_cert(what: &str, max_cert: usize) -> InputError {
    InputError::new(
        InputErrorKind::TooLarge,
        format!("{what} is larger than the certificate limit of {max_cert} bytes"),
    )
}

/// Why a base64 text did not give a certificate; turned into a message by `describe`.
enum DecodeFailure {
    Base64(base64::DecodeError),
    TooLarge(usize),
}

impl DecodeFailure {
    fn describe(self, what: &str) -> InputError {
        match self {
            DecodeFailure::Base64(e) => InputError::new(
                InputErrorKind::BadBase64,
                format!("{what} is not valid base64: {e}"),
            ),
            DecodeFailure::TooLarge(max) => too_large_cert(what, max),
        }
    }
}

fn decode_cert(text: &[u8], max_cert: usize) -> Result<Vec<u8>, DecodeFailure> {
    let der = STANDARD_PAD_INDIFFERENT
        .decode(text)
        .map_err(DecodeFailure::Base64)?;
    if der.len() > max_cert {
        return Err(DecodeFailure::TooLarge(max_cert));
    }
    Ok(der)
}

/// The most base64 characters that can decode to at most `max_cert` bytes.
fn encoded_len_cap(max_cert: usize) -> usize {
    max_cert.div_ceil(3).saturating_mul(4)
}

/// Which octets may appear in a PEM body line: the base64 alphabet and padding.
const BASE64_BODY: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=';
        b += 1;
    }
    t
};

fn is_base64_body(text: &[u8]) -> bool {
    !text.is_empty() && text.iter().all(|&b| BASE64_BODY[usize::from(b)])
}

/// The label of a `-----BEGIN LABEL-----` or `-----END LABEL-----` line.
/// Lenient about the closing dashes; the line is already trimmed.
fn marker_label(text: &[u8], marker: &[u8]) -> Option<String> {
    let rest = text.strip_prefix(marker)?;
    let end = rest.iter().rposition(|&b| b != b'-').map_or(0, |i| i + 1);
    let label = String::from_utf8_lossy(&rest[..end]);
    let label = label.trim();
    // A junk "label" can be megabytes long; keep messages readable.
    Some(match label.char_indices().nth(MAX_LABEL_CHARS) {
        Some((cut, _)) => format!("{}...", &label[..cut]),
        None => label.to_owned(),
    })
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
fn starts_base64_cert(text: &[u8], too_long: bool) -> bool {
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

/// The DER-vs-text rule; see the module documentation.
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DerLen {
    /// Header plus content length, as declared.
    Definite(usize),
    Indefinite,
    /// The stream ends inside the length bytes.
    Truncated,
}

/// The total size a DER header (tag 0x30 already checked) declares.
fn der_total_len(header: &[u8]) -> DerLen {
    let Some(&first) = header.get(1) else {
        return DerLen::Truncated;
    };
    if first < 0x80 {
        return DerLen::Definite(2 + usize::from(first));
    }
    if first == 0x80 {
        return DerLen::Indefinite;
    }
    let count = usize::from(first & 0x7f);
    let Some(bytes) = header.get(2..2 + count) else {
        return DerLen::Truncated;
    };
    let content = bytes.iter().fold(0u64, |acc, &b| {
        acc.saturating_mul(256).saturating_add(u64::from(b))
    });
    let total = content.saturating_add(2 + count as u64);
    DerLen::Definite(usize::try_from(total).unwrap_or(usize::MAX))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineEnd {
    /// A whole line (its newline consumed, or the stream's last line).
    Full,
    /// A line longer than the limit: only its prefix was kept, the rest skipped.
    TooLong,
    /// No more lines.
    Eof,
}

#[derive(Clone, Copy, Debug, Default)]
struct Skipped {
    bytes: usize,
    newlines: usize,
}

/// A small buffered reader that never holds more than `READ_CHUNK` bytes.
struct Source<R> {
    inner: R,
    buf: Box<[u8]>,
    start: usize,
    end: usize,
    eof: bool,
}

impl<R: Read> Source<R> {
    fn new(inner: R) -> Self {
        Source {
            inner,
            buf: vec![0; READ_CHUNK].into_boxed_slice(),
            start: 0,
            end: 0,
            eof: false,
        }
    }

    fn available(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    fn consume(&mut self, n: usize) {
        self.start = (self.start + n).min(self.end);
    }

    /// Read once more from the stream, after moving unread bytes to the front
    /// when the buffer is full. Returns false at end of stream.
    fn read_more(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start == self.end {
            self.start = 0;
            self.end = 0;
        } else if self.end == self.buf.len() {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            return Ok(true); // full of unread bytes
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    // `min` guards against a reader claiming more than it was given.
                    self.end = (self.end + n).min(self.buf.len());
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Make sure at least one unread byte is buffered; false at end of stream.
    fn fill(&mut self) -> io::Result<bool> {
        while self.start == self.end {
            if !self.read_more()? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The next `n` unread bytes, or fewer if the stream ends first.
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(self.buf.len());
        while self.end - self.start < n && self.read_more()? {}
        let end = self.end.min(self.start + n);
        Ok(&self.buf[self.start..end])
    }

    fn skip_whitespace(&mut self) -> io::Result<Skipped> {
        let mut skipped = Skipped::default();
        while self.fill()? {
            let chunk = self.available();
            let blank = chunk
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(chunk.len());
            skipped.newlines += chunk[..blank].iter().filter(|&&b| b == b'\n').count();
            skipped.bytes += blank;
            let done = blank < chunk.len();
            self.consume(blank);
            if done {
                break;
            }
        }
        Ok(skipped)
    }

    /// Read one line (without its LF) into `out`, keeping at most `max` bytes
    /// of it and skipping the rest.
    fn read_line(&mut self, out: &mut Vec<u8>, max: usize) -> io::Result<LineEnd> {
        out.clear();
        let mut seen_any = false;
        let mut too_long = false;
        loop {
            if !self.fill()? {
                return Ok(match (seen_any, too_long) {
                    (false, _) => LineEnd::Eof,
                    (true, true) => LineEnd::TooLong,
                    (true, false) => LineEnd::Full,
                });
            }
            seen_any = true;
            let chunk = self.available();
            let (line_len, used, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i, i + 1, true),
                None => (chunk.len(), chunk.len(), false),
            };
            let room = max.saturating_sub(out.len());
            too_long |= line_len > room;
            out.extend_from_slice(&chunk[..line_len.min(room)]);
            self.consume(used);
            if done {
                return Ok(if too_long {
                    LineEnd::TooLong
                } else {
                    LineEnd::Full
                });
            }
        }
    }

    /// Append the rest of the stream to `out`; false (and `out` partly filled)
    /// if it holds more than `cap` bytes.
    fn read_capped(&mut self, out: &mut Vec<u8>, cap: usize) -> io::Result<bool> {
        while self.fill()? {
            let chunk_len = self.end - self.start;
            if chunk_len > cap.saturating_sub(out.len()) {
                return Ok(false);
            }
            out.extend_from_slice(self.available());
            self.consume(chunk_len);
        }
        Ok(true)
    }

    /// Read and discard the rest of the stream.
    fn drain(&mut self) -> io::Result<()> {
        while self.fill()? {
            self.start = self.end;
        }
        Ok(())
    }
}

/// The display name of a path, built once where the name is made. Bytes that are not UTF-8
/// become `\xNN`, so that two different names never print alike (U+FFFD would merge them);
/// on Unix a backslash becomes `\\` so that no real name can pose as an escaped one. Control
/// characters are kept here and escaped by the text printer (JSON and CSV quote them).
pub fn path_name(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut name = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        if cfg!(unix) && valid.contains('\\') {
            name.push_str(&valid.replace('\\', "\\\\"));
        } else {
            name.push_str(valid);
        }
        for b in chunk.invalid() {
            name.push_str(&format!("\\x{b:02x}"));
        }
    }
    name
}

/// Expand paths: files as given (always read, whatever their extension);
/// directories recursively in sorted order, taking only files whose extension
/// (case-insensitive) is one of pem, crt, cer, der, cert, b64, base64, txt —
/// unless `all_files` is true.
///
/// Order inside a directory tree is byte-wise order of the full paths (so
/// `d/a.pem` comes before `d/a/x.pem`, as '.' < '/'). Hidden entries (name
/// starting with '.') are skipped inside directories, and so are symlinks to
/// directories (no loops) and special files (FIFOs, devices). Paths given
/// explicitly are taken as they are, symlinks followed. An unreadable or
/// missing path or directory entry yields `Err((path, error))` in its place,
/// and iteration continues. Lazy: one directory's entries are read at a time.
pub fn expand_paths(
    paths: &[PathBuf],
    all_files: bool,
) -> impl Iterator<Item = Result<PathBuf, (PathBuf, io::Error)>> {
    PathWalker {
        // Owned, so the iterator does not borrow `paths`.
        roots: Vec::from(paths).into_iter(),
        stack: Vec::new(),
        all_files,
    }
}

/// One directory entry, ready to be walked.
enum Entry {
    File(PathBuf),
    Dir(PathBuf),
    Failed(PathBuf, io::Error),
}

struct PathWalker {
    roots: std::vec::IntoIter<PathBuf>,
    /// Entries still to visit, one list per open directory, innermost last.
    stack: Vec<std::vec::IntoIter<Entry>>,
    all_files: bool,
}

impl Iterator for PathWalker {
    type Item = Result<PathBuf, (PathBuf, io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(entries) = self.stack.last_mut() {
                match entries.next() {
                    None => {
                        self.stack.pop();
                    }
                    Some(Entry::File(path)) => return Some(Ok(path)),
                    Some(Entry::Failed(path, e)) => return Some(Err((path, e))),
                    Some(Entry::Dir(path)) => {
                        if let Err(e) = self.open_dir(&path) {
                            return Some(Err((path, e)));
                        }
                    }
                }
                continue;
            }
            let root = self.roots.next()?;
            match fs::metadata(&root) {
                Ok(meta) if meta.is_dir() => {
                    if let Err(e) = self.open_dir(&root) {
                        return Some(Err((root, e)));
                    }
                }
                Ok(_) => return Some(Ok(root)),
                Err(e) => return Some(Err((root, e))),
            }
        }
    }
}

impl PathWalker {
    fn open_dir(&mut self, dir: &Path) -> io::Result<()> {
        let entries = read_sorted_dir(dir, self.all_files)?;
        self.stack.push(entries.into_iter());
        Ok(())
    }
}

/// Read one directory's wanted entries, sorted so that a depth-first walk
/// gives full paths in byte-wise order.
fn read_sorted_dir(dir: &Path, all_files: bool) -> io::Result<Vec<Entry>> {
    let mut keyed: Vec<(Vec<u8>, Entry)> = Vec::new();
    let mut failures = Vec::new();
    for dirent in fs::read_dir(dir)? {
        let dirent = match dirent {
            Ok(d) => d,
            Err(e) => {
                failures.push(Entry::Failed(dir.to_path_buf(), e));
                continue;
            }
        };
        let name = dirent.file_name();
        let name = name.as_encoded_bytes();
        if name.starts_with(b".") {
            continue;
        }
        let Some(entry) = classify(&dirent.path(), dirent.file_type(), all_files) else {
            continue;
        };
        let mut key = name.to_vec();
        if matches!(entry, Entry::Dir(_)) {
            // Everything under "x/" sorts as "x/..." among its siblings.
            key.push(b'/');
        }
        keyed.push((key, entry));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    let mut entries: Vec<Entry> = keyed.into_iter().map(|(_, entry)| entry).collect();
    entries.extend(failures);
    Ok(entries)
}

/// What to do with one directory entry; `None` to skip it.
fn classify(path: &Path, file_type: io::Result<fs::FileType>, all_files: bool) -> Option<Entry> {
    let wanted = all_files || has_cert_extension(path);
    let file_type = match file_type {
        Ok(t) => t,
        Err(e) => return wanted.then(|| Entry::Failed(path.to_path_buf(), e)),
    };
    if file_type.is_dir() {
        return Some(Entry::Dir(path.to_path_buf()));
    }
    if file_type.is_symlink() {
        return match fs::metadata(path) {
            Ok(meta) if meta.is_file() && wanted => Some(Entry::File(path.to_path_buf())),
            Ok(_) => None, // a directory (never followed) or a special file
            Err(e) => wanted.then(|| Entry::Failed(path.to_path_buf(), e)),
        };
    }
    (file_type.is_file() && wanted).then(|| Entry::File(path.to_path_buf()))
}

fn has_cert_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| CERT_EXTENSIONS.iter().any(|c| ext.eq_ignore_ascii_case(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;

    use std::time::{Duration, Instant};

    #[cfg(unix)]
    #[test]
    fn path_names_stay_distinct() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |b: &[u8]| path_name(Path::new(OsStr::from_bytes(b)));
        assert_eq!(name(b"d/a.pem"), "d/a.pem");
        assert_eq!(name("d/\u{e9}.pem".as_bytes()), "d/\u{e9}.pem");
        // Two names differing only in invalid bytes, and a name spelling the escape itself.
        let names = [
            name(b"a\xff.pem"),
            name(b"a\xfe.pem"),
            name(b"a\\xff.pem"),
            name(b"a\xef\xbf\xbd.pem"),
        ];
        assert_eq!(names[0], "a\\xff.pem");
        assert_eq!(names[1], "a\\xfe.pem");
        assert_eq!(names[2], "a\\\\xff.pem");
        assert_eq!(names[3], "a\u{fffd}.pem");
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // Control characters are left to the printers.
        assert_eq!(name(b"a\x1b[2J\n.pem"), "a\x1b[2J\n.pem");
    }

    /// Deterministic xorshift64 PRNG, so tests need no extra crates.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }

        fn bytes(&mut self, n: usize) -> Vec<u8> {
            (0..n).map(|_| self.next() as u8).collect()
        }
    }

    /// A certificate-shaped DER blob: SEQUENCE { OCTET STRING (n random bytes) }.
    fn fake_cert(n: usize, seed: u64) -> Vec<u8> {
        assert!((256..60_000).contains(&n));
        let content = Rng(seed | 1).bytes(n);
        let mut inner = vec![0x04, 0x82, (n >> 8) as u8, n as u8];
        inner.extend(content);
        let m = inner.len();
        let mut der = vec![0x30, 0x82, (m >> 8) as u8, m as u8];
        der.extend(inner);
        der
    }

    fn pem(label: &str, der: &[u8]) -> String {
        let b64 = STANDARD.encode(der);
        let mut out = format!("-----BEGIN {label}-----\n");
        for chunk in b64.as_bytes().chunks(64) {
            out.push_str(std::str::from_utf8(chunk).unwrap());
            out.push('\n');
        }
        out.push_str(&format!("-----END {label}-----\n"));
        out
    }

    fn frame_all(input: &[u8]) -> Vec<InputItem> {
        frame("t", input, Limits::default()).collect()
    }

    fn kind(item: &InputItem) -> Option<InputErrorKind> {
        item.der.as_ref().err().map(|e| e.kind)
    }

    fn names(items: &[InputItem]) -> Vec<&str> {
        items.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn single_pem() {
        let der = fake_cert(600, 1);
        let items = frame_all(pem("CERTIFICATE", &der).as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].encoding, Some(Encoding::Pem));
        assert_eq!(items[0].pem_label.as_deref(), Some("CERTIFICATE"));
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn three_pem_blocks_with_surrounding_text() {
        let certs: Vec<Vec<u8>> = (1..=3).map(|i| fake_cert(300 * i, i as u64)).collect();
        let mut text = String::from("Bag Attributes\n  friendlyName: foo\nsubject=/CN=x\n");
        for (i, der) in certs.iter().enumerate() {
            text.push_str(&pem("CERTIFICATE", der));
            text.push_str(&format!("some text after cert {i}\n\n"));
        }
        let items = frame_all(text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        for (item, der) in items.iter().zip(&certs) {
            assert_eq!(item.der.as_ref().unwrap(), der);
        }
    }

    #[test]
    fn crlf_line_endings() {
        let der = fake_cert(500, 2);
        let text = pem("CERTIFICATE", &der).replace('\n', "\r\n");
        let items = frame_all(format!("junk\r\n{text}{text}").as_bytes());
        assert_eq!(items.len(), 2);
        for item in &items {
            assert_eq!(item.der.as_ref().unwrap(), &der);
        }
    }

    #[test]
    fn other_certificate_labels() {
        let der = fake_cert(400, 3);
        for label in [
            "TBS CERTIFICATE",
            "X509 CERTIFICATE",
            "TRUSTED CERTIFICATE",
            "PRECERTIFICATE",
        ] {
            let items = frame_all(pem(label, &der).as_bytes());
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].pem_label.as_deref(), Some(label));
            assert_eq!(items[0].der.as_ref().unwrap(), &der);
        }
    }

    #[test]
    fn private_key_between_two_certs() {
        let der = fake_cert(400, 4);
        let text = format!(
            "{}{}{}",
            pem("CERTIFICATE", &der),
            pem("PRIVATE KEY", &[1, 2, 3]),
            pem("CERTIFICATE", &der)
        );
        let items = frame_all(text.as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2", "t#3"]);
        assert!(items[0].der.is_ok() && items[2].der.is_ok());
        assert_eq!(kind(&items[1]), Some(InputErrorKind::NotCertificateLabel));
        assert_eq!(items[1].pem_label.as_deref(), Some("PRIVATE KEY"));
        assert!(items[1]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("'PRIVATE KEY'"));
    }

    #[test]
    fn non_certificate_labels_name_the_kind() {
        for (label, kind_name) in [
            ("CERTIFICATE REQUEST", "a PKCS#10 certificate request"),
            ("PRIVATE KEY", "a private key (PKCS#8)"),
            ("EC PRIVATE KEY", "a private key (SEC1)"),
            ("RSA PRIVATE KEY", "a private key (PKCS#1 RSA)"),
            ("X509 CRL", "a CRL"),
            ("PKCS7", "a CMS/PKCS#7 message"),
        ] {
            let items = frame_all(pem(label, b"\x30\x03\x02\x01\x00").as_bytes());
            assert_eq!(items.len(), 1);
            assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificateLabel));
            let message = &items[0].der.as_ref().unwrap_err().message;
            assert!(
                message.ends_with(&format!("is {kind_name}, not a certificate")),
                "{label}: {message}"
            );
        }
        let items = frame_all(pem("SOMETHING ELSE", b"\x30\x00").as_bytes());
        let message = &items[0].der.as_ref().unwrap_err().message;
        assert!(message.ends_with("'SOMETHING ELSE' (line 1) is not a certificate"));
    }

    #[test]
    fn truncated_pem_at_eof() {
        let der = fake_cert(400, 5);
        let text = pem("CERTIFICATE", &der);
        let cut = &text[..text.find("-----END").unwrap()];
        let items = frame_all(cut.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        let message = &items[0].der.as_ref().unwrap_err().message;
        assert!(
            message.contains("'CERTIFICATE'") && message.contains("no END line"),
            "{message}"
        );
    }

    #[test]
    fn truncated_pem_followed_by_begin() {
        let der = fake_cert(400, 6);
        let text = pem("CERTIFICATE", &der);
        let cut = &text[..text.find("-----END").unwrap()];
        let items = frame_all(format!("{cut}{text}").as_bytes());
        assert_eq!(names(&items), ["t#1", "t#2"]);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        assert_eq!(items[1].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn mismatched_end_label() {
        let der = fake_cert(400, 7);
        let text = pem("CERTIFICATE", &der).replace("END CERTIFICATE", "END X509 CRL");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TruncatedPem));
        assert!(items[0]
            .der
            .as_ref()
            .unwrap_err()
            .message
            .contains("'X509 CRL'"));
    }

    #[test]
    fn bad_base64_in_pem_body() {
        let der = fake_cert(400, 8);
        let mut text = pem("CERTIFICATE", &der);
        let body_start = text.find('\n').unwrap() + 5;
        text.replace_range(body_start..body_start + 1, "%");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::BadBase64));

        let with_header = pem("CERTIFICATE", &der).replacen('\n', "\nProc-Type: 4,ENCRYPTED\n", 1);
        let items = frame_all(with_header.as_bytes());
        assert_eq!(kind(&items[0]), Some(InputErrorKind::BadBase64));

        let empty = "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n";
        assert_eq!(
            kind(&frame_all(empty.as_bytes())[0]),
            Some(InputErrorKind::BadBase64)
        );
    }

    #[test]
    fn pem_body_over_the_limit() {
        let der = fake_cert(3000, 9);
        let limits = Limits {
            max_cert_bytes: 1000,
            ..Limits::default()
        };
        let text = format!(
            "{}{}",
            pem("CERTIFICATE", &der),
            pem("CERTIFICATE", &der[..400])
        );
        let items: Vec<_> = frame("t", text.as_bytes(), limits).collect();
        assert_eq!(items.len(), 2);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        assert!(items[1].der.is_ok());
    }

    #[test]
    fn raw_der() {
        let tiny = [0x30, 0x03, 0x02, 0x01, 0x05];
        let items = frame_all(&tiny);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].encoding, Some(Encoding::Der));
        assert_eq!(items[0].der.as_ref().unwrap(), &tiny);

        // Trailing data is kept for the linter to judge.
        let mut der = fake_cert(2000, 10);
        der.extend_from_slice(b"trailing");
        let items = frame_all(&der);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
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
    fn der_stream_over_the_limit() {
        let limits = Limits {
            max_cert_bytes: 1000,
            ..Limits::default()
        };
        let der = fake_cert(2000, 12);
        let items: Vec<_> = frame("t", &der[..], limits.clone()).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));

        // Indefinite length: only the stream size counts.
        let mut ber = vec![0x30, 0x80];
        ber.extend(vec![0u8; 2000]);
        let items: Vec<_> = frame("t", &ber[..], limits).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
    }

    /// A lazily produced stream: `header` then zero bytes up to `total`.
    struct Lazy {
        header: Vec<u8>,
        pos: u64,
        total: u64,
        largest_read: usize,
    }

    impl Read for Lazy {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let left = self.total - self.pos;
            let n = buf.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            buf[..n].fill(0);
            let start = usize::try_from(self.pos).unwrap_or(usize::MAX);
            if start < self.header.len() {
                let m = (self.header.len() - start).min(n);
                buf[..m].copy_from_slice(&self.header[start..start + m]);
            }
            self.pos += n as u64;
            self.largest_read = self.largest_read.max(n);
            Ok(n)
        }
    }

    #[test]
    fn huge_declared_der_is_too_large_and_streamed() {
        let total = 200u64 << 20;
        let content = total - 6;
        let mut header = vec![0x30, 0x84];
        header.extend_from_slice(&(content as u32).to_be_bytes());
        let mut lazy = Lazy {
            header,
            pos: 0,
            total,
            largest_read: 0,
        };
        let started = Instant::now();
        let items: Vec<_> = frame("big.der", &mut lazy, Limits::default()).collect();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "took {:?}",
            started.elapsed()
        );
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "big.der");
        assert_eq!(kind(&items[0]), Some(InputErrorKind::TooLarge));
        // The stream was drained in buffer-sized reads, never gathered whole.
        assert_eq!(lazy.pos, total);
        assert!(lazy.largest_read <= READ_CHUNK);
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
    fn pem_after_100k_of_text() {
        let der = fake_cert(700, 30);
        let mut text = "lorem ipsum dolor sit amet\n".repeat(100 * 1024 / 27);
        text.push_str(&pem("CERTIFICATE", &der));
        text.push_str("trailer\n");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].name, "t");
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

    #[test]
    fn absurd_labels_are_cut() {
        let label = "X".repeat(5000);
        let text = format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n");
        let items = frame_all(text.as_bytes());
        assert_eq!(items.len(), 1);
        assert_eq!(kind(&items[0]), Some(InputErrorKind::NotCertificateLabel));
        assert_eq!(
            items[0].pem_label.as_ref().unwrap().len(),
            MAX_LABEL_CHARS + 3
        );
    }

    #[test]
    fn utf8_bom_before_pem() {
        let der = fake_cert(300, 31);
        let text = format!("\u{feff}{}", pem("CERTIFICATE", &der));
        let items = frame_all(text.as_bytes());
        assert_eq!(items[0].der.as_ref().unwrap(), &der);
    }

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

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> Self {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            let path = std::env::temp_dir().join(format!(
                "smimelint-input-{tag}-{}-{nanos}",
                std::process::id()
            ));
            fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"x").unwrap();
    }

    fn relative(root: &Path, results: Vec<Result<PathBuf, (PathBuf, io::Error)>>) -> Vec<String> {
        results
            .into_iter()
            .map(|r| match r {
                Ok(p) => p.strip_prefix(root).unwrap_or(&p).display().to_string(),
                Err((p, _)) => format!("ERR {}", p.strip_prefix(root).unwrap_or(&p).display()),
            })
            .collect()
    }

    #[test]
    fn expand_paths_walks_sorted_filtered_and_reports_errors() {
        let tmp = TempDir::new("walk");
        let root = tmp.0.join("certs");
        for name in [
            "b.pem",
            "a.CRT",
            "a/z.der",
            "a/y.bin",
            "a/.hidden.pem",
            ".hidden.pem",
            ".git/c.pem",
            "notes.md",
            "sub2/deep/c.cert",
            "sub2/deep/d.Base64",
        ] {
            touch(&root.join(name));
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
            std::os::unix::fs::symlink(root.join("b.pem"), root.join("link.pem")).unwrap();
        }

        let walked: Vec<_> = expand_paths(std::slice::from_ref(&root), false).collect();
        let mut expected = vec!["a.CRT", "a/z.der", "b.pem"];
        if cfg!(unix) {
            expected.push("link.pem");
        }
        expected.extend(["sub2/deep/c.cert", "sub2/deep/d.Base64"]);
        assert_eq!(relative(&root, walked), expected);

        let walked: Vec<_> = expand_paths(std::slice::from_ref(&root), true).collect();
        let mut expected = vec!["a.CRT", "a/y.bin", "a/z.der", "b.pem"];
        if cfg!(unix) {
            expected.push("link.pem");
        }
        expected.extend(["notes.md", "sub2/deep/c.cert", "sub2/deep/d.Base64"]);
        assert_eq!(relative(&root, walked), expected);

        // Given files are always taken; a missing path is reported in place.
        let paths = [
            root.join("missing.pem"),
            root.join("a"),
            root.join("notes.md"),
        ];
        let walked: Vec<_> = expand_paths(&paths, false).collect();
        assert_eq!(
            relative(&root, walked),
            ["ERR missing.pem", "a/z.der", "notes.md"]
        );
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
