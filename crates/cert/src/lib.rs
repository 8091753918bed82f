//! The certificate model: a zero-copy skeleton found by the DER walker, with lazily decoded,
//! lenient views of the fields and extensions the lints read.
//!
//! Decoding happens in two levels. First [`walk::Walker`] walks every byte and records X.690
//! violations. Then each field and extension is decoded on its own — strictly with
//! x509-cert/der (see [`strict`]), where each rejection becomes a finding, and leniently by the
//! views in this module, which the lints use. A certificate that `Certificate::from_der`
//! rejects therefore still has every reachable field linted.

pub mod alg;
mod defaults;
pub mod der_text;
mod element;
mod empty;
pub mod ext;
pub mod general_name;
pub mod keymath;
pub mod name;
mod names;
pub mod oid;
pub mod qc;
mod shape;
pub mod spki;
pub mod strict;
pub mod types;
pub mod verify;

use const_oid::ObjectIdentifier;
use smimelint_der::time::{parse_asn1_time, Asn1Time, TimeKind, UnixTime};
use smimelint_der::walk::{self, tag, Reader, Tlv, Walker};
use std::cell::OnceCell;
use std::sync::OnceLock;

pub use defaults::EncodedDefault;
pub use element::Element;
pub use ext::{BasicConstraints, Ext, Policies, PolicyInfo, Qualifier, UserNotice};
pub use general_name::GeneralName;
pub use name::{Attribute, Name};
pub use names::RelativeName;
pub use smimelint_der::time;
pub use smimelint_der::walk::{Violation, ViolationKind};

/// What the input turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A signed `Certificate`.
    Certificate,
    /// An unsigned `TBSCertificate` (pre-issuance linting).
    Tbs,
}

/// A structural problem: a field missing, of the wrong type, or rejected by a strict decoder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Field path, e.g. `tbsCertificate.validity` or `extension subjectAltName (2.5.29.17)`.
    pub field: String,
    pub message: String,
    /// Byte range of the field in the input, when known (used to avoid reporting one defect twice).
    pub range: Option<(usize, usize)>,
}

impl FieldError {
    /// A field that is not where it should be: `expected EXPECTED, found TAG` (or nothing left).
    pub fn missing(field: &str, expected: &str, r: &Reader<'_>) -> FieldError {
        let found = match r.peek_tag() {
            Some(t) => format!("found {}", walk::tag_name(t)),
            None => "nothing left".into(),
        };
        FieldError::new(field, &format!("expected {expected}, {found}"))
    }

    /// A problem with a field whose byte range is not recorded.
    pub fn new(field: &str, message: &str) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
            range: None,
        }
    }
}

/// One extension, as found in the certificate.
#[derive(Clone, Copy, Debug)]
pub struct Extension<'a> {
    /// Content bytes of the extnID OBJECT IDENTIFIER.
    pub oid: &'a [u8],
    pub critical: bool,
    /// Content of the extnValue OCTET STRING (the encoded extension value).
    pub value: &'a [u8],
    /// Offset of `value` in the input.
    pub value_offset: usize,
    /// The whole `Extension` SEQUENCE.
    pub raw: Tlv<'a>,
    /// Position in the extensions list (0-based).
    pub index: usize,
}

impl Extension<'_> {
    pub fn is(&self, oid: &ObjectIdentifier) -> bool {
        self.oid == oid.as_bytes()
    }
}

/// A validity time with its raw encoding.
#[derive(Clone, Debug)]
pub struct TimeField<'a> {
    pub tlv: Tlv<'a>,
    pub parsed: Asn1Time,
}

