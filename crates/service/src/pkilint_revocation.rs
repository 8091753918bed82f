//! pkilint's REST paths for CRLs and OCSP responses, as pkilint 0.13.3's server offers them:
//!
//! | endpoint | answer |
//! |---|---|
//! | `GET /crl/pkix/crl`, `GET /ocsp/pkix` | `[{"severity", "code"}]`: what the linter reports |
//! | `POST /crl/pkix/crl`, `POST /ocsp/pkix` with `{"pem"}` or `{"b64"}` | `{"results": [{"validator", "node_path", "finding_descriptions"}]}` |
//!
//! Requests are decoded and refused as for certificates (`pkilint_request.rs`), with the PEM
//! label pkilint's loader expects (`X509 CRL`, `OCSP RESPONSE`) and pkilint's strict decoding of
//! the document (`pkilint_revocation_loader.rs`). A lint whose `pkilint` metadata names one of
//! the linter's codes (`docs/xref/pkilint-rest-revocation.txt`) answers with pkilint's code,
//! validator and severity; any other lint under its own name, as for certificates. The
//! evaluation time is the CRL's thisUpdate or the response's producedAt unless `?at=` names one.

use super::body::run_lint;
use super::pkilint::{FindingDescription, ResultsOnly, Validation, ValidationResult};
use super::pkilint_time::{self, PkilintQuery};
use super::{pkilint_codes, pkilint_request, pkilint_revocation_loader as loader, State};
use axum::extract::{Query, Request, State as Shared};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use smimelint_engine::linter::{CertResult, Linter};
use smimelint_engine::options::DocumentKind;
use smimelint_engine::registry::Source;
use smimelint_engine::registry::{self, Lint};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// `DOC SEVERITY CODE VALIDATOR MESSAGE [NODE]` per line.
pub const PKILINT_REST_REVOCATION_DATA: &str = include_str!("../data/pkilint-rest-revocation.txt");

/// One of pkilint's two linters for documents other than certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Doc {
    Crl,
    Ocsp,
}

impl Doc {
    /// pkilint's name for the document's root node.
    pub fn root(self) -> &'static str {
        match self {
            Doc::Crl => "certificateList",
            Doc::Ocsp => "oCSPResponse",
        }
    }
    fn pem_label(self) -> &'static str {
        match self {
            Doc::Crl => "X509 CRL",
            Doc::Ocsp => "OCSP RESPONSE",
        }
    }
    fn refused(self) -> fn(&[u8]) -> bool {
        match self {
            Doc::Crl => loader::crl_refused,
            Doc::Ocsp => loader::ocsp_refused,
        }
    }
    fn kind(self) -> DocumentKind {
        match self {
            Doc::Crl => DocumentKind::Crl,
            Doc::Ocsp => DocumentKind::Ocsp,
        }
    }
    /// Whether a lint checks this kind of document.
    fn checks(self, lint: &Lint) -> bool {
        match self {
            Doc::Crl => lint.crl.is_some(),
            Doc::Ocsp => lint.ocsp.is_some(),
        }
    }
}

/// One pkilint finding of the CRL or OCSP linter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub severity: &'static str,
    pub validator: &'static str,
    pub has_message: bool,
    /// pkilint's node_path where it is always the same, else the document's root.
    pub node: Option<&'static str>,
}

/// The table, by document and code.
pub fn codes() -> &'static HashMap<(Doc, &'static str), Code> {
    static TABLE: OnceLock<HashMap<(Doc, &'static str), Code>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for line in PKILINT_REST_REVOCATION_DATA
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let f: Vec<&'static str> = line.split_whitespace().collect();
            let doc = match f.first() {
                Some(&"crl") => Doc::Crl,
                Some(&"ocsp") => Doc::Ocsp,
                _ => continue,
            };
            if f.len() < 5 {
                continue;
            }
            table.insert(
                (doc, f[2]),
                Code {
                    severity: f[1],
                    validator: f[3],
                    has_message: f[4] == "text",
                    node: f.get(5).copied(),
                },
            );
        }
        table
    })
}

/// The linter's codes a lint stands for (from its `pkilint` metadata), in the metadata's order.
fn lint_codes(doc: Doc, lint: &Lint) -> Vec<(&'static str, Code)> {
    lint.pkilint
        .iter()
        .filter_map(|c| codes().get(&(doc, *c)).map(|code| (*c, *code)))
        .collect()
}

