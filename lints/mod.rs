//! The rulebook. Each file is one rule family; each lint is declared with [`crate::lint!`] and
//! registered automatically.

mod prelude;

pub mod aia;
pub mod crldp;
pub mod der;
pub mod eku;
pub mod engine;
pub mod policies;
pub mod rfc5280;
pub mod key_identifiers;
pub mod key_usage;
pub mod lei;
pub mod subscriber_extensions;
