//! Streams inputs through the linter while keeping output in input order and memory bounded.
//!
//! With one thread (`-j 1`) everything happens on the calling thread: frame, lint, write. With
//! more, a reader thread frames certificates, the pool lints them in chunks, and the calling
//! thread writes chunk N while the pool lints chunk N+1.

use crate::cert::Cert;
use crate::engine::{CertResult, Linter};
use crate::input::{self, InputError, InputErrorKind, InputItem, Limits};
use crate::output::Sink;
use crate::registry::Status;
use rayon::prelude::*;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc;

/// Where certificates come from.
#[derive(Clone, Debug)]
pub enum InputSource {
    Stdin,
    Path(PathBuf),
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
    /// Inputs not linted (no record), by the reason [`RunOptions::skip`] gave.
    pub skipped: std::collections::BTreeMap<&'static str, usize>,
}

impl RunStats {
    fn add(&mut self, r: &CertResult) {
        self.records += 1;
        let w = r.worst();
        *self.by_worst.entry(w).or_default() += 1;
        self.worst = self.worst.max(Some(w));
    }
}

/// Items of `sources`, in order, read lazily.
pub fn items(
    sources: Vec<InputSource>,
    all_files: bool,
    limits: Limits,
) -> impl Iterator<Item = InputItem> + Send {
    sources
        .into_iter()
        .flat_map(move |src| -> Box<dyn Iterator<Item = InputItem> + Send> {
            match src {
                InputSource::Stdin => Box::new(input::frame("-", io::stdin(), limits.clone())),
                InputSource::Path(p) => {
                    let limits = limits.clone();
                    Box::new(input::expand_paths(&[p], all_files).flat_map(
                        move |entry| -> Box<dyn Iterator<Item = InputItem> + Send> {
                            match entry.and_then(|path| match std::fs::File::open(&path) {
                                Ok(f) => Ok((path, f)),
                                Err(e) => Err((path, e)),
                            }) {
                                Ok((path, file)) => Box::new(input::frame(
                                    &path.display().to_string(),
                                    io::BufReader::with_capacity(64 * 1024, file),
                                    limits.clone(),
                                )),
                                Err((path, e)) => Box::new(std::iter::once(unreadable(path, e))),
                            }
                        },
                    ))
                }
            }
        })
}

fn unreadable(path: PathBuf, e: io::Error) -> InputItem {
    InputItem {
        name: path.display().to_string(),
        encoding: None,
        pem_label: None,
        der: Err(InputError {
            kind: InputErrorKind::Unreadable,
            message: format!("cannot read {}: {e}", path.display()),
        }),
    }
}

/// Most certificates linted as one parallel batch; bounds memory with the channel depth.
pub const CHUNK: usize = 512;

/// Decides, per certificate, that it is not linted: `Some(reason)` skips it.
pub type SkipFn<'a> = &'a (dyn Fn(&Cert<'_>) -> Option<&'static str> + Sync);

/// Optional work in the parallel stage besides linting.
#[derive(Clone, Copy, Default)]
pub struct RunOptions<'a> {
    /// Certificates this returns a reason for produce no record; they are counted in
    /// [`RunStats::skipped`] and reported as [`Event::Skipped`]. Inputs that do not parse as
    /// certificates are never skipped.
    pub skip: Option<SkipFn<'a>>,
    /// Report each record's issuer label with [`Event::Record`] (for summaries).
    pub issuers: bool,
    /// Flush the sink after every record, not only after each chunk: for input from a pipe or
    /// terminal, whose writer may wait for an answer before sending more (a pre-issuance
    /// hook). Only the one-thread path needs it; the threaded path flushes whenever the
    /// input pauses.
    pub flush_each_record: bool,
}

/// What the runner reports to its observer, in input order.
pub enum Event<'r> {
    /// A record, just written to the sink.
    Record {
        result: &'r CertResult,
        issuer: Option<&'r str>,
    },
    /// An input skipped for this reason.
    Skipped(&'static str),
    /// A batch has been written and flushed.
    Batch,
}

