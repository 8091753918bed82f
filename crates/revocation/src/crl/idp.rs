//! issuingDistributionPoint (RFC 5280 §5.2.5).

use smimelint_cert::general_name::decode_names_content;
use smimelint_cert::GeneralName;
use smimelint_der::walk::{self, tag, Reader, Tlv};

/// The decoded extension; booleans absent from the encoding are FALSE (their DEFAULT).
#[derive(Clone, Debug, Default)]
pub struct IssuingDistributionPoint<'a> {
    /// `distributionPoint [0]` with `fullName [0]`.
    pub full_name: Option<Vec<GeneralName<'a>>>,
    /// `distributionPoint [0]` with `nameRelativeToCRLIssuer [1]`.
    pub relative_name: Option<Tlv<'a>>,
    pub only_user_certs: bool,
    pub only_ca_certs: bool,
    /// `onlySomeReasons [3]` ReasonFlags.
    pub only_some_reasons: Option<Tlv<'a>>,
    pub indirect_crl: bool,
    pub only_attribute_certs: bool,
    /// The SEQUENCE has no element at all.
    pub empty: bool,
    /// The BOOLEAN fields written out with FALSE, their DEFAULT (X.690 11.5 forbids it).
    pub false_encoded: Vec<&'static str>,
}

impl IssuingDistributionPoint<'_> {
    /// How many of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts
    /// are TRUE.
    pub fn only_contains_count(&self) -> usize {
        [
            self.only_user_certs,
            self.only_ca_certs,
            self.only_attribute_certs,
        ]
        .iter()
        .filter(|&&b| b)
        .count()
    }
}

pub fn decode_idp(value: &[u8], base: usize) -> Result<IssuingDistributionPoint<'_>, String> {
    let seq = Reader::new_at(value, base)
        .read()
        .map_err(|e| e.to_string())?;
    if seq.tag != tag::SEQUENCE {
        return Err(format!(
            "IssuingDistributionPoint: expected SEQUENCE, found {}",
            walk::tag_name(seq.tag)
        ));
    }
    let mut idp = IssuingDistributionPoint {
        empty: seq.content.is_empty(),
        ..Default::default()
    };
    let mut r = seq.children();
    if let Some(dp) = r.read_if(0xa0) {
        let inner = dp
            .children()
            .read()
            .map_err(|e| format!("distributionPoint: {e}"))?;
        match inner.tag {
            0xa0 => idp.full_name = Some(decode_names_content(&inner)?),
            0xa1 => idp.relative_name = Some(inner),
            t => {
                return Err(format!(
                    "distributionPoint: unexpected {}",
                    walk::tag_name(t)
                ))
            }
        }
    }
    let mut false_encoded = Vec::new();
    let mut flag = |r: &mut Reader<'_>, t: u8, name: &'static str| {
        let value = r
            .read_if(t)
            .map(|b| b.content.first().is_some_and(|&v| v != 0));
        if value == Some(false) {
            false_encoded.push(name);
        }
        value.unwrap_or(false)
    };
    idp.only_user_certs = flag(&mut r, 0x81, "onlyContainsUserCerts");
    idp.only_ca_certs = flag(&mut r, 0x82, "onlyContainsCACerts");
    idp.only_some_reasons = r.read_if(0x83);
    idp.indirect_crl = flag(&mut r, 0x84, "indirectCRL");
    idp.only_attribute_certs = flag(&mut r, 0x85, "onlyContainsAttributeCerts");
    idp.false_encoded = false_encoded;
    if !r.is_empty() {
        return Err("unexpected element in IssuingDistributionPoint".into());
    }
    Ok(idp)
}
