//! A drop-in for pkilint's REST API (`POST /certificate/cabf-smime`), so a CA can move from
//! pkilint by changing a URL.
//!
//! Request: JSON `{"pem": "-----BEGIN CERTIFICATE-----…"}` or `{"b64": "MII…"}` (exactly one),
//! to `POST /certificate/cabf-smime` (type from the reserved policy OID),
//! `POST /certificate/cabf-smime/{TYPE}` (`MAILBOX-STRICT`, `sponsored-legacy`, …; the answer
//! has `results` only) or `POST /certificate/cabf-smime/determine-linter` (`{"name": TYPE}`).
//!
//! Response (200) of the first, pkilint's `LintResultListWithLinter` shape:
//!
//! ```json
//! {
//!   "results": [
//!     {
//!       "validator": "ExtendedKeyUsagePresenceValidator",
//!       "node_path": "certificate.tbsCertificate.extensions",
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
//! - `node_path` is pkilint's only where pkilint always names the same node for the code (the
//!   table's NODE column), else `certificate`;
//! - the evaluation time is the request time, or `?at=`;
//! - the type also comes from the service's `--policy-map`.
//!
//! Requests are decoded and refused as pkilint's FastAPI server does it
//! (`pkilint_request.rs`): the same status codes and `detail` bodies.

use super::body::{read_body, run_lint};
use super::pkilint_time::{self, PkilintQuery};
use super::{pkilint_codes, pkilint_loader, pkilint_request, ApiError, State};
use axum::extract::{Path, Query, Request, State as Shared};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use smimelint_der::time::UnixTime;
use smimelint_engine::detect::{CertType, Kind, Profile, TypeSource};
use smimelint_engine::linter::{CertResult, Linter};
use smimelint_engine::registry;
use std::sync::Arc;

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

/// pkilint's `LintResultList`, the answer when the type is given.
#[derive(Debug, Serialize)]
pub struct ResultsOnly {
    pub results: Vec<ValidationResult>,
}

#[derive(Debug, Serialize)]
pub struct LinterName {
    pub name: String,
}

/// pkilint's severity word for a finding status of a lint without a pkilint equivalent.
pub use super::pkilint_codes::own_severity as severity;

