//! Test certificates of the algorithms rules, shared by several lints.

use smimelint_engine::detect::CertType;
use smimelint_factory::{CertBuilder, KeyAlg};

pub(crate) const PQC_SIG: &str = "e_smime_pqc_signature_before_effective_date";

pub(crate) fn with_key(alg: KeyAlg) -> CertBuilder {
    let t: CertType = "mailbox-strict".parse().expect("type");
    CertBuilder::subscriber_with_key(t, alg)
}

pub(crate) use smimelint_engine::testing::finding_details as details;
