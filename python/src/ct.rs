//! Certificate Transparency shards for distributed scans: the CLI's `smimelint ct --log-url`
//! pipeline (the same fetcher with its retries and back-off, the same S/MIME filter, runner
//! and summary) over one index range, and the merge `smimelint merge-summaries` performs.
//! A scheduler (Dask, a Kubernetes Indexed Job) hands each worker a range; the summaries of
//! the ranges merge into the summary of the whole.

use crate::{bad_argument, NativeLinter};
use pyo3::exceptions::{PyOSError, PyRuntimeError};
use pyo3::prelude::*;
use smimelint_ct::{fetch, filter, reader};
use smimelint_output::summary::{Summary, MAX_SUMMARY_BYTES};
use smimelint_runner as runner;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How one shard is fetched: the settings of `smimelint ct` of the same names.
#[derive(Clone)]
struct FetchSettings {
    batch: u64,
    concurrency: usize,
    retries: u32,
    retry_delay: Duration,
    timeout: Duration,
    max_failures: u32,
}

impl FetchSettings {
    fn config(&self, log_url: &str, start: u64, end: Option<u64>) -> fetch::FetchConfig {
        let mut cfg = fetch::FetchConfig::new(log_url);
        cfg.start = start;
        cfg.end = end;
        cfg.batch = self.batch.max(1);
        cfg.workers = self.concurrency.max(1);
        cfg.retries = self.retries;
        cfg.backoff = self.retry_delay;
        cfg.timeout = self.timeout.max(Duration::from_secs(1));
        cfg.max_failures = self.max_failures;
        cfg
    }
}

/// The index of the log's last entry (`get-sth`), or None for an empty log.
#[pyfunction]
#[pyo3(signature = (log_url, timeout_s = 60, retries = 5, retry_delay_ms = 500))]
fn ct_last_index(
    py: Python<'_>,
    log_url: &str,
    timeout_s: u64,
    retries: u32,
    retry_delay_ms: u64,
) -> PyResult<Option<u64>> {
    let mut cfg = fetch::FetchConfig::new(log_url);
    cfg.timeout = Duration::from_secs(timeout_s.max(1));
    cfg.retries = retries;
    cfg.backoff = Duration::from_millis(retry_delay_ms);
    py.detach(move || fetch::resolve_end(&cfg))
        .map_err(PyRuntimeError::new_err)
}

/// Fetches and lints entries `start..=end` of the log; writes each record as a JSON line
/// (`smimelint --format jsonl`) to `records_path` when given, and returns the shard's JSON
/// summary (`--summary-format json`). Runs without the GIL.
#[pyfunction]
#[pyo3(signature = (
    linter, log_url, start, end, records_path = None, *, all_certs = false, batch = 256,
    concurrency = 4, retries = 5, retry_delay_ms = 500, timeout_s = 60, max_failures = 16
))]
#[allow(clippy::too_many_arguments)]
fn ct_scan_range(
    py: Python<'_>,
    linter: &NativeLinter,
    log_url: &str,
    start: u64,
    end: u64,
    records_path: Option<PathBuf>,
    all_certs: bool,
    batch: u64,
    concurrency: usize,
    retries: u32,
    retry_delay_ms: u64,
    timeout_s: u64,
    max_failures: u32,
) -> PyResult<String> {
    if end < start {
        return Err(bad_argument(format!("end {end} is before start {start}")));
    }
    let settings = FetchSettings {
        batch,
        concurrency,
        retries,
        retry_delay: Duration::from_millis(retry_delay_ms),
        timeout: Duration::from_secs(timeout_s),
        max_failures,
    };
    let cfg = settings.config(log_url, start, Some(end));
    let linter = Arc::clone(&linter.inner);
    let summary = py.detach(move || -> Result<Summary, PyErr> {
        let out: Box<dyn Write> = match &records_path {
            Some(path) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(path)
                    .map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?,
            )),
            None => Box::new(std::io::sink()),
        };
        let mut sink = smimelint_output::sink(smimelint_output::Format::Jsonl, out, false);
        let counts = Arc::new(reader::CtCounts::default());
        let skip: runner::SkipFn<'_> = &filter::skip_reason;
        let opts = runner::RunOptions {
            skip: (!all_certs).then_some(skip),
            issuers: true,
            ..runner::RunOptions::default()
        };
        let mut summary = Summary::new();
        let mut observe = |event: runner::Event<'_>| match event {
            runner::Event::Record { result, issuer } => summary.add(result, issuer),
            runner::Event::Skipped(reason) => summary.skip(reason),
            runner::Event::Batch => {}
        };
        let items = fetch::fetch(cfg, end, counts.clone());
        runner::run_with(&linter, items, sink.as_mut(), opts, &mut observe)
            .map_err(|e| PyOSError::new_err(format!("writing records: {e}")))?;
        drop(sink);
        summary.ct = Some(counts.snapshot());
        summary.stopped = counts.stopped();
        Ok(summary)
    })?;
    to_json(&summary)
}

fn to_json(summary: &Summary) -> PyResult<String> {
    let mut text =
        serde_json::to_string_pretty(summary).map_err(|e| bad_argument(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The JSON summaries merged as `smimelint merge-summaries --format json` merges them.
#[pyfunction]
fn merge_summaries(summaries: Vec<String>) -> PyResult<String> {
    let mut merged = Summary::new();
    for (n, text) in summaries.iter().enumerate() {
        if text.len() as u64 > MAX_SUMMARY_BYTES {
            return Err(bad_argument(format!(
                "summary {n}: larger than {MAX_SUMMARY_BYTES} bytes"
            )));
        }
        let one: Summary = serde_json::from_str(text)
            .map_err(|e| bad_argument(format!("summary {n}: not a smimelint JSON summary: {e}")))?;
        merged
            .merge(&one)
            .map_err(|e| bad_argument(format!("summary {n}: {e}")))?;
    }
    to_json(&merged)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(ct_last_index, m)?)?;
    m.add_function(wrap_pyfunction!(ct_scan_range, m)?)?;
    m.add_function(wrap_pyfunction!(merge_summaries, m)?)?;
    Ok(())
}
