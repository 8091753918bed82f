//! pkimetal's REST API (doc/openapi.yaml and doc/REST_API.md in the pkimetal repository), so a
//! client of pkimetal can send its S/MIME certificates here unchanged.
//!
//! | endpoint | request | answer |
//! |---|---|---|
//! | `POST /lintcert` | form field `b64input` (or `b64cert`): PEM or base64 certificate | `[{"Linter","Finding","Severity","Code"}]` |
//! | `POST /linttbscert` | form field `b64input` (or `b64tbscert`): PEM or base64 TBSCertificate | as above |
//! | `POST /lintcrl`, `POST /linttbscrl` | `b64input` (or `b64crl`, `b64tbscrl`): a CRL or TBSCertList | as above |
//! | `POST /lintocsp`, `POST /linttbsocsp` | `b64input` (or `b64ocsp`, `b64tbsocsp`): an OCSPResponse or ResponseData | as above |
//! | `GET` on any of them | – | an HTML form posting to the endpoint |
//! | `GET /linters` | – | `[{"Name","Instances","Version","Url"}]` |
//! | `GET /profiles` | – | `[{"Name","Source","Description","Autodetectable"}]` |
//!
//! Forms come `application/x-www-form-urlencoded` or `multipart/form-data`; like pkimetal, the
//! body may instead be the DER itself (`application/pkix-cert` for a certificate,
//! `application/pkix-crl` for a CRL, `application/ocsp-response` for an OCSP response,
//! `application/octet-stream` for the TBS endpoints), with the other parameters in the query.
//! `format` is `json` (default), `text` or `html` (or chosen by `Accept`); `severity` leaves
//! out findings below it (default `meta`, everything); `profile` is `autodetect` (default), a
//! certificate type (`mailbox-strict`) or pkimetal's name for it (`sbr_leaf_smime_mv_strict`);
//! for CRLs and OCSP responses pkimetal's `rfc5280_crl`/`tbr_crl` (a CRL for subscriber
//! certificates), `rfc5280_arl`/`tbr_arl` (for CA certificates) or `rfc6960_ocspresponse`.
//! Each endpoint parses its input as its kind of document; one of another kind is refused with
//! the endpoint to send it to.
//!
//! A request pkimetal would refuse gets what pkimetal answers: status 400 and one `fatal`
//! finding saying what is wrong, in the requested format.

mod profiles;
mod render;

use super::body::{read_body, run_lint};
use super::form::Form;
use super::{ApiError, State};
use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
pub(crate) use profiles::Requested;
use serde::Serialize;
use smimelint_engine::detect::{Kind, TypeSource};
use smimelint_engine::linter::{CertResult, Linter, INTERNAL_ERROR, NOT_A_CERTIFICATE};
use smimelint_engine::options::DocumentKind;
use smimelint_engine::registry::{self, Status};
use smimelint_input::InputItem;
use std::sync::Arc;

/// The name in every finding's `Linter` field and in `GET /linters`.
const LINTER_NAME: &str = "smimelint";

