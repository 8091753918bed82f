//! Lenient views of extension values, decoded once per certificate on first use.

use super::{Cert, Extension};
use crate::walk::{self, tag, Reader, Tlv};
use const_oid::ObjectIdentifier;
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

/// Reads the single top-level element of an extension value, requiring identifier `tag`.
pub fn top_level<'a>(value: &'a [u8], base: usize, tag: u8, what: &str) -> Result<Tlv<'a>, String> {
    let mut r = Reader::new_at(value, base);
    r.expect(tag, what)
}

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
