//! Pages through a log's `get-entries` endpoint (RFC 6962 §4.6).
//!
//! The range is cut into chunks of `batch` entries. A fixed pool of workers fetches chunks
//! concurrently; a dispatcher hands them out no further than a small window ahead of the
//! consumer, and the consumer takes results strictly in chunk order, so output stays in
//! index order and memory stays bounded. Within a chunk a worker asks for the rest of the
//! chunk and continues from wherever the log stopped: logs cap the entries per response at
//! their own batch size, and that cap is honoured by simply asking again. Failed requests are
//! retried with exponential back-off (and `Retry-After`); when a range still cannot be
//! fetched, each of its indexes gets a fatal record, so no entry goes unaccounted.
//!
//! Responses are parsed as they arrive ([`super::json`]), one capped entry at a time, and a
//! page is handed on as soon as it is complete: a worker holds at most one page being read
//! and one waiting for the consumer. A log that keeps failing (every request refused, or
//! nothing but undecodable entries) ends the scan after `max_failures` failures in a row
//! instead of producing fatal records for ever.

use super::json;
use super::reader::{entry_item, CtCounts, EntryLimits};
use serde::Deserialize;
use smimelint_input::{InputError, InputErrorKind, InputItem, Limits};
use std::io::BufReader;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Default largest get-entries / get-sth response read, in bytes.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 64 << 20;
/// Default number of failures in a row (requests that failed for good, undecodable entries)
/// after which a scan stops.
pub const DEFAULT_MAX_FAILURES: u32 = 16;
/// Most entries one scan covers: far more than any real log holds (the largest have a few
/// billion), so a larger range comes from a log lying about its size or a typo.
pub const MAX_RANGE: u64 = 1 << 40;
/// Longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// Where and how to fetch.
#[derive(Clone, Debug)]
pub struct FetchConfig {
    /// The log's base URL; `ct/v1/get-entries` is appended.
    pub log_url: String,
    pub start: u64,
    /// Last index, inclusive; None = the last entry of the log's current tree (`get-sth`).
    pub end: Option<u64>,
    /// Entries asked for per chunk.
    pub batch: u64,
    /// Concurrent requests.
    pub workers: usize,
    /// Attempts after the first failure of a request.
    pub retries: u32,
    /// Wait before the first retry; doubles per attempt.
    pub backoff: Duration,
    /// Timeout of one request.
    pub timeout: Duration,
    pub limits: Limits,
    /// Largest response body read; a bigger page fails for good (retrying returns the same).
    pub max_page_bytes: u64,
    /// Caps on each entry's fields.
    pub entry_limits: EntryLimits,
    /// Failures in a row that end the scan (0 = never stop).
    pub max_failures: u32,
}

impl FetchConfig {
    pub fn new(log_url: &str) -> FetchConfig {
        FetchConfig {
            log_url: log_url.trim_end_matches('/').to_string(),
            start: 0,
            end: None,
            batch: 256,
            workers: 4,
            retries: 5,
            backoff: Duration::from_millis(500),
            timeout: Duration::from_secs(60),
            limits: Limits::default(),
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            entry_limits: EntryLimits::default(),
            max_failures: DEFAULT_MAX_FAILURES,
        }
    }
}

/// A contiguous range of indexes, inclusive.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    first: u64,
    last: u64,
}

/// Part of a chunk, in order: the items of one response, or the fatal records of the rest of
/// the chunk when it could not be fetched.
struct Page {
    items: Vec<InputItem>,
    failed: bool,
}

#[derive(Deserialize)]
struct Sth {
    tree_size: u64,
}

/// A failed request: whether trying again may help, and how long the log asked us to wait.
struct Failure {
    message: String,
    retry: bool,
    retry_after: Option<Duration>,
}

impl Failure {
    fn transient(message: String) -> Failure {
        Failure {
            message,
            retry: true,
            retry_after: None,
        }
    }
}

struct Client {
    agent: ureq::Agent,
    cfg: FetchConfig,
}

