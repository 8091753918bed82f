//! CRL and CRL entry extension identifiers and values (RFC 5280 §5.2, §5.3).

use crate::der;
use const_oid::ObjectIdentifier;

pub const CRL_NUMBER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.20");
pub const REASON_CODE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.21");
pub const INVALIDITY_DATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.24");
pub const DELTA_CRL_INDICATOR: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.27");
pub const ISSUING_DISTRIBUTION_POINT: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.28");
pub const CERTIFICATE_ISSUER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.29");
pub const AUTHORITY_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");
pub const FRESHEST_CRL: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.46");

/// CRLReason values (RFC 5280 §5.3.1).
pub mod reason {
    pub const UNSPECIFIED: u8 = 0;
    pub const KEY_COMPROMISE: u8 = 1;
    pub const CA_COMPROMISE: u8 = 2;
    pub const AFFILIATION_CHANGED: u8 = 3;
    pub const SUPERSEDED: u8 = 4;
    pub const CESSATION_OF_OPERATION: u8 = 5;
    pub const CERTIFICATE_HOLD: u8 = 6;
    pub const REMOVE_FROM_CRL: u8 = 8;
    pub const PRIVILEGE_WITHDRAWN: u8 = 9;
    pub const AA_COMPROMISE: u8 = 10;
}

/// `CRLReason ::= ENUMERATED`.
pub fn crl_reason(value: u8) -> Vec<u8> {
    der::tlv(0x0a, &[value])
}

/// `CRLNumber ::= INTEGER (0..MAX)` from raw INTEGER content octets.
pub fn crl_number(content: &[u8]) -> Vec<u8> {
    der::tlv(0x02, content)
}

/// `ReasonFlags ::= BIT STRING` from CRLReason bit positions, trailing zeros removed.
pub fn reason_flags(bits: &[u32]) -> Vec<u8> {
    der::named_bits(bits)
}

/// The fields of an IssuingDistributionPoint (RFC 5280 §5.2.5); `Default` is an empty one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Idp {
    /// distributionPoint as a fullName of these URIs; empty = absent.
    pub full_name_uris: Vec<String>,
    /// distributionPoint as raw DistributionPointName content (wins over the URIs).
    pub distribution_point_raw: Option<Vec<u8>>,
    pub only_user_certs: bool,
    pub only_ca_certs: bool,
    /// onlySomeReasons as ReasonFlags bit positions.
    pub only_some_reasons: Option<Vec<u32>>,
    pub indirect_crl: bool,
    pub only_attribute_certs: bool,
}

impl Idp {
    /// An IDP naming these URIs as the CRL's distribution point.
    pub fn uris(uris: &[&str]) -> Idp {
        Idp {
            full_name_uris: uris.iter().map(|u| u.to_string()).collect(),
            ..Idp::default()
        }
    }

    /// The IssuingDistributionPoint SEQUENCE (implicit tags; FALSE booleans left out).
    pub fn der(&self) -> Vec<u8> {
        let mut items = Vec::new();
        if let Some(raw) = &self.distribution_point_raw {
            items.push(der::explicit(0, raw));
        } else if !self.full_name_uris.is_empty() {
            let names: Vec<Vec<u8>> = self
                .full_name_uris
                .iter()
                .map(|u| crate::gn::uri(u))
                .collect();
            // DistributionPointName is a CHOICE, so its [0] is explicit; fullName [0] implicit.
            items.push(der::explicit(0, &der::explicit(0, &names.concat())));
        }
        let flag = |n: u8| der::implicit(n, &[0xff]);
        if self.only_user_certs {
            items.push(flag(1));
        }
        if self.only_ca_certs {
            items.push(flag(2));
        }
        if let Some(bits) = &self.only_some_reasons {
            let mut flags = reason_flags(bits);
            flags[0] = 0x83;
            items.push(flags);
        }
        if self.indirect_crl {
            items.push(flag(4));
        }
        if self.only_attribute_certs {
            items.push(flag(5));
        }
        der::seq(&items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idp_encoding_follows_rfc5280_implicit_tags() {
        let idp = Idp {
            only_user_certs: true,
            only_some_reasons: Some(vec![1, 3]),
            ..Idp::uris(&["http://c/x"])
        };
        // a0 { a0 { 86 "http://c/x" } } 81 01 ff 83 02 04 50
        let want = der::unhex("3017a00ea00c860a687474703a2f2f632f788101ff83020450");
        assert_eq!(idp.der(), want);
        assert_eq!(Idp::default().der(), [0x30, 0]);
    }
}
