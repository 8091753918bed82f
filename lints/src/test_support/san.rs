//! Test certificates of the san rules, shared by several lints.

use smimelint_factory::{gn, name, CertBuilder};

pub(crate) const UPN: &str = "1.3.6.1.4.1.311.20.2.3";

pub(crate) fn with_san(t: &str, names: &[Vec<u8>]) -> CertBuilder {
    CertBuilder::subscriber(t).san(names)
}

pub(crate) fn mv(names: &[Vec<u8>]) -> Vec<u8> {
    with_san("mailbox-strict", names).build()
}

pub(crate) fn alice() -> Vec<u8> {
    gn::rfc822("alice@example.com")
}

pub(crate) fn dir(attrs: &[(&str, &str)]) -> Vec<u8> {
    gn::directory_name(&name(attrs))
}
