//! What a run shows, as opposed to what it finds: a severity threshold in front of any sink.

use crate::{RunStats, Sink};
use smimelint_engine::linter::CertResult;
use smimelint_engine::registry::Status;
use std::io;

/// Passes each record on with only the results at `min` or above (pass, NA and NE rank below
/// notice). Every record is still written, so every input keeps its record; statistics, and
/// with them exit codes and summaries, still count every finding.
pub fn at_least<'w>(min: Status, inner: Box<dyn Sink + 'w>) -> Box<dyn Sink + 'w> {
    Box::new(Threshold { min, inner })
}

struct Threshold<'w> {
    min: Status,
    inner: Box<dyn Sink + 'w>,
}

impl Sink for Threshold<'_> {
    fn begin(&mut self) -> io::Result<()> {
        self.inner.begin()
    }
    fn write(&mut self, result: &CertResult) -> io::Result<()> {
        if result.findings.iter().all(|f| f.status >= self.min) {
            return self.inner.write(result);
        }
        let mut shown = result.clone();
        shown.findings.retain(|f| f.status >= self.min);
        self.inner.write(&shown)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
    fn end(&mut self, stats: &RunStats) -> io::Result<()> {
        self.inner.end(stats)
    }
}
