//! smimelint's rule engine: the lint registry and its metadata ([`registry`], [`meta`],
//! [`xref`]), certificate kind and type detection ([`detect`]), the SBR's effective dates
//! ([`dates`]), configuration files ([`config`]) and the [`linter::Linter`] that runs every
//! registered lint over one certificate, with its [`options`], lint selection ([`glob`],
//! [`filter`]) and [`result`] records. The lints themselves live in the `smimelint-lints`
//! crate and register with [`registry::LINTS`]; the engine registers only the findings it
//! reports itself ([`engine_findings`]).

pub mod config;
pub mod dates;
pub mod detect;
pub mod engine_findings;
pub mod filter;
pub mod glob;
pub mod lint_context;
pub mod linter;
pub mod meta;
pub mod options;
pub mod profile_constraints;
pub mod registry;
pub mod result;
pub mod revocation_context;
mod revocation_linter;
#[cfg(feature = "testing")]
pub mod testing;
pub mod xref;
