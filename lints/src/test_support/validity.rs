//! Test certificates of the validity rules, shared by several lints.

use smimelint_factory::{CertBuilder, DEFAULT_NOT_BEFORE, LEGACY_NOT_BEFORE};

pub(crate) const DAY: i64 = 86_400;

pub(crate) fn cert(t: &str, seconds_after_not_before: i64) -> Vec<u8> {
    let nb = if t.ends_with("legacy") {
        LEGACY_NOT_BEFORE
    } else {
        DEFAULT_NOT_BEFORE
    };
    CertBuilder::subscriber(t)
        .validity(nb, nb + seconds_after_not_before)
        .build()
}

pub(crate) use smimelint_engine::testing::details_of as details;
