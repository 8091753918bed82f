//! Test certificates of the lei rules, shared by several lints.

use smimelint_factory::ext_values::lei_with_check_digits;
use smimelint_factory::{der, CertBuilder};

pub(crate) fn lei() -> String {
    lei_with_check_digits("5493001KJTIIGC8Y1R")
}
pub(crate) fn with(t: &str, o: &const_oid::ObjectIdentifier, critical: bool) -> CertBuilder {
    CertBuilder::subscriber(t).ext(o, critical, der::printable(&lei()))
}
