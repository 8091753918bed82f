//! The rulebook. Each file is one rule family; each lint is declared with [`crate::lint!`] and
//! registered automatically.

mod prelude;

pub mod der;
pub mod engine;
pub mod rfc5280;
