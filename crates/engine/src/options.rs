//! Everything that changes how certificates are linted, and the parsers for its values that
//! every entry point (library, CLI, configuration file, service) shares.

use crate::detect::{CertType, PolicyMap};
use crate::filter::LintFilter;
use crate::profile_constraints::ProfileConstraints;
use crate::registry::Status;
use crate::revocation_context::Scope;
use smimelint_cert::{Cert, Form};
use smimelint_der::time::{self, UnixTime};
use smimelint_input::Limits;
pub use smimelint_revocation::DocumentKind;
use std::sync::Arc;

/// How a configured lint's findings are reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusOverride {
    Off,
    Report(Status),
}

/// Everything that changes how certificates are linted.
#[derive(Clone, Debug)]
pub struct Options {
    /// Evaluation time for effective dates; None = each certificate's notBefore.
    pub at: Option<UnixTime>,
    /// Lint every certificate as this type instead of detecting it.
    pub override_type: Option<CertType>,
    /// The CA's own policy OIDs mapped to types, consulted when no SBR policy OID decides.
    pub policy_map: Option<Arc<PolicyMap>>,
    /// Guess the type from the subject when nothing else decides it.
    pub guess: bool,
    pub filter: LintFilter,
    /// Also report pass, NA and NE results.
    pub include_passes: bool,
    /// DER of the issuing CA's certificate, for the chain-aware lints (NA without it).
    pub issuer: Option<Arc<[u8]>>,
    /// Per-lint status changes from the configuration file (`off` drops the lint).
    pub overrides: Vec<(&'static str, StatusOverride)>,
    /// The CA's own profile constraints (`[profile]` in smimelint.toml).
    pub constraints: Option<Arc<ProfileConstraints>>,
    /// Lint every input as this kind of document instead of detecting it (`--kind`).
    pub document: Option<DocumentKind>,
    /// Whether CRLs and OCSP responses report on subscriber or CA certificates (`--scope`),
    /// instead of working it out.
    pub scope: Option<Scope>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            at: None,
            override_type: None,
            policy_map: None,
            guess: true,
            filter: LintFilter::default(),
            include_passes: false,
            issuer: None,
            overrides: Vec::new(),
            constraints: None,
            document: None,
            scope: None,
        }
    }
}

/// Reads an issuing CA certificate (PEM, base64 or DER; the first certificate found) for
/// [`Options::issuer`]. A TBSCertificate or anything that is not a certificate is refused.
///
/// ```
/// assert!(smimelint_engine::linter::issuer_from_bytes(b"not a certificate").is_err());
/// ```
pub fn issuer_from_bytes(data: &[u8]) -> Result<Arc<[u8]>, String> {
    let item = smimelint_input::frame("issuer", data, Limits::default())
        .next()
        .ok_or("no certificate found")?;
    let der = item.der.map_err(|e| e.message)?;
    match Cert::parse(&der) {
        Ok(c) if c.form == Form::Certificate => Ok(Arc::from(der)),
        Ok(_) => Err("a TBSCertificate, not a certificate".into()),
        Err(e) => Err(format!("not a certificate: {}", e.0)),
    }
}

/// Parses an evaluation time: `now`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`.
pub fn parse_at(s: &str) -> Option<UnixTime> {
    match s {
        "now" => Some(time::now()),
        _ => time::parse_iso(s),
    }
}