impl Client {
    fn new(cfg: FetchConfig) -> Client {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(cfg.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("smimelint/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent, cfg }
    }

    /// A 200 response, or why there was none.
    fn request(&self, url: &str) -> Result<ureq::http::Response<ureq::Body>, Failure> {
        let resp = self
            .agent
            .get(url)
            .call()
            .map_err(|e| Failure::transient(format!("GET {url}: {e}")))?;
        let status = resp.status().as_u16();
        if status != 200 {
            let retry_after = resp
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            // Client errors other than timeouts and rate limits will not change on retry.
            let retry = !(400..500).contains(&status) || status == 408 || status == 429;
            return Err(Failure {
                message: format!("GET {url}: HTTP {status}"),
                retry,
                retry_after,
            });
        }
        Ok(resp)
    }

    fn url(&self, path_and_query: &str) -> String {
        format!("{}/ct/v1/{path_and_query}", self.cfg.log_url)
    }

    fn body_error(&self, url: &str, e: &std::io::Error) -> Failure {
        // ureq reports its body limit as an I/O error wrapping its own error.
        let over = e
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<ureq::Error>())
            .is_some_and(|u| matches!(u, ureq::Error::BodyExceedsLimit(_)));
        if over {
            Failure {
                message: format!(
                    "GET {url}: the response is larger than {} bytes",
                    self.cfg.max_page_bytes
                ),
                retry: false,
                retry_after: None,
            }
        } else {
            Failure::transient(format!("GET {url}: reading the body: {e}"))
        }
    }

    /// Runs `attempt` until it succeeds, fails for good, or runs out of retries.
    fn with_retries<T>(
        &self,
        mut attempt: impl FnMut() -> Result<T, Failure>,
    ) -> Result<T, String> {
        let mut delay = self.cfg.backoff;
        let mut tries = 0;
        loop {
            match attempt() {
                Ok(v) => return Ok(v),
                Err(f) if !f.retry || tries >= self.cfg.retries => {
                    let attempts = tries + 1;
                    return Err(format!("{} (after {attempts} attempt(s))", f.message));
                }
                Err(f) => {
                    std::thread::sleep(f.retry_after.unwrap_or(delay).min(MAX_BACKOFF));
                    delay = (delay * 2).min(MAX_BACKOFF);
                    tries += 1;
                }
            }
        }
    }

    /// The log's current tree size.
    fn tree_size(&self) -> Result<u64, String> {
        self.with_retries(|| {
            let url = self.url("get-sth");
            let mut resp = self.request(&url)?;
            let body = resp
                .body_mut()
                .with_config()
                .limit(self.cfg.max_page_bytes.min(1 << 20))
                .read_to_vec()
                .map_err(|e| Failure::transient(format!("GET {url}: reading the body: {e}")))?;
            serde_json::from_slice::<Sth>(&body)
                .map(|s| s.tree_size)
                .map_err(|e| Failure::transient(format!("get-sth: invalid response: {e}")))
        })
    }

    /// Entries `first..=last` as items; the log may return fewer (never zero on success).
    /// The response is parsed as it arrives and entries beyond `last` are not decoded.
    fn page(&self, first: u64, last: u64, counts: &CtCounts) -> Result<Vec<InputItem>, String> {
        let wanted = last - first + 1;
        self.with_retries(|| {
            // Counted apart, so that a page read again after a failure is counted once.
            let tally = CtCounts::default();
            let url = self.url(&format!("get-entries?start={first}&end={last}"));
            let mut resp = self.request(&url)?;
            let reader = resp
                .body_mut()
                .with_config()
                .limit(self.cfg.max_page_bytes)
                .reader();
            let mut items = Vec::new();
            let mut problem: Option<Result<String, std::io::Error>> = None;
            let mut entries_seen = false;
            let caps = self.cfg.entry_limits.text_caps();
            let reader = IoErrorSlot::new(BufReader::with_capacity(64 * 1024, reader));
            let io_error = reader.slot.clone();
            let finished = json::parse(reader, caps, &mut |event| match event {
                json::Event::Entry(entry) => {
                    entries_seen = true;
                    let index = first + items.len() as u64;
                    items.push(entry_item(
                        &self.cfg.log_url,
                        index,
                        entry,
                        &self.cfg.limits,
                        &self.cfg.entry_limits,
                        &tally,
                    ));
                    (items.len() as u64) < wanted
                }
                json::Event::NotResponse => {
                    problem.get_or_insert(Ok("no \"entries\" array".into()));
                    true
                }
                json::Event::Invalid(e) => {
                    problem = Some(Ok(e));
                    false
                }
            });
            // The consumer stopping (enough entries) is success whatever follows.
            if finished.is_some() {
                if let Some(e) = io_error.lock().ok().and_then(|mut s| s.take()) {
                    problem = Some(Err(e));
                }
                match problem {
                    Some(Err(e)) => return Err(self.body_error(&url, &e)),
                    Some(Ok(e)) => {
                        return Err(Failure::transient(format!(
                            "get-entries {first}-{last}: invalid response: {e}"
                        )));
                    }
                    None => {}
                }
            }
            if !entries_seen {
                return Err(Failure::transient(format!(
                    "get-entries {first}-{last}: the log returned no entries"
                )));
            }
            for (total, part) in [
                (&counts.x509, &tally.x509),
                (&counts.precert, &tally.precert),
                (&counts.errors, &tally.errors),
            ] {
                total.fetch_add(part.load(Ordering::Relaxed), Ordering::Relaxed);
            }
            Ok(items)
        })
    }

    /// Every entry of `chunk`, in order, page by page into `out`: decoded, or fatal when
    /// unfetchable. Stops when `out` is closed.
    fn chunk(&self, chunk: Chunk, counts: &CtCounts, out: &SyncSender<Page>) {
        // `fetch` keeps `last` below u64::MAX, so `last + 1` cannot overflow.
        let mut next = chunk.first;
        while next <= chunk.last {
            let page = match self.page(next, chunk.last, counts) {
                Ok(items) => {
                    next += items.len() as u64;
                    Page {
                        items,
                        failed: false,
                    }
                }
                Err(message) => {
                    let msg = format!("could not fetch entries {next}-{}: {message}", chunk.last);
                    let items = unfetched(&self.cfg.log_url, next, chunk.last, &msg, counts);
                    next = chunk.last + 1;
                    Page {
                        items: items.collect(),
                        failed: true,
                    }
                }
            };
            if out.send(page).is_err() {
                return;
            }
        }
    }
}

/// Keeps the I/O error a reader returned: the JSON parser reports only that reading failed,
/// and whether the body was over its limit decides whether to retry.
struct IoErrorSlot<R> {
    inner: R,
    slot: Arc<Mutex<Option<std::io::Error>>>,
}

impl<R> IoErrorSlot<R> {
    fn new(inner: R) -> Self {
        IoErrorSlot {
            inner,
            slot: Arc::default(),
        }
    }
    fn keep<T>(&self, r: std::io::Result<T>) -> std::io::Result<T> {
        r.map_err(|e| {
            let copy = std::io::Error::new(e.kind(), e.to_string());
            if let Ok(mut s) = self.slot.lock() {
                s.get_or_insert(e);
            }
            copy
        })
    }
}

impl<R: std::io::Read> std::io::Read for IoErrorSlot<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let r = self.inner.read(buf);
        self.keep(r)
    }
}

