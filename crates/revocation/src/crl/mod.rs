//! Certificate revocation lists (RFC 5280 §5): a streaming reader and the views lints read.

mod entry;
mod idp;
mod read;
mod stats;
mod view;

pub use entry::{decode_enumerated, ReasonCode, RevokedEntry};
pub use idp::IssuingDistributionPoint;
pub use read::{read_crl, CrlLimits, CrlParts, NotACrl};
pub use stats::{EntryStats, MAX_TRACKED};
pub use view::Crl;

/// What the input turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrlForm {
    /// A signed `CertificateList`.
    Crl,
    /// An unsigned `TBSCertList` (pre-issuance linting).
    Tbs,
}
