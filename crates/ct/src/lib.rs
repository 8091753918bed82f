//! Certificate Transparency scans: RFC 6962 log entries from saved `get-entries` responses
//! ([`reader`]) or straight from a log ([`fetch`]), decoded ([`leaf`]) and filtered to S/MIME
//! certificates ([`filter`]) before the ordinary runner lints them.

pub mod fetch;
pub mod filter;
pub mod json;
pub mod leaf;
pub mod precert;
pub mod reader;

// Unit tests lint real certificates: the rulebook must be linked.