/// The routes, merged into the service's router.
pub(crate) fn routes() -> Router<Arc<State>> {
    let mut router = Router::new();
    for endpoint in Endpoint::ALL {
        router = router.route(
            &format!("/{}", endpoint.path()),
            get(move || async move { render::web_form(endpoint) })
                .post(move |s: Shared<Arc<State>>, r: Request| post(s, r, endpoint)),
        );
    }
    router
        .route("/linters", get(linters))
        .route("/profiles", get(profiles))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Endpoint {
    Cert,
    TbsCert,
    Crl,
    TbsCrl,
    Ocsp,
    TbsOcsp,
}

impl Endpoint {
    const ALL: [Endpoint; 6] = [
        Endpoint::Cert,
        Endpoint::TbsCert,
        Endpoint::Crl,
        Endpoint::TbsCrl,
        Endpoint::Ocsp,
        Endpoint::TbsOcsp,
    ];
    pub(crate) fn path(self) -> &'static str {
        match self {
            Endpoint::Cert => "lintcert",
            Endpoint::TbsCert => "linttbscert",
            Endpoint::Crl => "lintcrl",
            Endpoint::TbsCrl => "linttbscrl",
            Endpoint::Ocsp => "lintocsp",
            Endpoint::TbsOcsp => "linttbsocsp",
        }
    }
    /// The endpoint's own name for `b64input` (REST_API.md, "POST endpoints").
    fn input_field(self) -> &'static str {
        match self {
            Endpoint::Cert => "b64cert",
            Endpoint::TbsCert => "b64tbscert",
            Endpoint::Crl => "b64crl",
            Endpoint::TbsCrl => "b64tbscrl",
            Endpoint::Ocsp => "b64ocsp",
            Endpoint::TbsOcsp => "b64tbsocsp",
        }
    }
    /// The `form` smimelint reports for the input this endpoint takes.
    fn form(self) -> &'static str {
        match self {
            Endpoint::Cert => "certificate",
            Endpoint::TbsCert => "tbs",
            Endpoint::Crl => "crl",
            Endpoint::TbsCrl => "tbs-crl",
            Endpoint::Ocsp => "ocsp",
            Endpoint::TbsOcsp => "tbs-ocsp",
        }
    }
    /// The endpoint for a `form`.
    fn for_form(form: &str) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|e| e.form() == form)
    }
    /// What the endpoint's input is called in a refusal.
    fn input_name(self) -> &'static str {
        match self {
            Endpoint::Cert => "a signed certificate",
            Endpoint::TbsCert => "a TBSCertificate",
            Endpoint::Crl => "a signed CRL",
            Endpoint::TbsCrl => "a TBSCertList",
            Endpoint::Ocsp => "an OCSP response",
            Endpoint::TbsOcsp => "an OCSP ResponseData",
        }
    }
    /// The kind of document the endpoint lints.
    pub(crate) fn document(self) -> DocumentKind {
        match self {
            Endpoint::Cert | Endpoint::TbsCert => DocumentKind::Certificate,
            Endpoint::Crl | Endpoint::TbsCrl => DocumentKind::Crl,
            Endpoint::Ocsp | Endpoint::TbsOcsp => DocumentKind::Ocsp,
        }
    }
    /// The content type pkimetal takes as raw DER on this endpoint.
    fn der_content_type(self) -> &'static str {
        match self {
            Endpoint::Cert => "application/pkix-cert",
            Endpoint::Crl => "application/pkix-crl",
            Endpoint::Ocsp => "application/ocsp-response",
            Endpoint::TbsCert | Endpoint::TbsCrl | Endpoint::TbsOcsp => "application/octet-stream",
        }
    }
}

/// pkimetal's severities, least severe first (FindingSeverity in the OpenAPI file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Severity {
    Meta,
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Bug,
    Fatal,
}

impl Severity {
    pub(crate) const ALL: [Severity; 8] = [
        Severity::Meta,
        Severity::Debug,
        Severity::Info,
        Severity::Notice,
        Severity::Warning,
        Severity::Error,
        Severity::Bug,
        Severity::Fatal,
    ];
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Severity::Meta => "meta",
            Severity::Debug => "debug",
            Severity::Info => "info",
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
            Severity::Bug => "bug",
            Severity::Fatal => "fatal",
        }
    }
    /// An empty value is the default, `meta` (pkimetal's linter/severity.go).
    fn parse(s: &str) -> Option<Severity> {
        let s = s.trim();
        if s.is_empty() {
            return Some(Severity::Meta);
        }
        Severity::ALL.into_iter().find(|v| v.as_str() == s)
    }
    /// The severity of a smimelint finding; pass, NA and NE are not findings. A panic caught
    /// inside smimelint is its own bug, not the certificate's.
    fn of(lint: &str, status: Status) -> Option<Severity> {
        Some(match status {
            Status::Fatal if lint == INTERNAL_ERROR => Severity::Bug,
            Status::Fatal => Severity::Fatal,
            Status::Error => Severity::Error,
            Status::Warn => Severity::Warning,
            Status::Notice => Severity::Notice,
            Status::Pass | Status::NotApplicable | Status::NotEffective => return None,
        })
    }
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One element of the answer (LintFinding in the OpenAPI file).
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct LintFinding {
    pub linter: &'static str,
    pub finding: String,
    pub severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl LintFinding {
    fn meta(finding: String, code: &str) -> LintFinding {
        LintFinding {
            linter: LINTER_NAME,
            finding,
            severity: Severity::Meta,
            code: Some(code.into()),
            field: None,
        }
    }
}

/// The response format (ResponseFormat in the OpenAPI file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Json,
    Text,
    Html,
}

/// `format` if given, else an `Accept` of exactly one of the three types, else JSON (pkimetal's
/// getResponseFormat).
fn response_format(value: Option<&str>, headers: &HeaderMap) -> Option<Format> {
    match value {
        Some("json") => Some(Format::Json),
        Some("text") => Some(Format::Text),
        Some("html") => Some(Format::Html),
        Some(_) => None,
        None => Some(
            match headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) {
                Some("text/html") => Format::Html,
                Some("text/plain") => Format::Text,
                _ => Format::Json,
            },
        ),
    }
}

