//! Test certificates of the key usage rules, shared by several lints.

use smimelint_cert::oid;
use smimelint_engine::detect::CertType;
use smimelint_factory::{ext, CertBuilder, KeyAlg};

pub(crate) fn with_key(t: &str, alg: KeyAlg) -> CertBuilder {
    let t: CertType = t.parse().expect("type");
    CertBuilder::subscriber_with_key(t, alg)
}
pub(crate) fn ku(b: CertBuilder, bits: &[u32]) -> CertBuilder {
    b.ext(&oid::KEY_USAGE, true, ext::key_usage(bits))
}
