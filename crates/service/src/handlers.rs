//! Routes, request decoding and the limits every request passes through.

use super::body::{parse_json, read_body, run_lint};
use super::{openapi, pkilint, ApiError, State};
use axum::extract::{Request, State as Shared};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::{Deserialize, Serialize};
use smimelint_engine::linter::{self as engine, Linter};
use smimelint_engine::options::DocumentKind;
use smimelint_engine::revocation_context::Scope;
use smimelint_input::{InputItem, Limits};
use std::sync::Arc;
use std::time::Instant;

pub(super) fn routes(state: Arc<State>) -> Router {
    Router::new()
        .route("/v1/lint", post(lint_one))
        .route("/v1/lint/batch", post(lint_batch))
        .route("/v1/lints", get(lints))
        .route("/healthz", get(healthz))
        .route("/version", get(version))
        .route("/v1/version", get(version))
        // pkilint's REST API (pkilint.rs) and the API description (openapi.rs).
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/docs", get(openapi::docs))
        .route("/certificate", get(pkilint::groups))
        .route(
            "/certificate/{group}",
            post(pkilint::detect).get(pkilint::group),
        )
        .route(
            "/certificate/{group}/{linter}",
            post(pkilint::typed).get(pkilint::validations),
        )
        .merge(super::pkilint_revocation::routes())
        .merge(super::pkimetal::routes())
        .merge(super::webpage::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Outermost last: the log line also covers requests the deadline cut off.
        .layer(middleware::from_fn_with_state(state.clone(), deadline))
        .layer(middleware::from_fn_with_state(state.clone(), log_request))
        .with_state(state)
}

/// JSON body of `POST /v1/lint` (`certificate`) and `POST /v1/lint/batch` (`certificates`).
/// For raw bodies the same options go in the query string:
/// `?type=mailbox-strict&at=now&all=true&include=e_*&exclude=…`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintRequest {
    /// PEM (a certificate label, incl. `TBS CERTIFICATE`, or `X509 CRL` / `OCSP RESPONSE`) or
    /// base64 DER of a certificate, CRL or OCSP response.
    #[serde(alias = "document")]
    pub certificate: Option<String>,
    #[serde(alias = "documents")]
    pub certificates: Option<Vec<String>>,
    /// What the input is: `auto` (default: the PEM label, else the DER's shape),
    /// `certificate`, `crl` or `ocsp`.
    pub kind: Option<String>,
    /// For CRLs and OCSP responses: whether they report on `subscriber` or `ca` certificates
    /// (default: from the CRL's issuingDistributionPoint, or a root issuer).
    pub scope: Option<String>,
    /// Lint as this type (e.g. `mailbox-strict`) instead of detecting it.
    #[serde(rename = "type")]
    pub cert_type: Option<String>,
    /// Issuing CA certificate, PEM or base64, for the chain-aware lints.
    pub issuer: Option<String>,
    /// Evaluation time: `now`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (default: notBefore).
    pub at: Option<String>,
    /// Run only lints matching these globs.
    #[serde(default)]
    pub include: Vec<String>,
    /// Skip lints matching these globs.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Also report pass, NA and NE results.
    #[serde(default)]
    pub all: bool,
}

impl LintRequest {
    fn overrides_nothing(&self) -> bool {
        self.cert_type.is_none()
            && self.kind.is_none()
            && self.scope.is_none()
            && self.issuer.is_none()
            && self.at.is_none()
            && self.include.is_empty()
            && self.exclude.is_empty()
            && !self.all
    }

    /// Options from a raw request's query string; unknown keys are refused like unknown JSON
    /// fields. `include` and `exclude` may repeat and hold comma-separated lists, which a serde
    /// struct of single values would refuse, so the decoded pairs are read one by one.
    fn from_query(query: Option<&str>) -> Result<LintRequest, ApiError> {
        let mut req = LintRequest::default();
        for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
            match &*key {
                "type" => req.cert_type = Some(value.into_owned()),
                "kind" => req.kind = Some(value.into_owned()),
                "scope" => req.scope = Some(value.into_owned()),
                "at" => req.at = Some(value.into_owned()),
                "all" => req.all = matches!(&*value, "" | "1" | "true"),
                "include" => req.include.extend(value.split(',').map(str::to_string)),
                "exclude" => req.exclude.extend(value.split(',').map(str::to_string)),
                _ => {
                    return Err(ApiError::invalid(format!(
                        "unknown query parameter '{key}' (type, kind, scope, at, all, include, exclude)"
                    )))
                }
            }
        }
        Ok(req)
    }
}

