//! The native half of the `smimelint` Python package: a thin layer over the engine's `Linter`.
//! Records cross into Python as the CLI's JSON lines (the same serializer), so the Python
//! objects built from them match `smimelint --format jsonl` by construction; the Python half
//! (python/smimelint) wraps them in typed objects.

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use smimelint_engine::detect::PolicyMap;
use smimelint_engine::linter::{self, CertResult, Linter, Options};
use smimelint_engine::{config, meta, registry, xref};
use std::collections::HashMap;
use std::sync::Arc;

mod ct;

// The CLI's allocator (README "Performance"): faster than glibc's malloc across rayon's
// threads. It serves the Rust side only; Python keeps its own.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Linked for its side effect: every lint registers itself with the engine.
use smimelint_lints as _;

/// pkilint's finding per lint in its REST answers: `LINT CODE VALIDATOR MESSAGE [NODE]` lines,
/// the table the service's pkilint-compatible endpoint reads.
use smimelint_engine::xref::PKILINT_REST_DATA;

/// A configured linter; shared by every thread that calls it.
#[pyclass(frozen, module = "smimelint._smimelint", name = "NativeLinter")]
struct NativeLinter {
    inner: Arc<Linter>,
}

fn bad_argument(message: String) -> PyErr {
    PyValueError::new_err(message)
}

/// The CLI's jsonl record of each result.
fn records(results: &[CertResult]) -> Vec<String> {
    results.iter().map(record).collect()
}

fn record(result: &CertResult) -> String {
    // A record is strings, numbers and options: serializing it cannot fail.
    serde_json::to_string(result).unwrap_or_default()
}

#[pymethods]
impl NativeLinter {
    #[new]
    #[pyo3(signature = (cert_type, at, policy_map, issuer, include, exclude, include_passes))]
    fn new(
        cert_type: Option<&str>,
        at: Option<&str>,
        policy_map: Option<&str>,
        issuer: Option<&[u8]>,
        include: Vec<String>,
        exclude: Vec<String>,
        include_passes: bool,
    ) -> PyResult<Self> {
        let mut opts = Options {
            include_passes,
            ..Options::default()
        };
        opts.override_type = cert_type
            .map(|t| config::parse_type("type", t))
            .transpose()
            .map_err(bad_argument)?;
        opts.at = at
            .map(|s| config::parse_at_setting("at", s))
            .transpose()
            .map_err(bad_argument)?;
        if let Some(text) = policy_map {
            let map =
                PolicyMap::parse(text).map_err(|e| bad_argument(format!("policy_map: {e}")))?;
            opts.policy_map = Some(Arc::new(map));
        }
        if let Some(der) = issuer {
            let issuer =
                linter::issuer_from_bytes(der).map_err(|e| bad_argument(format!("issuer: {e}")))?;
            opts.issuer = Some(issuer);
        }
        opts.filter.include = linter::parse_globs("include", &include).map_err(bad_argument)?;
        opts.filter.exclude = linter::parse_globs("exclude", &exclude).map_err(bad_argument)?;
        Ok(NativeLinter {
            inner: Arc::new(Linter::new(opts)),
        })
    }

    /// Every document in `data` as a JSON record, linted on the calling thread without the GIL.
    fn lint(&self, py: Python<'_>, name: &str, data: &[u8]) -> Vec<String> {
        let data = data.to_vec();
        let linter = Arc::clone(&self.inner);
        let name = name.to_string();
        py.detach(move || records(&linter.lint_encoded(&name, &data)))
    }

    /// The records of many named inputs, linted in parallel on rayon's pool without the GIL,
    /// in input order.
    fn lint_many(&self, py: Python<'_>, inputs: Vec<(String, Bound<'_, PyBytes>)>) -> Vec<String> {
        // Copied out of the bytes objects, which cannot be read once the GIL is released.
        // (Extracting a `Vec<u8>` instead would go through the bytes item by item.)
        let inputs: Vec<(String, Vec<u8>)> = inputs
            .into_iter()
            .map(|(name, data)| (name, data.as_bytes().to_vec()))
            .collect();
        let linter = Arc::clone(&self.inner);
        let per_input: Vec<Vec<String>> = py.detach(move || {
            inputs
                .par_iter()
                .map(|(name, data)| records(&linter.lint_encoded(name, data)))
                .collect()
        });
        per_input.into_iter().flatten().collect()
    }
}

/// Every lint's metadata as JSON, as `smimelint lints --format json` lists it.
#[pyfunction]
fn lints_json() -> PyResult<String> {
    serde_json::to_string(&meta::all()).map_err(|e| bad_argument(e.to_string()))
}

/// `smimelint explain NAME`.
#[pyfunction]
fn explain(name: &str) -> PyResult<String> {
    registry::find(name)
        .map(meta::explain)
        .ok_or_else(|| PyKeyError::new_err(format!("no lint named '{name}'")))
}

/// One pkilint finding a lint is reported as: code, validator, severity, node path.
type PkilintRow = (&'static str, &'static str, &'static str, &'static str);

/// The pkilint findings of each lint that has a pkilint equivalent: the REST table's rows, or
/// for a lint missing there, its first pkilint code at the whole certificate. Lints reported
/// under their own name (`-` rows) and lints without a pkilint code are absent.
#[pyfunction]
fn pkilint_table() -> HashMap<&'static str, Vec<PkilintRow>> {
    let severities: HashMap<&str, &str> = xref::pkilint()
        .into_iter()
        .filter_map(|f| Some((f.id, f.severity?)))
        .collect();
    let severity = |code: &str| severities.get(code).copied().unwrap_or("ERROR");
    let mut table: HashMap<&'static str, Vec<PkilintRow>> = HashMap::new();
    let mut own_name = Vec::new();
    for line in PKILINT_REST_DATA.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let mut next = || words.next().unwrap_or("");
        let (lint, code, validator, _message, node) = (next(), next(), next(), next(), next());
        if code == "-" {
            own_name.push(lint);
            continue;
        }
        let node = if node.is_empty() { "certificate" } else { node };
        table
            .entry(lint)
            .or_default()
            .push((code, validator, severity(code), node));
    }
    for lint in registry::all() {
        if table.contains_key(lint.name) || own_name.contains(&lint.name) {
            continue;
        }
        if let Some(code) = lint.pkilint.first() {
            table.insert(lint.name, vec![(code, "", severity(code), "certificate")]);
        }
    }
    table
}

#[pymodule]
fn _smimelint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeLinter>()?;
    m.add_function(wrap_pyfunction!(lints_json, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(pkilint_table, m)?)?;
    ct::register(m)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
