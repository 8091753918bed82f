//! The HTTP service behind `smimelint serve` (feature `server`, on by default).
//!
//! Every endpoint lints through the same [`Linter`] functions as the CLI and the library, so a
//! certificate gets the same record whichever door it comes through. Linting is CPU work: it
//! runs on rayon's thread pool, never on the async workers, so health checks and slow clients
//! do not queue behind it.
//!
//! | endpoint | body | answer |
//! |---|---|---|
//! | `POST /v1/lint` | PEM, base64 or DER (a certificate, CRL or OCSP response), or JSON [`LintRequest`] | one record, as `--format jsonl` prints it |
//! | `POST /v1/lint/batch` | PEM/base64 lines, or JSON with `certificates` | array of records, in order |
//! | `GET /v1/lints` | – | every lint's metadata ([`smimelint_engine::meta::LintInfo`]) |
//! | `GET /healthz` | – | `{"status":"ok"}`, or 503 `{"status":"unavailable"}` when the lint pool cannot take work |
//! | `GET /version`, `GET /v1/version` | – | `{"name","version","lints"}`: the lints [`Config::options`] selects |
//! | `POST /certificate/cabf-smime[/{TYPE}\|/determine-linter]`, `GET /certificate[/cabf-smime[/{TYPE}]]` | JSON `{"pem"}` or `{"b64"}` | pkilint's REST answers and errors ([`pkilint`]) |
//! | `POST /crl/pkix/crl`, `POST /ocsp/pkix`, `GET` on both | JSON `{"pem"}` or `{"b64"}` | pkilint's CRL and OCSP answers ([`pkilint_revocation`]) |
//! | `POST /lintcert`, `/linttbscert`, `/lintcrl`, `/linttbscrl`, `/lintocsp`, `/linttbsocsp` | form with `b64input`, `profile`, `format`, `severity` | pkimetal's `[{"Linter","Finding","Severity","Code"}]`; `GET` shows the form |
//! | `GET /linters`, `GET /profiles` | – | pkimetal's linter and profile lists |
//! | `GET /`, `POST /` | form (paste or upload) | an HTML page with the findings as a table |
//! | `GET /lints`, `GET /lints/{NAME}` | – | HTML: every lint; one lint as `smimelint explain` prints it |
//!
//! `GET /openapi.json` describes every endpoint (OpenAPI 3.1, [`openapi`]); `GET /docs` lists
//! them on a page.
//!
//! Errors are JSON `{"error": CODE, "message": TEXT}` with a 4xx or 5xx status (see
//! [`ApiError`]), including the answers hyper writes for requests it cannot parse.
//!
//! Linting runs on a pool of worker threads that admits at most [`Config::max_in_flight`]
//! jobs: beyond that a lint request gets 503 `overloaded` with `Retry-After` at once. A
//! request whose timeout fires stops its job before the next certificate. `/healthz` answers
//! 503 while every slot is taken or a job has run for more than twice the timeout (see
//! the rules in `pool.rs`), so a load balancer stops sending work the service cannot do.
//!
//! ```no_run
//! use smimelint_service::{Config, Server};
//! # async fn demo() -> std::io::Result<()> {
//! let server = Server::bind(Config::default()).await?;
//! println!("listening on {}", server.local_addr());
//! server.run(async { let _ = tokio::signal::ctrl_c().await; }).await
//! # }
//! ```

mod body;
mod error;
mod form;
mod handlers;
mod html;
mod lint_docs;
mod lowlevel;
pub mod openapi;
pub mod pkilint;
pub mod pkilint_codes;
mod pkilint_json;
mod pkilint_loader;
mod pkilint_request;
pub mod pkilint_revocation;
mod pkilint_revocation_loader;
mod pkilint_time;
mod pkimetal;
mod pool;
mod webpage;

pub use error::ApiError;
pub use handlers::{parse_lint_request, LintRequest};

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use smimelint_engine::linter::{Linter, Options};
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// Largest request body accepted by default (1 MiB).
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;
/// Most certificates in one batch request by default.
pub const DEFAULT_MAX_BATCH: usize = 1000;
/// Default time allowed for one request, from its first header byte to the answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// Lint jobs admitted at once by default, per worker thread: a burst of small requests
/// queues briefly instead of being refused; a queued job waits at most for the running ones'
/// timeouts, since those stop at their next certificate. `--max-in-flight` equal to the
/// core count makes every request start at once or be refused.
pub const DEFAULT_IN_FLIGHT_PER_WORKER: usize = 4;
/// How long in-flight requests may take to finish after SIGTERM/SIGINT.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

