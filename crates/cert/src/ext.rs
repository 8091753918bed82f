//! Lenient views of extension values, decoded once per certificate on first use.

use super::general_name::{decode_general_name, decode_names_content, GeneralName};
use super::{Cert, Element, Extension};
use const_oid::ObjectIdentifier;
use smimelint_der::walk::{self, tag, Reader, Tlv};
use std::cell::OnceCell;

/// Cached decoding of one extension: None when absent, else its index and the decoded value.
pub(crate) type Slot<'a, T> = Option<(usize, Result<T, String>)>;

/// An extension as the lints see it.
pub enum Ext<'c, T> {
    Absent,
    /// Present but its value could not be decoded (the reason is reported by another lint).
    Invalid(&'c Extension<'c>, &'c str),
    Present(&'c Extension<'c>, &'c T),
}

impl<'c, T> Ext<'c, T> {
    pub fn is_present(&self) -> bool {
        !matches!(self, Ext::Absent)
    }
    pub fn extension(&self) -> Option<&'c Extension<'c>> {
        match self {
            Ext::Absent => None,
            Ext::Invalid(e, _) | Ext::Present(e, _) => Some(e),
        }
    }
    pub fn value(&self) -> Option<&'c T> {
        match self {
            Ext::Present(_, v) => Some(v),
            _ => None,
        }
    }
}

pub(crate) fn view<'c, 'a: 'c, T>(
    cell: &'c OnceCell<Slot<'a, T>>,
    cert: &'c Cert<'a>,
    oid: &ObjectIdentifier,
    decode: fn(&'a [u8], usize) -> Result<T, String>,
) -> Ext<'c, T> {
    let slot = cell.get_or_init(|| {
        cert.extensions.iter().position(|e| e.is(oid)).map(|i| {
            (
                i,
                decode(cert.extensions[i].value, cert.extensions[i].value_offset),
            )
        })
    });
    match slot {
        None => Ext::Absent,
        Some((i, Ok(v))) => Ext::Present(&cert.extensions[*i], v),
        Some((i, Err(e))) => Ext::Invalid(&cert.extensions[*i], e),
    }
}

pub use super::element::top_level;

/// One PolicyQualifierInfo.
#[derive(Clone, Debug)]
pub struct Qualifier<'a> {
    pub id: &'a [u8],
    pub value: Option<Tlv<'a>>,
}

/// One PolicyInformation.
#[derive(Clone, Debug)]
pub struct PolicyInfo<'a> {
    pub oid: &'a [u8],
    /// None when the policyQualifiers SEQUENCE is absent; Some(empty) when it is present but empty.
    pub qualifiers: Option<Vec<Qualifier<'a>>>,
}

pub type Policies<'a> = Vec<PolicyInfo<'a>>;

/// A decoded UserNotice: `SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText
/// DisplayText OPTIONAL }`.
#[derive(Clone, Copy, Debug)]
pub struct UserNotice<'a> {
    pub notice_ref: Option<Element<'a>>,
    pub explicit_text: Option<Element<'a>>,
}

impl<'a> Qualifier<'a> {
    /// The value read as a UserNotice; the error says what is wrong with it.
    pub fn user_notice(&self) -> Result<UserNotice<'a>, &'static str> {
        let Some(v) = self.value else {
            return Err("has no UserNotice value");
        };
        if v.tag != tag::SEQUENCE {
            return Err("is not a UserNotice SEQUENCE");
        }
        let mut r = v.children();
        let notice_ref = r.read_if(tag::SEQUENCE).map(Element::from);
        let explicit_text = if r.is_empty() {
            None
        } else {
            Some(r.read().map_err(|_| "has a truncated explicitText")?.into())
        };
        if !r.is_empty() {
            return Err("has elements after explicitText");
        }
        Ok(UserNotice {
            notice_ref,
            explicit_text,
        })
    }
}

