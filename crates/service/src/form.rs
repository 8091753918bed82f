//! HTML form bodies: `application/x-www-form-urlencoded` and `multipart/form-data`, decoded to
//! name/value pairs of bytes (an uploaded file may be DER, so values are not text).

use super::ApiError;
use axum::http::{header, HeaderMap, StatusCode};

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
    pub(crate) fn parse(headers: &HeaderMap, body: &[u8]) -> Option<Result<Form, ApiError>> {
        let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
        let mut params = content_type.split(';');
        let mime = params.next()?.trim().to_ascii_lowercase();
        match mime.as_str() {
            "application/x-www-form-urlencoded" => Some(Ok(Form::urlencoded(body))),
            "multipart/form-data" => {
                let boundary = params.find_map(|p| {
                    let (k, v) = p.split_once('=')?;
                    k.trim()
                        .eq_ignore_ascii_case("boundary")
                        .then(|| v.trim().trim_matches('"').to_string())
                });
                Some(match boundary.filter(|b| !b.is_empty()) {
                    Some(b) => Form::multipart(body, &b),
                    None => Err(bad_form("multipart/form-data without a boundary")),
                })
            }
            _ => None,
        }
    }

    /// `a=1&b=2` (also the query string of a URL).
    pub(crate) fn urlencoded(body: &[u8]) -> Form {
        let fields = body
            .split(|&c| c == b'&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (k, v) = match pair.iter().position(|&c| c == b'=') {
                    Some(i) => (&pair[..i], &pair[i + 1..]),
                    None => (pair, &b""[..]),
                };
                (
                    String::from_utf8_lossy(&percent_decode(k)).into_owned(),
                    percent_decode(v),
                )
            })
            .collect();
        Form { fields }
    }

    /// RFC 7578: parts between `--BOUNDARY` lines, each with headers, a blank line and
    /// content. Only `Content-Disposition: form-data; name=…` matters here.
    fn multipart(body: &[u8], boundary: &str) -> Result<Form, ApiError> {
        let delimiter = format!("--{boundary}").into_bytes();
        let mut fields = Vec::new();
        let mut rest = match find(body, &delimiter) {
            Some(i) => &body[i + delimiter.len()..],
            None => return Err(bad_form("multipart body without its boundary")),
        };
        // After each delimiter: `--` ends the body, a line break starts a part.
        while !rest.starts_with(b"--") {
            let part_start = skip_line_break(rest)
                .ok_or_else(|| bad_form("multipart boundary not followed by a line break"))?;
            let end = find(part_start, &delimiter)
                .ok_or_else(|| bad_form("multipart part without a closing boundary"))?;
            let part = &part_start[..end];
            // The line break before the delimiter belongs to the delimiter.
            let part = part
                .strip_suffix(b"\r\n")
                .or_else(|| part.strip_suffix(b"\n"))
                .unwrap_or(part);
            let (head, content) = split_head(part)
                .ok_or_else(|| bad_form("multipart part without a blank line after headers"))?;
            if let Some(name) = disposition_name(head) {
                fields.push((name, content.to_vec()));
            }
            rest = &part_start[end + delimiter.len()..];
        }
        Ok(Form { fields })
    }
}

fn bad_form(message: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, "malformed_form", message)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn skip_line_break(b: &[u8]) -> Option<&[u8]> {
    // Transport padding (spaces, tabs) may follow a delimiter.
    let b = &b[b.iter().take_while(|&&c| c == b' ' || c == b'\t').count()..];
    b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n"))
}

/// Headers and content of one part; the part may start with the blank line at once.
fn split_head(part: &[u8]) -> Option<(&[u8], &[u8])> {
    if let Some(content) = part
        .strip_prefix(b"\r\n")
        .or_else(|| part.strip_prefix(b"\n"))
    {
        return Some((b"", content));
    }
    if let Some(i) = find(part, b"\r\n\r\n") {
        return Some((&part[..i], &part[i + 4..]));
    }
    find(part, b"\n\n").map(|i| (&part[..i], &part[i + 2..]))
}

/// The `name` parameter of the part's Content-Disposition header.
fn disposition_name(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head);
    let line = head.lines().find(|l| {
        l.split(':')
            .next()
            .is_some_and(|k| k.trim().eq_ignore_ascii_case("content-disposition"))
    })?;
    let (_, value) = line.split_once(':')?;
    value.split(';').find_map(|param| {
        let (k, v) = param.split_once('=')?;
        (k.trim() == "name").then(|| v.trim().trim_matches('"').to_string())
    })
}

/// `%XX` and `+` decoding; a malformed escape stays as it is.
fn percent_decode(s: &[u8]) -> Vec<u8> {
    let hex = |c: u8| char::from(c).to_digit(16);
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < s.len() => match (hex(s[i + 1]), hex(s[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(content_type: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(content_type).unwrap(),
        );
        h
    }

    #[test]
    fn urlencoded_fields_are_percent_decoded() {
        let form = Form::urlencoded(b"b64input=MII%2Bab%3D&format=json&empty=&x=a+b&y=%4");
        assert_eq!(form.first(&["b64input"]), Some(&b"MII+ab="[..]));
        assert_eq!(form.text("format").as_deref(), Some("json"));
        assert_eq!(form.first(&["empty"]), None);
        assert_eq!(form.text("x").as_deref(), Some("a b"));
        assert_eq!(form.text("y").as_deref(), Some("%4"));
        assert_eq!(form.first(&["b64cert", "b64input"]), Some(&b"MII+ab="[..]));
    }

    /// The body a browser sends (RFC 7578 section 4), a binary file part included.
    #[test]
    fn multipart_parts_by_name() {
        let body =
            b"--XyZ\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\nmailbox-strict\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.der\"\r\n\
Content-Type: application/octet-stream\r\n\r\n\x30\x03\r\n\x00\r\n--XyZ--\r\n";
        let form = Form::parse(&headers("multipart/form-data; boundary=XyZ"), body)
            .unwrap()
            .unwrap();
        assert_eq!(form.text("profile").as_deref(), Some("mailbox-strict"));
        assert_eq!(form.first(&["file"]), Some(&b"\x30\x03\r\n\x00"[..]));
    }

    /// Every truncation of a valid body, as a client cut off mid-upload sends it, decodes to
    /// fields or to a 400, never to a panic.
    #[test]
    fn truncated_bodies_never_panic() {
        let h = headers("multipart/form-data; boundary=b");
        let body = b"--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b\n\
Content-Disposition: form-data; name=b\n\nx%4\n--b--";
        for end in 0..=body.len() {
            let _ = Form::parse(&h, &body[..end]).unwrap();
            let _ = Form::urlencoded(&body[..end]);
        }
        let whole = Form::parse(&h, body).unwrap().unwrap();
        assert_eq!(whole.text("a").as_deref(), Some("1"));
        assert_eq!(whole.text("b").as_deref(), Some("x%4"));
    }

    #[test]
    fn broken_multipart_is_refused() {
        let h = headers("multipart/form-data; boundary=\"b\"");
        assert!(Form::parse(&h, b"no boundary here").unwrap().is_err());
        assert!(Form::parse(
            &h,
            b"--b\r\nContent-Disposition: form-data; name=a\r\n\r\nx"
        )
        .unwrap()
        .is_err());
        assert!(Form::parse(&headers("multipart/form-data"), b"")
            .unwrap()
            .is_err());
        assert!(Form::parse(&headers("application/json"), b"{}").is_none());
    }
}
