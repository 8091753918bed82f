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
    at_param_default("the request time")
}

fn at_param_default(default: &str) -> Value {
    json!({ "name": "at", "in": "query", "required": false,
            "description": format!("Evaluation time: RFC 3339, `now`, `YYYY-MM-DD` or \
                            `YYYY-MM-DDTHH:MM:SSZ` (default: {default})"),
            "schema": { "type": "string" } })
}

/// A pkilint-compatible POST: body `CertificateModel`, answer `ok`, FastAPI's 422 and 404.
fn pkilint_post(summary: &str, params: Vec<Value>, ok: &str) -> Value {
    pkilint_document_post(summary, params, "CertificateModel", ok)
}

/// A pkilint-compatible POST of the document schema `model`.
fn pkilint_document_post(summary: &str, params: Vec<Value>, model: &str, ok: &str) -> Value {
    json!({
        "summary": summary,
        "tags": ["pkilint"],
        "parameters": params,
        "requestBody": { "required": true, "content": json_body(model) },
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

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description,
            "schema": schema })
}

/// The options of `/v1/lint` and `/v1/lint/batch`: in the query string for a PEM, base64 or DER
/// body, as fields of the same names in a JSON body.
fn lint_options() -> Vec<Value> {
    let string = json!({ "type": "string" });
    vec![
        query(
            "kind",
            "What the input is (default `auto`: from the PEM label, else the DER's shape)",
            json!({ "type": "string", "enum": ["auto", "certificate", "crl", "ocsp"] }),
        ),
        query(
            "scope",
            "CRLs and OCSP responses: whether they report on subscriber or CA certificates \
             (default: the CRL's issuingDistributionPoint, or a root issuer)",
            json!({ "type": "string", "enum": ["subscriber", "ca"] }),
        ),
        query(
            "type",
            "Certificates: lint as this type, e.g. `mailbox-strict`",
            string.clone(),
        ),
        query(
            "at",
            "Evaluation time: `now`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (default: \
             notBefore, thisUpdate or producedAt)",
            string.clone(),
        ),
        query(
            "include",
            "Run only lints matching these globs (comma-separated)",
            string.clone(),
        ),
        query(
            "exclude",
            "Skip lints matching these globs (comma-separated)",
            string,
        ),
        query(
            "all",
            "Also report pass, NA and NE results",
            json!({ "type": "boolean" }),
        ),
    ]
}

fn smimelint_post(summary: &str, ok: Value) -> Value {
    json!({
        "summary": summary,
        "tags": ["smimelint"],
        "description": "Body: PEM, base64 or DER of certificates, CRLs or OCSP responses \
                        (options in the query string), or JSON with `certificate` (or \
                        `document`; `certificates` or `documents` for a batch) and the \
                        options as fields. Records of CRLs and OCSP responses have `form` \
                        `crl`, `tbs-crl`, `ocsp` or `tbs-ocsp` and a `scope`.",
        "parameters": lint_options(),
        "requestBody": { "required": true, "content": {
            "application/json": { "schema": { "type": "object" } },
            "application/x-pem-file": { "schema": { "type": "string" } },
            "application/pkix-cert": { "schema": { "type": "string", "format": "binary" } },
            "application/pkix-crl": { "schema": { "type": "string", "format": "binary" } },
            "application/ocsp-response": { "schema": { "type": "string", "format": "binary" } },
        } },
        "responses": {
            "200": { "description": "Lint record(s), as `smimelint lint --format jsonl` prints them",
                     "content": { "application/json": { "schema": ok } } },
            "4XX": { "description": "Refused request", "content": json_body("ApiError") },
        },
    })
}

