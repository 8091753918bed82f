//! smimelint: a linter for S/MIME certificates against the CA/Browser Forum S/MIME Baseline
//! Requirements (SBR) and RFC 5280.
//!
//! The library is the same code the `smimelint` command and the `smimelint serve` HTTP service
//! run: [`engine::Linter`] lints one buffer, a batch or a framed file, and every result is a
//! plain serde-serialisable [`engine::CertResult`], serialised exactly as the CLI's `jsonl`
//! output prints it. Linting never panics and never drops an input: whatever the bytes, each
//! input yields one record, and what could not be read is a `fatal` finding.
//!
//! # Lint one certificate or TBSCertificate
//!
//! [`Linter::lint_der`](engine::Linter::lint_der) takes DER: a signed `Certificate`, or the
//! unsigned `TBSCertificate` a CA is about to sign (told apart automatically; `form` in the
//! result says which). On a TBS the lints that need the outer signature are NA; a
//! precertificate's critical RFC 6962 poison extension is known, not an unknown critical one.
//!
//! ```
//! use smimelint::engine::Linter;
//! use smimelint::registry::Status;
//! # let der = smimelint::engine::frame_bytes("x", include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/certs/bad-eku-missing.pem")), Default::default()).next().unwrap().der.unwrap();
//! # let tbs = smimelint::cert::Cert::parse(&der).unwrap().tbs.unwrap().raw.to_vec();
//! let linter = Linter::default(); // build once, share between threads
//!
//! let result = linter.lint_der("order-4711".into(), &tbs);
//! assert_eq!(result.form, Some("tbs"));
//! if result.worst() >= Status::Error {
//!     for finding in result.issues() {
//!         eprintln!("{} {} [{}] {:?}", finding.status.as_str(), finding.lint,
//!                   finding.citation, finding.details);
//!     }
//! }
//! assert_eq!(result.issues().next().unwrap().lint, "e_smime_eku_missing");
//! // The CLI's jsonl record for this certificate:
//! let line = serde_json::to_string(&result).unwrap();
//! assert!(line.starts_with(r#"{"input":"order-4711","sha256":"#));
//! ```
//!
//! # Lint with options
//!
//! [`engine::Options`] sets the type (instead of detecting it from the policy OIDs), a map from
//! the CA's own policy OIDs to types, the evaluation time for effective dates (default: each
//! certificate's notBefore), which lints run, whether passes are reported, and the issuing CA
//! certificate for the chain-aware lints.
//!
//! ```
//! use smimelint::detect::PolicyMap;
//! use smimelint::engine::{self, Glob, LintFilter, Linter, Options};
//! use std::sync::Arc;
//! # let pem = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/certs/mailbox-strict-rsa2048.pem"));
//! # let der = engine::frame_bytes("x", pem, Default::default()).next().unwrap().der.unwrap();
//! # let issuer_pem = pem;
//! let linter = Linter::new(Options {
//!     override_type: Some("sponsored-strict".parse()?),
//!     policy_map: Some(Arc::new(PolicyMap::parse("1.3.6.1.4.1.99999.1.2 mailbox-strict")?)),
//!     at: engine::parse_at("2026-01-01"),
//!     filter: LintFilter {
//!         exclude: vec![Glob::new("n_*")], // no notices
//!         ..LintFilter::default()
//!     },
//!     issuer: Some(engine::issuer_from_bytes(issuer_pem)?), // PEM, base64 or DER
//!     include_passes: false,
//!     ..Options::default()
//! });
//! let result = linter.lint_der("cert".into(), &der);
//! assert_eq!(result.cert_type.unwrap().to_string(), "sponsored-strict");
//! # Ok::<(), String>(())
//! ```
//!
//! # Lint many certificates in parallel
//!
//! [`Linter::lint_batch`](engine::Linter::lint_batch) spreads the work over rayon's thread pool
//! and returns one result per buffer, in input order.
//!
//! ```
//! # use smimelint::engine::Linter;
//! # let der = smimelint::engine::frame_bytes("x", include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/certs/mailbox-strict-rsa2048.pem")), Default::default()).next().unwrap().der.unwrap();
//! let ders: Vec<Vec<u8>> = vec![der.clone(), b"junk".to_vec(), der];
//! let results = Linter::default().lint_batch(&ders);
//! let names: Vec<&str> = results.iter().map(|r| r.input.as_str()).collect();
//! assert_eq!(names, ["#1", "#2", "#3"]);
//! assert_eq!(results[1].findings[0].lint, "e_input_not_certificate");
//! ```
//!
//! # Lint PEM or base64 text
//!
//! [`Linter::lint_encoded`](engine::Linter::lint_encoded) frames a buffer as the CLI frames a
//! file (PEM blocks with any certificate label incl. `TBS CERTIFICATE` and `PRECERTIFICATE`,
//! one base64 certificate per line, or one DER blob) and lints every certificate in it.
//! For streams and files, [`runner::run`] does the same with bounded memory.
//!
//! ```
//! # use smimelint::engine::Linter;
//! let pem = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/certs/mailbox-strict-rsa2048.pem"));
//! let results = Linter::default().lint_encoded("upload", format!("{pem}{pem}").as_bytes());
//! assert_eq!(results.len(), 2);
//! assert_eq!(results[0].input, "upload#1");
//! assert_eq!(results[0].issues().count(), 0);
//! ```
//!
//! # Enumerate lints
//!
//! [`registry::all`] lists every lint; [`meta::LintInfo`] is its metadata as serialisable data
//! (what `smimelint lints --format json` and `GET /v1/lints` print), and [`meta::explain`] the
//! documentation `smimelint explain NAME` prints.
//!
//! ```
//! let info = smimelint::meta::all();
//! let eku = info.iter().find(|l| l.name == "e_smime_eku_missing").unwrap();
//! assert_eq!(eku.citation, "SBR 7.1.2.3(f)");
//! let lint = smimelint::registry::find("e_smime_eku_missing").unwrap();
//! assert!(smimelint::meta::explain(lint).contains("## What it checks"));
//! ```
//!
//! # Feature flags
//!
//! - `cli` (default): the `smimelint` binary's command line ([`cli`]).
//! - `server` (default): the HTTP service ([`service`]), on axum and tokio.
//!
//! With `default-features = false` the library needs neither clap nor an async runtime.
//!
//! # Stability
//!
//! Lint names, the record fields (`input`, `sha256`, `form`, `kind`, `type`, `type_source`,
//! `findings[].lint/status/citation/details`) and status words are public API.
// The library is a facade over the workspace's layers, under the module paths it has always
// had: `smimelint::engine::Linter` and the rest keep working.
#![deny(unsafe_code)]
pub use smimelint_cert as cert;
pub use smimelint_cert::verify;
pub use smimelint_revocation as revocation;
#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "ct")]
pub use smimelint_ct as ct;
pub use smimelint_der::{time, walk};
pub use smimelint_engine::linter as engine;
pub use smimelint_engine::{config, dates, detect, lint_context, meta, registry, xref};
pub use smimelint_input as input;
/// The rulebook: every lint, registered with the engine when this crate is linked.
pub use smimelint_lints as lints;
pub use smimelint_output as output;
pub use smimelint_output::summary;
pub use smimelint_runner as runner;
#[cfg(feature = "server")]
pub use smimelint_service as service;
