//! The rulebook: one folder per topic, one file per lint. Each lint is declared with
//! [`smimelint_engine::lint!`] and registered automatically; its `mod` line in the topic's
//! `mod.rs` is all it takes.

mod prelude;
mod support;
#[cfg(test)]
mod test_support;

pub mod aia;
pub mod algorithms;
pub mod basic_constraints;
pub mod chain;
pub mod crl;
pub mod crldp;
pub mod ct;
pub mod eku;
pub mod encoding;
pub mod extensions;
pub mod key_identifiers;
pub mod key_usage;
pub mod keys;
pub mod name_constraints;
pub mod ocsp;
pub mod organization_identifier;
pub mod policies;
pub mod profile;
pub mod qc_statements;
pub mod san;
pub mod serial;
pub mod structure;
pub mod subject;
pub mod validity;
