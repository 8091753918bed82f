//! HTML form bodies: `application/x-www-form-urlencoded` (WHATWG URL standard, via
//! `form_urlencoded`) and `multipart/form-data` (RFC 7578, via `multer`), decoded to name/value
//! pairs of bytes (an uploaded file may be DER, so values are not text).

use super::ApiError;
use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, StatusCode};
use mime::Mime;

/// More fields than any form of this service has; a body of thousands of empty fields costs
/// memory out of proportion to its size. Field sizes are bounded by the body limit, which
/// `read_body` applied before.
const MAX_FIELDS: usize = 64;

const FORM_DATA: &str = "multipart/form-data";
const URLENCODED: &str = "application/x-www-form-urlencoded";

/// The fields of one submitted form, in body order.
#[derive(Debug, Default)]
pub(crate) struct Form {
    fields: Vec<(String, Vec<u8>)>,
}

impl Form {
    /// The first non-empty value of any of `names`, tried in order.
    pub(crate) fn first(&self, names: &[&str]) -> Option<&[u8]> {
        names.iter().find_map(|name| {
            self.fields
                .iter()
                .find(|(k, v)| k == name && !v.is_empty())
                .map(|(_, v)| v.as_slice())
        })
    }

    /// [`Form::first`] as text (invalid UTF-8 replaced), trimmed.
    pub(crate) fn text(&self, name: &str) -> Option<String> {
        self.first(&[name])
            .map(|v| String::from_utf8_lossy(v).trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// Decodes a form body by its Content-Type; `None` for any other content type.
    pub(crate) async fn parse(headers: &HeaderMap, body: &Bytes) -> Option<Result<Form, ApiError>> {
        let raw = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
        let mime: Mime = match raw.parse() {
            Ok(mime) => mime,
            // A form whose parameters are broken (`boundary=""`) is a form gone wrong, not
            // another kind of body.
            Err(e) => {
                let lower = raw.trim_start().to_ascii_lowercase();
                let form = [FORM_DATA, URLENCODED].iter().any(|t| lower.starts_with(t));
                return form.then(|| Err(bad_form(format!("Content-Type '{raw}': {e}"))));
            }
        };
        match (mime.type_(), mime.subtype()) {
            (mime::APPLICATION, mime::WWW_FORM_URLENCODED) => Some(Form::urlencoded(body)),
            (mime::MULTIPART, mime::FORM_DATA) => Some(match mime.get_param(mime::BOUNDARY) {
                Some(boundary) if !boundary.as_str().is_empty() => {
                    Form::multipart(body.clone(), boundary.as_str()).await
                }
                _ => Err(bad_form("multipart/form-data without a boundary")),
            }),
            _ => None,
        }
    }

    /// `a=1&b=2` (also the query string of a URL). Names and values are UTF-8 after
    /// percent-decoding (invalid sequences replaced), as the URL standard decodes them.
    pub(crate) fn urlencoded(body: &[u8]) -> Result<Form, ApiError> {
        let mut fields = Vec::new();
        for (name, value) in form_urlencoded::parse(body) {
            if fields.len() == MAX_FIELDS {
                return Err(too_many_fields());
            }
            fields.push((name.into_owned(), value.into_owned().into_bytes()));
        }
        Ok(Form { fields })
    }

    /// The parts of a multipart body; only those with a `name` in their Content-Disposition
    /// count. The body is already in memory, so it is handed over as one chunk.
    async fn multipart(body: Bytes, boundary: &str) -> Result<Form, ApiError> {
        let stream = Body::from(body).into_data_stream();
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut fields = Vec::new();
        let mut parts = 0;
        while let Some(field) = multipart.next_field().await.map_err(multipart_error)? {
            // Unnamed parts are dropped but count: each costs a header parse.
            parts += 1;
            if parts > MAX_FIELDS {
                return Err(too_many_fields());
            }
            let name = field.name().map(str::to_string);
            let content = field.bytes().await.map_err(multipart_error)?;
            if let Some(name) = name {
                fields.push((name, content.to_vec()));
            }
        }
        Ok(Form { fields })
    }
}

fn bad_form(message: impl Into<String>) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "malformed_form", message)
}

