//! One revokedCertificates entry.

use super::ext::{crl_reason, CERTIFICATE_ISSUER, INVALIDITY_DATE, REASON_CODE};
use crate::{der, extensions_der, set_ext, ExtSpec};
use const_oid::ObjectIdentifier;
use smimelint_der::time::UnixTime;

/// `SEQUENCE { userCertificate, revocationDate, crlEntryExtensions OPTIONAL }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Content octets of the userCertificate INTEGER (not minimised: any bytes go).
    pub serial: Vec<u8>,
    /// The revocationDate TLV.
    pub date: Vec<u8>,
    pub extensions: Vec<ExtSpec>,
    /// Replaces the whole crlEntryExtensions field when set (`Some(vec![])` = omitted).
    pub extensions_raw: Option<Vec<u8>>,
    /// Writes an empty crlEntryExtensions SEQUENCE when there are no extensions.
    pub empty_extensions: bool,
}

impl Entry {
    /// An entry for the certificate with this serial magnitude, revoked at `date` (UTCTime or
    /// GeneralizedTime by the RFC 5280 rule), without extensions.
    pub fn new(serial: &[u8], date: UnixTime) -> Entry {
        let int = der::uint(serial);
        Entry {
            serial: int[2..].to_vec(),
            date: der::time(date),
            extensions: Vec::new(),
            extensions_raw: None,
            empty_extensions: false,
        }
    }

    /// Sets the raw INTEGER content of the serial.
    pub fn serial_raw(mut self, content: &[u8]) -> Entry {
        self.serial = content.to_vec();
        self
    }

    /// Sets the revocationDate to any TLV.
    pub fn date_raw(mut self, tlv: Vec<u8>) -> Entry {
        self.date = tlv;
        self
    }

    /// Replaces the extension with this OID in place, or appends it.
    pub fn ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Entry {
        set_ext(&mut self.extensions, ExtSpec::new(o, critical, value));
        self
    }

    /// Appends an extension even if one with the same OID exists.
    pub fn push_ext(mut self, o: &ObjectIdentifier, critical: bool, value: Vec<u8>) -> Entry {
        self.extensions.push(ExtSpec::new(o, critical, value));
        self
    }

    pub fn without_ext(mut self, o: &ObjectIdentifier) -> Entry {
        self.extensions.retain(|e| e.oid != o.as_bytes());
        self
    }

    /// reasonCode with this CRLReason value.
    pub fn reason(self, value: u8, critical: bool) -> Entry {
        self.ext(&REASON_CODE, critical, crl_reason(value))
    }

    /// invalidityDate as the GeneralizedTime RFC 5280 §5.3.2 requires.
    pub fn invalidity_date(self, t: UnixTime) -> Entry {
        self.ext(&INVALIDITY_DATE, false, der::generalized(t))
    }

    /// invalidityDate holding any TLV.
    pub fn invalidity_date_raw(self, tlv: Vec<u8>) -> Entry {
        self.ext(&INVALIDITY_DATE, false, tlv)
    }

    /// certificateIssuer from GeneralName TLVs (see [`crate::gn`]); critical as RFC 5280 wants.
    pub fn certificate_issuer(self, names: &[Vec<u8>], critical: bool) -> Entry {
        self.ext(&CERTIFICATE_ISSUER, critical, der::seq(names))
    }

    /// The entry SEQUENCE.
    pub fn der(&self) -> Vec<u8> {
        let mut items = vec![der::tlv(0x02, &self.serial), self.date.clone()];
        match &self.extensions_raw {
            Some(raw) => items.push(raw.clone()),
            None if !self.extensions.is_empty() || self.empty_extensions => {
                items.push(extensions_der(&self.extensions));
            }
            None => {}
        }
        der::seq(&items)
    }
}
