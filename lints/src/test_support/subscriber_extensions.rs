//! Test certificates of the subscriber extensions rules, shared by several lints.

use smimelint_factory::{der, ext_values, CertBuilder};

pub(crate) fn base() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}
/// subjectDirectoryAttributes with countryOfCitizenship GB.
pub(crate) fn sda() -> Vec<u8> {
    der::seq(&[der::seq(&[
        der::oid("1.3.6.1.5.5.7.9.4"),
        der::set(&[der::printable("GB")]),
    ])])
}

pub(crate) fn adobe_ts(location: Vec<u8>) -> Vec<u8> {
    ext_values::adobe_timestamp(location)
}
