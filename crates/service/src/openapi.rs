//! `GET /openapi.json`, an OpenAPI 3.1 description of the service, and `GET /docs`, a page
//! naming every endpoint (built from the same description; no scripts, nothing fetched).
//!
//! The pkilint-compatible part uses pkilint's schema names (`CertificateModel`,
//! `LintResultListWithLinter`, `HTTPValidationError`, …) so that a client generated from
//! pkilint's description fits.

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde_json::{json, Value};

fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn json_body(name: &str) -> Value {
    json!({ "application/json": { "schema": schema(name) } })
}

fn path_param(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description,
            "schema": { "type": "string" } })
}

fn at_param() -> Value {
    json!({ "name": "at", "in": "query", "required": false,
            "description": "Evaluation time: RFC 3339, `now`, `YYYY-MM-DD` or \
                            `YYYY-MM-DDTHH:MM:SSZ` (default: the request time)",
            "schema": { "type": "string" } })
}

/// A pkilint-compatible POST: body `CertificateModel`, answer `ok`, FastAPI's 422 and 404.
fn pkilint_post(summary: &str, params: Vec<Value>, ok: &str) -> Value {
    json!({
        "summary": summary,
        "tags": ["pkilint"],
        "parameters": params,
        "requestBody": { "required": true, "content": json_body("CertificateModel") },
        "responses": {
            "200": { "description": "Successful Response", "content": json_body(ok) },
            "404": { "description": "Unknown linter group or linter", "content": json_body("HTTPException") },
            "422": { "description": "Validation Error", "content": json_body("HTTPValidationError") },
        },
    })
}

fn get(summary: &str, tag: &str, params: Vec<Value>, ok: Value) -> Value {
    json!({
        "summary": summary,
        "tags": [tag],
        "parameters": params,
        "responses": { "200": { "description": "Successful Response",
                                "content": { "application/json": { "schema": ok } } } },
    })
}

fn smimelint_post(summary: &str, ok: Value) -> Value {
    json!({
        "summary": summary,
        "tags": ["smimelint"],
        "description": "Body: PEM, base64 or DER (options in the query string: type, at, \
                        include, exclude, all), or JSON with the certificate and options.",
        "requestBody": { "required": true, "content": {
            "application/json": { "schema": { "type": "object" } },
            "application/x-pem-file": { "schema": { "type": "string" } },
            "application/pkix-cert": { "schema": { "type": "string", "format": "binary" } },
        } },
        "responses": {
            "200": { "description": "Lint record(s), as `smimelint lint --format jsonl` prints them",
                     "content": { "application/json": { "schema": ok } } },
            "4XX": { "description": "Refused request", "content": json_body("ApiError") },
        },
    })
}

/// A pkimetal form endpoint: `GET` shows the form, `POST` lints.
fn pkimetal_form(summary: &str) -> Value {
    let findings = json!({ "type": "array", "items": { "type": "object" } });
    json!({
        "get": { "summary": "An HTML form posting to this endpoint", "tags": ["pkimetal"],
                 "responses": { "200": { "description": "HTML",
                     "content": { "text/html": { "schema": { "type": "string" } } } } } },
        "post": {
            "summary": summary,
            "tags": ["pkimetal"],
            "requestBody": { "required": true, "content": {
                "application/x-www-form-urlencoded": { "schema": { "type": "object" } },
                "multipart/form-data": { "schema": { "type": "object" } },
            } },
            "responses": {
                "200": { "description": "Findings", "content": { "application/json": { "schema": findings } } },
                "400": { "description": "Refused request: one fatal finding" },
            },
        },
    })
}

/// An HTML page of the web interface (`post`: the page's form posts back to it).
fn html_page(summary: &str, post: bool) -> Value {
    let op = json!({
        "summary": summary,
        "tags": ["web"],
        "responses": { "200": { "description": "HTML",
            "content": { "text/html": { "schema": { "type": "string" } } } } },
    });
    if post {
        json!({ "get": op, "post": op })
    } else {
        json!({ "get": op })
    }
}

fn components() -> Value {
    let string = json!({ "type": "string" });
    json!({ "schemas": {
        "CertificateModel": {
            "type": "object",
            "description": "Exactly one of the two fields.",
            "properties": {
                "pem": { "type": ["string", "null"], "description": "A PEM-encoded certificate" },
                "b64": { "type": ["string", "null"], "description": "Base64 of the certificate's DER" },
            },
        },
        "FindingDescription": {
            "type": "object",
            "required": ["severity", "code", "message"],
            "properties": {
                "severity": { "type": "string", "enum": ["FATAL", "ERROR", "WARNING", "NOTICE", "INFO"] },
                "code": string,
                "message": { "type": ["string", "null"] },
            },
        },
        "Result": {
            "type": "object",
            "required": ["validator", "node_path", "finding_descriptions"],
            "properties": {
                "validator": string,
                "node_path": string,
                "finding_descriptions": { "type": "array", "items": schema("FindingDescription") },
            },
        },
        "LintResultList": {
            "type": "object",
            "required": ["results"],
            "properties": { "results": { "type": "array", "items": schema("Result") } },
        },
        "LintResultListWithLinter": {
            "type": "object",
            "required": ["results", "linter"],
            "properties": {
                "results": { "type": "array", "items": schema("Result") },
                "linter": schema("Linter"),
            },
        },
        "Linter": { "type": "object", "required": ["name"], "properties": { "name": string } },
        "LinterGroup": {
            "type": "object",
            "required": ["name", "linters"],
            "properties": { "name": string, "linters": { "type": "array", "items": schema("Linter") } },
        },
        "Validation": {
            "type": "object",
            "required": ["severity", "code"],
            "properties": { "severity": string, "code": string },
        },
        "ValidationError": {
            "type": "object",
            "required": ["loc", "msg", "type"],
            "properties": {
                "loc": { "type": "array", "items": { "anyOf": [string, { "type": "integer" }] } },
                "msg": string,
                "type": string,
                "input": {},
                "ctx": { "type": "object" },
            },
        },
        "HTTPValidationError": {
            "type": "object",
            "properties": { "detail": { "type": "array", "items": schema("ValidationError") } },
        },
        "HTTPException": { "type": "object", "properties": { "detail": string } },
        "ApiError": {
            "type": "object",
            "required": ["error", "message"],
            "properties": { "error": string, "message": string },
        },
    } })
}

