//! Server-rendered HTML: escaping and the page frame shared by the web pages. Every piece of
//! text that a request or a certificate can influence goes through [`escape`].

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Colours per status or severity word, readable on white; shared so that the web page and the
/// pkimetal-style HTML answer look alike.
pub(crate) const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; color: #222; margin: 1.5em auto; max-width: 70em; padding: 0 1em }
h1 { font-size: 1.5em } h1 a { color: inherit; text-decoration: none }
table { border-collapse: collapse; margin: 1em 0 }
th, td { border-bottom: 1px solid #ddd; padding: .3em .7em; text-align: left; vertical-align: top }
th { background: #f3f3f3 }
textarea { font: 12px monospace; width: 100%; box-sizing: border-box }
fieldset { border: 1px solid #ccc; margin: 0 0 1em } label { margin-right: 1em }
pre, code { font: 13px monospace } pre { background: #f7f7f7; padding: .7em; overflow-x: auto }
.error-box { background: #fdd; border: 1px solid #c00; padding: .6em }
.s-fatal, .s-bug { background: #00a; color: #fff; font-weight: bold }
.s-error { background: #fdd; color: #c00; font-weight: bold }
.s-warn, .s-warning { background: #ffefdf; color: #b50 }
.s-notice { background: #ffffdf; color: #660 }
.s-pass { color: #070 } .s-NA, .s-NE, .s-meta, .s-debug, .s-info { color: #777 }
";

/// A complete page: `title` is escaped here, `body` must already be safe HTML.
pub(crate) fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let mut html = String::with_capacity(body.len() + STYLE.len() + 300);
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        escape(title)
    );
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape(r#"<script>alert('x')</script> & "q""#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape("plain ü"), "plain ü");
    }
}
