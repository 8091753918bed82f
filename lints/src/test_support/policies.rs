//! Test certificates of the policies rules, shared by several lints.

use smimelint_cert::oid;
use smimelint_cert::time::UnixTime;
use smimelint_factory::{der, ext, CertBuilder};

pub(crate) const MAILBOX_STRICT: &str = "2.23.140.1.5.1.3";
pub(crate) const CA_OID: &str = "1.3.6.1.4.1.99999.1.2";

pub(crate) const QUALIFIERS: &str = "n_smime_policy_qualifier_present";

pub(crate) fn base() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}

/// mailbox-strict with certificatePolicies made of these PolicyInformation TLVs.
pub(crate) fn with_infos(infos: &[Vec<u8>]) -> Vec<u8> {
    base()
        .ext(&oid::CERTIFICATE_POLICIES, false, der::seq(infos))
        .build()
}

/// mailbox-strict whose reserved policy carries these qualifiers.
pub(crate) fn with_qualifiers(qualifiers: &[Vec<u8>]) -> Vec<u8> {
    with_infos(&[ext::policy_info(MAILBOX_STRICT, qualifiers)])
}

pub(crate) fn notice(text: Vec<u8>) -> Vec<u8> {
    ext::user_notice(None, Some(text))
}

pub(crate) fn qualifier(id: &str, value: Vec<u8>) -> Vec<u8> {
    der::seq(&[der::oid(id), value])
}

pub(crate) use smimelint_engine::testing::details_of as details;

/// The details of `lint` on `cert` evaluated at `at` (`--at`) instead of its notBefore.
pub(crate) fn details_at(cert: &[u8], lint: &str, at: UnixTime) -> String {
    let opts = smimelint_engine::linter::Options {
        at: Some(at),
        include_passes: true,
        ..Default::default()
    };
    smimelint_engine::linter::Linter::new(opts)
        .lint_der("test".into(), cert)
        .findings
        .into_iter()
        .find(|f| f.lint == lint)
        .and_then(|f| f.details)
        .unwrap_or_default()
}
