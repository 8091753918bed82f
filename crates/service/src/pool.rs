//! The lint pool: a fixed set of worker threads, a bounded number of admitted jobs, and
//! cancellation between certificates.
//!
//! - Admission: at most `max_in_flight` jobs at once, queued or running (by default four per
//!   worker; each job lints its certificates in order on one worker). A request beyond that is refused at
//!   once with 503 `overloaded` and `Retry-After`, instead of queueing behind work that may
//!   outlast its own timeout.
//! - Cancellation: when a request's future is dropped (its timeout fired, or the client went
//!   away), its job stops before the next certificate. A certificate already being linted
//!   finishes: each costs bounded time (see `MAX_EXAMINED_RSA_BITS` in lints/src/keys/mod.rs).
//! - Health: the pool is unhealthy when every slot is taken, or when a job has run for longer
//!   than the stuck threshold (twice the request timeout): cancellation should have ended it,
//!   so a certificate is taking far longer than any should.

use super::ApiError;
use smimelint_engine::linter::{CertResult, Linter};
use smimelint_input::InputItem;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub(crate) struct LintPool {
    threads: Option<rayon::ThreadPool>,
    max_in_flight: usize,
    in_flight: AtomicUsize,
    next_id: AtomicU64,
    /// Start times of the admitted jobs (at most `max_in_flight` entries).
    started: Mutex<HashMap<u64, Instant>>,
    stuck_after: Duration,
}

/// What `/healthz` reports.
pub(crate) struct Health {
    pub in_flight: usize,
    pub max_in_flight: usize,
    pub oldest_ms: u128,
    /// Why the pool cannot take work now, if it cannot.
    pub problem: Option<&'static str>,
}

/// An admitted job's slot: released when the work ends, not when the request does.
struct Slot {
    pool: Arc<LintPool>,
    id: u64,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.pool.in_flight.fetch_sub(1, Ordering::AcqRel);
        if let Ok(mut started) = self.pool.started.lock() {
            started.remove(&self.id);
        }
    }
}

/// Sets the job's cancellation flag when the request stops waiting for it.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

impl LintPool {
    pub(crate) fn new(workers: usize, max_in_flight: usize, timeout: Duration) -> LintPool {
        let threads = rayon::ThreadPoolBuilder::new()
            .num_threads(workers.max(1))
            .thread_name(|i| format!("smimelint-lint-{i}"))
            .build()
            .ok();
        LintPool {
            threads,
            max_in_flight: max_in_flight.max(1),
            in_flight: AtomicUsize::new(0),
            next_id: AtomicU64::new(0),
            started: Mutex::new(HashMap::new()),
            stuck_after: timeout.saturating_mul(2),
        }
    }

    fn admit(self: &Arc<Self>) -> Option<Slot> {
        self.in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max_in_flight).then_some(n + 1)
            })
            .ok()?;
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut started) = self.started.lock() {
            started.insert(id, Instant::now());
        }
        Some(Slot {
            pool: self.clone(),
            id,
        })
    }

    pub(crate) fn health(&self) -> Health {
        let in_flight = self.in_flight.load(Ordering::Acquire);
        let oldest = self
            .started
            .lock()
            .ok()
            .and_then(|s| s.values().min().map(Instant::elapsed))
            .unwrap_or_default();
        let problem = if in_flight >= self.max_in_flight {
            Some("every lint slot is taken")
        } else if oldest > self.stuck_after {
            Some("a lint job has outlived twice the request timeout")
        } else {
            None
        };
        Health {
            in_flight,
            max_in_flight: self.max_in_flight,
            oldest_ms: oldest.as_millis(),
            problem,
        }
    }

    /// Lints `items` on the pool, in order; `Err` when the pool is full (503), when the job
    /// panicked outside the per-certificate guard (500). Dropping the future cancels the job
    /// before its next certificate.
    pub(crate) async fn run(
        self: &Arc<Self>,
        linter: Arc<Linter>,
        items: Vec<InputItem>,
    ) -> Result<Vec<CertResult>, ApiError> {
        let slot = self
            .admit()
            .ok_or_else(|| ApiError::overloaded(self.max_in_flight))?;
        let cancelled = Arc::new(AtomicBool::new(false));
        let _cancel = CancelOnDrop(cancelled.clone());
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job = move || {
            let _slot = slot;
            let results = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                lint_until_cancelled(&linter, items, &cancelled)
            }));
            let _ = tx.send(results);
        };
        match &self.threads {
            Some(pool) => pool.spawn(job),
            None => rayon::spawn(job),
        }
        match rx.await {
            Ok(Ok(Some(results))) => Ok(results),
            // Cancelled: the request is gone, nobody reads this.
            Ok(Ok(None)) => Err(ApiError::internal("cancelled")),
            _ => Err(ApiError::internal("linting failed unexpectedly (a bug)")),
        }
    }
}