/// A parsed (possibly defective) certificate or TBSCertificate.
#[derive(Debug)]
pub struct Cert<'a> {
    pub der: &'a [u8],
    pub form: Form,
    pub tbs: Option<Tlv<'a>>,
    /// The `[0]` EXPLICIT version wrapper, when present.
    pub version: Option<Tlv<'a>>,
    pub serial: Option<Tlv<'a>>,
    pub tbs_signature: Option<Tlv<'a>>,
    pub issuer: Option<Tlv<'a>>,
    pub validity: Option<Tlv<'a>>,
    pub not_before: Option<TimeField<'a>>,
    pub not_after: Option<TimeField<'a>>,
    pub subject: Option<Tlv<'a>>,
    pub spki: Option<Tlv<'a>>,
    pub issuer_unique_id: Option<Tlv<'a>>,
    pub subject_unique_id: Option<Tlv<'a>>,
    /// The `[3]` EXPLICIT extensions wrapper, when present.
    pub extensions_field: Option<Tlv<'a>>,
    pub extensions: Vec<Extension<'a>>,
    pub signature_algorithm: Option<Tlv<'a>>,
    pub signature_value: Option<Tlv<'a>>,
    /// X.690 encoding violations found by the walker.
    pub violations: Vec<Violation>,
    /// Missing or malformed fields (skeleton level, then strict decoding).
    pub field_errors: Vec<FieldError>,
    /// SEQUENCE/SET values that are empty where the ASN.1 says SIZE (1..MAX).
    pub empty_collections: Vec<String>,
    views: Views<'a>,
}

#[derive(Debug, Default)]
struct Views<'a> {
    subject: OnceCell<Option<Result<Name<'a>, String>>>,
    issuer: OnceCell<Option<Result<Name<'a>, String>>>,
    policies: OnceCell<ext::Slot<'a, Policies<'a>>>,
    eku: OnceCell<ext::Slot<'a, Vec<&'a [u8]>>>,
    basic_constraints: OnceCell<ext::Slot<'a, BasicConstraints<'a>>>,
    san: OnceCell<ext::Slot<'a, Vec<GeneralName<'a>>>>,
    spki: OnceCell<Option<Result<spki::Spki<'a>, String>>>,
    key_usage: OnceCell<ext::Slot<'a, ext::KeyUsage>>,
    crl_distribution_points: OnceCell<ext::Slot<'a, Vec<ext::DistributionPoint<'a>>>>,
    aia: OnceCell<ext::Slot<'a, Vec<ext::AccessDescription<'a>>>>,
    aki: OnceCell<ext::Slot<'a, ext::AuthorityKeyId<'a>>>,
    ski: OnceCell<ext::Slot<'a, &'a [u8]>>,
    name_constraints: OnceCell<ext::Slot<'a, ext::NameConstraints<'a>>>,
    qc_statements: OnceCell<ext::Slot<'a, qc::QcStatements<'a>>>,
    /// The SAN's Mailbox Addresses as comparison keys, for lookups from the subject.
    san_mailbox_keys: OnceCell<std::collections::HashSet<(String, String)>>,
}

/// Called with every input at the start of [`Cert::parse`] once installed by
/// [`inject_parse_fault`].
static PARSE_FAULT: OnceLock<fn(&[u8])> = OnceLock::new();

/// Installs a function that [`Cert::parse`] calls first with its input, so that tests can make
/// the parse stage panic on inputs of their choosing and check that the panic is contained.
/// Only code can install it (once per process; later calls return false); no input can.
#[doc(hidden)]
pub fn inject_parse_fault(fault: fn(&[u8])) -> bool {
    PARSE_FAULT.set(fault).is_ok()
}

/// Why an input could not be read as a certificate at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotACertificate(pub String);

