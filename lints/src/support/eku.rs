//! Helpers of the eku rules that other topics use too.

use crate::prelude::*;
use const_oid::ObjectIdentifier;

/// KeyPurposeIds that SBR 7.1.2.3(f) forbids in every generation.
pub(crate) static PROHIBITED: [&ObjectIdentifier; 4] = [
    &oid::KP_SERVER_AUTH,
    &oid::KP_CODE_SIGNING,
    &oid::KP_TIME_STAMPING,
    &oid::ANY_EKU,
];

pub(crate) fn is_prohibited(kp: &[u8]) -> bool {
    PROHIBITED.iter().any(|o| o.as_bytes() == kp)
}

/// `name (dotted)` for known purposes, else the dotted OID.
pub(crate) fn describe(kp: &[u8]) -> String {
    match oid::purpose_name(kp) {
        Some(name) => format!("{name} ({})", oid::dotted(kp)),
        None => oid::dotted(kp),
    }
}

/// Describes the purposes selected by `pick`, comma-separated.
pub(crate) fn describe_all<'a>(purposes: &[&'a [u8]], pick: impl Fn(&'a [u8]) -> bool) -> String {
    purposes
        .iter()
        .copied()
        .filter(|kp| pick(kp))
        .map(describe)
        .collect::<Vec<_>>()
        .join(", ")
}
