//! The first layer of smimelint: a lenient, zero-copy DER walker that records every X.690
//! violation it meets instead of stopping ([`walk`]), and ASN.1 UTCTime/GeneralizedTime with
//! the calendar arithmetic the lints need ([`time`]).

pub mod time;
pub mod walk;