impl<'a> Cert<'a> {
    /// Walks and frames `der`. Fails only when there is no certificate skeleton to speak of
    /// (not a SEQUENCE, or a SEQUENCE that holds neither a certificate nor a TBSCertificate).
    ///
    /// A SEQUENCE whose shape positively matches another known structure (a certificate
    /// request, a CRL, a private key, an OCSP or CMS message) is refused with a message naming
    /// it; everything else with a certificate's skeleton is parsed, however damaged.
    pub fn parse(der: &'a [u8]) -> Result<Cert<'a>, NotACertificate> {
        if let Some(fault) = PARSE_FAULT.get() {
            fault(der);
        }
        let mut walker = Walker::new();
        let outer = walker
            .walk_single(der, 0, "certificate")
            .filter(|t| t.tag == tag::SEQUENCE)
            .ok_or_else(|| {
                NotACertificate(match der.first() {
                    None => "empty input".into(),
                    Some(&t) if t != tag::SEQUENCE => format!(
                        "input starts with {} instead of a SEQUENCE",
                        walk::tag_name(t)
                    ),
                    Some(_) => "the outer SEQUENCE is truncated or malformed".into(),
                })
            })?;
        if let Some(what) = shape::foreign(&outer) {
            return Err(NotACertificate(format!("the input looks like {what}")));
        }
        let mut cert = Cert::empty(der);
        let mut top = outer.children();
        let first = top
            .read()
            .map_err(|e| NotACertificate(format!("cannot read the first element: {e}")))?;
        // A TBSCertificate starts with [0] version or the INTEGER serial; a Certificate with
        // the TBSCertificate SEQUENCE.
        let tbs = if first.tag == tag::SEQUENCE
            && matches!(first.content.first(), Some(&(0xa0 | tag::INTEGER)))
        {
            cert.form = Form::Certificate;
            cert.signature_algorithm = top.read_if(tag::SEQUENCE);
            if cert.signature_algorithm.is_none() {
                cert.missing("signatureAlgorithm", "AlgorithmIdentifier SEQUENCE", &top);
            }
            cert.signature_value = top.read_if(tag::BIT_STRING);
            if cert.signature_value.is_none() {
                cert.missing("signatureValue", "BIT STRING", &top);
            }
            if !top.is_empty() {
                cert.field_error(
                    "certificate",
                    "unexpected elements after signatureValue",
                    None,
                );
            }
            first
        } else if matches!(first.tag, 0xa0 | tag::INTEGER) {
            cert.form = Form::Tbs;
            outer
        } else {
            return Err(NotACertificate(format!(
                "a SEQUENCE starting with {} is neither a Certificate nor a TBSCertificate",
                walk::tag_name(first.tag)
            )));
        };
        cert.tbs = Some(tbs);
        cert.parse_tbs(tbs, &mut walker);
        cert.violations = walker.violations;
        strict::check(&mut cert);
        Ok(cert)
    }

    fn empty(der: &'a [u8]) -> Self {
        Cert {
            der,
            form: Form::Certificate,
            tbs: None,
            version: None,
            serial: None,
            tbs_signature: None,
            issuer: None,
            validity: None,
            not_before: None,
            not_after: None,
            subject: None,
            spki: None,
            issuer_unique_id: None,
            subject_unique_id: None,
            extensions_field: None,
            extensions: Vec::new(),
            signature_algorithm: None,
            signature_value: None,
            violations: Vec::new(),
            field_errors: Vec::new(),
            empty_collections: Vec::new(),
            views: Views::default(),
        }
    }

    fn field_error(&mut self, field: &str, message: &str, tlv: Option<&Tlv<'_>>) {
        self.field_errors.push(FieldError {
            field: field.to_string(),
            message: message.to_string(),
            range: tlv.map(|t| (t.offset, t.offset + t.raw.len())),
        });
    }

    fn missing(&mut self, field: &str, expected: &str, r: &Reader<'_>) {
        self.field_errors
            .push(FieldError::missing(field, expected, r));
    }

    fn parse_tbs(&mut self, tbs: Tlv<'a>, walker: &mut Walker) {
        let mut r = tbs.children();
        let field = |r: &mut Reader<'a>, t: u8| r.read_if(t);
        self.version = field(&mut r, 0xa0);
        self.serial = field(&mut r, tag::INTEGER);
        if self.serial.is_none() {
            self.missing("tbsCertificate.serialNumber", "INTEGER", &r);
        }
        self.tbs_signature = field(&mut r, tag::SEQUENCE);
        if self.tbs_signature.is_none() {
            self.missing("tbsCertificate.signature", "AlgorithmIdentifier", &r);
        }
        self.issuer = field(&mut r, tag::SEQUENCE);
        if self.issuer.is_none() {
            self.missing("tbsCertificate.issuer", "Name", &r);
        }
        self.validity = field(&mut r, tag::SEQUENCE);
        match self.validity {
            Some(v) => self.parse_validity(v),
            None => self.missing("tbsCertificate.validity", "Validity", &r),
        }
        self.subject = field(&mut r, tag::SEQUENCE);
        if self.subject.is_none() {
            self.missing("tbsCertificate.subject", "Name", &r);
        }
        self.spki = field(&mut r, tag::SEQUENCE);
        if self.spki.is_none() {
            self.missing(
                "tbsCertificate.subjectPublicKeyInfo",
                "SubjectPublicKeyInfo",
                &r,
            );
        }
        self.issuer_unique_id = r.read_if(0x81).or_else(|| r.read_if(0xa1));
        self.subject_unique_id = r.read_if(0x82).or_else(|| r.read_if(0xa2));
        self.extensions_field = r.read_if(0xa3);
        if let Some(wrapper) = self.extensions_field {
            self.parse_extensions(wrapper, walker);
        }
        if !r.is_empty() {
            let t = r.peek_tag().unwrap_or(0);
            self.field_error(
                "tbsCertificate",
                &format!("unexpected {} after the last field", walk::tag_name(t)),
                None,
            );
        }
    }

    fn parse_validity(&mut self, v: Tlv<'a>) {
        let mut r = v.children();
        let time = read_time;
        self.not_before = time(&mut r);
        self.not_after = time(&mut r);
        if self.not_before.is_none() || self.not_after.is_none() {
            self.field_error(
                "tbsCertificate.validity",
                "expected notBefore and notAfter as UTCTime or GeneralizedTime",
                Some(&v),
            );
        }
    }

    fn parse_extensions(&mut self, wrapper: Tlv<'a>, walker: &mut Walker) {
        let mut outer = wrapper.children();
        let Some(list) = outer.read_if(tag::SEQUENCE) else {
            self.field_error(
                "tbsCertificate.extensions",
                "[3] does not contain a SEQUENCE OF Extension",
                Some(&wrapper),
            );
            return;
        };
        if list.content.is_empty() {
            self.empty_collections
                .push("tbsCertificate.extensions (Extensions ::= SEQUENCE SIZE (1..MAX))".into());
        }
        for (index, item) in list.children().enumerate() {
            let Ok(raw) = item else { break };
            match parse_extension(raw, index) {
                Ok(e) => {
                    // extnValue holds a DER encoding of its own: walk it too.
                    walker.walk_single(e.value, e.value_offset, "extnValue");
                    self.extensions.push(e);
                }
                Err(msg) => self.field_error(
                    &format!("tbsCertificate.extensions[{index}]"),
                    &msg,
                    Some(&raw),
                ),
            }
        }
    }

    /// Names the certificate field containing byte `offset`, for messages.
    pub fn locate(&self, offset: usize) -> String {
        let within = |t: &Option<Tlv<'_>>| {
            t.is_some_and(|t| offset >= t.offset && offset < t.offset + t.raw.len())
        };
        if let Some(e) = self
            .extensions
            .iter()
            .find(|e| offset >= e.raw.offset && offset < e.raw.offset + e.raw.raw.len())
        {
            return format!(
                "tbsCertificate.extensions[{}] {}",
                e.index,
                oid::describe_extension(e.oid)
            );
        }
        let fields: [(&Option<Tlv<'_>>, &str); 13] = [
            (&self.version, "tbsCertificate.version"),
            (&self.serial, "tbsCertificate.serialNumber"),
            (&self.tbs_signature, "tbsCertificate.signature"),
            (&self.issuer, "tbsCertificate.issuer"),
            (&self.validity, "tbsCertificate.validity"),
            (&self.subject, "tbsCertificate.subject"),
            (&self.spki, "tbsCertificate.subjectPublicKeyInfo"),
            (&self.issuer_unique_id, "tbsCertificate.issuerUniqueID"),
            (&self.subject_unique_id, "tbsCertificate.subjectUniqueID"),
            (&self.extensions_field, "tbsCertificate.extensions"),
            (&self.tbs, "tbsCertificate"),
            (&self.signature_algorithm, "signatureAlgorithm"),
            (&self.signature_value, "signatureValue"),
        ];
        fields
            .iter()
            .find(|(t, _)| within(t))
            .map_or_else(|| "certificate".to_string(), |(_, name)| name.to_string())
    }

    /// First extension with this OID.
    pub fn extension(&self, oid: &ObjectIdentifier) -> Option<&Extension<'a>> {
        self.extensions.iter().find(|e| e.is(oid))
    }

