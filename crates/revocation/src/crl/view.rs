//! The views lints read: the CRL's fields, extensions and signature, over what
//! [`read_crl`](super::read_crl) kept.

use super::idp::{decode_idp, IssuingDistributionPoint};
use super::read::CrlParts;
use super::CrlForm;
use smimelint_cert::ext::{decode_authority_key_id, AuthorityKeyId};
use smimelint_cert::{oid, parse_extension, read_time, Extension, FieldError, Name, TimeField};
use smimelint_der::walk::{self, tag, Reader, Tlv, Violation, Walker};

/// A parsed (possibly defective) CRL or TBSCertList.
#[derive(Debug)]
pub struct Crl<'a> {
    pub parts: &'a CrlParts,
    pub form: CrlForm,
    /// The `version` INTEGER, when present.
    pub version: Option<Tlv<'a>>,
    /// TBSCertList.signature.
    pub tbs_signature: Option<Tlv<'a>>,
    pub issuer: Option<Tlv<'a>>,
    pub this_update: Option<TimeField<'a>>,
    pub next_update: Option<TimeField<'a>>,
    /// The `[0]` EXPLICIT crlExtensions wrapper.
    pub extensions_field: Option<Tlv<'a>>,
    pub extensions: Vec<Extension<'a>>,
    pub signature_algorithm: Option<Tlv<'a>>,
    pub signature_value: Option<Tlv<'a>>,
    /// Encoding violations: the streamed headers and entries, then the fields kept.
    pub violations: Vec<Violation>,
    pub field_errors: Vec<FieldError>,
    /// SEQUENCE values that are empty where the ASN.1 says SIZE (1..MAX).
    pub empty_collections: Vec<String>,
}

impl<'a> Crl<'a> {
    pub fn new(parts: &'a CrlParts) -> Crl<'a> {
        let mut crl = Crl {
            parts,
            form: parts.form,
            version: None,
            tbs_signature: None,
            issuer: None,
            this_update: None,
            next_update: None,
            extensions_field: None,
            extensions: Vec::new(),
            signature_algorithm: None,
            signature_value: None,
            violations: parts.violations.clone(),
            field_errors: parts.field_errors.clone(),
            empty_collections: Vec::new(),
        };
        let mut walker = Walker::new();
        crl.read_head(&mut walker);
        crl.read_suffix(&mut walker);
        crl.violations.extend(walker.violations);
        crl
    }

    fn read_head(&mut self, walker: &mut Walker) {
        let p = self.parts;
        // The prefix holds the input from its first byte, so absolute offsets index it.
        let bytes = &p.prefix[p.head.0..p.head.1.min(p.prefix.len())];
        walker.walk_all(bytes, p.head.0, "tbsCertList");
        let mut r = Reader::new_at(bytes, p.head.0);
        self.version = r.read_if(tag::INTEGER);
        self.tbs_signature = r.read_if(tag::SEQUENCE);
        if self.tbs_signature.is_none() {
            self.missing("tbsCertList.signature", "AlgorithmIdentifier", &r);
        }
        self.issuer = r.read_if(tag::SEQUENCE);
        if self.issuer.is_none() {
            self.missing("tbsCertList.issuer", "Name", &r);
        }
        self.this_update = read_time(&mut r);
        if self.this_update.is_none() {
            self.missing("tbsCertList.thisUpdate", "Time", &r);
        }
        self.next_update = read_time(&mut r);
        if !r.is_empty() {
            self.missing("tbsCertList", "revokedCertificates or crlExtensions", &r);
        }
    }

    fn read_suffix(&mut self, walker: &mut Walker) {
        let p = self.parts;
        let base = p.suffix_offset;
        let tbs_end = p.tbs.end().unwrap_or(usize::MAX);
        let outer_end = p.outer.end().unwrap_or(usize::MAX);
        let within_tbs = tbs_end.saturating_sub(base).min(p.suffix.len());
        let (in_tbs, after) = p.suffix.split_at(within_tbs);
        walker.walk_all(in_tbs, base, "tbsCertList.crlExtensions");
        let mut r = Reader::new_at(in_tbs, base);
        self.extensions_field = r.read_if(0xa0);
        if let Some(wrapper) = self.extensions_field {
            self.read_extensions(wrapper, walker);
        }
        if !r.is_empty() {
            let t = r.peek_tag().unwrap_or(0);
            self.field_error(
                "tbsCertList",
                &format!("unexpected {} after the last field", walk::tag_name(t)),
            );
        }
        let after_base = base + within_tbs;
        let in_outer = outer_end.saturating_sub(after_base).min(after.len());
        let (signed, trailing) = after.split_at(in_outer);
        if !trailing.is_empty() {
            walker.violations.push(Violation {
                kind: walk::ViolationKind::TrailingData,
                offset: after_base + in_outer,
                region: "certificateList",
                detail: format!("{} byte(s) after the end of the CRL", trailing.len()),
            });
        }
        if self.form == CrlForm::Tbs {
            return;
        }
        walker.walk_all(signed, after_base, "certificateList");
        let mut r = Reader::new_at(signed, after_base);
        self.signature_algorithm = r.read_if(tag::SEQUENCE);
        if self.signature_algorithm.is_none() {
            self.missing("signatureAlgorithm", "AlgorithmIdentifier SEQUENCE", &r);
        }
        self.signature_value = r.read_if(tag::BIT_STRING);
        if self.signature_value.is_none() {
            self.missing("signatureValue", "BIT STRING", &r);
        }
        if !r.is_empty() {
            self.field_error(
                "certificateList",
                "unexpected elements after signatureValue",
            );
        }
    }

    fn read_extensions(&mut self, wrapper: Tlv<'a>, walker: &mut Walker) {
        let Some(list) = wrapper.children().read_if(tag::SEQUENCE) else {
            self.field_error(
                "tbsCertList.crlExtensions",
                "[0] does not contain a SEQUENCE OF Extension",
            );
            return;
        };
        if list.content.is_empty() {
            self.empty_collections
                .push("tbsCertList.crlExtensions (Extensions ::= SEQUENCE SIZE (1..MAX))".into());
        }
        for (index, item) in list.children().enumerate() {
            let Ok(raw) = item else { break };
            match parse_extension(raw, index) {
                Ok(e) => {
                    walker.walk_single(e.value, e.value_offset, "extnValue");
                    self.extensions.push(e);
                }
                Err(msg) => self.field_error(&format!("tbsCertList.crlExtensions[{index}]"), &msg),
            }
        }
    }

    fn field_error(&mut self, field: &str, message: &str) {
        self.field_errors.push(FieldError::new(field, message));
    }

    fn missing(&mut self, field: &str, expected: &str, r: &Reader<'_>) {
        self.field_errors
            .push(FieldError::missing(field, expected, r));
    }

    /// Names the CRL field containing byte `offset`, for messages.
    pub fn locate(&self, offset: usize) -> String {
        if let Some(e) = self
            .extensions
            .iter()
            .find(|e| offset >= e.raw.offset && offset < e.raw.offset + e.raw.raw.len())
        {
            return format!(
                "tbsCertList.crlExtensions[{}] {}",
                e.index,
                oid::describe_extension(e.oid)
            );
        }
        let within = |t: &Option<Tlv<'_>>| {
            t.is_some_and(|t| offset >= t.offset && offset < t.offset + t.raw.len())
        };
        let fields: [(Option<Tlv<'_>>, &str); 8] = [
            (self.version, "tbsCertList.version"),
            (self.tbs_signature, "tbsCertList.signature"),
            (self.issuer, "tbsCertList.issuer"),
            (
                self.this_update.as_ref().map(|t| t.tlv),
                "tbsCertList.thisUpdate",
            ),
            (
                self.next_update.as_ref().map(|t| t.tlv),
                "tbsCertList.nextUpdate",
            ),
            (self.extensions_field, "tbsCertList.crlExtensions"),
            (self.signature_algorithm, "signatureAlgorithm"),
            (self.signature_value, "signatureValue"),
        ];
        if let Some((_, name)) = fields.iter().find(|(t, _)| within(t)) {
            return name.to_string();
        }
        match self
            .parts
            .revoked
            .and_then(|h| h.end().map(|e| (h.offset, e)))
        {
            Some((s, e)) if offset >= s && offset < e => "tbsCertList.revokedCertificates".into(),
            _ => "certificateList".into(),
        }
    }

    pub fn extension(&self, id: &const_oid::ObjectIdentifier) -> Option<&Extension<'a>> {
        self.extensions.iter().find(|e| e.is(id))
    }