/// `certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation`.
pub fn decode_policies(value: &[u8], base: usize) -> Result<Policies<'_>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "certificatePolicies")?;
    let mut out = Vec::new();
    for info in seq.children() {
        let info = info.map_err(|e| e.to_string())?;
        let mut r = info.children();
        let oid = r.expect(tag::OID, "policyIdentifier")?;
        let qualifiers = match r.read_if(tag::SEQUENCE) {
            None => None,
            Some(qs) => Some(
                qs.children()
                    .map(|q| {
                        let q = q.map_err(|e| e.to_string())?;
                        let mut r = q.children();
                        let id = r.expect(tag::OID, "policyQualifierId")?;
                        Ok(Qualifier {
                            id: id.content,
                            value: r.read().ok(),
                        })
                    })
                    .collect::<Result<Vec<_>, String>>()?,
            ),
        };
        out.push(PolicyInfo {
            oid: oid.content,
            qualifiers,
        });
    }
    Ok(out)
}

/// `SEQUENCE OF OBJECT IDENTIFIER` (extKeyUsage).
pub fn decode_oid_sequence(value: &[u8], base: usize) -> Result<Vec<&[u8]>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "SEQUENCE OF OBJECT IDENTIFIER")?;
    seq.children()
        .map(|t| {
            let t = t.map_err(|e| e.to_string())?;
            if t.tag == tag::OID {
                Ok(t.content)
            } else {
                Err(format!(
                    "expected OBJECT IDENTIFIER, found {}",
                    walk::tag_name(t.tag)
                ))
            }
        })
        .collect()
}

/// basicConstraints.
#[derive(Clone, Debug)]
pub struct BasicConstraints<'a> {
    pub ca: bool,
    /// cA encoded explicitly (DER forbids encoding the DEFAULT FALSE).
    pub ca_encoded: bool,
    pub path_len: Option<Tlv<'a>>,
}

pub fn decode_basic_constraints(value: &[u8], base: usize) -> Result<BasicConstraints<'_>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "BasicConstraints")?;
    let mut r = seq.children();
    let ca_tlv = r.read_if(tag::BOOLEAN);
    let path_len = r.read_if(tag::INTEGER);
    if !r.is_empty() {
        return Err("unexpected element in BasicConstraints".into());
    }
    Ok(BasicConstraints {
        ca: ca_tlv.is_some_and(|t| t.content.first().is_some_and(|&b| b != 0)),
        ca_encoded: ca_tlv.is_some(),
        path_len,
    })
}

/// keyUsage: the named bits as a mask (bit `n` of [`KeyUsage::bits`] is named bit `n`,
/// 0 = digitalSignature … 8 = decipherOnly).
#[derive(Clone, Debug)]
pub struct KeyUsage {
    /// Bits 0–31 of the BIT STRING.
    pub bits: u32,
    /// A bit beyond position 31 is set.
    pub high_bits: bool,
    /// The encoding keeps trailing zero bits (X.690 11.2.2 forbids that for named bit lists).
    pub trailing_zeros: bool,
}

/// Names of the keyUsage bits, by position.
pub const KEY_USAGE_NAMES: [&str; 9] = [
    "digitalSignature",
    "nonRepudiation",
    "keyEncipherment",
    "dataEncipherment",
    "keyAgreement",
    "keyCertSign",
    "cRLSign",
    "encipherOnly",
    "decipherOnly",
];