/// A pkimetal form endpoint: `GET` shows the form, `POST` lints. `field` is the endpoint's own
/// name for `b64input`, `der_type` the content type of a raw DER body.
fn pkimetal_form(summary: &str, field: &str, der_type: &str) -> Value {
    let findings = json!({ "type": "array", "items": { "type": "object" } });
    let string = json!({ "type": "string" });
    let form = json!({
        "type": "object",
        "properties": {
            "b64input": { "type": "string", "description": "PEM or base64 of the DER" },
            field: { "type": "string", "description": "The same, read before b64input" },
            "format": { "type": "string", "enum": ["json", "text", "html"] },
            "profile": { "type": "string", "description": "A name from GET /profiles \
                         (default autodetect)" },
            "severity": { "type": "string", "enum": ["meta", "debug", "info", "notice",
                          "warning", "error", "bug", "fatal"] },
        },
    });
    json!({
        "get": { "summary": "An HTML form posting to this endpoint", "tags": ["pkimetal"],
                 "responses": { "200": { "description": "HTML",
                     "content": { "text/html": { "schema": { "type": "string" } } } } } },
        "post": {
            "summary": summary,
            "tags": ["pkimetal"],
            "parameters": [
                query("format", "json, text or html (also from Accept)", string.clone()),
                query("profile", "A name from GET /profiles", string.clone()),
                query("severity", "Minimum severity reported", string),
            ],
            "requestBody": { "required": true, "content": {
                "application/x-www-form-urlencoded": { "schema": form.clone() },
                "multipart/form-data": { "schema": form },
                der_type: { "schema": { "type": "string", "format": "binary" } },
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
        "CrlModel": {
            "type": "object",
            "description": "Exactly one of the two fields.",
            "properties": {
                "pem": { "type": ["string", "null"], "description": "A PEM-encoded CRL (X509 CRL)" },
                "b64": { "type": ["string", "null"], "description": "Base64 of the CRL's DER" },
            },
        },
        "OcspResponseModel": {
            "type": "object",
            "description": "Exactly one of the two fields.",
            "properties": {
                "pem": { "type": ["string", "null"], "description": "A PEM-encoded OCSP response (OCSP RESPONSE)" },
                "b64": { "type": ["string", "null"], "description": "Base64 of the OCSPResponse's DER" },
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
            "description": "S/MIME certificate, CRL and OCSP response linter. The `pkilint` \
                            endpoints answer as pkilint 0.13.3's REST API does.",
        },
        "paths": {
            "/v1/lint": { "post": smimelint_post(
                "Lint one certificate, CRL or OCSP response", object.clone()) },
            "/v1/lint/batch": { "post": smimelint_post(
                "Lint many certificates, CRLs or OCSP responses",
                json!({ "type": "array", "items": object })) },
            "/v1/lints": { "get": get("Every lint's metadata", "smimelint", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/healthz": { "get": get("Whether the lint pool can take work (503 when not)",
                "smimelint", vec![], json!({ "type": "object" })) },
            "/version": { "get": get("Name, version and lint count", "smimelint", vec![],
                json!({ "type": "object" })) },
            "/v1/version": { "get": get("Name, version and lint count", "smimelint", vec![],
                json!({ "type": "object" })) },
            "/lintcert": pkimetal_form("Lint a certificate (pkimetal's API)", "b64cert",
                "application/pkix-cert"),
            "/linttbscert": pkimetal_form("Lint a TBSCertificate (pkimetal's API)", "b64tbscert",
                "application/octet-stream"),
            "/lintcrl": pkimetal_form("Lint a CRL (pkimetal's API)", "b64crl",
                "application/pkix-crl"),
            "/linttbscrl": pkimetal_form("Lint a TBSCertList (pkimetal's API)", "b64tbscrl",
                "application/octet-stream"),
            "/lintocsp": pkimetal_form("Lint an OCSP response (pkimetal's API)", "b64ocsp",
                "application/ocsp-response"),
            "/linttbsocsp": pkimetal_form("Lint an OCSP ResponseData (pkimetal's API)",
                "b64tbsocsp", "application/octet-stream"),
            "/crl/pkix/crl": {
                "get": get("What the CRL linter reports", "pkilint", vec![],
                    json!({ "type": "array", "items": schema("Validation") })),
                "post": pkilint_document_post("Lint a CRL",
                    vec![at_param_default("the CRL's thisUpdate")], "CrlModel",
                    "LintResultList"),
            },
            "/ocsp/pkix": {
                "get": get("What the OCSP response linter reports", "pkilint", vec![],
                    json!({ "type": "array", "items": schema("Validation") })),
                "post": pkilint_document_post("Lint an OCSP response",
                    vec![at_param_default("the response's producedAt")],
                    "OcspResponseModel", "LintResultList"),
            },
            "/linters": { "get": get("The linters (pkimetal's API)", "pkimetal", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/profiles": { "get": get("The profiles (pkimetal's API)", "pkimetal", vec![],
                json!({ "type": "array", "items": { "type": "object" } })) },
            "/": html_page("A page to lint one certificate, CRL or OCSP response by hand", true),
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