    pub fn this_update_time(&self) -> Option<i64> {
        self.this_update.as_ref().and_then(|t| t.parsed.time)
    }

    pub fn next_update_time(&self) -> Option<i64> {
        self.next_update.as_ref().and_then(|t| t.parsed.time)
    }

    /// The issuer Name, decoded.
    pub fn issuer_name(&self) -> Option<Result<Name<'a>, String>> {
        self.issuer.map(Name::parse)
    }

    pub fn authority_key_id(&self) -> Option<Result<AuthorityKeyId<'a>, String>> {
        let e = self.extension(&oid::AUTHORITY_KEY_IDENTIFIER)?;
        Some(decode_authority_key_id(e.value, e.value_offset))
    }

    pub fn issuing_distribution_point(
        &self,
    ) -> Option<Result<IssuingDistributionPoint<'a>, String>> {
        let e = self.extension(&oid::ISSUING_DISTRIBUTION_POINT)?;
        Some(decode_idp(e.value, e.value_offset))
    }

    /// An INTEGER extension value (cRLNumber, deltaCRLIndicator's BaseCRLNumber): its content
    /// octets.
    pub fn integer_extension(
        &self,
        id: &const_oid::ObjectIdentifier,
    ) -> Option<Result<&'a [u8], String>> {
        let e = self.extension(id)?;
        Some(
            Reader::new_at(e.value, e.value_offset)
                .read()
                .map_err(|e| e.to_string())
                .and_then(|t| {
                    if t.tag == tag::INTEGER {
                        Ok(t.content)
                    } else {
                        Err(format!("expected INTEGER, found {}", walk::tag_name(t.tag)))
                    }
                }),
        )
    }

    /// Whether revokedCertificates is present but holds no entry.
    pub fn revoked_list_empty(&self) -> bool {
        self.parts.revoked.is_some_and(|h| h.len == Some(0))
    }

    /// Whether the CRL is a delta CRL (it has deltaCRLIndicator).
    pub fn is_delta(&self) -> bool {
        self.extension(&oid::DELTA_CRL_INDICATOR).is_some()
    }

    /// Whether the IDP marks the CRL indirect.
    pub fn is_indirect(&self) -> bool {
        matches!(self.issuing_distribution_point(), Some(Ok(idp)) if idp.indirect_crl)
    }

    /// Whether the extensions (CRL or entry) are present, which requires version 2.
    pub fn has_any_extensions(&self) -> bool {
        self.extensions_field.is_some() || self.parts.stats.with_extensions > 0
    }
}
