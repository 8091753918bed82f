//! Streams inputs through the linter while keeping output in input order and memory bounded.
//!
//! With one thread (`-j 1`, or a small input) everything happens on the calling thread: frame,
//! lint, write. With more, a reader thread frames certificates, the pool lints them in tasks of
//! a chunk each, and the calling thread writes finished chunks in input order while later ones
//! are linted.

use smimelint_cert::Cert;
use smimelint_engine::linter::{CertResult, Linter};
use smimelint_input::{self as input, InputError, InputErrorKind, InputFormat, InputItem, Limits};
pub use smimelint_output::RunStats;
use smimelint_output::Sink;
use std::io;
use std::path::PathBuf;
use std::sync::mpsc;

/// Where certificates come from.
#[derive(Clone, Debug)]
pub enum InputSource {
    Stdin,
    Path(PathBuf),
}

/// Items of `sources`, in order, read lazily.
pub fn items(
    sources: Vec<InputSource>,
    all_files: bool,
    limits: Limits,
) -> impl Iterator<Item = InputItem> + Send {
    items_as(sources, all_files, limits, InputFormat::Auto)
}

/// Items of `sources` read as `format`, in order, read lazily.
pub fn items_as(
    sources: Vec<InputSource>,
    all_files: bool,
    limits: Limits,
    format: InputFormat,
) -> impl Iterator<Item = InputItem> + Send {
    sources
        .into_iter()
        .flat_map(move |src| -> Box<dyn Iterator<Item = InputItem> + Send> {
            match src {
                InputSource::Stdin => frame_or_stream(
                    "-".into(),
                    io::BufReader::with_capacity(64 * 1024, io::stdin()),
                    limits.clone(),
                    format,
                ),
                InputSource::Path(p) => {
                    let limits = limits.clone();
                    Box::new(input::expand_paths(&[p], all_files).flat_map(
                        move |entry| -> Box<dyn Iterator<Item = InputItem> + Send> {
                            match entry.and_then(|path| match std::fs::File::open(&path) {
                                Ok(f) => Ok((path, f)),
                                Err(e) => Err((path, e)),
                            }) {
                                Ok((path, file)) => frame_or_stream(
                                    input::path_name(&path),
                                    io::BufReader::with_capacity(64 * 1024, file),
                                    limits.clone(),
                                    format,
                                ),
                                Err((path, e)) => Box::new(std::iter::once(unreadable(path, e))),
                            }
                        },
                    ))
                }
            }
        })
}

/// Frames a source, except a DER CRL: that becomes one item the engine reads as a stream, so a
/// CRL of any size is linted in bounded memory.
fn frame_or_stream<R: io::Read + Send + 'static>(
    name: String,
    mut reader: io::BufReader<R>,
    limits: Limits,
    format: InputFormat,
) -> Box<dyn Iterator<Item = InputItem> + Send> {
    use io::BufRead;
    let is_der_crl = matches!(format, InputFormat::Auto | InputFormat::Der)
        && reader.fill_buf().is_ok_and(|prefix| {
            smimelint_revocation::sniff(prefix) == Some(smimelint_revocation::DocumentKind::Crl)
        });
    if !is_der_crl {
        return Box::new(input::frame_as(&name, reader, limits, format));
    }
    Box::new(std::iter::once(InputItem {
        name,
        encoding: Some(input::Encoding::Der),
        pem_label: None,
        der: Ok(Vec::new()),
        notes: Vec::new(),
        stream: Some(input::StreamSource(Box::new(reader))),
    }))
}

fn unreadable(path: PathBuf, e: io::Error) -> InputItem {
    let name = input::path_name(&path);
    InputItem {
        name: name.clone(),
        encoding: None,
        pem_label: None,
        der: Err(InputError {
            kind: InputErrorKind::Unreadable,
            message: format!("cannot read {name}: {e}"),
        }),
        notes: Vec::new(),
        stream: None,
    }
}

/// The one-thread path flushes the sink after this many records.
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
    /// Lint on the calling thread even when the pool has several threads: for small inputs,
    /// where starting threads would cost more than they save.
    pub one_thread: bool,
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