/// The pkilint findings one smimelint finding is reported as: the lint's pkilint equivalents
/// (`docs/xref/pkilint-rest.txt`), or the lint itself under its own name when it has none.
fn descriptions(
    f: &smimelint_engine::result::Finding,
) -> Vec<(String, &'static str, FindingDescription)> {
    let Some(own) = severity(f.status) else {
        return Vec::new();
    };
    match super::pkilint_codes::table().get(f.lint) {
        Some(rows) if !rows.is_empty() => rows
            .iter()
            .map(|row| {
                (
                    row.validator.to_string(),
                    row.node,
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
        _ => vec![(
            f.lint.to_string(),
            pkilint_codes::WHOLE_CERTIFICATE,
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
    for (validator, node_path, description) in result.findings.iter().flat_map(descriptions) {
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

/// The linter group's certificate types, in pkilint's order.
fn linter_types() -> Vec<CertType> {
    linter_names()
        .iter()
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The linter group's names, in pkilint's order.
fn linter_names() -> Vec<String> {
    let mut names = Vec::new();
    for level in ["MAILBOX", "ORGANIZATION", "SPONSORED", "INDIVIDUAL"] {
        for generation in ["LEGACY", "MULTIPURPOSE", "STRICT"] {
            names.push(format!("{level}-{generation}"));
        }
    }
    names
}

const GROUP: &str = "cabf-smime";
const NO_GROUP: &str = "Linter group with the specified name does not exist";
const NO_LINTER: &str = "Linter with the specified name does not exist";

#[derive(Debug, Serialize)]
pub struct LinterGroup {
    pub name: &'static str,
    pub linters: Vec<LinterName>,
}

#[derive(Debug, Serialize)]
pub struct Validation {
    pub severity: &'static str,
    pub code: String,
}

fn group_json() -> LinterGroup {
    let linters: Vec<LinterName> = linter_names()
        .into_iter()
        .map(|name| LinterName { name })
        .collect();
    LinterGroup {
        name: GROUP,
        linters,
    }
}

/// `GET /certificate`: the certificate linter groups (smimelint has pkilint's S/MIME group).
pub(super) async fn groups() -> Response {
    axum::Json([group_json()]).into_response()
}

/// `GET /certificate/{group}`: the linters of the group.
pub(super) async fn group(Path(name): Path<String>) -> Response {
    if !name.eq_ignore_ascii_case(GROUP) {
        return pkilint_request::not_found(NO_GROUP);
    }
    axum::Json(group_json()).into_response()
}

/// `GET /certificate/{group}/{TYPE}`: what the linter reports, as `{severity, code}` sorted as
/// pkilint sorts it (severity rank, then code).
pub(super) async fn validations(Path((name, linter)): Path<(String, String)>) -> Response {
    if !name.eq_ignore_ascii_case(GROUP) {
        return pkilint_request::not_found(NO_GROUP);
    }
    let Some(cert_type) = known_type(&linter) else {
        return pkilint_request::not_found(NO_LINTER);
    };
    let profile = Profile {
        kind: Kind::Subscriber,
        cert_type: Some(cert_type),
        source: Some(TypeSource::Override),
    };
    let mut list: Vec<(&'static str, String)> = Vec::new();
    for lint in registry::all()
        .iter()
        .filter(|l| l.check.is_some() && l.applies.matches(&profile))
    {
        match pkilint_codes::table().get(lint.name) {
            Some(rows) if !rows.is_empty() => {
                list.extend(rows.iter().map(|r| (r.severity, r.code.to_string())))
            }
            _ => list.extend(severity(lint.level().status()).map(|s| (s, lint.name.to_string()))),
        }
    }
    let rank = |s: &str| {
        ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO"]
            .iter()
            .position(|x| *x == s)
    };
    list.sort_by(|a, b| (rank(a.0), &a.1).cmp(&(rank(b.0), &b.1)));
    list.dedup();
    let body: Vec<Validation> = list
        .into_iter()
        .map(|(severity, code)| Validation { severity, code })
        .collect();
    axum::Json(body).into_response()
}

/// A linter name of the group, as pkilint matches it (case-insensitively).
fn known_type(name: &str) -> Option<CertType> {
    linter_names()
        .iter()
        .any(|n| n.eq_ignore_ascii_case(name))
        .then(|| name.parse().ok())
        .flatten()
}

/// `POST /certificate/{group}`: detect the type and lint.
pub(super) async fn detect(
    Shared(state): Shared<Arc<State>>,
    Path(name): Path<String>,
    Query(query): Query<PkilintQuery>,
    request: Request,
) -> Response {
    answer(&state, &name, None, query, request, Answer::Lint).await
}

/// `POST /certificate/{group}/{TYPE}`: lint as the given type.
pub(super) async fn typed(
    Shared(state): Shared<Arc<State>>,
    Path((name, linter)): Path<(String, String)>,
    Query(query): Query<PkilintQuery>,
    request: Request,
) -> Response {
    if linter == "determine-linter" {
        return answer(&state, &name, None, query, request, Answer::Linter).await;
    }
    answer(&state, &name, Some(linter), query, request, Answer::Results).await
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// Results with the linter's name (detected type).
    Lint,
    /// Results only (type given).
    Results,
    /// The linter's name only.
    Linter,
}

async fn answer(
    state: &State,
    group: &str,
    linter: Option<String>,
    query: PkilintQuery,
    request: Request,
    what: Answer,
) -> Response {
    let Some(at) = pkilint_time::evaluation_time(query.at.as_deref()) else {
        return pkilint_request::bad_time(query.at.as_deref().unwrap_or_default());
    };
    let (parts, body) = request.into_parts();
    let body = match read_body(state, &parts.headers, body).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    // FastAPI validates the body before pkilint looks the group and linter up.
    let der = match pkilint_request::certificate_der(parts.headers.get(header::CONTENT_TYPE), &body)
    {
        Ok(der) => der,
        Err(refusal) => return *refusal,
    };
    if !group.eq_ignore_ascii_case(GROUP) {
        return pkilint_request::not_found(NO_GROUP);
    }
    let cert_type = match linter {
        Some(name) => match known_type(&name) {
            Some(t) => t,
            None => return pkilint_request::not_found(NO_LINTER),
        },
        // pkilint knows the type only from the reserved policy OIDs; an operator's policy map
        // is taken too.
        None => match pkilint_loader::reserved_type(&der, &linter_types())
            .or_else(|| mapped_type(state, &der))
        {
            Some(t) => t,
            None => return pkilint_request::undeterminable(),
        },
    };
    if what == Answer::Linter {
        return axum::Json(LinterName {
            name: cert_type.to_string().to_ascii_uppercase(),
        })
        .into_response();
    }
    match lint(state, der, cert_type, at).await {
        Err(e) => e.into_response(),
        Ok(result) => {
            let list = convert(&result);
            match what {
                Answer::Results => axum::Json(ResultsOnly {
                    results: list.results,
                })
                .into_response(),
                _ => axum::Json(list).into_response(),
            }
        }
    }
}

/// The type the service's policy map (`--policy-map`) gives the certificate.
fn mapped_type(state: &State, der: &[u8]) -> Option<CertType> {
    let map = state.config.options.policy_map.as_deref()?;
    pkilint_loader::mapped_type(der, map)
}

async fn lint(
    state: &State,
    der: Vec<u8>,
    cert_type: CertType,
    at: UnixTime,
) -> Result<CertResult, ApiError> {
    let mut opts = state.config.options.clone();
    opts.override_type = Some(cert_type);
    opts.at = Some(at);
    let item = smimelint_input::InputItem {
        name: "request".into(),
        encoding: None,
        pem_label: None,
        der: Ok(der),
        notes: Vec::new(),
        stream: None,
    };
    run_lint(state, Arc::new(Linter::new(opts)), vec![item])
        .await?
        .pop()
        .ok_or_else(|| ApiError::internal("no result"))
}