/// Lints in order, checking the flag before each certificate; `None` once cancelled. A job
/// runs on one worker, so one large batch cannot hold every worker.
fn lint_until_cancelled(
    linter: &Linter,
    items: Vec<InputItem>,
    cancelled: &AtomicBool,
) -> Option<Vec<CertResult>> {
    items
        .into_iter()
        .map(|item| (!cancelled.load(Ordering::Acquire)).then(|| linter.lint_item(item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(der: Vec<u8>) -> InputItem {
        InputItem {
            name: "t".into(),
            encoding: None,
            pem_label: None,
            der: Ok(der),
            notes: Vec::new(),
            stream: None,
        }
    }

    #[test]
    fn a_cancelled_batch_stops_before_its_next_certificate() {
        let linter = Linter::default();
        let items = || (0..50).map(|_| item(vec![0x30, 0x00])).collect::<Vec<_>>();
        let flag = AtomicBool::new(false);
        assert_eq!(
            lint_until_cancelled(&linter, items(), &flag).map(|r| r.len()),
            Some(50)
        );
        flag.store(true, Ordering::Release);
        assert!(lint_until_cancelled(&linter, items(), &flag).is_none());
    }

    #[test]
    fn admission_is_bounded_and_slots_come_back() {
        let pool = Arc::new(LintPool::new(1, 2, Duration::from_secs(10)));
        let a = pool.admit().expect("first");
        let b = pool.admit().expect("second");
        assert!(pool.admit().is_none(), "a third job is refused");
        assert_eq!(pool.health().problem, Some("every lint slot is taken"));
        drop(a);
        assert_eq!(pool.health().problem, None);
        assert!(pool.admit().is_some());
        drop(b);
        assert_eq!(pool.health().in_flight, 0);
    }

    #[test]
    fn a_job_older_than_twice_the_timeout_is_unhealthy() {
        let pool = Arc::new(LintPool::new(1, 4, Duration::from_millis(5)));
        let slot = pool.admit().expect("admitted");
        assert_eq!(pool.health().problem, None);
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(
            pool.health().problem,
            Some("a lint job has outlived twice the request timeout")
        );
        drop(slot);
        assert_eq!(pool.health().problem, None);
    }

    #[test]
    fn a_request_that_stops_waiting_frees_its_slot_before_the_batch_is_done() {
        let der = smimelint_factory::CertBuilder::subscriber("mailbox-strict").build();
        let linter = Linter::default();
        linter.lint_der("warm-up".into(), &der);
        let one = Instant::now();
        linter.lint_der("t".into(), &der);
        let per_cert = one.elapsed();
        let pool = Arc::new(LintPool::new(1, 4, Duration::from_secs(10)));
        let items: Vec<InputItem> = (0..8000).map(|_| item(der.clone())).collect();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap();
        let start = Instant::now();
        runtime.block_on(async {
            let job = pool.run(Arc::new(Linter::default()), items);
            // The request gives up early; its future is dropped.
            let gave_up = tokio::time::timeout(per_cert * 20, job).await;
            assert!(gave_up.is_err(), "8000 certificates linted too soon");
        });
        while pool.health().in_flight > 0 {
            std::thread::sleep(Duration::from_millis(1));
        }
        // Freed after a few more certificates, long before the other ~7980 would be done.
        assert!(
            start.elapsed() < per_cert * 2000,
            "slot held {:?}, {per_cert:?} per certificate",
            start.elapsed()
        );
    }
}