fn too_many_fields() -> ApiError {
    bad_form(format!("more than {MAX_FIELDS} form fields"))
}

fn multipart_error(e: multer::Error) -> ApiError {
    bad_form(format!("multipart/form-data body: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use std::time::Duration;

    fn headers(content_type: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        h
    }

    /// Decodes within a second: a parser waiting for data that never comes fails the test
    /// rather than hanging it.
    async fn parse(content_type: &str, body: &[u8]) -> Option<Result<Form, ApiError>> {
        let body = Bytes::copy_from_slice(body);
        tokio::time::timeout(
            Duration::from_secs(1),
            Form::parse(&headers(content_type), &body),
        )
        .await
        .expect("the form decoder stalled")
    }

    fn assert_bad_form(outcome: Option<Result<Form, ApiError>>, says: &str) {
        let e = outcome.expect("a form content type").unwrap_err();
        assert_eq!((e.status, e.error), (400, "malformed_form"), "{e:?}");
        assert!(e.message.contains(says), "{:?} lacks {says:?}", e.message);
    }

    #[test]
    fn urlencoded_fields_are_percent_decoded() {
        let form = Form::urlencoded(b"b64input=MII%2Bab%3D&format=json&empty=&x=a+b&y=%4").unwrap();
        assert_eq!(form.first(&["b64input"]), Some(&b"MII+ab="[..]));
        assert_eq!(form.text("format").as_deref(), Some("json"));
        assert_eq!(form.first(&["empty"]), None);
        assert_eq!(form.text("x").as_deref(), Some("a b"));
        assert_eq!(form.text("y").as_deref(), Some("%4"));
        assert_eq!(form.first(&["b64cert", "b64input"]), Some(&b"MII+ab="[..]));
    }

    #[tokio::test]
    async fn urlencoded_body_by_content_type() {
        let form = parse("Application/X-WWW-Form-URLEncoded; charset=utf-8", b"a=%31")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(form.text("a").as_deref(), Some("1"));
    }

    /// The body a browser sends (RFC 7578 section 4), a binary file part included.
    #[tokio::test]
    async fn multipart_parts_by_name() {
        let body =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\nmailbox-strict\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.der\"\r\n\
Content-Type: application/octet-stream\r\n\r\n\x30\x03\r\n\x00\r\n--XyZ--\r\n";
        let form = parse("multipart/form-data; boundary=XyZ", body)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(form.text("profile").as_deref(), Some("mailbox-strict"));
        assert_eq!(form.first(&["file"]), Some(&b"\x30\x03\r\n\x00"[..]));
    }

    /// A part without a name cannot be asked for; it is skipped, not an error.
    #[tokio::test]
    async fn multipart_part_without_name_is_skipped() {
        let body = b"--b\r\nContent-Type: text/plain\r\n\r\nanonymous\r\n\
--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--\r\n";
        let form = parse("multipart/form-data; boundary=\"b\"", body)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(form.fields.len(), 1);
        assert_eq!(form.text("a").as_deref(), Some("1"));
    }

    /// Every truncation of a valid body, as a client cut off mid-upload sends it, decodes to
    /// fields or to a 400, never to a panic or a stall.
    #[tokio::test]
    async fn truncated_bodies_are_read_or_refused() {
        let ct = "multipart/form-data; boundary=b";
        let body = b"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\r\n\
Content-Disposition: form-data; name=b\r\n\r\nx%4\r\n--b--";
        for end in 0..=body.len() {
            match parse(ct, &body[..end]).await.unwrap() {
                Ok(_) => {}
                Err(e) => assert_eq!((e.status, e.error), (400, "malformed_form")),
            }
            let _ = Form::urlencoded(&body[..end]).unwrap();
        }
        let whole = parse(ct, body).await.unwrap().unwrap();
        assert_eq!(whole.text("a").as_deref(), Some("1"));
        assert_eq!(whole.text("b").as_deref(), Some("x%4"));
    }

    #[tokio::test]
    async fn other_or_unparseable_content_types_are_not_forms() {
        assert!(parse("application/json", b"{}").await.is_none());
        assert!(parse("multipart/mixed; boundary=b", b"").await.is_none());
        assert!(parse("text/plain; charset", b"").await.is_none());
        assert!(Form::parse(&HeaderMap::new(), &Bytes::new())
            .await
            .is_none());
    }

    #[tokio::test]
    async fn multipart_without_boundary_parameter_is_refused() {
        let outcome = parse("multipart/form-data", b"--b\r\n\r\n--b--").await;
        assert_bad_form(outcome, "without a boundary");
    }

    /// RFC 2046 section 5.1.1: a boundary has 1 to 70 characters.
    #[tokio::test]
    async fn form_content_type_that_does_not_parse_is_refused() {
        let outcome = parse("multipart/form-data; boundary=\"\"", b"--\r\n\r\n----").await;
        assert_bad_form(outcome, "Content-Type");
        let outcome = parse("Multipart/Form-Data; boundary", b"").await;
        assert_bad_form(outcome, "Content-Type");
        let outcome = parse("application/x-www-form-urlencoded; charset", b"a=1").await;
        assert_bad_form(outcome, "Content-Type");
    }

    #[tokio::test]
    async fn multipart_body_without_its_boundary_is_refused() {
        let outcome = parse("multipart/form-data; boundary=b", b"no boundary here").await;
        assert_bad_form(outcome, "incomplete");
    }

    #[tokio::test]
    async fn multipart_part_without_closing_boundary_is_refused() {
        let body = b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx";
        let outcome = parse("multipart/form-data; boundary=b", body).await;
        assert_bad_form(outcome, "incomplete");
    }

    /// RFC 2046 section 5.1.1: a delimiter line ends in CRLF; a bare LF is not one.
    #[tokio::test]
    async fn multipart_with_bare_line_feeds_is_refused() {
        let body = b"--b\nContent-Disposition: form-data; name=a\n\n1\n--b--\n";
        let outcome = parse("multipart/form-data; boundary=b", body).await;
        assert_bad_form(outcome, "incomplete");
    }

    #[tokio::test]
    async fn multipart_part_with_a_broken_header_is_refused() {
        let body = b"--b\r\nContent Disposition form-data\r\n\r\n1\r\n--b--\r\n";
        let outcome = parse("multipart/form-data; boundary=b", body).await;
        assert_bad_form(outcome, "multipart/form-data body");
    }

    #[tokio::test]
    async fn too_many_fields_are_refused() {
        let mut multipart = Vec::new();
        for _ in 0..=MAX_FIELDS {
            multipart
                .extend_from_slice(b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\n\r\n");
        }
        multipart.extend_from_slice(b"--b--\r\n");
        let outcome = parse("multipart/form-data; boundary=b", &multipart).await;
        assert_bad_form(outcome, "form fields");
        let unnamed =
            "--b\r\nContent-Type: text/plain\r\n\r\n\r\n".repeat(MAX_FIELDS + 1) + "--b--";
        let outcome = parse("multipart/form-data; boundary=b", unnamed.as_bytes()).await;
        assert_bad_form(outcome, "form fields");

        let urlencoded = "a&".repeat(MAX_FIELDS + 1);
        let outcome = parse("application/x-www-form-urlencoded", urlencoded.as_bytes()).await;
        assert_bad_form(outcome, "form fields");
        // Exactly the limit is still read.
        let at_limit = "a&".repeat(MAX_FIELDS);
        assert_eq!(
            Form::urlencoded(at_limit.as_bytes()).unwrap().fields.len(),
            MAX_FIELDS
        );
    }
}