    pub fn has_extension(&self, oid: &ObjectIdentifier) -> bool {
        self.extension(oid).is_some()
    }

    /// notBefore, when it could be read as a calendar time.
    pub fn not_before_time(&self) -> Option<UnixTime> {
        self.not_before.as_ref().and_then(|t| t.parsed.time)
    }

    pub fn not_after_time(&self) -> Option<UnixTime> {
        self.not_after.as_ref().and_then(|t| t.parsed.time)
    }

    /// The version number (0 = v1 when the field is absent), or None when unreadable.
    pub fn version_number(&self) -> Option<i64> {
        let Some(v) = self.version else {
            return Some(0);
        };
        let int = Reader::new(v.content).read_if(tag::INTEGER)?;
        int_value(int.content)
    }

    pub fn subject_name(&self) -> Option<&Result<Name<'a>, String>> {
        self.views
            .subject
            .get_or_init(|| self.subject.map(Name::parse))
            .as_ref()
    }

    pub fn issuer_name(&self) -> Option<&Result<Name<'a>, String>> {
        self.views
            .issuer
            .get_or_init(|| self.issuer.map(Name::parse))
            .as_ref()
    }

    /// Self-issued: issuer and subject are byte-identical (RFC 5280 §6.1).
    pub fn is_self_issued(&self) -> bool {
        matches!((self.issuer, self.subject), (Some(i), Some(s)) if i.raw == s.raw)
    }

    pub fn policies(&self) -> Ext<'_, Policies<'a>> {
        ext::view(
            &self.views.policies,
            self,
            &oid::CERTIFICATE_POLICIES,
            ext::decode_policies,
        )
    }

    pub fn eku(&self) -> Ext<'_, Vec<&'a [u8]>> {
        ext::view(
            &self.views.eku,
            self,
            &oid::EXT_KEY_USAGE,
            ext::decode_oid_sequence,
        )
    }

    pub fn basic_constraints(&self) -> Ext<'_, BasicConstraints<'a>> {
        ext::view(
            &self.views.basic_constraints,
            self,
            &oid::BASIC_CONSTRAINTS,
            ext::decode_basic_constraints,
        )
    }

    /// A set derived from the SAN's mailboxes, built once by `build` (the first caller's)
    /// so that looking up many subject values costs linear time, not one SAN scan each.
    pub fn san_mailbox_keys(
        &self,
        build: impl FnOnce() -> std::collections::HashSet<(String, String)>,
    ) -> &std::collections::HashSet<(String, String)> {
        self.views.san_mailbox_keys.get_or_init(build)
    }

    pub fn san(&self) -> Ext<'_, Vec<GeneralName<'a>>> {
        ext::view(
            &self.views.san,
            self,
            &oid::SUBJECT_ALT_NAME,
            general_name::decode_general_names,
        )
    }

    /// The SubjectPublicKeyInfo, when the field is present.
    pub fn spki_view(&self) -> Option<&Result<spki::Spki<'a>, String>> {
        self.views
            .spki
            .get_or_init(|| self.spki.map(spki::decode))
            .as_ref()
    }

    pub fn key_usage(&self) -> Ext<'_, ext::KeyUsage> {
        ext::view(
            &self.views.key_usage,
            self,
            &oid::KEY_USAGE,
            ext::decode_key_usage,
        )
    }

    pub fn crl_distribution_points(&self) -> Ext<'_, Vec<ext::DistributionPoint<'a>>> {
        ext::view(
            &self.views.crl_distribution_points,
            self,
            &oid::CRL_DISTRIBUTION_POINTS,
            ext::decode_crl_distribution_points,
        )
    }

    pub fn aia(&self) -> Ext<'_, Vec<ext::AccessDescription<'a>>> {
        ext::view(
            &self.views.aia,
            self,
            &oid::AUTHORITY_INFO_ACCESS,
            ext::decode_access_descriptions,
        )
    }

    pub fn aki(&self) -> Ext<'_, ext::AuthorityKeyId<'a>> {
        ext::view(
            &self.views.aki,
            self,
            &oid::AUTHORITY_KEY_IDENTIFIER,
            ext::decode_authority_key_id,
        )
    }

    pub fn ski(&self) -> Ext<'_, &'a [u8]> {
        ext::view(
            &self.views.ski,
            self,
            &oid::SUBJECT_KEY_IDENTIFIER,
            ext::decode_subject_key_id,
        )
    }

    pub fn name_constraints(&self) -> Ext<'_, ext::NameConstraints<'a>> {
        ext::view(
            &self.views.name_constraints,
            self,
            &oid::NAME_CONSTRAINTS,
            ext::decode_name_constraints,
        )
    }

    pub fn qc_statements(&self) -> Ext<'_, qc::QcStatements<'a>> {
        ext::view(
            &self.views.qc_statements,
            self,
            &oid::QC_STATEMENTS,
            qc::decode_qc_statements,
        )
    }

    /// basicConstraints present with cA TRUE.
    pub fn is_ca(&self) -> bool {
        matches!(self.basic_constraints(), Ext::Present(_, bc) if bc.ca)
    }
}

