//! A drop-in for pkilint's REST API (`POST /certificate/cabf-smime`), so a CA can move from
//! pkilint by changing a URL.
//!
//! Request: JSON `{"pem": "-----BEGIN CERTIFICATE-----…"}` or `{"b64": "MII…"}` (exactly one),
//! to `POST /certificate/cabf-smime` (type detected) or `POST /certificate/cabf-smime/{TYPE}`
//! (`MAILBOX-STRICT`, `sponsored-legacy`, …).
//!
//! Response (200), pkilint's `LintResultListWithLinter` shape:
//!
//! ```json
//! {
//!   "results": [
//!     {
//!       "validator": "ExtendedKeyUsagePresenceValidator",
//!       "node_path": "certificate",
//!       "finding_descriptions": [
//!         {"severity": "ERROR", "code": "cabf.smime.extended_key_usage_extension_missing", "message": null}
//!       ]
//!     }
//!   ],
//!   "linter": {"name": "MAILBOX-STRICT"}
//! }
//! ```
//!
//! A lint with a pkilint equivalent answers with pkilint's code, validator and severity, and a
//! `null` message where pkilint attaches none (`docs/xref/pkilint-rest.txt`, read by
//! [`crate::pkilint_codes`]). Differences from pkilint, on purpose:
//! - lints without a pkilint equivalent report under their own name, as `validator` and `code`,
//!   with severities `fatal`→`FATAL`, `error`→`ERROR`, `warn`→`WARNING`, `notice`→`NOTICE`;
//! - `node_path` is `certificate`;
//! - CA certificates and TBSCertificates are linted too (`linter.name` is `ROOT-CA` or
//!   `SUBORDINATE-CA` for CA certificates);
//! - errors are 422 `{"detail": TEXT, "error": CODE, "message": TEXT}`: `detail` as FastAPI
//!   writes it, `error`/`message` as the rest of the service.

use super::body::{parse_json, read_body, run_lint};
use super::{ApiError, State};
use axum::extract::{Path, Request, State as Shared};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use smimelint_engine::detect::CertType;
use smimelint_engine::linter::{CertResult, Linter};
use std::sync::Arc;

#[derive(Debug, Deserialize)]
struct Document {
    pem: Option<String>,
    b64: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LintResultList {
    pub results: Vec<ValidationResult>,
    pub linter: LinterName,
}

#[derive(Debug, Serialize)]
pub struct ValidationResult {
    pub validator: String,
    pub node_path: String,
    pub finding_descriptions: Vec<FindingDescription>,
}

#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct FindingDescription {
    pub severity: &'static str,
    pub code: String,
    pub message: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct LinterName {
    pub name: String,
}

/// pkilint's severity word for a finding status of a lint without a pkilint equivalent.
pub use super::pkilint_codes::own_severity as severity;

/// Where smimelint does not know the node a finding is about.
const WHOLE_CERTIFICATE: &str = "certificate";

/// The pkilint findings one smimelint finding is reported as: the lint's pkilint equivalents
/// (`docs/xref/pkilint-rest.txt`), or the lint itself under its own name when it has none.
fn descriptions(f: &smimelint_engine::result::Finding) -> Vec<(String, FindingDescription)> {
    let Some(own) = severity(f.status) else {
        return Vec::new();
    };
    match super::pkilint_codes::table().get(f.lint) {
        Some(rows) => rows
            .iter()
            .map(|row| {
                (
                    row.validator.to_string(),
                    FindingDescription {
                        severity: row.severity,
                        code: row.code.to_string(),
                        message: if row.has_message {
                            f.details.clone()
                        } else {
                            None
                        },
                    },
                )
            })
            .collect(),
        None => vec![(
            f.lint.to_string(),
            FindingDescription {
                severity: own,
                code: f.lint.to_string(),
                message: f.details.clone(),
            },
        )],
    }
}

/// Converts one smimelint record to pkilint's response shape: one result per validator and
/// node, as pkilint groups them, without repeating a finding two lints report alike.
pub fn convert(result: &CertResult) -> LintResultList {
    let mut results: Vec<ValidationResult> = Vec::new();
    for (validator, description) in result.findings.iter().flat_map(descriptions) {
        let node_path = WHOLE_CERTIFICATE;
        match results
            .iter_mut()
            .find(|r| r.validator == validator && r.node_path == node_path)
        {
            Some(r) if r.finding_descriptions.contains(&description) => {}
            Some(r) => r.finding_descriptions.push(description),
            None => results.push(ValidationResult {
                validator,
                node_path: node_path.into(),
                finding_descriptions: vec![description],
            }),
        }
    }
    let name = match (result.cert_type, result.kind) {
        (Some(t), _) => t.to_string(),
        (None, Some(k)) => k.as_str().to_string(),
        (None, None) => "unknown".into(),
    };
    LintResultList {
        results,
        linter: LinterName {
            name: name.to_ascii_uppercase(),
        },
    }
}

/// An [`ApiError`] with FastAPI's `detail` field added.
struct CompatError(ApiError);

impl IntoResponse for CompatError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::BAD_REQUEST);
        let body = serde_json::json!({
            "detail": self.0.message,
            "error": self.0.error,
            "message": self.0.message,
        });
        (status, axum::Json(body)).into_response()
    }
}

