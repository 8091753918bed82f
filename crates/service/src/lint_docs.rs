//! `GET /lints` and `GET /lints/{NAME}`: what `smimelint lints` and `smimelint explain NAME`
//! print, as HTML pages the web page's findings link to.

use super::html::{escape, page};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use smimelint_engine::meta::{self, LintInfo};
use smimelint_engine::registry;
use std::fmt::Write as _;

/// Every lint with its level and description, each linking to its page.
pub(crate) async fn index() -> Response {
    let mut body = String::from(
        "<h1><a href=\"/\">smimelint</a>: lints</h1>\n<table>\n\
         <tr><th>Lint</th><th>Level</th><th>Description</th><th>Citation</th></tr>\n",
    );
    for info in meta::all() {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"/lints/{0}\">{0}</a></td><td class=\"s-{1}\">{1}</td><td>{2}</td><td>{3}</td></tr>",
            escape(info.name),
            info.level.as_str(),
            escape(info.description),
            escape(info.citation)
        );
    }
    body.push_str("</table>\n");
    page(StatusCode::OK, "smimelint: lints", &body)
}

/// One lint: the metadata block `smimelint explain` prints as a table, then its documentation.
pub(crate) async fn explain(Path(name): Path<String>) -> Response {
    let Some(lint) = registry::find(&name) else {
        let body = format!(
            "<h1><a href=\"/\">smimelint</a></h1>\n<p class=\"error-box\">No lint named \
             <code>{}</code>. See <a href=\"/lints\">the list of lints</a>.</p>\n",
            escape(&name)
        );
        return page(StatusCode::NOT_FOUND, "smimelint: no such lint", &body);
    };
    let info = LintInfo::of(lint);
    let mut body = format!(
        "<p><a href=\"/\">smimelint</a> › <a href=\"/lints\">lints</a></p>\n<h1>{}</h1>\n<p>{}</p>\n<table>\n",
        escape(info.name),
        escape(info.description)
    );
    let effective = match &info.ineffective {
        Some(end) => format!("{} until {end}", info.effective),
        None => info.effective.clone(),
    };
    let rows = [
        ("Level", info.level.as_str().to_string()),
        ("Citation", info.citation.to_string()),
        ("Source", info.source.as_str().to_string()),
        ("Applies to", info.applies_to.clone()),
        ("Effective", effective),
        ("Ballot", info.ballot.unwrap_or("-").to_string()),
        ("pkilint", list(info.pkilint)),
        ("zlint", list(info.zlint)),
        ("Catalog", list(info.catalog)),
    ];
    for (key, value) in rows {
        let _ = writeln!(body, "<tr><th>{key}</th><td>{}</td></tr>", escape(&value));
    }
    body.push_str("</table>\n");
    body.push_str(&markdown(&info.docs));
    page(StatusCode::OK, &format!("smimelint: {}", info.name), &body)
}

fn list(v: &[&str]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

/// The little Markdown lint docs use: `## ` headings, paragraphs, `- ` lists, fenced code and
/// `inline code`. Everything is escaped before markup is added.
fn markdown(text: &str) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut in_list = false;
    let mut in_code = false;
    let flush = |out: &mut String, paragraph: &mut Vec<&str>| {
        if !paragraph.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", inline(&paragraph.join("\n")));
            paragraph.clear();
        }
    };
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            flush(&mut out, &mut paragraph);
            out.push_str(if in_code { "</pre>\n" } else { "<pre>" });
            in_code = !in_code;
            continue;
        }
        if in_code {
            out.push_str(&escape(line));
            out.push('\n');
            continue;
        }
        let item = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "));
        if in_list && item.is_none() && line.starts_with("  ") && !line.trim().is_empty() {
            // A wrapped list item continues on an indented line.
            out.push(' ');
            out.push_str(&inline(line.trim()));
            continue;
        }
        if in_list && item.is_none() {
            out.push_str("</li></ul>\n");
            in_list = false;
        }
        if let Some(heading) = line.strip_prefix("## ").or_else(|| line.strip_prefix("# ")) {
            flush(&mut out, &mut paragraph);
            let _ = writeln!(out, "<h2>{}</h2>", inline(heading));
        } else if let Some(item) = item {
            flush(&mut out, &mut paragraph);
            out.push_str(if in_list { "</li>\n<li>" } else { "<ul>\n<li>" });
            in_list = true;
            out.push_str(&inline(item));
        } else if line.trim().is_empty() {
            flush(&mut out, &mut paragraph);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut out, &mut paragraph);
    if in_list {
        out.push_str("</li></ul>\n");
    }
    if in_code {
        out.push_str("</pre>\n");
    }
    out
}

/// Escapes a line and turns `code` spans into `<code>`.
fn inline(text: &str) -> String {
    let mut out = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_doc_markdown_becomes_escaped_html() {
        let html = markdown(
            "## What it checks\nA <b> value in\n`02 02 00 05` form.\n\n- one\n  more\n- two\n\n```\nx < y\n```\n",
        );
        assert_eq!(
            html,
            "<h2>What it checks</h2>\n<p>A &lt;b&gt; value in\n<code>02 02 00 05</code> form.</p>\n\
             <ul>\n<li>one more</li>\n<li>two</li></ul>\n<pre>x &lt; y\n</pre>\n"
        );
    }
}