/// The linter for one request: the shared one unless the request overrides something.
fn linter_for(state: &State, req: &LintRequest) -> Result<Arc<Linter>, ApiError> {
    if req.overrides_nothing() {
        return Ok(state.linter.clone());
    }
    Ok(Arc::new(Linter::new(req.options(&state.config.options)?)))
}

impl LintRequest {
    /// `base` with this request's overrides applied; 422 for a value that does not parse.
    pub fn options(&self, base: &engine::Options) -> Result<engine::Options, ApiError> {
        let req = self;
        let mut opts = base.clone();
        if let Some(t) = &req.cert_type {
            opts.override_type = Some(
                t.parse()
                    .map_err(|e| ApiError::invalid(format!("type: {e}")))?,
            );
        }
        if let Some(kind) = &req.kind {
            opts.document = parse_kind(kind)?;
        }
        if let Some(scope) = &req.scope {
            opts.scope = Some(parse_scope(scope)?);
        }
        if let Some(at) = &req.at {
            opts.at = Some(engine::parse_at(at).ok_or_else(|| {
                ApiError::invalid(format!(
                    "at: expected 'now', YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '{at}'"
                ))
            })?);
        }
        if let Some(issuer) = &req.issuer {
            let der = engine::issuer_from_bytes(&one_blob(issuer.as_bytes()))
                .map_err(|e| ApiError::invalid(format!("issuer: {e}")))?;
            opts.issuer = Some(der);
        }
        let include = engine::parse_globs("include", &req.include).map_err(ApiError::invalid)?;
        let exclude = engine::parse_globs("exclude", &req.exclude).map_err(ApiError::invalid)?;
        opts.filter.include.extend(include);
        opts.filter.exclude.extend(exclude);
        opts.include_passes |= req.all;
        Ok(opts)
    }
}

/// The `kind` parameter: `auto` leaves the kind to detection.
pub(crate) fn parse_kind(kind: &str) -> Result<Option<DocumentKind>, ApiError> {
    match kind.trim().to_ascii_lowercase().as_str() {
        "" | "auto" | "autodetect" => Ok(None),
        "certificate" | "cert" => Ok(Some(DocumentKind::Certificate)),
        "crl" => Ok(Some(DocumentKind::Crl)),
        "ocsp" => Ok(Some(DocumentKind::Ocsp)),
        _ => Err(ApiError::invalid(format!(
            "kind: expected auto, certificate, crl or ocsp, got '{kind}'"
        ))),
    }
}

/// The `scope` parameter of CRLs and OCSP responses.
pub(crate) fn parse_scope(scope: &str) -> Result<Scope, ApiError> {
    Scope::parse(scope.trim()).ok_or_else(|| {
        ApiError::invalid(format!("scope: expected subscriber or ca, got '{scope}'"))
    })
}

/// Decodes a lint request's options as `POST /v1/lint` and `/v1/lint/batch` do: a JSON body
/// (by Content-Type, or without one a body starting with `{`), otherwise the query string of a
/// raw certificate body. The certificates themselves are framed later.
pub fn parse_lint_request(
    content_type: Option<&str>,
    body: &[u8],
    query: Option<&str>,
) -> Result<LintRequest, ApiError> {
    let mut headers = HeaderMap::new();
    if let Some(ct) = content_type {
        let value = HeaderValue::from_str(ct)
            .map_err(|_| ApiError::invalid("Content-Type is not a valid header value"))?;
        headers.insert(header::CONTENT_TYPE, value);
    }
    match body_kind(&headers, body)? {
        BodyKind::Json => parse_json(body),
        BodyKind::Encoded => LintRequest::from_query(query),
    }
}

