//! Certificate revocation lists: the CRL profile of RFC 5280 §5 and SBR 4.9.7 and 7.2.
//!
//! Whole-list lints read a [`CrlContext`]; entry lints read one [`RevokedEntry`] at a time as
//! the CRL streams past, and the engine reports the first failing entry and how many failed.

use crate::prelude::*;
