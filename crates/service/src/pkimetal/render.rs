//! The answer in pkimetal's three formats, and the HTML form a GET on an endpoint shows.

use super::{profiles, Endpoint, Format, LintFinding, Severity};
use crate::html::{escape, page};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::fmt::Write as _;

pub(super) fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"[]".to_vec());
    with_type(status, "application/json; charset=UTF-8", body)
}

fn with_type(status: StatusCode, content_type: &'static str, body: Vec<u8>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

pub(super) fn answer(status: StatusCode, format: Format, findings: &[LintFinding]) -> Response {
    match format {
        Format::Json => json(status, findings),
        Format::Text => with_type(status, "text/plain; charset=UTF-8", text(findings).into()),
        Format::Html => page(status, "smimelint: findings", &table(findings)),
    }
}

/// One tab-separated line per finding: linter, SEVERITY, `Field: ` and the finding.
fn text(findings: &[LintFinding]) -> String {
    let mut out = String::new();
    for f in findings {
        let field = f
            .field
            .as_deref()
            .map(|x| format!("{x}: "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}\t{}\t{field}{}",
            f.linter,
            f.severity.as_str().to_ascii_uppercase(),
            f.finding.replace(['\n', '\t'], " ")
        );
    }
    out
}

fn table(findings: &[LintFinding]) -> String {
    let mut out = String::from(
        "<table>\n<tr><th>Linter</th><th>Severity</th><th>Code</th><th>Finding</th></tr>\n",
    );
    if findings.is_empty() {
        out.push_str("<tr><td colspan=\"4\">No findings</td></tr>\n");
    }
    for f in findings {
        let code = match f.code.as_deref() {
            Some(c) if smimelint_engine::registry::find(c).is_some() => {
                format!("<a href=\"/lints/{0}\">{0}</a>", escape(c))
            }
            Some(c) => escape(c),
            None => String::new(),
        };
        let field = f
            .field
            .as_deref()
            .map(|x| format!("[{}] ", escape(x)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr class=\"s-{0}\"><td>{1}</td><td>{2}</td><td>{code}</td><td>{field}{3}</td></tr>",
            f.severity.as_str(),
            escape(f.linter),
            f.severity.as_str().to_ascii_uppercase(),
            escape(&f.finding)
        );
    }
    out.push_str("</table>\n");
    out
}

/// `GET` on a lint endpoint: the form pkimetal shows there, posting back to the endpoint, with
/// the profiles for the endpoint's kind of document.
pub(super) fn web_form(endpoint: Endpoint) -> Response {
    let what = match endpoint {
        Endpoint::Cert => "Certificate",
        Endpoint::TbsCert => "To-be-signed certificate (TBSCertificate)",
        Endpoint::Crl => "CRL",
        Endpoint::TbsCrl => "To-be-signed CRL (TBSCertList)",
        Endpoint::Ocsp => "OCSP response",
        Endpoint::TbsOcsp => "To-be-signed OCSP response (ResponseData)",
    };
    let mut body = format!(
        "<h1><a href=\"/\">smimelint</a> /{path}</h1>\n\
         <form method=\"post\" action=\"/{path}\">\n\
         <p><label for=\"b64input\">{what} (PEM or base64):</label><br>\n\
         <textarea id=\"b64input\" name=\"b64input\" rows=\"16\" spellcheck=\"false\"></textarea></p>\n\
         <p><label>Format <select name=\"format\">\
         <option value=\"html\" selected>html</option><option value=\"json\">json</option>\
         <option value=\"text\">text</option></select></label>\n<label>Minimum severity <select name=\"severity\">",
        path = endpoint.path()
    );
    for s in Severity::ALL {
        let _ = write!(body, "<option value=\"{0}\">{0}</option>", s.as_str());
    }
    body.push_str("</select></label>\n<label>Profile <select name=\"profile\">");
    let for_endpoint = |p: &profiles::ProfileInfo| match profiles::parse(&p.name) {
        Some(profiles::Requested::Revocation(doc, _)) => doc == endpoint.document(),
        Some(profiles::Requested::Autodetect) => true,
        _ => endpoint.document() == smimelint_engine::options::DocumentKind::Certificate,
    };
    for p in profiles::all().into_iter().filter(for_endpoint) {
        let _ = write!(
            body,
            "<option value=\"{}\">{}</option>",
            escape(&p.name),
            escape(&format!("{} – {}", p.name, p.description))
        );
    }
    let _ = write!(
        body,
        "</select></label></p>\n<p><button type=\"submit\">{}</button></p>\n</form>\n",
        endpoint.path()
    );
    page(
        StatusCode::OK,
        &format!("smimelint /{}", endpoint.path()),
        &body,
    )
}