impl<R: std::io::BufRead> std::io::BufRead for IoErrorSlot<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        // Borrowing rules: find out about the error first, then hand out the buffer.
        if let Err(e) = self.inner.fill_buf() {
            return Err(self.keep::<()>(Err(e)).unwrap_err());
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
    }
}

/// One fatal record per index of `first..=last`.
fn unfetched(
    source: &str,
    first: u64,
    last: u64,
    message: &str,
    counts: &CtCounts,
) -> impl Iterator<Item = InputItem> {
    counts.errors.fetch_add(last - first + 1, Ordering::Relaxed);
    let source = source.to_string();
    let message = message.to_string();
    (first..=last).map(move |i| InputItem {
        name: format!("{source}@{i}"),
        encoding: None,
        pem_label: None,
        der: Err(InputError {
            kind: InputErrorKind::CtEntry,
            message: format!("CT entry: {message}"),
        }),
        notes: Vec::new(),
        stream: None,
    })
}

/// The range to fetch: `cfg.end`, or the last entry of the log's tree.
pub fn resolve_end(cfg: &FetchConfig) -> Result<Option<u64>, String> {
    match cfg.end {
        Some(end) => Ok(Some(end)),
        None => {
            let size = Client::new(cfg.clone())
                .tree_size()
                .map_err(|e| format!("{}: {e}", cfg.log_url))?;
            Ok(size.checked_sub(1))
        }
    }
}

/// The last index a scan from `start` covers when asked for `end`: at most [`MAX_RANGE`]
/// entries, and below `u64::MAX` so that index arithmetic never overflows. True when clamped.
pub fn clamp_end(start: u64, end: u64) -> (u64, bool) {
    let limit = start.saturating_add(MAX_RANGE - 1).min(u64::MAX - 1);
    (end.min(limit), end > limit)
}