/// Reads one `Extension` SEQUENCE (extnID, critical DEFAULT FALSE, extnValue); `index` is its
/// position in the list.
pub fn parse_extension<'a>(raw: Tlv<'a>, index: usize) -> Result<Extension<'a>, String> {
    if raw.tag != tag::SEQUENCE {
        return Err(format!(
            "expected Extension SEQUENCE, found {}",
            walk::tag_name(raw.tag)
        ));
    }
    let mut r = raw.children();
    let oid = r.expect(tag::OID, "extnID")?;
    let critical = match r.read_if(tag::BOOLEAN) {
        Some(b) => b.content.first().is_some_and(|&v| v != 0),
        None => false,
    };
    let value = r.expect(tag::OCTET_STRING, "extnValue")?;
    if !r.is_empty() {
        return Err("unexpected elements after extnValue".into());
    }
    Ok(Extension {
        oid: oid.content,
        critical,
        value: value.content,
        value_offset: value.offset + (value.raw.len() - value.content.len()),
        raw,
        index,
    })
}

/// Reads a `Time` (UTCTime or GeneralizedTime) when the next element is one.
pub fn read_time<'a>(r: &mut Reader<'a>) -> Option<TimeField<'a>> {
    let kind = match r.peek_tag()? {
        tag::UTC_TIME => TimeKind::Utc,
        tag::GENERALIZED_TIME => TimeKind::Generalized,
        _ => return None,
    };
    let tlv = r.read().ok()?;
    Some(TimeField {
        parsed: parse_asn1_time(kind, tlv.content),
        tlv,
    })
}

