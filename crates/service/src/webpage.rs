//! `GET /` and `POST /`: a page to lint one certificate, CRL or OCSP response by hand. Plain
//! HTML forms, no scripts: paste or upload a document (or its TBS part), pick the kind (or let
//! it be detected), the type or scope and the evaluation time, and the answer is the same page
//! with the findings as a table.

use super::body::{read_body, run_lint};
use super::form::Form;
use super::handlers::{parse_kind, parse_scope};
use super::html::{escape, page};
use super::lint_docs;
use super::pkimetal::{frame_one, linted_as, type_source_text};
use super::{ApiError, State};
use axum::extract::{Request, State as Shared};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use smimelint_engine::detect::CertType;
use smimelint_engine::linter::{self as engine, CertResult, Linter};
use smimelint_engine::registry;
use std::fmt::Write as _;
use std::sync::Arc;

pub(crate) fn routes() -> Router<Arc<State>> {
    Router::new()
        .route("/", get(blank).post(submit))
        .route("/lints", get(lint_docs::index))
        .route("/lints/{name}", get(lint_docs::explain))
}

/// What the form holds, echoed back so a corrected submission starts from the last one.
#[derive(Default)]
struct Entered {
    certificate: String,
    /// `auto` (empty), `certificate`, `crl` or `ocsp`.
    kind: String,
    cert_type: String,
    /// For CRLs and OCSP responses: empty (worked out), `subscriber` or `ca`.
    scope: String,
    at: String,
    all: bool,
}

async fn blank() -> Response {
    render(StatusCode::OK, &Entered::default(), None)
}

async fn submit(Shared(state): Shared<Arc<State>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let mut entered = Entered::default();
    let outcome = async {
        let body = read_body(&state, &parts.headers, body).await?;
        let form = Form::parse(&parts.headers, &body).await.ok_or_else(|| {
            ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the form as application/x-www-form-urlencoded or multipart/form-data",
            )
        })??;
        entered = Entered {
            certificate: form.text("certificate").unwrap_or_default(),
            kind: form.text("kind").unwrap_or_default(),
            cert_type: form.text("type").unwrap_or_default(),
            scope: form.text("scope").unwrap_or_default(),
            at: form.text("at").unwrap_or_default(),
            all: form.text("all").is_some(),
        };
        // An uploaded file wins over the text box; it may be DER.
        let input = form
            .first(&["file"])
            .or_else(|| form.first(&["certificate"]))
            .ok_or_else(|| {
                ApiError::invalid("paste a certificate, CRL or OCSP response, or choose a file")
            })?;
        let item = frame_one(&state, input).map_err(ApiError::invalid)?;
        let linter = linter_for(&state, &entered)?;
        run_lint(&state, linter, vec![item])
            .await?
            .pop()
            .ok_or_else(|| ApiError::internal("no result"))
    }
    .await;
    match outcome {
        Ok(result) => render(StatusCode::OK, &entered, Some(Ok(&result))),
        Err(e) => {
            let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
            render(status, &entered, Some(Err(&e.message)))
        }
    }
}

fn linter_for(state: &State, entered: &Entered) -> Result<Arc<Linter>, ApiError> {
    if entered.cert_type.is_empty()
        && entered.kind.is_empty()
        && entered.scope.is_empty()
        && entered.at.is_empty()
        && !entered.all
    {
        return Ok(state.linter.clone());
    }
    let mut opts = state.config.options.clone();
    opts.document = parse_kind(&entered.kind)?;
    if !entered.scope.is_empty() {
        opts.scope = Some(parse_scope(&entered.scope)?);
    }
    if !entered.cert_type.is_empty() {
        opts.override_type = Some(
            entered
                .cert_type
                .parse::<CertType>()
                .map_err(|e| ApiError::invalid(format!("type: {e}")))?,
        );
    }
    if !entered.at.is_empty() {
        opts.at = Some(engine::parse_at(&entered.at).ok_or_else(|| {
            ApiError::invalid(format!(
                "evaluation time: expected 'now', YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got '{}'",
                entered.at
            ))
        })?);
    }
    opts.include_passes = entered.all;
    Ok(Arc::new(Linter::new(opts)))
}

fn render(
    status: StatusCode,
    entered: &Entered,
    outcome: Option<Result<&CertResult, &str>>,
) -> Response {
    let mut body = String::from(
        "<h1><a href=\"/\">smimelint</a></h1>\n<p>Lints an S/MIME certificate, or a CRL or OCSP \
         response of an S/MIME CA, against the CA/Browser Forum S/MIME Baseline Requirements and \
         RFC 5280. <a href=\"/lints\">All lints</a> · <a href=\"/lintcert\">pkimetal-style \
         form</a></p>\n",
    );
    form(&mut body, entered);
    match outcome {
        None => {}
        Some(Err(message)) => {
            let _ = writeln!(
                body,
                "<p class=\"error-box\" id=\"error\">{}</p>",
                escape(message)
            );
        }
        Some(Ok(result)) => findings(&mut body, result),
    }
    page(status, "smimelint", &body)
}