/// Words for where a certificate's type came from, for people reading an answer.
pub(crate) fn type_source_text(source: TypeSource) -> &'static str {
    match source {
        TypeSource::Policy => "the reserved S/MIME policy OID in certificatePolicies",
        TypeSource::Override => "the type given with the request",
        TypeSource::Map => "the policy map: a CA policy OID mapped to the type",
        TypeSource::Guess => "guessed from the subject attributes (no reserved policy OID)",
    }
}

/// The type, or the kind for CA certificates, that a result was linted as.
/// For a CRL or OCSP response, its form and the scope it was linted for.
pub(crate) fn linted_as(result: &CertResult) -> String {
    match (result.cert_type, result.kind, result.form) {
        (Some(t), _, _) => t.to_string(),
        (None, Some(k), _) => k.as_str().to_string(),
        (None, None, Some(form)) if form != "certificate" && form != "tbs" => match result.scope {
            Some(scope) => format!("{form} (scope: {})", scope.as_str()),
            None => format!("{form} (scope: undetermined)"),
        },
        (None, None, _) => "unknown".into(),
    }
}

/// A refused request: the status and the one `fatal` finding that explains it.
struct Refusal {
    status: StatusCode,
    message: String,
}

impl Refusal {
    fn bad(message: impl Into<String>) -> Refusal {
        Refusal {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
}

impl From<ApiError> for Refusal {
    fn from(e: ApiError) -> Refusal {
        Refusal {
            status: StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST),
            message: e.message,
        }
    }
}

/// The request's parameters: form fields, else the query string (pkimetal reads both).
struct Params {
    form: Form,
    query: Form,
}

impl Params {
    fn text(&self, name: &str) -> Option<String> {
        self.form.text(name).or_else(|| self.query.text(name))
    }
}

async fn post(Shared(state): Shared<Arc<State>>, request: Request, endpoint: Endpoint) -> Response {
    let (parts, body) = request.into_parts();
    let query = Form::urlencoded(parts.uri.query().unwrap_or("").as_bytes());
    // Until the form is read, a refusal comes in the format the query or Accept asks for.
    let query_format = query.as_ref().ok().and_then(|q| q.text("format"));
    let mut format =
        response_format(query_format.as_deref(), &parts.headers).unwrap_or(Format::Json);
    match handle(&state, endpoint, &parts.headers, body, query, &mut format).await {
        Ok(findings) => render::answer(StatusCode::OK, format, &findings),
        Err(refusal) => {
            let finding = LintFinding {
                linter: LINTER_NAME,
                finding: refusal.message,
                severity: Severity::Fatal,
                code: None,
                field: None,
            };
            render::answer(refusal.status, format, &[finding])
        }
    }
}

async fn handle(
    state: &State,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: axum::body::Body,
    query: Result<Form, ApiError>,
    format: &mut Format,
) -> Result<Vec<LintFinding>, Refusal> {
    let query = query?;
    let body = read_body(state, headers, body).await?;
    let mut params = Params {
        form: Form::default(),
        query,
    };
    let input = match Form::parse(headers, &body).await {
        Some(form) => {
            params.form = form?;
            params
                .form
                .first(&[endpoint.input_field(), "b64input"])
                .map(<[u8]>::to_vec)
        }
        None if is_der_body(headers, endpoint) => Some(body.to_vec()),
        None => {
            return Err(Refusal::bad(format!(
                "Unrecognised input: send a form (application/x-www-form-urlencoded or \
                 multipart/form-data) with b64input, or {} DER",
                endpoint.der_content_type()
            )))
        }
    };
    *format = response_format(params.text("format").as_deref(), headers)
        .ok_or_else(|| Refusal::bad("Unrecognised response format"))?;
    lint(state, endpoint, &params, input).await
}

fn is_der_body(headers: &HeaderMap, endpoint: Endpoint) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime::Mime>().ok())
        .is_some_and(|mime| mime.essence_str() == endpoint.der_content_type())
}

