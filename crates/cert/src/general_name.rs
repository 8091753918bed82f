//! Lenient view of GeneralName / GeneralNames (RFC 5280 §4.2.1.6).

use super::name::Name;
use smimelint_der::walk::{tag, Tlv};

/// One GeneralName. String forms are raw content bytes: validating them is the lints' job.
#[derive(Clone, Debug)]
pub enum GeneralName<'a> {
    /// `[0] otherName`: type-id OID content bytes and the `[0] EXPLICIT` value's inner TLV.
    OtherName {
        type_id: &'a [u8],
        value: Option<Tlv<'a>>,
    },
    Rfc822Name(&'a [u8]),
    DnsName(&'a [u8]),
    X400Address(Tlv<'a>),
    DirectoryName(Result<Name<'a>, String>),
    EdiPartyName(Tlv<'a>),
    Uri(&'a [u8]),
    IpAddress(&'a [u8]),
    RegisteredId(&'a [u8]),
    /// A tag that is not a GeneralName choice.
    Unknown(Tlv<'a>),
}

impl GeneralName<'_> {
    /// The ASN.1 choice name, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            GeneralName::OtherName { .. } => "otherName",
            GeneralName::Rfc822Name(_) => "rfc822Name",
            GeneralName::DnsName(_) => "dNSName",
            GeneralName::X400Address(_) => "x400Address",
            GeneralName::DirectoryName(_) => "directoryName",
            GeneralName::EdiPartyName(_) => "ediPartyName",
            GeneralName::Uri(_) => "uniformResourceIdentifier",
            GeneralName::IpAddress(_) => "iPAddress",
            GeneralName::RegisteredId(_) => "registeredID",
            GeneralName::Unknown(_) => "unknown GeneralName",
        }
    }
}

/// Decodes one GeneralName element.
pub fn decode_general_name(t: Tlv<'_>) -> GeneralName<'_> {
    if t.class() != 2 {
        return GeneralName::Unknown(t);
    }
    match (t.number, t.is_constructed()) {
        (0, true) => {
            let mut r = t.children();
            match r.read_if(tag::OID) {
                Some(oid) => GeneralName::OtherName {
                    type_id: oid.content,
                    value: r
                        .read_if(0xa0)
                        .and_then(|wrapper| wrapper.children().read().ok()),
                },
                None => GeneralName::Unknown(t),
            }
        }
        (1, false) => GeneralName::Rfc822Name(t.content),
        (2, false) => GeneralName::DnsName(t.content),
        (3, true) => GeneralName::X400Address(t),
        // directoryName is EXPLICIT because Name is a CHOICE.
        (4, true) => GeneralName::DirectoryName(match t.children().read() {
            Ok(inner) => Name::parse(inner),
            Err(e) => Err(e.to_string()),
        }),
        (5, true) => GeneralName::EdiPartyName(t),
        (6, false) => GeneralName::Uri(t.content),
        (7, false) => GeneralName::IpAddress(t.content),
        (8, false) => GeneralName::RegisteredId(t.content),
        _ => GeneralName::Unknown(t),
    }
}

/// Decodes the elements of a GeneralNames SEQUENCE content.
pub fn decode_names_content<'a>(t: &Tlv<'a>) -> Result<Vec<GeneralName<'a>>, String> {
    t.children()
        .map(|item| item.map(decode_general_name).map_err(|e| e.to_string()))
        .collect()
}

/// Decodes an extension value holding `GeneralNames` (subjectAltName, issuerAltName).
pub fn decode_general_names(value: &[u8], base: usize) -> Result<Vec<GeneralName<'_>>, String> {
    let seq = super::element::top_level(value, base, tag::SEQUENCE, "GeneralNames")?;
    decode_names_content(&seq)
}