impl From<ApiError> for CompatError {
    fn from(e: ApiError) -> Self {
        CompatError(e)
    }
}

/// `POST /certificate/cabf-smime`: detect the type and lint.
pub(super) async fn detect(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    respond(lint(&state, request, None).await)
}

/// `POST /certificate/cabf-smime/{TYPE}`: lint as the given type.
pub(super) async fn typed(
    Shared(state): Shared<Arc<State>>,
    Path(cert_type): Path<String>,
    request: Request,
) -> Response {
    let parsed = cert_type.parse::<CertType>().map_err(|e| {
        CompatError(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("Linter with the specified name does not exist: {e}"),
        ))
    });
    match parsed {
        Ok(t) => respond(lint(&state, request, Some(t)).await),
        Err(e) => e.into_response(),
    }
}

/// `GET /certificate/cabf-smime`: the linter group, as pkilint lists it.
pub(super) async fn group() -> Response {
    let linters: Vec<LinterName> = CertType::all()
        .map(|t| LinterName {
            name: t.to_string().to_ascii_uppercase(),
        })
        .collect();
    axum::Json(serde_json::json!({ "name": "cabf-smime", "linters": linters })).into_response()
}

fn respond(outcome: Result<LintResultList, CompatError>) -> Response {
    match outcome {
        Ok(list) => axum::Json(list).into_response(),
        Err(e) => e.into_response(),
    }
}

async fn lint(
    state: &State,
    request: Request,
    cert_type: Option<CertType>,
) -> Result<LintResultList, CompatError> {
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    if content_type
        .as_deref()
        .is_some_and(|c| c != "application/json")
    {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "this endpoint takes application/json: {\"pem\": …} or {\"b64\": …}",
        )
        .into());
    }
    let (parts, body) = request.into_parts();
    let body = read_body(state, &parts.headers, body).await?;
    let doc: Document = parse_json(&body)?;
    let der = match (doc.pem, doc.b64) {
        (Some(pem), None) => {
            let item = smimelint_engine::linter::frame_bytes(
                "request",
                pem.as_bytes(),
                Default::default(),
            )
            .next()
            .ok_or_else(|| ApiError::invalid("Invalid PEM text specified"))?;
            item.der
                .map_err(|e| ApiError::invalid(format!("Invalid PEM text specified: {e}")))?
        }
        (None, Some(b64)) => {
            let compact: String = b64.split_ascii_whitespace().collect();
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .map_err(|e| {
                    ApiError::invalid(format!("Invalid Base-64 encoding specified: {e}"))
                })?
        }
        _ => {
            return Err(
                ApiError::invalid("Must set exactly one of \"pem\" or \"b64\" fields").into(),
            )
        }
    };
    let linter = match cert_type {
        None => state.linter.clone(),
        Some(t) => {
            let mut opts = state.config.options.clone();
            opts.override_type = Some(t);
            Arc::new(Linter::new(opts))
        }
    };
    let item = smimelint_input::InputItem {
        name: "request".into(),
        encoding: None,
        pem_label: None,
        der: Ok(der),
        notes: Vec::new(),
    };
    let result = run_lint(state, linter, vec![item])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("no result"))?;
    // Parsed inside the engine's panic boundary, like every other input.
    if result
        .findings
        .iter()
        .any(|f| f.lint == smimelint_engine::linter::NOT_A_CERTIFICATE)
    {
        return Err(ApiError::invalid("the document is not a certificate").into());
    }
    Ok(convert(&result))
}
