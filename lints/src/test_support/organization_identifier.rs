//! Test certificates of the organization identifier rules, shared by several lints.

use smimelint_factory::CertBuilder;

pub(crate) fn ov(org_id: &'static str, country: Option<&'static str>) -> Vec<u8> {
    let mut attrs = vec![];
    if let Some(c) = country {
        attrs.push(("C", c));
    }
    attrs.push(("O", "Example Ltd"));
    attrs.push(("organizationIdentifier", org_id));
    CertBuilder::subscriber("organization-strict")
        .subject(&attrs)
        .build()
}