/// Whether `b` is base64 text (possibly wrapped over lines) rather than PEM, DER or noise.
fn is_bare_base64(b: &[u8]) -> bool {
    b.iter().any(|c| !c.is_ascii_whitespace())
        && b.iter().all(|&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=') || c.is_ascii_whitespace()
        })
}

/// One certificate's text: wrapped base64 is joined into one line, so the framer sees one
/// certificate rather than one per line; PEM and DER pass unchanged.
fn one_blob(b: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if is_bare_base64(b) {
        b.iter()
            .copied()
            .filter(|c| !c.is_ascii_whitespace())
            .collect::<Vec<u8>>()
            .into()
    } else {
        b.into()
    }
}

/// No document in a request can be larger than the request body itself.
pub(crate) fn limits(state: &State) -> Limits {
    Limits {
        max_cert_bytes: state.config.max_body_bytes,
        max_document_bytes: state.config.max_body_bytes,
        ..Limits::default()
    }
}

/// Frames one certificate; more than one is the client's mistake, not something to drop.
fn frame_one(state: &State, name: &str, data: &[u8]) -> Result<InputItem, ApiError> {
    let data = one_blob(data);
    let mut items = engine::frame_bytes(name, &data, limits(state));
    let first = items.next();
    if items.next().is_some() {
        return Err(ApiError::invalid(format!(
            "{name} holds more than one certificate, CRL or OCSP response; send one, or use POST /v1/lint/batch"
        )));
    }
    first.ok_or_else(|| ApiError::invalid(format!("{name}: no certificate found")))
}

/// How a body is to be read, from its Content-Type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    Json,
    /// PEM, base64 or DER, framed like a file.
    Encoded,
}

/// Content types taken as an encoded certificate, CRL or OCSP response (PEM, DER or base64).
const ENCODED_TYPES: &[&str] = &[
    "application/x-pem-file",
    "application/pem-certificate-chain",
    "application/pkix-cert",
    "application/pkix-crl",
    "application/ocsp-response",
    "application/x-x509-ca-cert",
    "application/x-x509-user-cert",
    "application/octet-stream",
    "text/plain",
];

/// The body kind from the Content-Type; without one, a body starting with `{` is JSON and
/// anything else an encoded certificate.
fn body_kind(headers: &HeaderMap, body: &[u8]) -> Result<BodyKind, ApiError> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        let first = body.iter().find(|c| !c.is_ascii_whitespace());
        return Ok(if first == Some(&b'{') {
            BodyKind::Json
        } else {
            BodyKind::Encoded
        });
    };
    let mime = value
        .to_str()
        .map_err(|_| unsupported_media_type("the Content-Type is not text".to_string()))?
        .parse::<mime::Mime>()
        .map_err(|e| unsupported_media_type(format!("the Content-Type does not parse ({e})")))?;
    let essence = mime.essence_str();
    if essence == mime::APPLICATION_JSON.essence_str() {
        Ok(BodyKind::Json)
    } else if ENCODED_TYPES.contains(&essence) {
        Ok(BodyKind::Encoded)
    } else {
        Err(unsupported_media_type(format!(
            "content type '{essence}' not accepted"
        )))
    }
}

fn unsupported_media_type(problem: String) -> ApiError {
    ApiError::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
        format!(
            "{problem}; use application/json or one of {}",
            ENCODED_TYPES.join(", ")
        ),
    )
}

fn require_content(body: &[u8]) -> Result<(), ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "empty_body",
            "the request body is empty; send a certificate",
        ));
    }
    Ok(())
}

fn json_response<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => ApiError::internal(e.to_string()).into_response(),
    }
}

