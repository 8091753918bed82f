//! Test certificates of the subject values rules, shared by several lints.

use smimelint_factory::CertBuilder;

pub(crate) fn iv(t: &str) -> CertBuilder {
    CertBuilder::subscriber(t)
}
