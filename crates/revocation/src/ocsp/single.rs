//! `SingleResponse ::= SEQUENCE { certID CertID, certStatus CertStatus, thisUpdate
//! GeneralizedTime, nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1]
//! EXPLICIT Extensions OPTIONAL }`.

use crate::crl::decode_enumerated;
use smimelint_cert::{parse_extension, Extension, TimeField};
use smimelint_der::time::{parse_asn1_time, TimeKind};
use smimelint_der::walk::{hex, tag, Reader, Tlv};

/// `CertID ::= SEQUENCE { hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber }`.
#[derive(Clone, Copy, Debug)]
pub struct CertId<'a> {
    pub hash_algorithm: Tlv<'a>,
    pub issuer_name_hash: &'a [u8],
    pub issuer_key_hash: &'a [u8],
    pub serial: Tlv<'a>,
}

/// `CertStatus ::= CHOICE { good [0] NULL, revoked [1] RevokedInfo, unknown [2] NULL }`.
#[derive(Clone, Debug)]
pub enum CertStatus<'a> {
    Good,
    Revoked {
        time: Option<TimeField<'a>>,
        /// `revocationReason [0] EXPLICIT CRLReason`: the value or why it does not decode.
        reason: Option<Result<i64, String>>,
    },
    Unknown,
    /// Any other element where the CHOICE was expected.
    Malformed(Tlv<'a>),
}

#[derive(Debug)]
pub struct SingleResponse<'a> {
    pub raw: Tlv<'a>,
    /// Position in `responses`, 0-based.
    pub index: usize,
    pub cert_id: Option<CertId<'a>>,
    pub status: Option<CertStatus<'a>>,
    pub this_update: Option<TimeField<'a>>,
    pub next_update: Option<TimeField<'a>>,
    pub extensions_field: Option<Tlv<'a>>,
    pub extensions: Vec<Extension<'a>>,
    pub errors: Vec<String>,
}

/// Why a time field in UTCTime is a field error: the ASN.1 has GeneralizedTime.
pub(super) const UTC_NOT_GENERALIZED: &str = "UTCTime where the ASN.1 has GeneralizedTime";

/// Reads a GeneralizedTime, or a UTCTime in its place (kept so that the time lints can name
/// it; the caller records the field error).
pub(super) fn read_time<'a>(r: &mut Reader<'a>) -> Option<TimeField<'a>> {
    let kind = match r.peek_tag() {
        Some(tag::GENERALIZED_TIME) => TimeKind::Generalized,
        Some(tag::UTC_TIME) => TimeKind::Utc,
        _ => return None,
    };
    r.read().ok().map(|t| TimeField {
        parsed: parse_asn1_time(kind, t.content),
        tlv: t,
    })
}

fn is_utc(t: &Option<TimeField<'_>>) -> bool {
    t.as_ref().is_some_and(|t| t.tlv.tag == tag::UTC_TIME)
}

impl<'a> SingleResponse<'a> {
    pub fn parse(raw: Tlv<'a>, index: usize) -> SingleResponse<'a> {
        let mut s = SingleResponse {
            raw,
            index,
            cert_id: None,
            status: None,
            this_update: None,
            next_update: None,
            extensions_field: None,
            extensions: Vec::new(),
            errors: Vec::new(),
        };
        if raw.tag != tag::SEQUENCE {
            s.errors.push("not a SEQUENCE".into());
            return s;
        }
        let mut r = raw.children();
        s.cert_id = r.read_if(tag::SEQUENCE).and_then(|c| {
            let mut c = c.children();
            Some(CertId {
                hash_algorithm: c.read_if(tag::SEQUENCE)?,
                issuer_name_hash: c.read_if(tag::OCTET_STRING)?.content,
                issuer_key_hash: c.read_if(tag::OCTET_STRING)?.content,
                serial: c.read_if(tag::INTEGER)?,
            })
        });
        if s.cert_id.is_none() {
            s.errors.push("certID is not a CertID SEQUENCE".into());
        }
        s.status = match r.read() {
            Ok(t) if t.tag == 0x80 => Some(CertStatus::Good),
            Ok(t) if t.tag == 0x82 => Some(CertStatus::Unknown),
            Ok(t) if t.tag == 0xa1 => {
                let mut ri = t.children();
                let time = read_time(&mut ri);
                if is_utc(&time) {
                    s.errors
                        .push(format!("revocationTime: {UTC_NOT_GENERALIZED}"));
                }
                let reason = ri.read_if(0xa0).map(|w| decode_enumerated(w.content));
                Some(CertStatus::Revoked { time, reason })
            }
            Ok(t) => Some(CertStatus::Malformed(t)),
            Err(_) => None,
        };
        if s.status.is_none() {
            s.errors.push("certStatus is missing".into());
        }
        s.this_update = read_time(&mut r);
        if s.this_update.is_none() {
            s.errors.push("thisUpdate is not a GeneralizedTime".into());
        }
        if is_utc(&s.this_update) {
            s.errors.push(format!("thisUpdate: {UTC_NOT_GENERALIZED}"));
        }
        s.next_update = r.read_if(0xa0).and_then(|w| read_time(&mut w.children()));
        if is_utc(&s.next_update) {
            s.errors.push(format!("nextUpdate: {UTC_NOT_GENERALIZED}"));
        }
        s.extensions_field = r.read_if(0xa1);
        if let Some(list) = s
            .extensions_field
            .and_then(|w| w.children().read_if(tag::SEQUENCE))
        {
            for (i, item) in list.children().enumerate() {
                match item
                    .map_err(|e| e.to_string())
                    .and_then(|t| parse_extension(t, i))
                {
                    Ok(e) => s.extensions.push(e),
                    Err(e) => s.errors.push(format!("singleExtensions[{i}]: {e}")),
                }
            }
        }
        if !r.is_empty() {
            s.errors
                .push("unexpected elements after singleExtensions".into());
        }
        s
    }

    /// `responses[N] (serial 0x…)` for messages.
    pub fn label(&self) -> String {
        match self.cert_id {
            Some(id) => format!(
                "responses[{}] (serial 0x{})",
                self.index,
                hex(id.serial.content)
            ),
            None => format!("responses[{}]", self.index),
        }
    }

    pub fn this_update_time(&self) -> Option<i64> {
        self.this_update.as_ref().and_then(|t| t.parsed.time)
    }

    pub fn next_update_time(&self) -> Option<i64> {
        self.next_update.as_ref().and_then(|t| t.parsed.time)
    }
}
