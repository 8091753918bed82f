//! Test certificates of the rfc5280 rules, shared by several lints.

use smimelint_factory::CertBuilder;

pub(crate) const ASN1: &str = "e_asn1_field_invalid";

pub(crate) const EMPTY: &str = "e_smime_rfc5280_empty_sequence";
/// The baseline's validity, written out (notBefore 2025-10-01, one year less a second).
pub(crate) const NOT_BEFORE: &str = "251001000000Z";

pub(crate) fn base() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}

pub(crate) fn good() -> Vec<u8> {
    base().build()
}

/// The details of `lint`'s finding on `der`; panics when it reports no finding.
pub(crate) use smimelint_engine::testing::finding_details as details;
