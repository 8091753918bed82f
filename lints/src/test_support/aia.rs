//! Test certificates of the aia rules, shared by several lints.

use smimelint_cert::oid;
use smimelint_factory::ext::aia;
use smimelint_factory::CertBuilder;

pub(crate) const OCSP_URL: &str = "http://ocsp.example.com";
pub(crate) const CA_URL: &str = "http://ca.example.com/smime.crt";

pub(crate) fn with_aia(b: CertBuilder, entries: &[(&str, &str)]) -> CertBuilder {
    b.ext(&oid::AUTHORITY_INFO_ACCESS, false, aia(entries))
}
pub(crate) fn strict() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}
pub(crate) fn legacy() -> CertBuilder {
    CertBuilder::subscriber("mailbox-legacy")
}
