//! Lenient view of X.501 Names: every attribute with its raw value, whatever its string type.

use smimelint_der::walk::{tag, Tlv};
use std::borrow::Cow;

/// One AttributeTypeAndValue.
#[derive(Clone, Copy, Debug)]
pub struct Attribute<'a> {
    /// Content bytes of the attribute type OID.
    pub oid: &'a [u8],
    /// The value TLV (any type).
    pub value: Tlv<'a>,
    /// Index of the RelativeDistinguishedName holding it.
    pub rdn: usize,
}

impl<'a> Attribute<'a> {
    pub fn is(&self, oid: &const_oid::ObjectIdentifier) -> bool {
        self.oid == oid.as_bytes()
    }
    /// The value as text, decoded per its string type; None for non-string types and
    /// undecodable content.
    pub fn text(&self) -> Option<Cow<'a, str>> {
        decode_string(self.value.tag, self.value.content)
    }
}

/// A Name as a flat list of attributes in encoding order.
#[derive(Clone, Debug)]
pub struct Name<'a> {
    pub raw: &'a [u8],
    pub attributes: Vec<Attribute<'a>>,
    /// Number of RDNs (SETs).
    pub rdn_count: usize,
    /// Indexes of RDNs that are empty SETs (SIZE (1..MAX) violated).
    pub empty_rdns: Vec<usize>,
}

impl<'a> Name<'a> {
    /// Decodes `RDNSequence ::= SEQUENCE OF SET OF AttributeTypeAndValue` leniently.
    pub fn parse(tlv: Tlv<'a>) -> Result<Name<'a>, String> {
        let mut name = Name {
            raw: tlv.raw,
            attributes: Vec::new(),
            rdn_count: 0,
            empty_rdns: Vec::new(),
        };
        if tlv.tag != tag::SEQUENCE {
            return Err(format!(
                "Name is {}, not a SEQUENCE",
                smimelint_der::walk::tag_name(tlv.tag)
            ));
        }
        for (rdn, set) in tlv.children().enumerate() {
            let set = set.map_err(|e| e.to_string())?;
            if set.tag != tag::SET {
                return Err(format!("RDN {rdn} is not a SET"));
            }
            name.rdn_count += 1;
            if set.content.is_empty() {
                name.empty_rdns.push(rdn);
            }
            for atv in set.children() {
                let atv = atv.map_err(|e| e.to_string())?;
                let mut r = atv.children();
                let oid = r.expect(tag::OID, "attribute type")?;
                let value = r.read().map_err(|e| format!("attribute value: {e}"))?;
                name.attributes.push(Attribute {
                    oid: oid.content,
                    value,
                    rdn,
                });
            }
        }
        Ok(name)
    }

    pub fn is_empty(&self) -> bool {
        self.rdn_count == 0
    }

    /// All attributes of one type.
    pub fn all<'s>(
        &'s self,
        oid: &'s const_oid::ObjectIdentifier,
    ) -> impl Iterator<Item = &'s Attribute<'a>> + 's {
        self.attributes.iter().filter(move |a| a.is(oid))
    }

    pub fn has(&self, oid: &const_oid::ObjectIdentifier) -> bool {
        self.all(oid).next().is_some()
    }
}

/// Decodes ASN.1 string content by its identifier octet.
pub fn decode_string(tag_byte: u8, c: &[u8]) -> Option<Cow<'_, str>> {
    match tag_byte {
        tag::UTF8_STRING => std::str::from_utf8(c).ok().map(Cow::Borrowed),
        tag::PRINTABLE_STRING
        | tag::IA5_STRING
        | tag::NUMERIC_STRING
        | tag::VISIBLE_STRING
        | tag::UTC_TIME
        | tag::GENERALIZED_TIME => std::str::from_utf8(c)
            .ok()
            .filter(|s| s.is_ascii())
            .map(Cow::Borrowed),
        // T.61 is treated as Latin-1, as most software does.
        tag::TELETEX_STRING => Some(Cow::Owned(c.iter().map(|&b| char::from(b)).collect())),
        tag::BMP_STRING if c.len().is_multiple_of(2) => {
            let units = c.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
            char::decode_utf16(units)
                .collect::<Result<String, _>>()
                .ok()
                .map(Cow::Owned)
        }
        tag::UNIVERSAL_STRING if c.len().is_multiple_of(4) => c
            .chunks_exact(4)
            .map(|p| char::from_u32(u32::from_be_bytes([p[0], p[1], p[2], p[3]])))
            .collect::<Option<String>>()
            .map(Cow::Owned),
        _ => None,
    }
}

/// Reads the content of `[tag] EXPLICIT` wrappers and similar one-element containers.
pub fn single_child<'a>(tlv: &Tlv<'a>) -> Option<Tlv<'a>> {
    tlv.children().read().ok()
}