/// Value of a (possibly non-minimal) two's complement INTEGER that fits in i64.
pub fn int_value(content: &[u8]) -> Option<i64> {
    let first = *content.first()?;
    let mut v: i64 = if first & 0x80 != 0 { -1 } else { 0 };
    let significant = content
        .iter()
        .skip_while(|&&b| b == if first & 0x80 != 0 { 0xff } else { 0 })
        .count();
    if significant > 8 {
        return None;
    }
    for &b in content {
        v = (v << 8) | i64::from(b);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_values() {
        assert_eq!(int_value(&[0x02]), Some(2));
        assert_eq!(int_value(&[0x00, 0x02]), Some(2));
        assert_eq!(int_value(&[0xff]), Some(-1));
        assert_eq!(int_value(&[0x80]), Some(-128));
        assert_eq!(int_value(&[0x01; 9]), None);
        assert_eq!(int_value(&[]), None);
    }

    #[test]
    fn rejects_what_is_not_a_certificate() {
        assert!(Cert::parse(b"").is_err());
        assert!(Cert::parse(b"hello").is_err());
        assert!(Cert::parse(&[0x30, 0x03, 0x01, 0x01, 0xff]).is_err());
        assert!(Cert::parse(&[0x30, 0x05, 0x02]).is_err());
    }
}
