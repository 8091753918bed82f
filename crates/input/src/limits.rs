//! The size limits framing enforces.

/// Largest certificate accepted (DER bytes).
pub const DEFAULT_MAX_CERT_BYTES: usize = 1 << 20;

/// Largest CRL or OCSP response framed in memory (PEM); DER CRLs are streamed instead.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// Longest text line considered; longer lines are skipped without buffering.
pub const DEFAULT_MAX_LINE_BYTES: usize = 4 << 20;

/// Size limits applied while framing.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest certificate, in DER bytes.
    pub max_cert_bytes: usize,
    /// Longest text line kept in memory.
    pub max_line_bytes: usize,
    /// Largest CRL or OCSP response in a PEM block, in DER bytes.
    pub max_document_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_cert_bytes: DEFAULT_MAX_CERT_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}
