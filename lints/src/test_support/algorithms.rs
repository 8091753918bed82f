//! Test certificates of the algorithms rules, shared by several lints.

use smimelint_engine::detect::CertType;
use smimelint_engine::testing::lint_all;
use smimelint_factory::{CertBuilder, KeyAlg};

pub(crate) const PQC_SIG: &str = "e_smime_pqc_signature_before_effective_date";

pub(crate) fn with_key(alg: KeyAlg) -> CertBuilder {
    let t: CertType = "mailbox-strict".parse().expect("type");
    CertBuilder::subscriber_with_key(t, alg)
}

#[track_caller]
pub(crate) fn details(der: &[u8], lint: &str) -> String {
    let r = lint_all(der);
    let f = r
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .expect("lint ran");
    assert!(f.status.is_finding(), "{lint}: {:?}", f.status);
    f.details.clone().unwrap_or_default()
}