/// The OpenAPI document.
pub fn document() -> Value {
    let group = || path_param("group", "Linter group: `cabf-smime`");
    let linter = || path_param("linter", "Linter (certificate type), e.g. `MAILBOX-STRICT`");
    let object = json!({ "type": "object" });
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "smimelint",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "S/MIME certificate linter. The `pkilint` endpoints answer as \
                            pkilint 0.13.3's REST API does.",
        },
        "paths": {
            "/v1/lint": { "post": smimelint_post("Lint one certificate", object.clone()) },
            "/v1/lint/batch": { "post": smimelint_post(
                "Lint many certificates", json!({ "type": "array", "items": object })) },
            "/v1/lints": { "get": get("Every lint's metadata", "smimelint", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/healthz": { "get": get("Whether the lint pool can take work (503 when not)",
                "smimelint", vec![], json!({ "type": "object" })) },
            "/version": { "get": get("Name, version and lint count", "smimelint", vec![],
                json!({ "type": "object" })) },
            "/v1/version": { "get": get("Name, version and lint count", "smimelint", vec![],
                json!({ "type": "object" })) },
            "/lintcert": pkimetal_form("Lint a certificate (pkimetal's API)"),
            "/linttbscert": pkimetal_form("Lint a TBSCertificate (pkimetal's API)"),
            "/linters": { "get": get("The linters (pkimetal's API)", "pkimetal", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/profiles": { "get": get("The profiles (pkimetal's API)", "pkimetal", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/": html_page("A page to lint one certificate by hand", true),
            "/lints": html_page("Every lint", false),
            "/lints/{name}": {
                "get": {
                    "summary": "One lint, as `smimelint explain` prints it",
                    "tags": ["web"],
                    "parameters": [path_param("name", "Lint name")],
                    "responses": { "200": { "description": "HTML",
                        "content": { "text/html": { "schema": { "type": "string" } } } } },
                },
            },
            "/certificate": { "get": get("The certificate linter groups", "pkilint", vec![],
                json!({ "type": "array", "items": schema("LinterGroup") })) },
            "/certificate/{group}": {
                "get": get("The linters of the group", "pkilint", vec![group()], schema("LinterGroup")),
                "post": pkilint_post("Determine the linter from the reserved policy OID and lint",
                    vec![group(), at_param()], "LintResultListWithLinter"),
            },
            "/certificate/{group}/determine-linter": {
                "post": pkilint_post("The linter the certificate would be linted with",
                    vec![group()], "Linter"),
            },
            "/certificate/{group}/{linter}": {
                "get": get("What the linter reports", "pkilint", vec![group(), linter()],
                    json!({ "type": "array", "items": schema("Validation") })),
                "post": pkilint_post("Lint with the given linter",
                    vec![group(), linter(), at_param()], "LintResultList"),
            },
            "/openapi.json": { "get": get("This document", "smimelint", vec![], json!({ "type": "object" })) },
            "/docs": { "get": {
                "summary": "A page naming the endpoints",
                "tags": ["smimelint"],
                "responses": { "200": { "description": "HTML",
                    "content": { "text/html": { "schema": { "type": "string" } } } } },
            } },
        },
        "components": components(),
    })
}

pub(super) async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, mime::APPLICATION_JSON.as_ref())],
        document().to_string(),
    )
        .into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `GET /docs`: the endpoints of [`document`] as an HTML table.
pub(super) async fn docs() -> Html<String> {
    let doc = document();
    let mut rows = String::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, ops) in paths {
            for (method, op) in ops.as_object().into_iter().flatten() {
                rows.push_str(&format!(
                    "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
                    escape(&method.to_ascii_uppercase()),
                    escape(path),
                    escape(op["summary"].as_str().unwrap_or("")),
                    escape(op["tags"][0].as_str().unwrap_or("")),
                ));
            }
        }
    }
    Html(format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>smimelint API</title>\
         <style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:.2em .8em;\
         text-align:left;border-bottom:1px solid #ddd}}</style></head><body>\n\
         <h1>smimelint {} API</h1>\n<p>The machine-readable description is \
         <a href=\"/openapi.json\">/openapi.json</a> (OpenAPI 3.1). The <em>pkilint</em> \
         endpoints answer as pkilint 0.13.3's REST API does.</p>\n\
         <table><tr><th>method</th><th>path</th><th>what</th><th>kind</th></tr>\n{rows}</table>\n\
         </body></html>\n",
        env!("CARGO_PKG_VERSION")
    ))
}
