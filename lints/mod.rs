//! The rulebook. Each file is one rule family; each lint is declared with [`crate::lint!`] and
//! registered automatically.

mod prelude;

pub mod der;
pub mod engine;

// Names: subjectAltName and subject (issue 4). Helpers without lints first.
mod countries;
mod mailbox;
mod name_rules;
pub mod natural_person;
pub mod organization_identifier;
pub mod san;
pub mod subject;
pub mod subject_values;