/// Decodes a request into options and framed items, for either endpoint.
async fn decode_request(
    state: &State,
    request: Request,
    batch: bool,
) -> Result<(LintRequest, Vec<InputItem>), ApiError> {
    // A wrong content type is refused before the body is read.
    body_kind(request.headers(), b"")?;
    let query = request.uri().query().map(str::to_string);
    let (parts, body) = request.into_parts();
    let body = read_body(state, &parts.headers, body).await?;
    require_content(&body)?;
    match body_kind(&parts.headers, &body)? {
        BodyKind::Json => {
            let req: LintRequest = parse_json(&body)?;
            // The field of the other endpoint would otherwise be ignored without a word.
            match (batch, &req.certificate, &req.certificates) {
                (true, Some(_), _) => {
                    return Err(ApiError::invalid(
                        "`certificate` belongs to POST /v1/lint; here send `certificates`",
                    ))
                }
                (false, _, Some(_)) => {
                    return Err(ApiError::invalid(
                        "`certificates` belongs to POST /v1/lint/batch; here send `certificate`",
                    ))
                }
                _ => {}
            }
            let items = if batch {
                let certs = req.certificates.as_deref().ok_or_else(|| {
                    ApiError::invalid(
                        "missing field `certificates` (an array of PEM/base64 strings)",
                    )
                })?;
                check_batch_size(state, certs.len())?;
                certs
                    .iter()
                    .enumerate()
                    .map(|(i, c)| frame_one(state, &format!("certificates[{i}]"), c.as_bytes()))
                    .collect::<Result<Vec<_>, _>>()?
            } else {
                let cert = req.certificate.as_deref().ok_or_else(|| {
                    ApiError::invalid("missing field `certificate` (a PEM or base64 string)")
                })?;
                vec![frame_one(state, "certificate", cert.as_bytes())?]
            };
            Ok((req, items))
        }
        BodyKind::Encoded => {
            let req = LintRequest::from_query(query.as_deref())?;
            let items = if batch {
                let items: Vec<InputItem> = engine::frame_bytes("request", &body, limits(state))
                    .take(state.config.max_batch + 1)
                    .collect();
                check_batch_size(state, items.len())?;
                items
            } else {
                vec![frame_one(state, "request", &body)?]
            };
            Ok((req, items))
        }
    }
}

fn check_batch_size(state: &State, n: usize) -> Result<(), ApiError> {
    let max = state.config.max_batch;
    if n > max {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "batch_too_large",
            format!("more than {max} certificates in one request"),
        ));
    }
    if n == 0 {
        return Err(ApiError::invalid("`certificates` is empty"));
    }
    Ok(())
}

/// `POST /v1/lint`: one record, exactly as `smimelint lint --format jsonl` prints it.
async fn lint_one(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let outcome = async {
        let (req, items) = decode_request(&state, request, false).await?;
        let linter = linter_for(&state, &req)?;
        let mut results = run_lint(&state, linter, items).await?;
        results.pop().ok_or_else(|| ApiError::internal("no result"))
    }
    .await;
    match outcome {
        Ok(result) => json_response(&result),
        Err(e) => e.into_response(),
    }
}

/// `POST /v1/lint/batch`: an array of records, in input order.
async fn lint_batch(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let outcome = async {
        let (req, items) = decode_request(&state, request, true).await?;
        let linter = linter_for(&state, &req)?;
        run_lint(&state, linter, items).await
    }
    .await;
    match outcome {
        Ok(results) => json_response(&results),
        Err(e) => e.into_response(),
    }
}

async fn lints(Shared(state): Shared<Arc<State>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        state.lints_json.clone(),
    )
        .into_response()
}

/// 200 `ok` while the lint pool can take work; 503 `unavailable` with the reason while every
/// slot is taken or a job has outlived twice the request timeout.
async fn healthz(Shared(state): Shared<Arc<State>>) -> Response {
    let h = state.pool.health();
    let body = serde_json::json!({
        "status": if h.problem.is_some() { "unavailable" } else { "ok" },
        "reason": h.problem,
        "in_flight": h.in_flight,
        "max_in_flight": h.max_in_flight,
        "oldest_job_ms": h.oldest_ms,
    });
    let mut response = json_response(&body);
    if h.problem.is_some() {
        *response.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    }
    response
}

/// `lints` counts what this service runs: the registry less what its configuration switched off.
async fn version(Shared(state): Shared<Arc<State>>) -> Response {
    json_response(&serde_json::json!({
        "name": "smimelint",
        "version": env!("CARGO_PKG_VERSION"),
        "lints": state.linter.lints().len(),
    }))
}