/// Checks the parameters in pkimetal's order (input, profile, severity), lints, and turns the
/// record into findings at or above the requested severity.
async fn lint(
    state: &State,
    endpoint: Endpoint,
    params: &Params,
    input: Option<Vec<u8>>,
) -> Result<Vec<LintFinding>, Refusal> {
    let input = input
        .filter(|b| !b.iter().all(u8::is_ascii_whitespace))
        .ok_or_else(|| Refusal::bad("Unrecognised input: b64input is missing or empty"))?;
    let item = frame_one(state, &input).map_err(Refusal::bad)?;
    let requested = profiles::parse(params.text("profile").as_deref().unwrap_or(""))
        .ok_or_else(|| Refusal::bad("Unrecognised profile (see GET /profiles)"))?;
    let minimum = Severity::parse(params.text("severity").as_deref().unwrap_or(""))
        .ok_or_else(|| Refusal::bad("Unrecognised severity"))?;
    check_kind(endpoint, requested, &item)?;
    let linter = match requested {
        Requested::Type(t) => {
            let mut opts = state.config.options.clone();
            opts.override_type = Some(t);
            Arc::new(Linter::new(opts))
        }
        Requested::Autodetect | Requested::Ca(_)
            if endpoint.document() == DocumentKind::Certificate =>
        {
            state.linter.clone()
        }
        // The endpoint says what the document is: it is parsed as that.
        Requested::Autodetect | Requested::Ca(_) | Requested::Revocation(..) => {
            let mut opts = state.config.options.clone();
            opts.document = Some(endpoint.document());
            if let Requested::Revocation(_, scope) = requested {
                opts.scope = scope;
            }
            Arc::new(Linter::new(opts))
        }
    };
    let result = run_lint(state, linter, vec![item])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("no result"))?;
    check_input(endpoint, requested, &result).map_err(Refusal::bad)?;
    let mut findings = vec![LintFinding::meta(
        format!(
            "Profile: {}; Version: {}",
            linted_as(&result),
            env!("CARGO_PKG_VERSION")
        ),
        "profile",
    )];
    if let Some(source) = result.type_source {
        findings.push(LintFinding::meta(
            format!("Type source: {}", type_source_text(source)),
            "type_source",
        ));
    }
    let mut lint_findings: Vec<LintFinding> = result
        .findings
        .iter()
        .filter_map(|f| {
            Some(LintFinding {
                linter: LINTER_NAME,
                finding: f.details.clone().unwrap_or_else(|| {
                    registry::find(f.lint).map_or_else(String::new, |l| l.description.into())
                }),
                severity: Severity::of(f.lint, f.status)?,
                code: Some(f.lint.to_string()),
                field: None,
            })
        })
        .collect();
    // Most severe first, as pkimetal sorts; the engine's order within one severity.
    lint_findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    findings.extend(lint_findings);
    findings.retain(|f| f.severity >= minimum);
    Ok(findings)
}

/// The one document (certificate, CRL, OCSP response or their TBS) in the input: PEM, or base64
/// (wrapped or not), or DER.
pub(crate) fn frame_one(state: &State, input: &[u8]) -> Result<InputItem, String> {
    let joined: Vec<u8>;
    let data = if input
        .iter()
        .all(|&c| c.is_ascii_alphanumeric() || b"+/=\r\n\t ".contains(&c))
    {
        joined = input
            .iter()
            .copied()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        &joined[..]
    } else {
        input
    };
    let limits = crate::handlers::limits(state);
    let mut items = smimelint_engine::linter::frame_bytes("request", data, limits);
    let first = items
        .next()
        .ok_or("Unrecognised input: no certificate, CRL or OCSP response found")?;
    if items.next().is_some() {
        return Err("Unrecognised input: more than one document; send one".into());
    }
    if let Err(e) = &first.der {
        return Err(format!("Unrecognised input: {}", e.message));
    }
    Ok(first)
}

/// Refuses a document the endpoint does not take, before it is linted: the PEM label or the
/// DER's shape names another kind (a CRL sent to `/lintcert`), or the profile is for another
/// kind than the endpoint's.
fn check_kind(endpoint: Endpoint, requested: Requested, item: &InputItem) -> Result<(), Refusal> {
    let wanted = endpoint.document();
    let profile_kind = match requested {
        Requested::Revocation(doc, _) => doc,
        Requested::Type(_) | Requested::Ca(_) => DocumentKind::Certificate,
        Requested::Autodetect => wanted,
    };
    if profile_kind != wanted {
        return Err(Refusal::bad(format!(
            "Profile does not match: the profile is for {}, /{} lints {}",
            kind_words(profile_kind),
            endpoint.path(),
            kind_words(wanted)
        )));
    }
    let label = item
        .pem_label
        .as_deref()
        .and_then(DocumentKind::from_pem_label);
    let found = label.or_else(|| {
        item.der
            .as_deref()
            .ok()
            .and_then(smimelint_revocation::sniff)
    });
    match found {
        Some(found) if found != wanted => {
            let to = Endpoint::ALL
                .into_iter()
                .find(|e| e.document() == found)
                .unwrap_or(endpoint);
            Err(Refusal::bad(format!(
                "Unrecognised input: {}; send it to /{}",
                a_kind(found),
                to.path()
            )))
        }
        _ => Ok(()),
    }
}

