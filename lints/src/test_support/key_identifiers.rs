//! Test certificates of the key identifiers rules, shared by several lints.

use smimelint_factory::CertBuilder;

pub(crate) fn base() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}
