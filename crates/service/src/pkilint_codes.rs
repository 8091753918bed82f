//! Which pkilint finding (code, validator, severity, message or not) stands for a smimelint lint
//! in the pkilint-compatible answers: data from `docs/xref/pkilint-rest.txt` and the severities of
//! `docs/xref/pkilint.txt`.

use smimelint_engine::registry::Status;
use std::collections::HashMap;
use std::sync::OnceLock;

/// `LINT CODE VALIDATOR MESSAGE [NODE]` per line.
pub use smimelint_engine::xref::PKILINT_REST_DATA;

/// The code column of a lint reported under its own name although its metadata names pkilint
/// codes (they are related findings, not the same one).
pub const OWN_NAME: &str = "-";

/// One pkilint finding a lint is reported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PkilintFinding {
    pub code: &'static str,
    pub validator: &'static str,
    pub severity: &'static str,
    /// Whether pkilint attaches a message to this code.
    pub has_message: bool,
    /// pkilint's `node_path` for this finding (`certificate` where the node varies).
    pub node: &'static str,
}

/// The node path of a finding whose node the table does not fix.
pub const WHOLE_CERTIFICATE: &str = "certificate";

/// One data line.
#[derive(Clone, Copy, Debug)]
pub struct Row {
    pub lint: &'static str,
    pub code: &'static str,
    pub validator: &'static str,
    pub message: &'static str,
    pub node: Option<&'static str>,
}

/// The table's rows, by lint name, in file order (none for a lint reported under its own name).
pub fn table() -> &'static HashMap<&'static str, Vec<PkilintFinding>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<PkilintFinding>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let severities: HashMap<&str, &str> = smimelint_engine::xref::pkilint()
            .into_iter()
            .filter_map(|f| Some((f.id, f.severity?)))
            .collect();
        let mut table: HashMap<&str, Vec<PkilintFinding>> = HashMap::new();
        for row in parse(PKILINT_REST_DATA) {
            let rows = table.entry(row.lint).or_default();
            if row.code == OWN_NAME {
                continue;
            }
            rows.push(PkilintFinding {
                code: row.code,
                validator: row.validator,
                // Rows naming a code pkilint.txt lacks are caught by the table's test.
                severity: severities.get(row.code).copied().unwrap_or("ERROR"),
                has_message: row.message == "text",
                node: row.node.unwrap_or(WHOLE_CERTIFICATE),
            });
        }
        table
    })
}

/// The data lines.
pub fn parse(data: &'static str) -> impl Iterator<Item = Row> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut f = l.split_whitespace();
            let mut next = || f.next().unwrap_or("");
            Row {
                lint: next(),
                code: next(),
                validator: next(),
                message: next(),
                node: Some(next()).filter(|n| !n.is_empty()),
            }
        })
}

/// pkilint's severity word for a finding status of a lint without a pkilint equivalent (None for
/// pass/NA/NE).
pub fn own_severity(status: Status) -> Option<&'static str> {
    match status {
        Status::Fatal => Some("FATAL"),
        Status::Error => Some("ERROR"),
        Status::Warn => Some("WARNING"),
        Status::Notice => Some("NOTICE"),
        _ => None,
    }
}
