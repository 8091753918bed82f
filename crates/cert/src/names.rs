//! Every name a certificate carries outside issuer and subject: the GeneralNames of its
//! extensions, nameRelativeToCRLIssuer and the subjectDirectoryAttributes.

use super::{ext, general_name, oid, Attribute, Cert, Ext, Extension, GeneralName};
use smimelint_der::walk::{tag, Tlv};

/// A nameRelativeToCRLIssuer (`[1] IMPLICIT RelativeDistinguishedName`).
#[derive(Clone, Debug)]
pub struct RelativeName<'a> {
    pub attributes: Vec<Attribute<'a>>,
    /// The SET OF elements are in ascending order of their encodings.
    pub sorted: bool,
}

impl<'a> Cert<'a> {
    /// Calls `visit` with each nameRelativeToCRLIssuer (`[1] IMPLICIT RelativeDistinguishedName`)
    /// of cRLDistributionPoints and freshestCRL.
    pub fn for_each_relative_name(&self, visit: &mut dyn FnMut(&RelativeName<'a>)) {
        let mut points = |dps: &[ext::DistributionPoint<'a>]| {
            dps.iter()
                .filter_map(|dp| dp.relative_name)
                .for_each(|rdn| visit(&relative_name(rdn)))
        };
        for e in &self.extensions {
            if !(e.is(&oid::CRL_DISTRIBUTION_POINTS) || e.is(&oid::FRESHEST_CRL)) {
                continue;
            }
            match self.crl_distribution_points() {
                Ext::Present(x, dps) if x.index == e.index => points(dps),
                _ => {
                    let dps = ext::decode_crl_distribution_points(e.value, e.value_offset);
                    if let Ok(dps) = dps {
                        points(&dps);
                    }
                }
            }
        }
    }

    /// Calls `visit` with every GeneralName of the certificate's extensions and the extension's
    /// name: subjectAltName, issuerAltName, authorityKeyIdentifier's authorityCertIssuer,
    /// cRLDistributionPoints and freshestCRL (fullName and cRLIssuer),
    /// authority/subjectInfoAccess locations and the nameConstraints subtree bases. Extension
    /// values that cannot be decoded are skipped: the structure lints report them.
    pub fn for_each_general_name(&self, visit: &mut dyn FnMut(&'static str, &GeneralName<'a>)) {
        for e in &self.extensions {
            let Some(field) = oid::extension_name(e.oid) else {
                continue;
            };
            let (value, base) = (e.value, e.value_offset);
            let mut all = |gns: &[GeneralName<'a>]| gns.iter().for_each(|gn| visit(field, gn));
            // The certificate's cached views serve the usual extensions (decoded once for all
            // lints); a second occurrence or a rarer extension is decoded here.
            let this = |x: &Extension<'_>| x.index == e.index;
            if e.is(&oid::SUBJECT_ALT_NAME) || e.is(&oid::ISSUER_ALT_NAME) {
                match self.san() {
                    Ext::Present(x, gns) if this(x) => all(gns),
                    _ => {
                        if let Ok(gns) = general_name::decode_general_names(value, base) {
                            all(&gns);
                        }
                    }
                }
            } else if e.is(&oid::AUTHORITY_INFO_ACCESS) || e.is(&oid::SUBJECT_INFO_ACCESS) {
                let mut locations = |ads: &[ext::AccessDescription<'a>]| {
                    ads.iter()
                        .for_each(|ad| all(std::slice::from_ref(&ad.location)))
                };
                match self.aia() {
                    Ext::Present(x, ads) if this(x) => locations(ads),
                    _ => {
                        if let Ok(ads) = ext::decode_access_descriptions(value, base) {
                            locations(&ads);
                        }
                    }
                }
            } else if e.is(&oid::AUTHORITY_KEY_IDENTIFIER) {
                let issuer = ext::decode_authority_key_id(value, base)
                    .ok()
                    .and_then(|aki| aki.issuer);
                if let Some(Ok(gns)) = issuer.map(|t| general_name::decode_names_content(&t)) {
                    all(&gns);
                }
            } else if e.is(&oid::CRL_DISTRIBUTION_POINTS) || e.is(&oid::FRESHEST_CRL) {
                let mut points = |dps: &[ext::DistributionPoint<'a>]| {
                    for dp in dps {
                        all(dp.full_name.as_deref().unwrap_or_default());
                        all(dp.crl_issuer.as_deref().unwrap_or_default());
                    }
                };
                match self.crl_distribution_points() {
                    Ext::Present(x, dps) if this(x) => points(dps),
                    _ => {
                        if let Ok(dps) = ext::decode_crl_distribution_points(value, base) {
                            points(&dps);
                        }
                    }
                }
            } else if e.is(&oid::NAME_CONSTRAINTS) {
                let Ok(nc) = ext::top_level(value, base, tag::SEQUENCE, "NameConstraints") else {
                    continue;
                };
                // permittedSubtrees [0], excludedSubtrees [1]; GeneralSubtree ::= SEQUENCE { base, … }
                for subtree in nc
                    .children()
                    .flatten()
                    .flat_map(|subtrees| subtrees.children().flatten())
                {
                    if let Some(Ok(b)) = subtree.children().next() {
                        all(std::slice::from_ref(&general_name::decode_general_name(b)));
                    }
                }
            }
        }
    }

    /// Calls `visit` with each value of each Attribute of subjectDirectoryAttributes
    /// (`SEQUENCE OF Attribute`, `Attribute ::= SEQUENCE { type, values SET OF value }`), as an
    /// [`Attribute`] so that the Name rules apply to it.
    pub fn for_each_directory_attribute(&self, visit: &mut dyn FnMut(&Attribute<'a>)) {
        let Some(e) = self.extension(&oid::SUBJECT_DIRECTORY_ATTRIBUTES) else {
            return;
        };
        let Ok(seq) = ext::top_level(
            e.value,
            e.value_offset,
            tag::SEQUENCE,
            "SubjectDirectoryAttributes",
        ) else {
            return;
        };
        for (i, attr) in seq.children().flatten().enumerate() {
            let mut r = attr.children();
            let (Some(o), Some(values)) = (r.read_if(tag::OID), r.read_if(tag::SET)) else {
                continue;
            };
            for value in values.children().flatten() {
                visit(&Attribute {
                    oid: o.content,
                    value,
                    rdn: i,
                });
            }
        }
    }
}

/// The AttributeTypeAndValues of an implicitly tagged RelativeDistinguishedName.
fn relative_name(rdn: Tlv<'_>) -> RelativeName<'_> {
    let mut out = Vec::new();
    for atv in rdn.children().flatten() {
        let mut r = atv.children();
        if let (Some(o), Ok(value)) = (r.read_if(tag::OID), r.read()) {
            out.push(Attribute {
                oid: o.content,
                value,
                rdn: 0,
            });
        }
    }
    let mut sorted = true;
    let mut prev: Option<&[u8]> = None;
    for item in rdn.children().flatten() {
        sorted &= prev.is_none_or(|p| p <= item.raw);
        prev = Some(item.raw);
    }
    RelativeName {
        attributes: out,
        sorted,
    }
}