impl KeyUsage {
    /// Comma-separated names of the bits in `mask` (bit `n` without a name shows as `bit n`).
    pub fn names(mask: u32) -> String {
        (0..32)
            .filter(|n| mask & (1 << n) != 0)
            .map(|n| match KEY_USAGE_NAMES.get(n) {
                Some(name) => (*name).to_string(),
                None => format!("bit {n}"),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Whether a named bit list's BIT STRING content (unused-bits octet first) has its trailing
/// zero bits removed: the last bit is 1, or the value is the empty `00`.
pub fn named_bits_minimal(content: &[u8]) -> bool {
    match content {
        [] | [_] => true,
        // An unused-bits count over 7 is reported by the walker.
        [unused, ..] if *unused > 7 => true,
        [unused, .., last] => last & (1u8 << unused) != 0,
    }
}

pub fn decode_key_usage(value: &[u8], base: usize) -> Result<KeyUsage, String> {
    let bs = top_level(value, base, tag::BIT_STRING, "KeyUsage")?;
    let Some((_, bytes)) = bs.content.split_first() else {
        return Err("KeyUsage: BIT STRING has no unused-bits octet".into());
    };
    let mut bits = 0u32;
    for (i, &b) in bytes.iter().take(4).enumerate() {
        bits |= u32::from(b.reverse_bits()) << (8 * i);
    }
    Ok(KeyUsage {
        bits,
        high_bits: bytes.iter().skip(4).any(|&b| b != 0),
        trailing_zeros: !named_bits_minimal(bs.content),
    })
}

/// One DistributionPoint of cRLDistributionPoints.
#[derive(Clone, Debug)]
pub struct DistributionPoint<'a> {
    /// `distributionPoint [0]` holding `fullName [0]`.
    pub full_name: Option<Vec<GeneralName<'a>>>,
    /// `distributionPoint [0]` holding `nameRelativeToCRLIssuer [1]`.
    pub relative_name: Option<Tlv<'a>>,
    /// `reasons [1]` (ReasonFlags BIT STRING, implicitly tagged).
    pub reasons: Option<Tlv<'a>>,
    /// `cRLIssuer [2]`.
    pub crl_issuer: Option<Vec<GeneralName<'a>>>,
}

/// `CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint`.
pub fn decode_crl_distribution_points(
    value: &[u8],
    base: usize,
) -> Result<Vec<DistributionPoint<'_>>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "CRLDistributionPoints")?;
    let mut out = Vec::new();
    for dp in seq.children() {
        let dp = dp.map_err(|e| e.to_string())?;
        if dp.tag != tag::SEQUENCE {
            return Err(format!(
                "DistributionPoint: expected SEQUENCE, found {}",
                walk::tag_name(dp.tag)
            ));
        }
        let mut r = dp.children();
        let mut point = DistributionPoint {
            full_name: None,
            relative_name: None,
            reasons: None,
            crl_issuer: None,
        };
        if let Some(name) = r.read_if(0xa0) {
            let inner = name
                .children()
                .read()
                .map_err(|e| format!("DistributionPointName: {e}"))?;
            match inner.tag {
                0xa0 => point.full_name = Some(decode_names_content(&inner)?),
                0xa1 => point.relative_name = Some(inner),
                t => {
                    return Err(format!(
                        "DistributionPointName: unexpected {}",
                        walk::tag_name(t)
                    ))
                }
            }
        }
        point.reasons = r.read_if(0x81);
        if let Some(issuer) = r.read_if(0xa2) {
            point.crl_issuer = Some(decode_names_content(&issuer)?);
        }
        if !r.is_empty() {
            return Err("unexpected element in DistributionPoint".into());
        }
        out.push(point);
    }
    Ok(out)
}

/// One AccessDescription of authorityInformationAccess.
#[derive(Clone, Debug)]
pub struct AccessDescription<'a> {
    /// Content bytes of the accessMethod OID.
    pub method: &'a [u8],
    pub location: GeneralName<'a>,
}

/// `AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription`.
pub fn decode_access_descriptions(
    value: &[u8],
    base: usize,
) -> Result<Vec<AccessDescription<'_>>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "AuthorityInfoAccessSyntax")?;
    seq.children()
        .map(|ad| {
            let ad = ad.map_err(|e| e.to_string())?;
            let mut r = ad.children();
            let method = r.expect(tag::OID, "accessMethod")?.content;
            let location = r
                .read()
                .map_err(|e| format!("accessLocation: {e}"))
                .map(decode_general_name)?;
            Ok(AccessDescription { method, location })
        })
        .collect()
}

/// authorityKeyIdentifier.
#[derive(Clone, Debug)]
pub struct AuthorityKeyId<'a> {
    /// `keyIdentifier [0]` content.
    pub key_id: Option<&'a [u8]>,
    /// `authorityCertIssuer [1]`.
    pub issuer: Option<Tlv<'a>>,
    /// `authorityCertSerialNumber [2]`.
    pub serial: Option<Tlv<'a>>,
}