fn a_kind(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Certificate => "a certificate",
        DocumentKind::Crl => "a CRL",
        DocumentKind::Ocsp => "an OCSP response",
    }
}

fn kind_words(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Certificate => "certificates",
        DocumentKind::Crl => "CRLs",
        DocumentKind::Ocsp => "OCSP responses",
    }
}

/// Refuses what pkimetal refuses: something that is not a document of the endpoint's kind, a
/// TBS sent to the endpoint for signed documents or the other way round, and a CA profile the
/// certificate does not match.
fn check_input(
    endpoint: Endpoint,
    requested: Requested,
    result: &CertResult,
) -> Result<(), String> {
    if let Some(f) = result.findings.iter().find(|f| f.lint == NOT_A_CERTIFICATE) {
        return Err(format!(
            "Unrecognised input: {}",
            f.details.as_deref().unwrap_or("not a certificate")
        ));
    }
    if result.form != Some(endpoint.form()) {
        let other = result.form.and_then(Endpoint::for_form).unwrap_or(endpoint);
        return Err(format!(
            "Unrecognised input: {}; send it to /{}",
            other.input_name(),
            other.path()
        ));
    }
    if let Requested::Ca(kind) = requested {
        if result.kind != Some(kind) {
            let is = result.kind.map_or("unknown", Kind::as_str);
            return Err(format!(
                "Profile does not match: the certificate is a {is} certificate, not a {}",
                kind.as_str()
            ));
        }
    }
    Ok(())
}

/// `GET /linters` (Linter in the OpenAPI file): smimelint is the one linter.
async fn linters(Shared(state): Shared<Arc<State>>) -> Response {
    let instances = match state.config.workers {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    render::json(
        StatusCode::OK,
        &serde_json::json!([{
            "Name": LINTER_NAME,
            "Instances": instances,
            "Version": env!("CARGO_PKG_VERSION"),
            "Url": env!("CARGO_PKG_REPOSITORY"),
        }]),
    )
}

/// `GET /profiles` (LintProfile in the OpenAPI file).
async fn profiles() -> Response {
    render::json(StatusCode::OK, &profiles::all())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_parse_and_order_as_pkimetal_lists_them() {
        let words = [
            "meta", "debug", "info", "notice", "warning", "error", "bug", "fatal",
        ];
        for (i, w) in words.iter().enumerate() {
            let s = Severity::parse(w).unwrap();
            assert_eq!(s.as_str(), *w);
            assert_eq!(Severity::ALL[i], s);
        }
        assert!(Severity::Meta < Severity::Fatal && Severity::Error < Severity::Bug);
        assert_eq!(Severity::parse(""), Some(Severity::Meta));
        assert_eq!(Severity::parse("warn"), None);
        assert_eq!(Severity::of("e_x", Status::Warn), Some(Severity::Warning));
        assert_eq!(
            Severity::of(INTERNAL_ERROR, Status::Fatal),
            Some(Severity::Bug)
        );
        assert_eq!(Severity::of("e_x", Status::Pass), None);
    }

    /// RFC 9110 section 8.3.1: the media type is case-insensitive, parameters may follow.
    #[test]
    fn der_body_by_content_type_essence() {
        let der = |content_type: &str, endpoint| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, content_type.parse().unwrap());
            is_der_body(&h, endpoint)
        };
        assert!(der("Application/PKIX-Cert", Endpoint::Cert));
        assert!(der("application/octet-stream; x=y", Endpoint::TbsCert));
        assert!(!der("application/octet-stream", Endpoint::Cert));
        assert!(!der("application/pkix-cert; x", Endpoint::Cert));
        assert!(!is_der_body(&HeaderMap::new(), Endpoint::Cert));
    }

    #[test]
    fn format_from_parameter_then_accept() {
        let mut h = HeaderMap::new();
        assert_eq!(response_format(None, &h), Some(Format::Json));
        assert_eq!(response_format(Some("xml"), &h), None);
        h.insert(header::ACCEPT, "text/plain".parse().unwrap());
        assert_eq!(response_format(None, &h), Some(Format::Text));
        assert_eq!(response_format(Some("html"), &h), Some(Format::Html));
    }
}