/// One input after the parallel stage.
enum Done {
    Linted {
        result: CertResult,
        issuer: Option<String>,
        unreadable: bool,
    },
    Skipped(&'static str),
}

/// Lints every item and writes the results to `sink` in input order.
pub fn run<I>(linter: &Linter, items: I, sink: &mut dyn Sink) -> io::Result<RunStats>
where
    I: Iterator<Item = InputItem> + Send,
{
    run_with(linter, items, sink, RunOptions::default(), &mut |_| {})
}

/// Checks whether `item` is skipped and names its issuer, as `opts` asks. A panic here (a
/// bug) must not lose the record: the item is then linted, and the engine reports the panic.
fn prepare(item: &InputItem, opts: RunOptions<'_>) -> Result<Option<String>, &'static str> {
    if opts.skip.is_none() && !opts.issuers {
        return Ok(None);
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare_cert(item, opts)))
        .unwrap_or(Ok(None))
}

fn prepare_cert(item: &InputItem, opts: RunOptions<'_>) -> Result<Option<String>, &'static str> {
    let Some(cert) = item.der.as_deref().ok().and_then(|d| Cert::parse(d).ok()) else {
        return Ok(None);
    };
    if let Some(reason) = opts.skip.and_then(|skip| skip(&cert)) {
        return Err(reason);
    }
    Ok(opts.issuers.then(|| crate::summary::issuer_label(&cert)))
}

/// Lints or skips one item (the parallel stage's work).
fn process(linter: &Linter, item: InputItem, opts: RunOptions<'_>) -> Done {
    let unreadable = matches!(&item.der, Err(e) if e.kind == InputErrorKind::Unreadable);
    match prepare(&item, opts) {
        Err(reason) => Done::Skipped(reason),
        Ok(issuer) => Done::Linted {
            result: linter.lint_item(item),
            issuer,
            unreadable,
        },
    }
}

/// Writes one processed item and tells the observer (the serial stage's work).
fn emit(
    done: &Done,
    sink: &mut dyn Sink,
    stats: &mut RunStats,
    observe: &mut dyn FnMut(Event<'_>),
) -> io::Result<()> {
    match done {
        Done::Skipped(reason) => {
            *stats.skipped.entry(reason).or_default() += 1;
            observe(Event::Skipped(reason));
        }
        Done::Linted {
            result,
            issuer,
            unreadable,
        } => {
            if *unreadable {
                stats.unreadable.push(result.input.clone());
            }
            stats.add(result);
            sink.write(result)?;
            observe(Event::Record {
                result,
                issuer: issuer.as_deref(),
            });
        }
    }
    Ok(())
}

/// [`run`], with a skip filter, issuer labels and an observer that sees every record, skip
/// and batch end (summaries, progress bars). Runs on one thread when the current rayon pool
/// has one thread, pipelined otherwise.
pub fn run_with<I>(
    linter: &Linter,
    items: I,
    sink: &mut dyn Sink,
    opts: RunOptions<'_>,
    observe: &mut dyn FnMut(Event<'_>),
) -> io::Result<RunStats>
where
    I: Iterator<Item = InputItem> + Send,
{
    let mut stats = RunStats::default();
    sink.begin()?;
    if rayon::current_num_threads() <= 1 {
        run_inline(linter, items, sink, opts, observe, &mut stats)?;
    } else {
        run_pipelined(linter, items, sink, opts, observe, &mut stats)?;
    }
    sink.end(&stats)?;
    Ok(stats)
}

/// One thread: no channels, no hand-offs; what `-j 1` promises.
fn run_inline<I>(
    linter: &Linter,
    items: I,
    sink: &mut dyn Sink,
    opts: RunOptions<'_>,
    observe: &mut dyn FnMut(Event<'_>),
    stats: &mut RunStats,
) -> io::Result<()>
where
    I: Iterator<Item = InputItem>,
{
    let mut unflushed = 0;
    for item in items {
        emit(&process(linter, item, opts), sink, stats, observe)?;
        unflushed += 1;
        if opts.flush_each_record || unflushed == CHUNK {
            sink.flush()?;
            observe(Event::Batch);
            unflushed = 0;
        }
    }
    if unflushed > 0 {
        sink.flush()?;
        observe(Event::Batch);
    }
    Ok(())
}

/// The items queued in `rx` right now, up to a chunk; `wait` blocks for the first one. None
/// when there are none (or the reader has finished).
fn take_chunk(rx: &mpsc::Receiver<InputItem>, wait: bool) -> Option<Vec<InputItem>> {
    let first = if wait {
        rx.recv().ok()?
    } else {
        rx.try_recv().ok()?
    };
    let mut batch = Vec::with_capacity(CHUNK);
    batch.push(first);
    while batch.len() < CHUNK {
        match rx.try_recv() {
            Ok(item) => batch.push(item),
            Err(_) => break,
        }
    }
    Some(batch)
}

/// Reader thread → pool → calling thread, with the writing of one chunk overlapping the
/// linting of the next.
fn run_pipelined<I>(
    linter: &Linter,
    items: I,
    sink: &mut dyn Sink,
    opts: RunOptions<'_>,
    observe: &mut dyn FnMut(Event<'_>),
    stats: &mut RunStats,
) -> io::Result<()>
where
    I: Iterator<Item = InputItem> + Send,
{
    std::thread::scope(|scope| -> io::Result<()> {
        // Items flow one by one so a slow producer (a CA's hook writing one certificate to a
        // pipe) is answered at once; whatever has queued up meanwhile is linted as one chunk.
        let (tx, rx) = mpsc::sync_channel::<InputItem>(2 * CHUNK);
        scope.spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    return;
                }
            }
        });
        // Linted, not yet written.
        let mut linted: Option<Vec<Done>> = None;
        loop {
            // With results waiting, only take input that is already there: a producer may be
            // waiting for those results before it sends more.
            let chunk = take_chunk(&rx, linted.is_none());
            if chunk.is_none() && linted.is_none() {
                return Ok(());
            }
            let mut next: Option<Vec<Done>> = None;
            rayon::in_place_scope(|pool| -> io::Result<()> {
                if let Some(chunk) = chunk {
                    let next = &mut next;
                    pool.spawn(move |_| {
                        *next = Some(
                            chunk
                                .into_par_iter()
                                .map(|item| process(linter, item, opts))
                                .collect(),
                        );
                    });
                }
                if let Some(done) = linted.take() {
                    for d in &done {
                        emit(d, sink, stats, observe)?;
                    }
                    sink.flush()?;
                    observe(Event::Batch);
                }
                Ok(())
            })?;
            linted = next;
        }
    })
}
