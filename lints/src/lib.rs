//! The rulebook. Each file is one rule family; each lint is declared with [`smimelint_engine::lint!`] and
//! registered automatically.

mod prelude;

pub mod aia;
pub mod asn1;
pub mod crldp;
pub mod ct;
pub mod der;
pub mod eku;
pub mod key_identifiers;
pub mod key_usage;
pub mod lei;
pub mod policies;
pub mod rfc5280;
pub mod subscriber_extensions;

// Names: subjectAltName and subject. Helpers without lints first.
mod countries;
mod mailbox;
pub mod name_constraints;
mod name_rules;
pub mod natural_person;
pub mod organization_identifier;
pub mod profile;
pub mod qc_statements;
pub mod san;
pub mod subject;
pub mod subject_values;

// CA certificates and chain-aware lints.
pub mod ca_subject;
pub mod chain;
pub mod root_ca;
pub mod subordinate_ca;
// Keys, algorithms, validity and serial numbers.
pub mod algorithms;
pub mod keys;
pub mod serial;
pub mod validity;
