//! smimelint: a linter for S/MIME certificates against the CA/Browser Forum S/MIME Baseline
//! Requirements (SBR) and RFC 5280.
//!
//! ```
//! use smimelint::engine::Linter;
//! let linter = Linter::default();
//! let result = linter.lint_der("garbage".into(), b"not a certificate");
//! assert_eq!(result.findings[0].lint, "e_input_not_certificate");
//! ```
// Hostile input is parsed here: no `unsafe` in the library or its lints. The one exception is
// linkme's `#[link_section]` registration of lint statics (src/registry.rs), allowed there.
#![deny(unsafe_code)]
pub mod cert;
#[cfg(feature = "cli")]
pub mod cli;
pub mod dates;
pub mod detect;
pub mod engine;
pub mod input;
pub mod lint_context;
pub mod meta;
pub mod output;
pub mod registry;
pub mod runner;
pub mod time;
pub mod walk;

#[cfg(feature = "factory")]
pub mod factory;

/// The rulebook: every lint, one file per rule family.
#[path = "../lints/mod.rs"]
pub mod lints;
