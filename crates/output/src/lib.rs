//! Output formats: text (default), json (one array), jsonl (one object per line), csv (one row
//! per finding). All stream: nothing is buffered beyond one record.

use anstyle::{AnsiColor, Style};
use smimelint_engine::linter::CertResult;
use smimelint_engine::registry::Status;
use std::io::{self, Write};

mod ci;
mod shown;
pub mod summary;

pub use shown::at_least;

// Unit tests lint real certificates: the rulebook must be linked.

/// Receives results in input order.
pub trait Sink {
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }
    fn write(&mut self, result: &CertResult) -> io::Result<()>;
    /// Called after each batch so streamed consumers see results promptly.
    fn flush(&mut self) -> io::Result<()>;
    fn end(&mut self, _stats: &RunStats) -> io::Result<()> {
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Jsonl,
    Csv,
    /// GitHub Actions workflow commands (`::error file=…::…`).
    Github,
    /// SARIF 2.1.0 for code-scanning UIs.
    Sarif,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "text" => Format::Text,
            "json" => Format::Json,
            "jsonl" => Format::Jsonl,
            "csv" => Format::Csv,
            "github" => Format::Github,
            "sarif" => Format::Sarif,
            _ => {
                return Err(format!(
                    "unknown format '{s}' (text, json, jsonl, csv, github, sarif)"
                ))
            }
        })
    }
}

/// A sink for `format` writing to `out`.
pub fn sink<'w>(format: Format, out: Box<dyn Write + 'w>, color: bool) -> Box<dyn Sink + 'w> {
    match format {
        Format::Text => Box::new(TextSink {
            out,
            color,
            ne: NeTally::default(),
        }),
        Format::Json => Box::new(JsonSink {
            out,
            first: true,
            pretty: false,
        }),
        Format::Jsonl => Box::new(JsonlSink { out }),
        Format::Csv => Box::new(CsvSink { out }),
        Format::Github => Box::new(crate::ci::GithubSink::new(out)),
        Format::Sarif => Box::new(crate::ci::SarifSink::new(out)),
    }
}

struct JsonlSink<'w> {
    out: Box<dyn Write + 'w>,
}

impl Sink for JsonlSink<'_> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, r)?;
        self.out.write_all(b"\n")
    }
    fn end(&mut self, _: &RunStats) -> io::Result<()> {
        self.out.flush()
    }
}

/// `--format json` with each record indented, for reading rather than parsing.
pub fn pretty_json_sink<'w>(out: Box<dyn Write + 'w>) -> Box<dyn Sink + 'w> {
    Box::new(JsonSink {
        out,
        first: true,
        pretty: true,
    })
}

struct JsonSink<'w> {
    out: Box<dyn Write + 'w>,
    first: bool,
    pretty: bool,
}

impl Sink for JsonSink<'_> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn begin(&mut self) -> io::Result<()> {
        self.out.write_all(b"[")
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        self.out
            .write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, r)?;
        } else {
            serde_json::to_writer(&mut self.out, r)?;
        }
        Ok(())
    }
    fn end(&mut self, _: &RunStats) -> io::Result<()> {
        self.out.write_all(b"\n]\n")?;
        self.out.flush()
    }
}

struct CsvSink<'w> {
    out: Box<dyn Write + 'w>,
}

/// RFC 4180 quoting, only when needed.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Sink for CsvSink<'_> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn begin(&mut self) -> io::Result<()> {
        writeln!(self.out, "input,sha256,type,lint,status,citation,details")
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        let ty = r
            .cert_type
            .map(|t| t.to_string())
            .or_else(|| r.revocation_label())
            .unwrap_or_default();
        if r.findings.is_empty() {
            // One row even without findings, so every input is a record in every format.
            return writeln!(
                self.out,
                "{},{},{},,{},,",
                csv_field(&r.input),
                r.sha256.as_deref().unwrap_or(""),
                ty,
                Status::Pass.as_str()
            );
        }
        for f in &r.findings {
            writeln!(
                self.out,
                "{},{},{},{},{},{},{}",
                csv_field(&r.input),
                r.sha256.as_deref().unwrap_or(""),
                ty,
                f.lint,
                f.status.as_str(),
                csv_field(f.citation),
                csv_field(f.details.as_deref().unwrap_or(""))
            )?;
        }
        Ok(())
    }
    fn end(&mut self, _: &RunStats) -> io::Result<()> {
        self.out.flush()
    }
}

struct TextSink<'w> {
    out: Box<dyn Write + 'w>,
    color: bool,
    ne: NeTally,
}

/// Lints not yet in effect (NE), so that an `ok` is never silent about rules it skipped.
#[derive(Default)]
struct NeTally {
    certificates: usize,
    results: usize,
    /// Some certificate was evaluated at its notBefore rather than a requested time.
    at_not_before: bool,
}

/// The per-certificate note on NE lints, empty when there were none.
fn ne_note(r: &CertResult) -> String {
    match (r.not_yet_effective, r.at_requested) {
        (0, _) => String::new(),
        (n, false) => format!(
            "  ({n} lint(s) NE: not yet in effect at notBefore; --at now applies today's rules)"
        ),
        (n, true) => format!("  ({n} lint(s) NE: not yet in effect at the requested time)"),
    }
}

impl TextSink<'_> {
    fn paint(&self, style: Style, s: &str) -> String {
        if self.color {
            format!("{style}{s}{style:#}")
        } else {
            s.to_string()
        }
    }
}

/// Text safe for a terminal: control characters (C0, DEL, C1) and the bidirectional overrides
/// become `\xNN` / `\u{NNNN}`, so an input name or a value quoted from a certificate cannot move
/// the cursor, clear the screen or reorder what is shown. Borrowed when nothing needs escaping.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(s, false)
}