/// Items for indexes `cfg.start..=end` (clamped by [`clamp_end`]), in order. Requests run on
/// `cfg.workers` threads; dropping the iterator stops them after their current request.
/// After `cfg.max_failures` failures in a row the items end early and `counts.stopped` says
/// why.
pub fn fetch(
    cfg: FetchConfig,
    end: u64,
    counts: Arc<CtCounts>,
) -> impl Iterator<Item = InputItem> + Send {
    let batch = cfg.batch.max(1);
    let workers = cfg.workers.max(1);
    let (start, source) = (cfg.start, cfg.log_url.clone());
    let max_failures = cfg.max_failures;
    let (end, _) = clamp_end(start, end);
    let chunks = (0..)
        .map(move |k: u64| start.saturating_add(k.saturating_mul(batch)))
        .take_while(move |&first| first <= end && first >= start)
        .map(move |first| Chunk {
            first,
            last: first.saturating_add(batch - 1).min(end),
        });

    type Job = (Chunk, SyncSender<Page>);
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(workers);
    let (order_tx, order_rx) = mpsc::sync_channel::<(Chunk, Receiver<Page>)>(workers);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let client = Arc::new(Client::new(cfg));
    for _ in 0..workers {
        let (job_rx, client, counts) = (job_rx.clone(), client.clone(), counts.clone());
        std::thread::spawn(move || loop {
            let job = match job_rx.lock() {
                Ok(rx) => rx.recv(),
                Err(_) => return,
            };
            let Ok((chunk, reply)) = job else { return };
            // The consumer may be gone; the next recv then ends this worker.
            client.chunk(chunk, &counts, &reply);
        });
    }
    std::thread::spawn(move || {
        for chunk in chunks {
            // One page waits while the worker reads the next: two pages per worker at most.
            let (reply_tx, reply_rx) = mpsc::sync_channel(1);
            if order_tx.send((chunk, reply_rx)).is_err() || job_tx.send((chunk, reply_tx)).is_err()
            {
                return;
            }
        }
    });
    Ordered {
        order_rx: Some(order_rx),
        current: None,
        buffer: Vec::new().into_iter(),
        failures: 0,
        max_failures,
        counts,
        source,
    }
}

/// Pages in chunk order, counting failures in a row.
struct Ordered {
    order_rx: Option<Receiver<(Chunk, Receiver<Page>)>>,
    /// The chunk being read, its pages, and the next index expected from it.
    current: Option<(Chunk, Receiver<Page>, u64)>,
    buffer: std::vec::IntoIter<InputItem>,
    failures: u32,
    max_failures: u32,
    counts: Arc<CtCounts>,
    source: String,
}

impl Ordered {
    /// Counts failures in `page`; true when the scan must stop after it.
    fn give_up_after(&mut self, page: &Page) -> bool {
        if self.max_failures == 0 {
            return false;
        }
        let mut last_error = None;
        if page.failed {
            self.failures = self.failures.saturating_add(1);
            last_error = page.items.first();
        } else {
            for item in &page.items {
                if item.der.is_err() {
                    self.failures = self.failures.saturating_add(1);
                    last_error = Some(item);
                    if self.failures >= self.max_failures {
                        break;
                    }
                } else {
                    self.failures = 0;
                }
            }
        }
        if self.failures < self.max_failures {
            return false;
        }
        let why = last_error
            .and_then(|i| i.der.as_ref().err())
            .map_or_else(String::new, |e| e.message.clone());
        let message = format!(
            "{} failures in a row from {} (--max-failures), the last: {why}",
            self.failures, self.source
        );
        if let Ok(mut s) = self.counts.stopped.lock() {
            *s = Some(message);
        }
        true
    }
}

impl Iterator for Ordered {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(item);
            }
            let order_rx = self.order_rx.as_ref()?;
            let Some((chunk, pages, next)) = &mut self.current else {
                match order_rx.recv() {
                    Ok((chunk, pages)) => self.current = Some((chunk, pages, chunk.first)),
                    Err(_) => self.order_rx = None,
                }
                continue;
            };
            match pages.recv() {
                Ok(page) => {
                    *next += page.items.len() as u64;
                    if self.give_up_after(&page) {
                        // Dropping the receivers stops the workers and the dispatcher.
                        self.order_rx = None;
                        self.current = None;
                    }
                    self.buffer = page.items.into_iter();
                }
                Err(_) => {
                    let (chunk, next) = (*chunk, *next);
                    self.current = None;
                    if next <= chunk.last {
                        // A worker that died mid-chunk (a bug) still leaves one record per
                        // index.
                        let lost = unfetched(
                            &self.source,
                            next,
                            chunk.last,
                            "the fetching thread failed",
                            &self.counts,
                        );
                        self.buffer = lost.collect::<Vec<_>>().into_iter();
                    }
                }
            }
        }
    }
}
