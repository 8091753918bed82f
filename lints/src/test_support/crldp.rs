//! Test certificates of the crldp rules, shared by several lints.

use smimelint_cert::oid;
use smimelint_factory::{ext, CertBuilder};

pub(crate) fn strict() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}

pub(crate) fn crldp(b: CertBuilder, uris: &[&str]) -> CertBuilder {
    b.ext(
        &oid::CRL_DISTRIBUTION_POINTS,
        false,
        ext::crl_distribution_points(uris),
    )
}