/// Converts one smimelint record of a CRL or OCSP response to pkilint's `results`: one result
/// per validator and node, without repeating a finding.
pub fn convert(doc: Doc, result: &CertResult) -> Vec<ValidationResult> {
    let mut results: Vec<ValidationResult> = Vec::new();
    for f in &result.findings {
        let Some(own) = pkilint_codes::own_severity(f.status) else {
            continue;
        };
        let mapped = registry::find(f.lint)
            .map(|l| lint_codes(doc, l))
            .unwrap_or_default();
        let reported: Vec<(String, &str, FindingDescription)> = if mapped.is_empty() {
            vec![(
                f.lint.to_string(),
                doc.root(),
                FindingDescription {
                    severity: own,
                    code: f.lint.to_string(),
                    message: f.details.clone(),
                },
            )]
        } else {
            mapped
                .into_iter()
                .map(|(code, row)| {
                    (
                        row.validator.to_string(),
                        row.node.unwrap_or(doc.root()),
                        FindingDescription {
                            severity: row.severity,
                            code: code.to_string(),
                            message: if row.has_message {
                                f.details.clone()
                            } else {
                                None
                            },
                        },
                    )
                })
                .collect()
        };
        for (validator, node_path, description) in reported {
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
    }
    results
}

/// What the linter reports: the pkilint codes of the lints that check the document, or their
/// own names, sorted as pkilint sorts them (severity rank, then code).
pub fn validations(doc: Doc) -> Vec<Validation> {
    let mut list: Vec<(&'static str, String)> = Vec::new();
    for lint in registry::all().iter().filter(|l| doc.checks(l)) {
        let mapped = lint_codes(doc, lint);
        if mapped.is_empty() {
            list.extend(
                pkilint_codes::own_severity(lint.level().status())
                    .map(|s| (s, lint.name.to_string())),
            );
        } else {
            list.extend(mapped.iter().map(|(c, row)| (row.severity, c.to_string())));
        }
    }
    let rank = |s: &str| {
        ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO"]
            .iter()
            .position(|x| *x == s)
    };
    list.sort_by(|a, b| (rank(a.0), &a.1).cmp(&(rank(b.0), &b.1)));
    list.dedup();
    list.into_iter()
        .map(|(severity, code)| Validation { severity, code })
        .collect()
}

/// The routes, merged into the service's router.
pub(crate) fn routes() -> Router<Arc<State>> {
    let route = |doc: Doc| {
        get(move || async move { axum::Json(validations(doc)).into_response() }).post(
            move |s: Shared<Arc<State>>, q: Query<PkilintQuery>, r: Request| lint(s, q, r, doc),
        )
    };
    Router::new()
        .route("/crl/pkix/crl", route(Doc::Crl))
        .route("/ocsp/pkix", route(Doc::Ocsp))
}

async fn lint(
    Shared(state): Shared<Arc<State>>,
    Query(query): Query<PkilintQuery>,
    request: Request,
    doc: Doc,
) -> Response {
    let at = match query.at.as_deref() {
        None => None,
        Some(text) => match pkilint_time::evaluation_time(Some(text)) {
            Some(t) => Some(t),
            None => return pkilint_request::bad_time(text),
        },
    };
    let (parts, body) = request.into_parts();
    let body = match super::body::read_body(&state, &parts.headers, body).await {
        Ok(b) => b,
        Err(e) => return e.into_response(),
    };
    let der = match pkilint_request::document_der(
        parts.headers.get(header::CONTENT_TYPE),
        &body,
        doc.pem_label(),
        doc.refused(),
    ) {
        Ok(der) => der,
        Err(refusal) => return *refusal,
    };
    let mut opts = state.config.options.clone();
    opts.document = Some(doc.kind());
    // pkilint's REST paths run its PKIX profile: RFC 5280 / RFC 6960 and encoding rules, not
    // the SBR's (nor smimelint's own notices).
    opts.filter
        .exclude_sources
        .extend([Source::Sbr, Source::Smimelint]);
    if at.is_some() {
        opts.at = at;
    }
    let item = smimelint_input::InputItem {
        name: "request".into(),
        encoding: None,
        pem_label: None,
        der: Ok(der),
        notes: Vec::new(),
        stream: None,
    };
    match run_lint(&state, Arc::new(Linter::new(opts)), vec![item]).await {
        Err(e) => e.into_response(),
        Ok(mut results) => match results.pop() {
            Some(result) => axum::Json(ResultsOnly {
                results: convert(doc, &result),
            })
            .into_response(),
            None => super::ApiError::internal("no result").into_response(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// pkilint's own REST answers (testdata/pkilint-revocation/README.md): a CRL without
    /// cRLNumber and AKI is reported at `certificateList` with no message.
    #[test]
    fn table_rows_parse() {
        let missing = codes()[&(Doc::Crl, "pkix.crl_number_missing")];
        assert_eq!(missing.validator, "CrlNumberPresenceValidator");
        assert_eq!((missing.severity, missing.has_message), ("ERROR", false));
        assert_eq!(missing.node, Some("certificateList"));
        let empty = codes()[&(Doc::Ocsp, "pkix.ocsp_certs_sequence_is_empty")];
        assert_eq!(empty.severity, "WARNING");
        assert!(codes().contains_key(&(Doc::Ocsp, "itu.invalid_asn1_syntax")));
    }

    /// Every code and severity of pkilint's `lint_crl validations -p PKIX` and
    /// `lint_ocsp_response validations` (docs/xref/pkilint-revocation-codes.txt, columns P and
    /// O) has its row, with the same severity, and no row names a code pkilint does not list;
    /// `base.unhandled_exception` is pkilint's report of its own crash, no lint's.
    #[test]
    fn table_covers_pkilints_listed_codes_with_their_severities() {
        let listing = include_str!("../data/pkilint-revocation-codes.txt");
        let mut listed = HashMap::new();
        for line in listing.lines().filter(|l| !l.starts_with('#')) {
            let (columns, rest) = line.split_at(line.len().min(9));
            let mut words = rest.split_whitespace();
            let (Some(severity), Some(code)) = (words.next(), words.next()) else {
                continue;
            };
            if code == "base.unhandled_exception" {
                continue;
            }
            if columns.contains('P') {
                listed.insert((Doc::Crl, code), severity);
            }
            if columns.starts_with('O') {
                listed.insert((Doc::Ocsp, code), severity);
            }
        }
        assert!(listed.len() > 45, "{}", listed.len());
        for (key, severity) in &listed {
            let row = codes().get(key);
            assert_eq!(row.map(|r| r.severity), Some(*severity), "{key:?}");
        }
        for key in codes().keys() {
            assert!(listed.contains_key(key), "{key:?} is not pkilint's");
        }
    }
}