/// Service settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub listen: SocketAddr,
    pub max_body_bytes: usize,
    pub max_batch: usize,
    /// Per-request limit: reading headers, reading the body and linting must fit in it.
    pub timeout: Duration,
    /// Options every request starts from (policy map, filters …); a request may override the
    /// type, evaluation time, issuer and lint selection.
    pub options: Options,
    /// One line per request on stderr.
    pub log_requests: bool,
    /// Lint worker threads (0: one per core).
    pub workers: usize,
    /// Lint jobs (requests) admitted at once, queued or running; beyond it, 503 (0: four per
    /// worker).
    pub max_in_flight: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_batch: DEFAULT_MAX_BATCH,
            timeout: DEFAULT_TIMEOUT,
            options: Options::default(),
            log_requests: true,
            workers: 0,
            max_in_flight: 0,
        }
    }
}

/// One line on stderr. A log that cannot be written (its reader has gone away) is dropped:
/// the service keeps answering requests either way.
pub(crate) fn log(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(io::stderr(), "{line}");
}

/// Shared by every request.
pub(crate) struct State {
    config: Config,
    /// The linter for requests that override nothing (the common, fast path).
    linter: Arc<Linter>,
    /// `GET /v1/lints`, serialised once.
    lints_json: axum::body::Bytes,
    pool: Arc<pool::LintPool>,
}

/// The routes, for embedding the service in another axum application.
pub fn router(config: Config) -> Router {
    handlers::routes(Arc::new(State::new(config)))
}

impl State {
    fn new(config: Config) -> State {
        let linter = Arc::new(Linter::new(config.options.clone()));
        let lints_json = serde_json::to_vec(&smimelint_engine::meta::all())
            .unwrap_or_default()
            .into();
        let workers = match config.workers {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        let max_in_flight = match config.max_in_flight {
            0 => workers.saturating_mul(DEFAULT_IN_FLIGHT_PER_WORKER),
            n => n,
        };
        let pool = Arc::new(pool::LintPool::new(workers, max_in_flight, config.timeout));
        State {
            config,
            linter,
            lints_json,
            pool,
        }
    }
}

/// A bound, not yet running server.
pub struct Server {
    listener: TcpListener,
    config: Config,
}

impl Server {
    /// Binds `config.listen` (port 0 picks a free port; see [`Server::local_addr`]).
    pub async fn bind(config: Config) -> io::Result<Server> {
        let listener = TcpListener::bind(config.listen).await?;
        Ok(Server { listener, config })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.listen)
    }

    /// Serves until `shutdown` completes, then stops accepting, lets in-flight requests finish
    /// (up to a grace period) and returns.
    pub async fn run(self, shutdown: impl Future<Output = ()>) -> io::Result<()> {
        let timeout = self.config.timeout;
        let app = router(self.config);
        let graceful = GracefulShutdown::new();
        let mut http = hyper::server::conn::http1::Builder::new();
        // A client that dribbles its headers (slow-loris) is cut off; a slow body is caught
        // by the per-request timeout in the routes.
        http.timer(TokioTimer::new())
            .header_read_timeout(timeout)
            .keep_alive(true);
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                accepted = self.listener.accept() => {
                    let (stream, _peer) = match accepted {
                        Ok(conn) => conn,
                        // Out of file descriptors and the like: back off instead of spinning.
                        Err(e) => {
                            log(format_args!("smimelint serve: accept: {e}"));
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    };
                    let _ = stream.set_nodelay(true);
                    let conn = http.serve_connection(
                        TokioIo::new(lowlevel::JsonErrors::new(stream)),
                        TowerToHyperService::new(app.clone()),
                    );
                    let conn = graceful.watch(conn);
                    tokio::spawn(async move {
                        let _ = conn.await;
                    });
                }
                () = &mut shutdown => break,
            }
        }
        drop(self.listener);
        if tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown())
            .await
            .is_err()
        {
            log(format_args!(
                "smimelint serve: connections still open after the grace period"
            ));
        }
        Ok(())
    }
}

/// Runs the service on a new tokio runtime until SIGTERM or SIGINT (what `smimelint serve`
/// does). Prints `smimelint serve: listening on http://ADDR` on stderr once bound.
pub fn serve_blocking(config: Config) -> io::Result<()> {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .worker_threads(cores)
        .build()?;
    runtime.block_on(async move {
        let server = Server::bind(config).await?;
        log(format_args!(
            "smimelint serve: listening on http://{}",
            server.local_addr()
        ));
        server.run(shutdown_signal()).await?;
        log(format_args!("smimelint serve: stopped"));
        Ok(())
    })
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

// Unit tests lint real certificates: the rulebook must be linked.