fn form(body: &mut String, entered: &Entered) {
    let _ = write!(
        body,
        "<form method=\"post\" action=\"/\" enctype=\"multipart/form-data\">\n<fieldset>\n\
         <legend>Certificate, CRL or OCSP response (or its TBS part)</legend>\n\
         <p><label for=\"certificate\">Paste PEM or base64:</label><br>\n\
         <textarea id=\"certificate\" name=\"certificate\" rows=\"12\" spellcheck=\"false\">{}</textarea></p>\n\
         <p><label for=\"file\">or upload a file (PEM, DER or base64):</label> \
         <input type=\"file\" id=\"file\" name=\"file\"></p>\n</fieldset>\n<p>",
        escape(&entered.certificate)
    );
    select(
        body,
        "Kind",
        "kind",
        &entered.kind,
        &[
            ("", "autodetect"),
            ("certificate", "certificate"),
            ("crl", "CRL"),
            ("ocsp", "OCSP response"),
        ],
    );
    body.push_str("\n<label>Type <select name=\"type\"><option value=\"\">autodetect</option>");
    for t in CertType::all() {
        let name = t.to_string();
        let selected = if name == entered.cert_type {
            " selected"
        } else {
            ""
        };
        let _ = write!(body, "<option value=\"{name}\"{selected}>{name}</option>");
    }
    body.push_str("</select></label>\n");
    select(
        body,
        "Scope (CRL, OCSP)",
        "scope",
        &entered.scope,
        &[
            ("", "from the document"),
            ("subscriber", "subscriber certificates"),
            ("ca", "CA certificates"),
        ],
    );
    let _ = write!(
        body,
        "\n<label>Evaluation time <input name=\"at\" value=\"{}\" \
         placeholder=\"notBefore/thisUpdate; or now, YYYY-MM-DD\" size=\"28\"></label>\n\
         <label><input type=\"checkbox\" name=\"all\" value=\"1\"{}> also passed, NA and NE lints</label>\n\
         <button type=\"submit\">Lint</button></p>\n</form>\n",
        escape(&entered.at),
        if entered.all { " checked" } else { "" }
    );
}

/// A `<select>` with `current` selected.
fn select(body: &mut String, label: &str, name: &str, current: &str, options: &[(&str, &str)]) {
    let _ = write!(body, "<label>{label} <select name=\"{name}\">");
    for (value, text) in options {
        let selected = if *value == current { " selected" } else { "" };
        let _ = write!(body, "<option value=\"{value}\"{selected}>{text}</option>");
    }
    body.push_str("</select></label>");
}

/// What the input was read as, for the summary.
fn form_words(form: Option<&str>) -> &'static str {
    match form {
        Some("tbs") => "TBSCertificate",
        Some("crl") => "CRL",
        Some("tbs-crl") => "TBSCertList",
        Some("ocsp") => "OCSP response",
        Some("tbs-ocsp") => "OCSP ResponseData",
        Some("certificate") => "certificate",
        _ => "unreadable",
    }
}

fn findings(body: &mut String, result: &CertResult) {
    let _ = write!(
        body,
        "<h2>Result</h2>\n<table id=\"summary\">\n\
         <tr><th>Linted as</th><td id=\"linted-as\">{}</td></tr>\n\
         <tr><th>Input</th><td id=\"form\">{}{}</td></tr>\n",
        escape(&linted_as(result)),
        form_words(result.form),
        result
            .kind
            .map(|k| format!(", {}", k.as_str()))
            .unwrap_or_default()
    );
    if matches!(result.form, Some("crl" | "tbs-crl" | "ocsp" | "tbs-ocsp")) {
        let _ = writeln!(
            body,
            "<tr><th>Scope</th><td id=\"scope\">{}</td></tr>",
            match result.scope {
                Some(s) => s.as_str(),
                None => "undetermined",
            }
        );
    }
    if let Some(source) = result.type_source {
        let _ = writeln!(
            body,
            "<tr><th>Type from</th><td id=\"type-source\">{}</td></tr>",
            escape(type_source_text(source))
        );
    }
    if let Some(sha) = &result.sha256 {
        let _ = writeln!(
            body,
            "<tr><th>SHA-256</th><td><code>{}</code></td></tr>",
            escape(sha)
        );
    }
    body.push_str("</table>\n");
    if result.findings.is_empty() {
        body.push_str("<p id=\"no-findings\" class=\"s-pass\">No findings.</p>\n");
        return;
    }
    body.push_str(
        "<table id=\"findings\">\n<tr><th>Status</th><th>Lint</th><th>Citation</th><th>Details</th></tr>\n",
    );
    for f in &result.findings {
        let lint = if registry::find(f.lint).is_some() {
            format!("<a href=\"/lints/{0}\">{0}</a>", escape(f.lint))
        } else {
            escape(f.lint)
        };
        let _ = writeln!(
            body,
            "<tr class=\"finding\"><td class=\"status s-{0}\">{0}</td><td class=\"lint\">{lint}</td>\
             <td>{1}</td><td>{2}</td></tr>",
            f.status.as_str(),
            escape(f.citation),
            escape(f.details.as_deref().unwrap_or(""))
        );
    }
    body.push_str("</table>\n");
}