/// Lints or skips one item (the parallel stage's work). The skip filter and the issuer label
/// run on the certificate the engine parsed, inside its panic boundary, so a panic anywhere
/// in the item's pipeline still yields its record.
fn process(linter: &Linter, item: InputItem, opts: RunOptions<'_>) -> Done {
    let unreadable = matches!(&item.der, Err(e) if e.kind == InputErrorKind::Unreadable);
    let inspect = |cert: &Cert<'_>| -> Result<Option<String>, &'static str> {
        if let Some(reason) = opts.skip.and_then(|skip| skip(cert)) {
            return Err(reason);
        }
        Ok(opts
            .issuers
            .then(|| smimelint_output::summary::issuer_label(cert)))
    };
    match linter.lint_item_with(item, inspect) {
        Err(reason) => Done::Skipped(reason),
        Ok((result, issuer)) => Done::Linted {
            result,
            issuer: issuer.flatten(),
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
/// and batch end (summaries, progress bars). Runs on one thread when asked to or when the
/// current rayon pool has one thread, pipelined otherwise.
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
    // `one_thread` is tested first: asking rayon for its size starts the global pool.
    if opts.one_thread || rayon::current_num_threads() <= 1 {
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

/// What [`take_chunk`] found.
enum Take {
    Chunk(Vec<InputItem>),
    /// Nothing queued right now (only when not waiting).
    Empty,
    /// The reader has finished and everything it sent has been taken.
    Finished,
}

/// The items queued in `rx` right now, up to `max`; `wait` blocks for the first one.
fn take_chunk(rx: &mpsc::Receiver<InputItem>, wait: bool, max: usize) -> Take {
    let first = if wait {
        match rx.recv() {
            Ok(item) => item,
            Err(_) => return Take::Finished,
        }
    } else {
        match rx.try_recv() {
            Ok(item) => item,
            Err(mpsc::TryRecvError::Empty) => return Take::Empty,
            Err(mpsc::TryRecvError::Disconnected) => return Take::Finished,
        }
    };
    let mut chunk = Vec::with_capacity(max);
    chunk.push(first);
    while chunk.len() < max {
        match rx.try_recv() {
            Ok(item) => chunk.push(item),
            Err(_) => break,
        }
    }
    Take::Chunk(chunk)
}

/// Certificates per pool task on the threaded path. Each task lints its chunk on one thread:
/// splitting it further (rayon's par_iter) measured about 10% slower on two cores.
const TASK_CHUNK: usize = 128;
/// Tasks in flight per pool thread: enough that no thread waits for the writer or for a
/// momentarily descheduled reader, few enough to keep memory bounded.
const TASKS_PER_THREAD: usize = 8;
/// Framed certificates the reader may queue ahead of the pool.
const READ_AHEAD: usize = 4096;

/// Reader thread → pool → calling thread. Each chunk of [`TASK_CHUNK`] certificates is linted
/// as its own pool task; the calling thread writes finished chunks in input order while later
/// ones are still linted.
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
        let (tx, rx) = mpsc::sync_channel::<InputItem>(READ_AHEAD);
        scope.spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    return;
                }
            }
        });
        let in_flight = TASKS_PER_THREAD * rayon::current_num_threads();
        rayon::in_place_scope(|pool| -> io::Result<()> {
            let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Done>)>();
            // Finished out of order, waiting for an earlier chunk.
            let mut waiting: std::collections::BTreeMap<usize, Vec<Done>> = Default::default();
            let (mut spawned, mut written) = (0, 0);
            let mut input_open = true;
            loop {
                // Keep the pool fed; block for input only when nothing is in flight, since a
                // producer may be waiting for those results before it sends more.
                while input_open && spawned - written < in_flight {
                    match take_chunk(&rx, spawned == written, TASK_CHUNK) {
                        Take::Chunk(chunk) => {
                            let (seq, done_tx) = (spawned, done_tx.clone());
                            pool.spawn(move |_| {
                                let done = chunk
                                    .into_iter()
                                    .map(|item| process(linter, item, opts))
                                    .collect();
                                // The receiver is gone only when writing failed.
                                let _ = done_tx.send((seq, done));
                            });
                            spawned += 1;
                        }
                        Take::Empty => break,
                        Take::Finished => input_open = false,
                    }
                }
                if spawned == written {
                    return Ok(());
                }
                let Ok((seq, done)) = done_rx.recv() else {
                    return Ok(()); // unreachable: this thread holds a sender
                };
                waiting.insert(seq, done);
                while let Some(done) = waiting.remove(&written) {
                    for d in &done {
                        emit(d, sink, stats, observe)?;
                    }
                    sink.flush()?;
                    observe(Event::Batch);
                    written += 1;
                }
            }
        })
    })
}

// Unit tests lint real certificates: the rulebook must be linked.
