//! smimelint's rule engine: the lint registry and its metadata ([`registry`], [`meta`],
//! [`xref`]), certificate kind and type detection ([`detect`]), the SBR's effective dates
//! ([`dates`]), configuration files ([`config`]) and the [`linter::Linter`] that runs every
//! registered lint over one certificate. The lints themselves live in the `smimelint-lints`
//! crate and register with [`registry::LINTS`].

pub mod config;
pub mod dates;
pub mod detect;
pub mod lint_context;
pub mod linter;
pub mod meta;
pub mod registry;
#[cfg(feature = "testing")]
pub mod testing;
pub mod xref;