/// [`terminal_safe`], but CR and LF are kept (for formats that encode them their own way).
pub fn terminal_safe_keep_lines(s: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(s, true)
}

fn escape_controls(s: &str, keep_lines: bool) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\r')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const OK: Style = AnsiColor::Green.on_default();

fn status_color(s: Status) -> Style {
    match s {
        Status::Fatal => AnsiColor::Magenta.on_default().bold(),
        Status::Error => AnsiColor::Red.on_default().bold(),
        Status::Warn => AnsiColor::Yellow.on_default().bold(),
        Status::Notice => AnsiColor::Cyan.on_default(),
        _ => DIM,
    }
}

impl Sink for TextSink<'_> {
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
    fn write(&mut self, r: &CertResult) -> io::Result<()> {
        let profile = match (r.kind, r.cert_type, r.type_source) {
            (_, Some(t), Some(s)) => format!("{t} ({})", serde_plain(&s)),
            (Some(k), _, _) => k.as_str().to_string(),
            _ => r
                .revocation_label()
                .unwrap_or_else(|| "not a certificate".to_string()),
        };
        let verdict = match r.worst() {
            s if s.is_finding() => self.paint(status_color(s), s.as_str()),
            _ => self.paint(OK, "ok"),
        };
        if r.not_yet_effective > 0 {
            self.ne.certificates += 1;
            self.ne.results += r.not_yet_effective;
            self.ne.at_not_before |= !r.at_requested;
        }
        let note = self.paint(DIM, &ne_note(r));
        let header = format!(
            "{}  {profile}  {verdict}{note}",
            self.paint(BOLD, &terminal_safe(&r.input))
        );
        writeln!(self.out, "{header}")?;
        for f in &r.findings {
            let status = format!("{:<6}", f.status.as_str());
            writeln!(
                self.out,
                "  {} {}  [{}]{}{}",
                self.paint(status_color(f.status), &status),
                f.lint,
                f.citation,
                if f.details.is_some() { "  " } else { "" },
                terminal_safe(f.details.as_deref().unwrap_or(""))
            )?;
        }
        Ok(())
    }
    fn end(&mut self, stats: &RunStats) -> io::Result<()> {
        let count = |s: Status| stats.by_worst.get(&s).copied().unwrap_or(0);
        let clean: usize = stats
            .by_worst
            .iter()
            .filter(|(s, _)| !s.is_finding())
            .map(|(_, n)| n)
            .sum();
        // On the same line, so the summary stays one line after the records.
        let ne = match (self.ne.certificates, self.ne.at_not_before) {
            (0, _) => String::new(),
            (n, true) => format!(
                "; {n} with lints not yet in effect at their notBefore ({} NE, not checked): \
                 --at now applies today's rules",
                self.ne.results
            ),
            (n, false) => format!(
                "; {n} with lints not yet in effect at the requested time ({} NE)",
                self.ne.results
            ),
        };
        writeln!(
            self.out,
            "\n{} certificate(s): {} fatal, {} with errors, {} with warnings, {} with notices, {} clean{ne}",
            stats.records,
            count(Status::Fatal),
            count(Status::Error),
            count(Status::Warn),
            count(Status::Notice),
            clean
        )?;
        let skipped: usize = stats.skipped.values().sum();
        if skipped > 0 {
            writeln!(
                self.out,
                "{skipped} entries skipped (not S/MIME; --all-certs lints them)"
            )?;
        }
        self.out.flush()
    }
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Counts from one run.
#[derive(Clone, Debug, Default)]
pub struct RunStats {
    pub records: usize,
    /// Paths that could not be read (each still produced a fatal record).
    pub unreadable: Vec<String>,
    /// Worst finding status per record, counted.
    pub by_worst: std::collections::BTreeMap<Status, usize>,
    pub worst: Option<Status>,
    /// Inputs not linted (no record), by the reason the runner's `RunOptions::skip` gave.
    pub skipped: std::collections::BTreeMap<&'static str, usize>,
}

impl RunStats {
    pub fn add(&mut self, r: &CertResult) {
        self.records += 1;
        let w = r.worst();
        *self.by_worst.entry(w).or_default() += 1;
        self.worst = self.worst.max(Some(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_escapes_controls_only() {
        assert!(matches!(
            terminal_safe("d/caf\u{e9}.pem#2"),
            std::borrow::Cow::Borrowed("d/caf\u{e9}.pem#2")
        ));
        assert_eq!(
            terminal_safe("a\x1b[2J\nb\r\tc\x7f\u{9b}\u{202e}"),
            "a\\x1b[2J\\nb\\r\\tc\\x7f\\u{009b}\\u{202e}"
        );
    }

    #[test]
    fn text_output_escapes_names_and_details() {
        let r = CertResult {
            input: "evil\x1b]0;owned\x07\n.pem".into(),
            sha256: None,
            form: None,
            kind: None,
            cert_type: None,
            type_source: None,
            scope: None,
            findings: vec![smimelint_engine::linter::Finding {
                lint: "e_input_not_certificate",
                status: Status::Fatal,
                citation: "",
                details: Some("bad\x1b[31m value".into()),
            }],
            not_yet_effective: 0,
            at_requested: false,
        };
        let mut buf = Vec::new();
        {
            let mut sink = sink(Format::Text, Box::new(&mut buf), false);
            sink.write(&r).unwrap();
            sink.flush().unwrap();
        }
        let text = String::from_utf8(buf).unwrap();
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
        // One header line and one finding line: the name's newline did not split the record.
        assert_eq!(text.lines().count(), 2, "{text:?}");
        assert!(
            text.starts_with("evil\\x1b]0;owned\\x07\\n.pem  "),
            "{text:?}"
        );
        assert!(text.contains("bad\\x1b[31m value"), "{text:?}");
    }
}
