//! Test certificates of the subject rules, shared by several lints.

use smimelint_factory::{name, CertBuilder};

pub(crate) fn ov_m() -> CertBuilder {
    CertBuilder::subscriber("organization-multipurpose")
}

pub(crate) fn ov_subject(extra: &[(&'static str, &'static str)]) -> Vec<u8> {
    let mut attrs = vec![
        ("O", "Example Ltd"),
        ("organizationIdentifier", "NTRGB-12345678"),
    ];
    attrs.extend_from_slice(extra);
    name(&attrs)
}
