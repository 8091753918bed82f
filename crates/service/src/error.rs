//! Client errors as JSON: `{"error": CODE, "message": TEXT}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A request the service refuses, with a stable machine-readable code.
///
/// | status | code | when |
/// |---|---|---|
/// | 400 | `malformed_json` | the JSON body does not parse |
/// | 400 | `empty_body` | nothing to lint |
/// | 404 | `not_found` | unknown path |
/// | 405 | `method_not_allowed` | e.g. `GET /v1/lint` |
/// | 408 | `timeout` | the request (headers, body and linting) took longer than the timeout |
/// | 413 | `body_too_large` | the body exceeds the limit (1 MiB by default) |
/// | 413 | `batch_too_large` | more certificates than the batch limit |
/// | 415 | `unsupported_media_type` | a content type other than JSON, PEM, DER or text, or one that does not parse |
/// | 400 | `malformed_form` | a form body (web page, pkimetal API) that does not decode, or has too many fields |
/// | 422 | `invalid_request` | JSON of the wrong shape, unknown type, bad `at`, bad issuer, … |
/// | 400 | `malformed_request` | the request line or a header does not parse, or Content-Length is invalid |
/// | 414 | `uri_too_long` | the request URI is over the HTTP parser's limit |
/// | 431 | `headers_too_large` | the headers are over the HTTP parser's size or count limit |
/// | 500 | `internal` | a bug in smimelint |
/// | 503 | `overloaded` | every lint slot is taken; retry after `Retry-After` seconds |
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: u16,
    pub error: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, error: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: status.as_u16(),
            error,
            message: message.into(),
        }
    }
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", message)
    }
    pub fn malformed_json(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "malformed_json", message)
    }
    pub fn body_too_large(limit: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("request body over the limit of {limit} bytes"),
        )
    }
    pub fn timeout(limit: std::time::Duration) -> ApiError {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("request not completed within {} ms", limit.as_millis()),
        )
    }
    pub fn overloaded(max_in_flight: usize) -> ApiError {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "overloaded",
            format!("all {max_in_flight} lint slots are busy; retry later"),
        )
    }
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut response = (status, axum::Json(self)).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from_static("1"),
            );
        }
        response
    }
}
