//! OCSP responses (RFC 6960 §4.2): OCSPResponse, BasicOCSPResponse and ResponseData, walked
//! and then decoded field by field into lenient views.

mod defaults;
mod identify;
mod single;

pub use defaults::OcspDefault;
pub use identify::{key_hash, CertIdHash, IssuerMatch};
pub use single::{CertId, CertStatus, SingleResponse};

use single::read_time;
use smimelint_cert::{oid, parse_extension, Cert, Extension, FieldError, TimeField};
use smimelint_der::walk::{self, tag, Reader, Tlv, Violation, Walker};

/// What the input turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcspForm {
    /// `OCSPResponse`: status and, when successful, the response bytes.
    Response,
    /// `BasicOCSPResponse`: signed response data without the status wrapper.
    Basic,
    /// `ResponseData`, unsigned (pre-issuance linting).
    ResponseData,
}

/// `ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }`.
#[derive(Clone, Copy, Debug)]
pub enum ResponderId<'a> {
    /// The Name SEQUENCE inside `[1]`.
    ByName(Tlv<'a>),
    /// The KeyHash OCTET STRING inside `[2]`.
    ByKey(Tlv<'a>),
    /// `[1]`/`[2]` without the expected content.
    Malformed(Tlv<'a>),
}

/// Why an input could not be read as an OCSP response at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAnOcspResponse(pub String);

/// A parsed (possibly defective) OCSP response.
#[derive(Debug)]
pub struct Ocsp<'a> {
    pub der: &'a [u8],
    pub form: OcspForm,
    /// The responseStatus ENUMERATED.
    pub response_status: Option<Tlv<'a>>,
    /// The `[0]` EXPLICIT responseBytes wrapper.
    pub response_bytes: Option<Tlv<'a>>,
    /// Content of the responseType OBJECT IDENTIFIER.
    pub response_type: Option<&'a [u8]>,
    pub basic: Option<Tlv<'a>>,
    /// The ResponseData SEQUENCE (tbsResponseData).
    pub tbs: Option<Tlv<'a>>,
    /// The `[0]` EXPLICIT version wrapper.
    pub version: Option<Tlv<'a>>,
    pub responder_id: Option<ResponderId<'a>>,
    pub produced_at: Option<TimeField<'a>>,
    pub responses: Vec<SingleResponse<'a>>,
    /// The `[1]` EXPLICIT responseExtensions wrapper.
    pub extensions_field: Option<Tlv<'a>>,
    pub extensions: Vec<Extension<'a>>,
    pub signature_algorithm: Option<Tlv<'a>>,
    pub signature_value: Option<Tlv<'a>>,
    /// The `[0]` EXPLICIT certs wrapper, and each certificate in it.
    pub certs_field: Option<Tlv<'a>>,
    pub certs: Vec<Cert<'a>>,
    pub violations: Vec<Violation>,
    pub field_errors: Vec<FieldError>,
    pub empty_collections: Vec<String>,
}

impl<'a> Ocsp<'a> {
    pub fn parse(der: &'a [u8]) -> Result<Ocsp<'a>, NotAnOcspResponse> {
        let mut walker = Walker::new();
        let outer = walker
            .walk_single(der, 0, "OCSPResponse")
            .filter(|t| t.tag == tag::SEQUENCE)
            .ok_or_else(|| NotAnOcspResponse("not a complete DER SEQUENCE".into()))?;
        let first = outer
            .children()
            .read()
            .map_err(|e| NotAnOcspResponse(format!("cannot read the first element: {e}")))?;
        let form = match first.tag {
            tag::ENUMERATED => OcspForm::Response,
            tag::SEQUENCE => OcspForm::Basic,
            0xa0..=0xa2 => OcspForm::ResponseData,
            t => {
                return Err(NotAnOcspResponse(format!(
                    "a SEQUENCE starting with {} is not an OCSP response",
                    walk::tag_name(t)
                )))
            }
        };
        let mut o = Ocsp::empty(der, form);
        match form {
            OcspForm::Response => o.read_response(outer, &mut walker),
            OcspForm::Basic => o.read_basic(outer, &mut walker),
            OcspForm::ResponseData => o.read_response_data(outer, &mut walker),
        }
        o.violations.extend(walker.violations);
        Ok(o)
    }

    fn empty(der: &'a [u8], form: OcspForm) -> Self {
        Ocsp {
            der,
            form,
            response_status: None,
            response_bytes: None,
            response_type: None,
            basic: None,
            tbs: None,
            version: None,
            responder_id: None,
            produced_at: None,
            responses: Vec::new(),
            extensions_field: None,
            extensions: Vec::new(),
            signature_algorithm: None,
            signature_value: None,
            certs_field: None,
            certs: Vec::new(),
            violations: Vec::new(),
            field_errors: Vec::new(),
            empty_collections: Vec::new(),
        }
    }

    fn read_response(&mut self, outer: Tlv<'a>, walker: &mut Walker) {
        let mut r = outer.children();
        self.response_status = r.read_if(tag::ENUMERATED);
        self.response_bytes = r.read_if(0xa0);
        if !r.is_empty() {
            self.field_error("OCSPResponse", "unexpected elements after responseBytes");
        }
        let Some(wrapper) = self.response_bytes else {
            return;
        };
        let Some(rb) = wrapper.children().read_if(tag::SEQUENCE) else {
            self.field_error(
                "responseBytes",
                "[0] does not contain a ResponseBytes SEQUENCE",
            );
            return;
        };
        let mut r = rb.children();
        self.response_type = r.read_if(tag::OID).map(|t| t.content);
        if self.response_type.is_none() {
            self.missing("responseBytes.responseType", "OBJECT IDENTIFIER", &r);
        }
        let Some(response) = r.read_if(tag::OCTET_STRING) else {
            self.missing("responseBytes.response", "OCTET STRING", &r);
            return;
        };
        if self.response_type != Some(oid::OCSP_BASIC.as_bytes()) {
            return;
        }
        // The response OCTET STRING holds a DER encoding of its own.
        let base = response.offset + (response.raw.len() - response.content.len());
        match walker.walk_single(response.content, base, "BasicOCSPResponse") {
            Some(basic) if basic.tag == tag::SEQUENCE => self.read_basic(basic, walker),
            _ => self.field_error(
                "responseBytes.response",
                "does not hold a BasicOCSPResponse SEQUENCE",
            ),
        }
    }

    fn read_basic(&mut self, basic: Tlv<'a>, walker: &mut Walker) {
        self.basic = Some(basic);
        let mut r = basic.children();
        match r.read_if(tag::SEQUENCE) {
            Some(tbs) => self.read_response_data(tbs, walker),
            None => self.missing("tbsResponseData", "ResponseData SEQUENCE", &r),
        }
        self.signature_algorithm = r.read_if(tag::SEQUENCE);
        if self.signature_algorithm.is_none() {
            self.missing("signatureAlgorithm", "AlgorithmIdentifier", &r);
        }
        self.signature_value = r.read_if(tag::BIT_STRING);
        if self.signature_value.is_none() {
            self.missing("signature", "BIT STRING", &r);
        }
        self.certs_field = r.read_if(0xa0);
        if let Some(wrapper) = self.certs_field {
            match wrapper.children().read_if(tag::SEQUENCE) {
                Some(list) => {
                    for (i, c) in list.children().enumerate() {
                        match c
                            .map_err(|e| e.to_string())
                            .and_then(|c| Cert::parse(c.raw).map_err(|e| e.0))
                        {
                            Ok(cert) => self.certs.push(cert),
                            Err(e) => self.field_error(&format!("certs[{i}]"), &e),
                        }
                    }
                }
                None => self.field_error("certs", "[0] does not contain a SEQUENCE OF Certificate"),
            }
        }
        if !r.is_empty() {
            self.field_error("BasicOCSPResponse", "unexpected elements after certs");
        }
    }

    fn read_response_data(&mut self, tbs: Tlv<'a>, walker: &mut Walker) {
        self.tbs = Some(tbs);
        let mut r = tbs.children();
        self.version = r.read_if(0xa0);
        self.responder_id = match r.peek_tag() {
            Some(0xa1 | 0xa2) => r.read().ok().map(|t| {
                let inner = t.children().read().ok();
                match (t.tag, inner) {
                    (0xa1, Some(n)) if n.tag == tag::SEQUENCE => ResponderId::ByName(n),
                    (0xa2, Some(k)) if k.tag == tag::OCTET_STRING => ResponderId::ByKey(k),
                    _ => ResponderId::Malformed(t),
                }
            }),
            _ => None,
        };
        if self.responder_id.is_none() {
            self.missing("tbsResponseData.responderID", "[1] byName or [2] byKey", &r);
        }
        self.produced_at = read_time(&mut r);
        if self
            .produced_at
            .as_ref()
            .is_some_and(|t| t.tlv.tag != tag::GENERALIZED_TIME)
        {
            self.field_error("tbsResponseData.producedAt", single::UTC_NOT_GENERALIZED);
        }
        if self.produced_at.is_none() {
            self.missing("tbsResponseData.producedAt", "GeneralizedTime", &r);
        }
        match r.read_if(tag::SEQUENCE) {
            Some(list) => {
                for (i, item) in list.children().enumerate() {
                    match item {
                        Ok(t) => {
                            let single = SingleResponse::parse(t, i);
                            for e in &single.errors {
                                self.field_error(&format!("responses[{i}]"), e);
                            }
                            for x in &single.extensions {
                                walker.walk_single(x.value, x.value_offset, "extnValue");
                            }
                            self.responses.push(single);
                        }
                        Err(e) => self.field_error(&format!("responses[{i}]"), &e.to_string()),
                    }
                }
            }
            None => self.missing(
                "tbsResponseData.responses",
                "SEQUENCE OF SingleResponse",
                &r,
            ),
        }
        self.extensions_field = r.read_if(0xa1);
        if let Some(wrapper) = self.extensions_field {
            self.extensions = self.read_extensions(wrapper, "responseExtensions", walker);
        }
        if !r.is_empty() {
            self.field_error(
                "tbsResponseData",
                "unexpected elements after responseExtensions",
            );
        }
    }

    fn read_extensions(
        &mut self,
        wrapper: Tlv<'a>,
        what: &str,
        walker: &mut Walker,
    ) -> Vec<Extension<'a>> {
        let Some(list) = wrapper.children().read_if(tag::SEQUENCE) else {
            self.field_error(what, "does not contain a SEQUENCE OF Extension");
            return Vec::new();
        };
        if list.content.is_empty() {
            self.empty_collections
                .push(format!("{what} (Extensions ::= SEQUENCE SIZE (1..MAX))"));
        }
        let mut out = Vec::new();
        for (i, item) in list.children().enumerate() {
            match item
                .map_err(|e| e.to_string())
                .and_then(|t| parse_extension(t, i))
            {
                Ok(e) => {
                    walker.walk_single(e.value, e.value_offset, "extnValue");
                    out.push(e);
                }
                Err(e) => self.field_error(&format!("{what}[{i}]"), &e),
            }
        }
        out
    }

    fn field_error(&mut self, field: &str, message: &str) {
        self.field_errors.push(FieldError::new(field, message));
    }

    fn missing(&mut self, field: &str, expected: &str, r: &Reader<'_>) {
        self.field_errors
            .push(FieldError::missing(field, expected, r));
    }

    /// The responseStatus value (0 successful … 6 unauthorized).
    pub fn status_value(&self) -> Option<i64> {
        self.response_status
            .and_then(|t| smimelint_cert::int_value(t.content))
    }

    pub fn extension(&self, id: &const_oid::ObjectIdentifier) -> Option<&Extension<'a>> {
        self.extensions.iter().find(|e| e.is(id))
    }

    /// Whether the input carries response data to lint (a successful basic response, or the
    /// Basic/ResponseData forms).
    pub fn has_response_data(&self) -> bool {
        self.tbs.is_some()
    }

    /// Names the field containing byte `offset`, for messages.
    pub fn locate(&self, offset: usize) -> String {
        let within = |t: Tlv<'_>| offset >= t.offset && offset < t.offset + t.raw.len();
        if let Some(s) = self.responses.iter().find(|s| within(s.raw)) {
            return format!("tbsResponseData.responses[{}]", s.index);
        }
        let fields: [(Option<Tlv<'_>>, &str); 9] = [
            (self.version, "tbsResponseData.version"),
            (
                self.produced_at.as_ref().map(|t| t.tlv),
                "tbsResponseData.producedAt",
            ),
            (self.extensions_field, "tbsResponseData.responseExtensions"),
            (self.tbs, "tbsResponseData"),
            (self.signature_algorithm, "signatureAlgorithm"),
            (self.signature_value, "signature"),
            (self.certs_field, "certs"),
            (self.response_status, "responseStatus"),
            (self.response_bytes, "responseBytes"),
        ];
        fields
            .iter()
            .find(|(t, _)| t.is_some_and(within))
            .map_or_else(|| "OCSPResponse".to_string(), |(_, n)| n.to_string())
    }
}

/// responseStatus names (RFC 6960 §4.2.1); 4 is not used.
pub fn status_name(value: i64) -> Option<&'static str> {
    Some(match value {
        0 => "successful",
        1 => "malformedRequest",
        2 => "internalError",
        3 => "tryLater",
        5 => "sigRequired",
        6 => "unauthorized",
        _ => return None,
    })
}
