//! Decoding a `{"pem": …}` / `{"b64": …}` request exactly as pkilint's FastAPI server does, with
//! its status codes and error bodies: 422 `{"detail": [{"type", "loc", "msg", "input", "ctx"}]}`
//! for anything FastAPI or pydantic refuses, 400 `{"detail": TEXT}` for a body Python cannot
//! decode as text.

use super::pkilint_json::python_json_error;
use super::pkilint_loader::{labelled_pem_body, python_b64decode, structure_refused};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{json, Value};

/// One entry of FastAPI's `detail` list for a request pydantic refused.
#[derive(Debug, Serialize)]
struct ValidationError {
    #[serde(rename = "type")]
    kind: &'static str,
    loc: Vec<Value>,
    msg: String,
    input: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    ctx: Option<Value>,
}

/// One entry of `detail` for pkilint's own `HTTPException`s (field order as pkilint writes it).
#[derive(Debug, Serialize)]
struct ExceptionDetail {
    loc: [&'static str; 1],
    #[serde(rename = "type")]
    kind: &'static str,
    msg: &'static str,
}

/// FastAPI's error body.
#[derive(Debug, Serialize)]
struct Detail<T> {
    detail: T,
}

fn unprocessable(errors: Vec<ValidationError>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(Detail { detail: errors }),
    )
        .into_response()
}

/// 422 as pkilint raises it when it cannot tell the certificate type.
pub fn undeterminable() -> Response {
    let detail = [ExceptionDetail {
        loc: ["body"],
        kind: "value_error",
        msg: "Could not determine certificate type",
    }];
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        axum::Json(Detail { detail }),
    )
        .into_response()
}

/// 422 for an `at` query parameter that names no time, as FastAPI reports a bad parameter.
pub fn bad_time(at: &str) -> Response {
    unprocessable(vec![ValidationError {
        kind: "value_error",
        loc: vec![json!("query"), json!("at")],
        msg: "Value error, expected an RFC 3339 date-time, 'now', YYYY-MM-DD or \
              YYYY-MM-DDTHH:MM:SSZ"
            .into(),
        input: json!(at),
        ctx: Some(json!({ "error": {} })),
    }])
}

/// 404 `{"detail": TEXT}`, FastAPI's `HTTPException` body.
pub fn not_found(text: &'static str) -> Response {
    (StatusCode::NOT_FOUND, axum::Json(json!({ "detail": text }))).into_response()
}

/// Whether FastAPI parses a body with this Content-Type as JSON: `application/json` or
/// `application/*+json`. Without a Content-Type it does not (strict content type).
fn is_json(content_type: Option<&HeaderValue>) -> bool {
    let Some(mime) = content_type
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<mime::Mime>().ok())
    else {
        return false;
    };
    mime.type_() == mime::APPLICATION
        && (mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON))
}

/// The certificate's DER from a request body, or pkilint's error answer.
pub fn certificate_der(
    content_type: Option<&HeaderValue>,
    body: &[u8],
) -> Result<Vec<u8>, Box<Response>> {
    document_der(content_type, body, "CERTIFICATE", structure_refused)
}

/// A document's DER from a request body, or pkilint's error answer: `label` is the PEM label
/// pkilint's loader expects, `refused` whether its strict decoding of the DER fails.
pub fn document_der(
    content_type: Option<&HeaderValue>,
    body: &[u8],
    label: &str,
    refused: fn(&[u8]) -> bool,
) -> Result<Vec<u8>, Box<Response>> {
    if body.is_empty() {
        return Err(Box::new(unprocessable(vec![ValidationError {
            kind: "missing",
            loc: vec![json!("body")],
            msg: "Field required".into(),
            input: Value::Null,
            ctx: None,
        }])));
    }
    if !is_json(content_type) {
        // The raw bytes reach pydantic, which wants an object.
        return Err(Box::new(not_an_object(Value::String(
            String::from_utf8_lossy(body).into_owned(),
        ))));
    }
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Box::new(body_unreadable()));
    };
    if let Some(e) = python_json_error(text) {
        return Err(Box::new(unprocessable(vec![ValidationError {
            kind: "json_invalid",
            loc: vec![json!("body"), json!(e.pos)],
            msg: "JSON decode error".into(),
            input: json!({}),
            ctx: Some(json!({ "error": e.msg })),
        }])));
    }
    // Python accepts NaN and Infinity, serde_json does not: such a body has no string fields.
    let value: Value = serde_json::from_str(text).map_err(|_| Box::new(body_unreadable()))?;
    let Value::Object(fields) = &value else {
        return Err(Box::new(not_an_object(value)));
    };
    let mut errors = Vec::new();
    let mut field = |name: &'static str| match fields.get(name) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(other) => {
            errors.push(ValidationError {
                kind: "string_type",
                loc: vec![json!("body"), json!(name)],
                msg: "Input should be a valid string".into(),
                input: other.clone(),
                ctx: None,
            });
            None
        }
    };
    let (pem, b64) = (field("pem"), field("b64"));
    if !errors.is_empty() {
        return Err(Box::new(unprocessable(errors)));
    }
    let refuse = |msg: &str| {
        unprocessable(vec![ValidationError {
            kind: "value_error",
            loc: vec![json!("body")],
            msg: format!("Value error, {msg}"),
            input: value.clone(),
            ctx: Some(json!({ "error": {} })),
        }])
    };
    let truthy = |s: Option<&str>| s.is_some_and(|s| !s.is_empty());
    match (truthy(pem), truthy(b64)) {
        (true, true) => {
            return Err(Box::new(refuse(
                "Cannot set both \"pem\" and \"b64\" fields; exactly one must be specified",
            )))
        }
        (false, false) => {
            return Err(Box::new(refuse(
                "Must set exactly one of \"pem\" or \"b64\" fields",
            )))
        }
        _ => {}
    }
    let readable = |der: Option<Vec<u8>>| der.filter(|d| !refused(d));
    match pem {
        Some(pem) => readable(labelled_pem_body(pem, label).and_then(python_b64decode))
            .ok_or_else(|| Box::new(refuse("Invalid PEM text specified"))),
        None => readable(b64.and_then(python_b64decode))
            .ok_or_else(|| Box::new(refuse("Invalid Base-64 encoding specified"))),
    }
}

fn not_an_object(input: Value) -> Response {
    unprocessable(vec![ValidationError {
        kind: "model_attributes_type",
        loc: vec![json!("body")],
        msg: "Input should be a valid dictionary or object to extract fields from".into(),
        input,
        ctx: None,
    }])
}

/// FastAPI's answer when the body is not text Python can decode.
fn body_unreadable() -> Response {
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({ "detail": "There was an error parsing the body" })),
    )
        .into_response()
}