async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("no endpoint {}", request.uri().path()),
    )
}

async fn method_not_allowed(request: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "{} is not allowed on {}",
            request.method(),
            request.uri().path()
        ),
    )
}

/// The per-request timeout, covering the body upload and linting (headers are bounded by the
/// connection's header-read timeout).
async fn deadline(Shared(state): Shared<Arc<State>>, request: Request, next: Next) -> Response {
    let limit = state.config.timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response = ApiError::timeout(limit).into_response();
            // The rest of a slow body is not worth waiting for.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            response
        }
    }
}

/// One line per request on stderr: time, method, path, status, microseconds.
async fn log_request(Shared(state): Shared<Arc<State>>, request: Request, next: Next) -> Response {
    if !state.config.log_requests {
        return next.run(request).await;
    }
    let start = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    super::log(format_args!(
        "{} {method} {path} {} {}us",
        smimelint_der::time::format_iso(smimelint_der::time::now()),
        response.status().as_u16(),
        start.elapsed().as_micros()
    ));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_decoded() {
        let req = LintRequest::from_query(Some(
            "include=e_%2A,w_x&at=2024-01-01+00&exclude=100%&exclude=%zz&all",
        ))
        .unwrap();
        assert_eq!(req.include, ["e_*", "w_x"]);
        assert_eq!(req.at.as_deref(), Some("2024-01-01 00"));
        assert_eq!(req.exclude, ["100%", "%zz"]);
        assert!(req.all);
        let req = LintRequest::from_query(Some("%74ype=mailbox-strict&all=false")).unwrap();
        assert_eq!(req.cert_type.as_deref(), Some("mailbox-strict"));
        assert!(!req.all);
        assert!(LintRequest::from_query(None).unwrap().overrides_nothing());
    }

    #[test]
    fn unknown_query_parameter_is_refused() {
        let e = LintRequest::from_query(Some("type=x&colour=red")).unwrap_err();
        assert_eq!((e.status, e.error), (422, "invalid_request"));
        assert!(e.message.contains("'colour'"), "{}", e.message);
    }

    fn kind(content_type: &str) -> Result<BodyKind, ApiError> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        body_kind(&headers, b"")
    }

    /// RFC 9110 section 8.3.1: type, subtype and parameter names are case-insensitive.
    #[test]
    fn content_type_by_essence() {
        assert_eq!(
            kind("Application/JSON; charset=UTF-8").unwrap(),
            BodyKind::Json
        );
        assert_eq!(
            kind("text/plain;charset=us-ascii").unwrap(),
            BodyKind::Encoded
        );
        assert_eq!(kind("application/PKIX-cert").unwrap(), BodyKind::Encoded);
        assert_eq!(
            body_kind(&HeaderMap::new(), b" {}").unwrap(),
            BodyKind::Json
        );
        assert_eq!(
            body_kind(&HeaderMap::new(), b"MIIB").unwrap(),
            BodyKind::Encoded
        );
    }

    #[test]
    fn other_or_broken_content_types_are_unsupported() {
        for (content_type, says) in [
            ("application/xml", "'application/xml' not accepted"),
            ("text/plain; charset", "does not parse"),
            ("json", "does not parse"),
        ] {
            let e = kind(content_type).unwrap_err();
            assert_eq!((e.status, e.error), (415, "unsupported_media_type"));
            assert!(e.message.contains(says), "{content_type}: {}", e.message);
        }
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_bytes(b"text/\xff").unwrap(),
        );
        assert_eq!(body_kind(&headers, b"").unwrap_err().status, 415);
    }

    #[test]
    fn wrapped_base64_is_one_blob() {
        assert_eq!(&*one_blob(b"MIIB\nAAAA\n"), b"MIIBAAAA");
        let pem = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        assert_eq!(&*one_blob(pem), &pem[..]);
        assert_eq!(&*one_blob(b"\x30\x03\x02\x01\x00"), b"\x30\x03\x02\x01\x00");
    }
}