pub fn decode_authority_key_id(value: &[u8], base: usize) -> Result<AuthorityKeyId<'_>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "AuthorityKeyIdentifier")?;
    let mut r = seq.children();
    let aki = AuthorityKeyId {
        key_id: r.read_if(0x80).map(|t| t.content),
        issuer: r.read_if(0xa1),
        serial: r.read_if(0x82),
    };
    if !r.is_empty() {
        return Err("unexpected element in AuthorityKeyIdentifier".into());
    }
    Ok(aki)
}

/// subjectKeyIdentifier: the KeyIdentifier OCTET STRING content.
pub fn decode_subject_key_id(value: &[u8], base: usize) -> Result<&[u8], String> {
    top_level(value, base, tag::OCTET_STRING, "SubjectKeyIdentifier").map(|t| t.content)
}

/// One GeneralSubtree.
#[derive(Clone, Debug)]
pub struct Subtree<'a> {
    pub base: GeneralName<'a>,
    /// `minimum [0] BaseDistance DEFAULT 0`, content octets when encoded.
    pub minimum: Option<&'a [u8]>,
    /// `maximum [1] BaseDistance OPTIONAL`.
    pub maximum: Option<&'a [u8]>,
}

/// `NameConstraints ::= SEQUENCE { permittedSubtrees [0] OPTIONAL, excludedSubtrees [1]
/// OPTIONAL }`, both IMPLICIT `SEQUENCE OF GeneralSubtree`.
#[derive(Clone, Debug)]
pub struct NameConstraints<'a> {
    pub permitted: Option<Vec<Subtree<'a>>>,
    pub excluded: Option<Vec<Subtree<'a>>>,
}

impl<'a> NameConstraints<'a> {
    pub fn subtrees(&self) -> impl Iterator<Item = &Subtree<'a>> {
        self.permitted.iter().chain(&self.excluded).flatten()
    }
}

fn decode_subtrees(t: Tlv<'_>) -> Result<Vec<Subtree<'_>>, String> {
    t.children()
        .map(|subtree| {
            let subtree = subtree.map_err(|e| e.to_string())?;
            let mut r = subtree.children();
            let base = r.read().map_err(|e| format!("GeneralSubtree.base: {e}"))?;
            Ok(Subtree {
                base: decode_general_name(base),
                minimum: r.read_if(0x80).map(|m| m.content),
                maximum: r.read_if(0x81).map(|m| m.content),
            })
        })
        .collect()
}

pub fn decode_name_constraints(value: &[u8], base: usize) -> Result<NameConstraints<'_>, String> {
    let seq = top_level(value, base, tag::SEQUENCE, "NameConstraints")?;
    let mut r = seq.children();
    Ok(NameConstraints {
        permitted: r.read_if(0xa0).map(decode_subtrees).transpose()?,
        excluded: r.read_if(0xa1).map(decode_subtrees).transpose()?,
    })
}

/// The Adobe time-stamp extension value
/// `SEQUENCE { version INTEGER, location GeneralName, requiresAuth BOOLEAN DEFAULT FALSE }`:
/// its location, or what is wrong with the structure.
pub fn decode_adobe_timestamp(value: &[u8], base: usize) -> Result<GeneralName<'_>, &'static str> {
    let mut outer = Reader::new_at(value, base);
    let Some(seq) = outer.read_if(tag::SEQUENCE).filter(|_| outer.is_empty()) else {
        return Err("the value is not a single SEQUENCE");
    };
    let mut r = seq.children();
    if r.read_if(tag::INTEGER).is_none() {
        return Err("version INTEGER missing");
    }
    let location = match r.read() {
        Ok(t) => decode_general_name(t),
        Err(_) => return Err("location GeneralName missing"),
    };
    r.read_if(tag::BOOLEAN);
    if !r.is_empty() {
        return Err("unexpected element after location / requiresAuth");
    }
    Ok(location)
}
