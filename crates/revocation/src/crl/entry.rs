//! One revokedCertificates entry: `SEQUENCE { userCertificate CertificateSerialNumber,
//! revocationDate Time, crlEntryExtensions Extensions OPTIONAL }`.

use smimelint_cert::{oid, parse_extension, read_time, Extension, TimeField};
use smimelint_der::walk::{hex, tag, Tlv};

/// A lenient view of one CRL entry.
#[derive(Debug)]
pub struct RevokedEntry<'a> {
    pub raw: Tlv<'a>,
    /// Position in the list, 0-based.
    pub index: u64,
    pub serial: Option<Tlv<'a>>,
    pub revocation_date: Option<TimeField<'a>>,
    pub extensions_field: Option<Tlv<'a>>,
    pub extensions: Vec<Extension<'a>>,
    /// Structural problems of this entry, for the field-decoding lint.
    pub errors: Vec<String>,
}

/// What a reasonCode extension holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonCode {
    /// The ENUMERATED value, or why it does not decode.
    pub value: Result<i64, String>,
    pub critical: bool,
}

impl<'a> RevokedEntry<'a> {
    pub fn parse(raw: Tlv<'a>, index: u64) -> RevokedEntry<'a> {
        let mut entry = RevokedEntry {
            raw,
            index,
            serial: None,
            revocation_date: None,
            extensions_field: None,
            extensions: Vec::new(),
            errors: Vec::new(),
        };
        if raw.tag != tag::SEQUENCE {
            entry.errors.push(format!(
                "expected a SEQUENCE, found {}",
                smimelint_der::walk::tag_name(raw.tag)
            ));
            return entry;
        }
        let mut r = raw.children();
        entry.serial = r.read_if(tag::INTEGER);
        if entry.serial.is_none() {
            entry
                .errors
                .push("userCertificate is not an INTEGER".into());
        }
        entry.revocation_date = read_time(&mut r);
        if entry.revocation_date.is_none() {
            entry
                .errors
                .push("revocationDate is not a UTCTime or GeneralizedTime".into());
        }
        entry.extensions_field = r.read_if(tag::SEQUENCE);
        if let Some(list) = entry.extensions_field {
            for (i, item) in list.children().enumerate() {
                match item
                    .map_err(|e| e.to_string())
                    .and_then(|t| parse_extension(t, i))
                {
                    Ok(e) => entry.extensions.push(e),
                    Err(e) => entry.errors.push(format!("crlEntryExtensions[{i}]: {e}")),
                }
            }
        }
        if !r.is_empty() {
            entry
                .errors
                .push("unexpected elements after crlEntryExtensions".into());
        }
        entry
    }

    /// `entry #N (serial 0x…)` for messages; N is 1-based.
    pub fn label(&self) -> String {
        match self.serial {
            Some(s) => format!("entry #{} (serial 0x{})", self.index + 1, hex(s.content)),
            None => format!("entry #{}", self.index + 1),
        }
    }

    pub fn extension(&self, id: &const_oid::ObjectIdentifier) -> Option<&Extension<'a>> {
        self.extensions.iter().find(|e| e.is(id))
    }

    /// The reasonCode extension (`CRLReason ::= ENUMERATED`), when present.
    pub fn reason_code(&self) -> Option<ReasonCode> {
        let ext = self.extension(&oid::REASON_CODE)?;
        Some(ReasonCode {
            value: decode_enumerated(ext.value),
            critical: ext.critical,
        })
    }

    /// The invalidityDate extension's value TLV (`GeneralizedTime` per RFC 5280 §5.3.2).
    pub fn invalidity_date(&self) -> Option<Result<Tlv<'a>, String>> {
        let ext = self.extension(&oid::INVALIDITY_DATE)?;
        Some(
            smimelint_der::walk::Reader::new_at(ext.value, ext.value_offset)
                .read()
                .map_err(|e| e.to_string()),
        )
    }

    /// The invalidityDate value read as a time, with its type and RFC 5280 syntax defects; the
    /// error names what the value holds when it is not a UTCTime or GeneralizedTime.
    pub fn invalidity_date_time(&self) -> Option<Result<TimeField<'a>, String>> {
        let ext = self.extension(&oid::INVALIDITY_DATE)?;
        let mut r = smimelint_der::walk::Reader::new_at(ext.value, ext.value_offset);
        Some(read_time(&mut r).ok_or_else(|| match r.peek_tag() {
            Some(t) => format!("{} instead of a time", smimelint_der::walk::tag_name(t)),
            None => "an empty value".into(),
        }))
    }
}

/// An ENUMERATED value that fits in i64.
pub fn decode_enumerated(value: &[u8]) -> Result<i64, String> {
    let t = smimelint_der::walk::Reader::new(value)
        .read()
        .map_err(|e| e.to_string())?;
    if t.tag != tag::ENUMERATED {
        return Err(format!(
            "expected ENUMERATED, found {}",
            smimelint_der::walk::tag_name(t.tag)
        ));
    }
    smimelint_cert::int_value(t.content).ok_or_else(|| "ENUMERATED out of range".into())
}
