//! Test certificates of the subordinate ca rules, shared by several lints.

use smimelint_factory::{CertBuilder, KeyAlg};

pub(crate) fn sub() -> CertBuilder {
    CertBuilder::sub_ca(KeyAlg::Rsa2048)
}

pub(crate) fn good() -> Vec<u8> {
    sub().build()
}
