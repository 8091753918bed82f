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

use super::reader::{entry_item, CtCounts};
use crate::input::{InputError, InputErrorKind, InputItem, Limits};
use serde::Deserialize;
use serde_json::Value;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Default largest get-entries / get-sth response read, in bytes.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 64 << 20;
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
        }
    }
}

/// A contiguous range of indexes, inclusive.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    first: u64,
    last: u64,
}

#[derive(Deserialize)]
struct Page {
    entries: Vec<Value>,
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

    fn get(&self, path_and_query: &str) -> Result<Vec<u8>, Failure> {
        let url = format!("{}/ct/v1/{path_and_query}", self.cfg.log_url);
        let mut resp = self
            .agent
            .get(&url)
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
        resp.body_mut()
            .with_config()
            .limit(self.cfg.max_page_bytes)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(limit) => Failure {
                    message: format!("GET {url}: the response is larger than {limit} bytes"),
                    retry: false,
                    retry_after: None,
                },
                e => Failure::transient(format!("GET {url}: reading the body: {e}")),
            })
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
            let body = self.get("get-sth")?;
            serde_json::from_slice::<Sth>(&body)
                .map(|s| s.tree_size)
                .map_err(|e| Failure::transient(format!("get-sth: invalid response: {e}")))
        })
    }

    /// Entries `first..=last`; the log may return fewer (never zero on success).
    fn page(&self, first: u64, last: u64) -> Result<Vec<Value>, String> {
        self.with_retries(|| {
            let body = self.get(&format!("get-entries?start={first}&end={last}"))?;
            let page: Page = serde_json::from_slice(&body).map_err(|e| {
                Failure::transient(format!("get-entries {first}-{last}: invalid response: {e}"))
            })?;
            if page.entries.is_empty() {
                return Err(Failure::transient(format!(
                    "get-entries {first}-{last}: the log returned no entries"
                )));
            }
            Ok(page.entries)
        })
    }

    /// Every entry of `chunk` as an item, in order: decoded, or fatal when unfetchable.
    fn chunk(&self, chunk: Chunk, counts: &CtCounts) -> Vec<InputItem> {
        let mut items = Vec::with_capacity((chunk.last - chunk.first + 1).min(4096) as usize);
        let mut next = chunk.first;
        while next <= chunk.last {
            match self.page(next, chunk.last) {
                Ok(entries) => {
                    let wanted = (chunk.last - next + 1) as usize;
                    for entry in entries.iter().take(wanted) {
                        items.push(entry_item(
                            &self.cfg.log_url,
                            next,
                            entry,
                            &self.cfg.limits,
                            counts,
                        ));
                        next += 1;
                    }
                }
                Err(message) => {
                    let msg = format!("could not fetch entries {next}-{}: {message}", chunk.last);
                    items.extend(unfetched(&self.cfg.log_url, next, chunk.last, &msg, counts));
                    break;
                }
            }
        }
        items
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

/// Items for indexes `cfg.start..=end`, in order. Requests run on `cfg.workers` threads;
/// dropping the iterator stops them after their current request.
pub fn fetch(
    cfg: FetchConfig,
    end: u64,
    counts: Arc<CtCounts>,
) -> impl Iterator<Item = InputItem> + Send {
    let batch = cfg.batch.max(1);
    let workers = cfg.workers.max(1);
    let (start, source) = (cfg.start, cfg.log_url.clone());
    let chunks = (0..)
        .map(move |k: u64| start.saturating_add(k.saturating_mul(batch)))
        .take_while(move |&first| first <= end && first >= start)
        .map(move |first| Chunk {
            first,
            last: first.saturating_add(batch - 1).min(end),
        });

    type Job = (Chunk, SyncSender<Vec<InputItem>>);
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(workers);
    let (order_tx, order_rx) = mpsc::sync_channel::<(Chunk, Receiver<Vec<InputItem>>)>(2 * workers);
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
            let _ = reply.send(client.chunk(chunk, &counts));
        });
    }
    std::thread::spawn(move || {
        for chunk in chunks {
            let (reply_tx, reply_rx) = mpsc::sync_channel(1);
            if order_tx.send((chunk, reply_rx)).is_err() || job_tx.send((chunk, reply_tx)).is_err()
            {
                return;
            }
        }
    });
    let counts_for_lost = counts;
    order_rx.into_iter().flat_map(move |(chunk, reply)| {
        // A worker that died mid-chunk (a bug) still leaves one record per index.
        reply.recv().unwrap_or_else(|_| {
            unfetched(
                &source,
                chunk.first,
                chunk.last,
                "the fetching thread failed",
                &counts_for_lost,
            )
            .collect()
        })
    })
}
