//! The size limits framing enforces.

/// Largest certificate accepted (DER bytes).
pub const DEFAULT_MAX_CERT_BYTES: usize = 1 << 20;

/// Longest text line considered; longer lines are skipped without buffering.
pub const DEFAULT_MAX_LINE_BYTES: usize = 4 << 20;

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
