//! Test certificates of the eku rules, shared by several lints.

use const_oid::ObjectIdentifier;
use smimelint_factory::CertBuilder;

pub(crate) fn cert(cert_type: &str, purposes: &[&ObjectIdentifier]) -> Vec<u8> {
    CertBuilder::subscriber(cert_type).eku(purposes).build()
}

pub(crate) fn clean(cert_type: &str) -> Vec<u8> {
    CertBuilder::subscriber(cert_type).build()
}

pub(crate) use smimelint_engine::testing::details_of as details;

pub(crate) const PRIVATE_EKU: &str = "1.3.6.1.4.1.99999.3.1";
