//! What framing yields: items, their encodings, errors and notes.

use std::fmt;

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
    pub(crate) fn new(kind: InputErrorKind, message: impl Into<String>) -> Self {
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
    /// A document too large to frame in memory (a CRL of millions of entries), to be linted
    /// as it is read; `der` is then empty.
    pub stream: Option<StreamSource>,
}

/// The rest of an input, read by whoever lints it.
pub struct StreamSource(pub Box<dyn std::io::Read + Send>);

impl fmt::Debug for StreamSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StreamSource")
    }
}

/// A finding about an input item that its framing, not a lint, detected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputNote {
    /// The registered lint it is reported under.
    pub lint: &'static str,
    pub details: String,
}

/// An item before it gets its display name.
pub(crate) struct Unnamed {
    pub(crate) encoding: Option<Encoding>,
    pub(crate) pem_label: Option<String>,
    pub(crate) der: Result<Vec<u8>, InputError>,
}

impl Unnamed {
    pub(crate) fn stream_error(kind: InputErrorKind, message: impl Into<String>) -> Self {
        Unnamed {
            encoding: None,
            pem_label: None,
            der: Err(InputError::new(kind, message)),
        }
    }

    pub(crate) fn pem(label: &str, der: Result<Vec<u8>, InputError>) -> Self {
        Unnamed {
            encoding: Some(Encoding::Pem),
            pem_label: Some(label.to_owned()),
            der,
        }
    }

    pub(crate) fn with_encoding(encoding: Encoding, der: Result<Vec<u8>, InputError>) -> Self {
        Unnamed {
            encoding: Some(encoding),
            pem_label: None,
            der,
        }
    }
}
