//! Test certificates of the ca subject rules, shared by several lints.

use smimelint_factory::{name, CertBuilder, KeyAlg};

pub(crate) fn sub_ca(subject: &[(&str, &str)]) -> Vec<u8> {
    CertBuilder::sub_ca(KeyAlg::Rsa2048)
        .subject_raw(name(subject))
        .build()
}
