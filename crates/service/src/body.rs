//! Request bodies, read and decoded the same way by every endpoint.

use super::{ApiError, State};
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use smimelint_engine::linter::{CertResult, Linter};
use smimelint_input::InputItem;
use std::sync::Arc;

/// Reads the whole body within the size limit (a too-long Content-Length is refused before
/// anything is read).
pub(crate) async fn read_body(
    state: &State,
    headers: &HeaderMap,
    body: Body,
) -> Result<Bytes, ApiError> {
    let max = state.config.max_body_bytes;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(ApiError::body_too_large(max));
    }
    match Limited::new(body, max).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => {
            Err(ApiError::body_too_large(max))
        }
        Err(e) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "body_unreadable",
            format!("reading the request body: {e}"),
        )),
    }
}

/// Parses a JSON body, telling malformed JSON (400) from JSON of the wrong shape (422).
pub(crate) fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ApiError::invalid(e.to_string()),
        _ => ApiError::malformed_json(e.to_string()),
    })
}

/// Lints on the service's pool, off the async workers (see `pool.rs`: admission, cancellation
/// when this future is dropped, and a panic outside the per-certificate guard as a 500).
pub(crate) async fn run_lint(
    state: &State,
    linter: Arc<Linter>,
    items: Vec<InputItem>,
) -> Result<Vec<CertResult>, ApiError> {
    state.pool.run(linter, items).await
}
