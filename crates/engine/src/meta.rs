//! Lint metadata as plain serialisable data (for `smimelint lints`, docs and the service).

use crate::registry::{self, Level, Lint, Source};
use serde::Serialize;
use smimelint_der::time::format_date;

#[derive(Clone, Debug, Serialize)]
pub struct LintInfo {
    pub name: &'static str,
    pub level: Level,
    pub description: &'static str,
    pub citation: &'static str,
    pub source: Source,
    /// `YYYY-MM-DD`.
    pub effective: String,
    pub ineffective: Option<String>,
    pub ballot: Option<&'static str>,
    pub pkilint: &'static [&'static str],
    pub zlint: &'static [&'static str],
    /// Rules-catalog ids the lint checks.
    pub catalog: &'static [&'static str],
    pub applies_to: String,
    /// The documents the lint checks: `certificate`, `crl`, `ocsp`.
    pub documents: Vec<&'static str>,
    pub docs: String,
}

impl LintInfo {
    pub fn of(l: &Lint) -> LintInfo {
        LintInfo {
            name: l.name,
            level: l.level(),
            description: l.description,
            citation: l.citation,
            source: l.source,
            effective: format_date(l.effective),
            ineffective: l.ineffective.map(format_date),
            ballot: l.ballot,
            pkilint: l.pkilint,
            zlint: l.zlint,
            catalog: l.catalog,
            applies_to: applies_to(l),
            documents: l.documents(),
            docs: docs(l),
        }
    }
}

/// The scope in words: certificate kinds and types, or for CRL and OCSP lints the certificates
/// the document reports on.
fn applies_to(l: &Lint) -> String {
    let mut parts = Vec::new();
    if l.checks_certificates() {
        parts.push(l.applies.describe());
    }
    if l.crl.is_some() {
        parts.push(l.applies.describe_scope("CRLs"));
    }
    if l.ocsp.is_some() {
        parts.push(l.applies.describe_scope("OCSP responses"));
    }
    parts.join("; ")
}

/// The doc comment with the one leading space per line that `///` leaves removed.
pub fn docs(l: &Lint) -> String {
    l.docs
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn all() -> Vec<LintInfo> {
    registry::all().iter().map(|l| LintInfo::of(l)).collect()
}

/// `smimelint explain NAME`: metadata block followed by the documentation.
pub fn explain(l: &Lint) -> String {
    let i = LintInfo::of(l);
    let mut out = format!("{}\n{}\n\n", i.name, "=".repeat(i.name.len()));
    out.push_str(&format!("{}\n\n", i.description));
    let rows: [(&str, String); 10] = [
        ("Level", i.level.as_str().to_string()),
        ("Documents", i.documents.join(", ")),
        ("Citation", i.citation.to_string()),
        ("Source", i.source.as_str().to_string()),
        ("Applies to", i.applies_to.clone()),
        (
            "Effective",
            match &i.ineffective {
                Some(end) => format!("{} until {end}", i.effective),
                None => i.effective.clone(),
            },
        ),
        ("Ballot", i.ballot.unwrap_or("-").to_string()),
        ("pkilint", join_or_dash(i.pkilint)),
        ("zlint", join_or_dash(i.zlint)),
        ("Catalog", join_or_dash(i.catalog)),
    ];
    for (k, v) in rows {
        out.push_str(&format!("{k:<11} {v}\n"));
    }
    out.push('\n');
    out.push_str(&i.docs);
    out
}

fn join_or_dash(v: &[&str]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}
