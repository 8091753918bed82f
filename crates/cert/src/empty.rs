//! Empty `SIZE (1..MAX)` collections inside extension values.

use super::{oid, Extension};
use smimelint_der::walk::{tag, Reader};

/// Extensions whose whole value is a `SEQUENCE SIZE (1..MAX) OF …`, with the ASN.1 type name.
fn sized_extension_type(e: &Extension<'_>) -> Option<&'static str> {
    let table: [(&const_oid::ObjectIdentifier, &str); 10] = [
        (&oid::SUBJECT_ALT_NAME, "GeneralNames"),
        (&oid::ISSUER_ALT_NAME, "GeneralNames"),
        (&oid::EXT_KEY_USAGE, "ExtKeyUsageSyntax"),
        (&oid::CERTIFICATE_POLICIES, "CertificatePolicies"),
        (&oid::CRL_DISTRIBUTION_POINTS, "CRLDistributionPoints"),
        (&oid::FRESHEST_CRL, "FreshestCRL"),
        (&oid::AUTHORITY_INFO_ACCESS, "AuthorityInfoAccessSyntax"),
        (&oid::SUBJECT_INFO_ACCESS, "SubjectInfoAccessSyntax"),
        (&oid::POLICY_MAPPINGS, "PolicyMappings"),
        (
            &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
            "SubjectDirectoryAttributes",
        ),
    ];
    table.iter().find(|(o, _)| e.is(o)).map(|(_, t)| *t)
}

impl Extension<'_> {
    /// Calls `report(what)` for every empty SIZE (1..MAX) collection inside the value.
    /// Values that do not have the expected shape are left to e_asn1_field_invalid.
    pub fn empty_collections(&self, report: &mut dyn FnMut(String)) {
        let e = self;
        let Ok(top) = Reader::new(e.value).read() else {
            return;
        };
        if top.tag != tag::SEQUENCE {
            return;
        }
        if let Some(type_name) = sized_extension_type(e) {
            if top.content.is_empty() {
                report(format!("{type_name} is an empty SEQUENCE"));
                return;
            }
        }
        let is_crldp = e.is(&oid::CRL_DISTRIBUTION_POINTS) || e.is(&oid::FRESHEST_CRL);
        if e.is(&oid::CERTIFICATE_POLICIES) {
            for (k, info) in top.children().enumerate() {
                let Ok(info) = info else { return };
                let mut r = info.children();
                let policy = r.read_if(tag::OID);
                if let Some(qs) = r.read_if(tag::SEQUENCE) {
                    if qs.content.is_empty() {
                        let id = policy.map_or_else(|| "?".into(), |p| oid::dotted(p.content));
                        report(format!(
                            "PolicyInformation[{k}] ({id}): policyQualifiers is an empty SEQUENCE"
                        ));
                    }
                }
            }
        } else if is_crldp {
            for (k, dp) in top.children().enumerate() {
                let Ok(dp) = dp else { return };
                for field in dp.children().flatten() {
                    match field.tag {
                        // distributionPoint [0] EXPLICIT-like wrapper around the DistributionPointName CHOICE.
                        0xa0 => {
                            for name in field.children().flatten() {
                                if name.content.is_empty() {
                                    match name.tag {
                                    0xa0 => report(format!(
                                        "DistributionPoint[{k}]: distributionPoint.fullName (GeneralNames) is empty"
                                    )),
                                    0xa1 => report(format!(
                                        "DistributionPoint[{k}]: distributionPoint.nameRelativeToCRLIssuer (RelativeDistinguishedName) is empty"
                                    )),
                                    _ => {}
                                }
                                }
                            }
                        }
                        0xa2 if field.content.is_empty() => report(format!(
                            "DistributionPoint[{k}]: cRLIssuer (GeneralNames) is empty"
                        )),
                        _ => {}
                    }
                }
            }
        } else if e.is(&oid::NAME_CONSTRAINTS) {
            for field in top.children().flatten() {
                if field.content.is_empty() {
                    match field.tag {
                        0xa0 => report("permittedSubtrees (GeneralSubtrees) is empty".into()),
                        0xa1 => report("excludedSubtrees (GeneralSubtrees) is empty".into()),
                        _ => {}
                    }
                }
            }
        } else if e.is(&oid::AUTHORITY_KEY_IDENTIFIER) {
            for field in top.children().flatten() {
                if field.tag == 0xa1 && field.content.is_empty() {
                    report("authorityCertIssuer (GeneralNames) is empty".into());
                }
            }
        }
    }
}
