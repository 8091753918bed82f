//! Test certificates of the qc statements rules, shared by several lints.

use smimelint_factory::der;

pub(crate) fn statement(id: &str, info: Option<Vec<u8>>) -> Vec<u8> {
    der::seq(&[vec![der::oid(id)], info.into_iter().collect()].concat())
}
pub(crate) fn pds(language: Vec<u8>) -> Vec<u8> {
    statement(
        "0.4.0.1862.1.5",
        Some(der::seq(&[der::seq(&[
            der::ia5("https://example.com/pds"),
            language,
        ])])),
    )
}
pub(crate) fn qc(statements: &[Vec<u8>]) -> Vec<u8> {
    der::seq(statements)
}
