//! Output for CI systems: GitHub Actions workflow commands and SARIF 2.1.0.
//! Both stream: each result is written as it arrives.

use crate::RunStats;
use crate::Sink;
use serde_json::json;
use smimelint_engine::linter::CertResult;
use smimelint_engine::registry::{self, Status};
use std::io::{self, Write};

/// The file an input name refers to: `certs.pem#3` → `certs.pem`.
fn file_of(input: &str) -> &str {
    match input.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => input,
    }
}

/// GitHub's escaping for workflow command data. Other control characters are escaped first:
/// the log viewer interprets ANSI sequences.
fn gh_data(s: &str) -> String {
    let s = crate::terminal_safe_keep_lines(s);
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for workflow command properties (also `:` and `,`).
fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) struct GithubSink<'w> {
    out: Box<dyn Write + 'w>,
}

impl<'w> GithubSink<'w> {
    pub(crate) fn new(out: Box<dyn Write + 'w>) -> Self {
        GithubSink { out }
    }
}

impl Sink for GithubSink<'_> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        for f in r.issues() {
            let command = match f.status {
                Status::Notice => "notice",
                Status::Warn => "warning",
                _ => "error",
            };
            let mut message = format!("{}: {}", f.lint, f.details.as_deref().unwrap_or(""));
            if !f.citation.is_empty() {
                message.push_str(&format!(" [{}]", f.citation));
            }
            if file_of(&r.input) != r.input {
                message.push_str(&format!(" ({})", r.input));
            }
            if let Some(label) = r.revocation_label() {
                message.push_str(&format!(" ({label})"));
            }
            writeln!(
                self.out,
                "::{command} file={},title={}::{}",
                gh_property(file_of(&r.input)),
                gh_property(f.lint),
                gh_data(&message)
            )?;
        }
        Ok(())
    }
    fn end(&mut self, stats: &RunStats) -> io::Result<()> {
        let with_findings: usize = stats
            .by_worst
            .iter()
            .filter(|(s, _)| s.is_finding())
            .map(|(_, n)| n)
            .sum();
        writeln!(
            self.out,
            "smimelint: {} certificate(s), {with_findings} with findings",
            stats.records
        )?;
        self.out.flush()
    }
}

fn sarif_level(s: Status) -> &'static str {
    match s {
        Status::Notice => "note",
        Status::Warn => "warning",
        Status::Error | Status::Fatal => "error",
        _ => "none",
    }
}

/// Percent-encodes a path into a relative URI reference (SARIF artifactLocation.uri).
fn uri_reference(path: &str) -> String {
    let path = if path == "-" { "stdin" } else { path };
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub(crate) struct SarifSink<'w> {
    out: Box<dyn Write + 'w>,
    first: bool,
}

impl<'w> SarifSink<'w> {
    pub(crate) fn new(out: Box<dyn Write + 'w>) -> Self {
        SarifSink { out, first: true }
    }
}

/// One SARIF rule per registered lint; results refer to it by index.
fn rules() -> Vec<serde_json::Value> {
    registry::all()
        .iter()
        .map(|l| {
            json!({
                "id": l.name,
                "shortDescription": { "text": l.description },
                "fullDescription": { "text": smimelint_engine::meta::docs(l) },
                "help": { "text": l.citation },
                "defaultConfiguration": { "level": sarif_level(l.level().status()) },
                "properties": { "tags": [l.source.as_str()], "citation": l.citation },
            })
        })
        .collect()
}

impl Sink for SarifSink<'_> {
    fn begin(&mut self) -> io::Result<()> {
        let driver = json!({
            "name": "smimelint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules(),
        });
        write!(
            self.out,
            "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\
             \"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"results\":["
        )
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        for f in r.issues() {
            let index = registry::all().iter().position(|l| l.name == f.lint);
            let mut result = json!({
                "ruleId": f.lint,
                "level": sarif_level(f.status),
                "message": { "text": f.details.as_deref().unwrap_or(f.lint) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_reference(file_of(&r.input)) }
                    },
                    "logicalLocations": [{
                        "name": r.input,
                        "kind": r.revocation_form().unwrap_or("certificate"),
                    }]
                }],
                "properties": {
                    "status": f.status.as_str(),
                    "citation": f.citation,
                    "sha256": r.sha256,
                    "certificateType": r.cert_type.map(|t| t.to_string()),
                },
            });
            if let Some(form) = r.revocation_form() {
                result["properties"]["form"] = json!(form);
                result["properties"]["scope"] = json!(r.scope.map(|s| s.as_str()));
            }
            if let Some(i) = index {
                result["ruleIndex"] = json!(i);
            }
            self.out
                .write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer(&mut self.out, &result)?;
        }
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn end(&mut self, _: &RunStats) -> io::Result<()> {
        writeln!(
            self.out,
            "\n],\"invocations\":[{{\"executionSuccessful\":true}}]}}]}}"
        )?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(gh_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        assert_eq!(gh_data("a:b,c"), "a:b,c");
        assert_eq!(file_of("dir/x.pem#12"), "dir/x.pem");
        assert_eq!(file_of("dir/x#y.pem"), "dir/x#y.pem");
        assert_eq!(file_of("-"), "-");
    }

    #[test]
    fn uris() {
        assert_eq!(uri_reference("certs/a b.pem"), "certs/a%20b.pem");
        assert_eq!(uri_reference("-"), "stdin");
    }
}
