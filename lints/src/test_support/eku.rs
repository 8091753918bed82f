//! Test certificates of the eku rules, shared by several lints.

use const_oid::ObjectIdentifier;
use smimelint_engine::testing::lint_all;
use smimelint_factory::CertBuilder;

pub(crate) fn cert(cert_type: &str, purposes: &[&ObjectIdentifier]) -> Vec<u8> {
    CertBuilder::subscriber(cert_type).eku(purposes).build()
}

pub(crate) fn clean(cert_type: &str) -> Vec<u8> {
    CertBuilder::subscriber(cert_type).build()
}

pub(crate) fn details(cert: &[u8], lint: &str) -> String {
    lint_all(cert)
        .findings
        .into_iter()
        .find(|f| f.lint == lint)
        .and_then(|f| f.details)
        .unwrap_or_default()
}

pub(crate) const PRIVATE_EKU: &str = "1.3.6.1.4.1.99999.3.1";
