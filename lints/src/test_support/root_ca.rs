//! Test certificates of the root ca rules, shared by several lints.

use smimelint_factory::{CertBuilder, KeyAlg};

pub(crate) fn root() -> CertBuilder {
    CertBuilder::root_ca(KeyAlg::Rsa2048)
}
