//! A panic at the parse stage is contained on every path: it becomes one `e_internal_error`
//! record for its input, and the inputs after it are linted as usual.
//!
//! The panic is injected with `cert::inject_parse_fault`, which only code can install: the
//! fault fires for one exact byte string that no other test in this binary uses.

use smimelint::engine::{CertResult, Linter, INTERNAL_ERROR};
use smimelint::input::{InputItem, Limits};
use smimelint::output::Sink;
use smimelint::registry::Status;
use smimelint::runner::{self, RunOptions};
use smimelint_factory::{pem, CertBuilder};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::Once;

/// SEQUENCE { OCTET STRING "injected parse panic" }: frames as DER, reaches `Cert::parse`.
const TRIGGER: &[u8] = b"\x30\x16\x04\x14injected parse panic";

fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        fn fault(der: &[u8]) {
            if der == TRIGGER {
                panic!("injected parse panic");
            }
        }
        assert!(smimelint::cert::inject_parse_fault(fault));
    });
}

fn good() -> Vec<u8> {
    CertBuilder::subscriber("mailbox-strict").build()
}

fn bad() -> Vec<u8> {
    CertBuilder::subscriber("mailbox-strict")
        .without_ext(&smimelint::cert::oid::KEY_USAGE)
        .build()
}

/// The three inputs every path gets: a clean certificate, the trigger, a certificate with
/// a finding.
fn inputs() -> Vec<Vec<u8>> {
    vec![good(), TRIGGER.to_vec(), bad()]
}

fn item(name: &str, der: &[u8]) -> InputItem {
    smimelint::engine::frame_bytes(name, der, Limits::default())
        .next()
        .expect("one item")
}

/// Checks the records for [`inputs`]: three, in order, only the middle one an internal error.
fn check(records: &[CertResult], names: [&str; 3]) {
    assert_eq!(records.len(), 3, "{records:#?}");
    for (r, name) in records.iter().zip(names) {
        assert_eq!(r.input, name);
    }
    let first = &records[0];
    assert_eq!(first.form, Some("certificate"));
    assert_eq!(first.worst(), Status::Pass, "{first:#?}");

    let middle = &records[1];
    assert_eq!(middle.findings.len(), 1, "{middle:#?}");
    assert_eq!(middle.findings[0].lint, INTERNAL_ERROR);
    assert_eq!(middle.findings[0].status, Status::Fatal);
    let details = middle.findings[0].details.as_deref().unwrap_or("");
    assert!(details.contains("injected parse panic"), "{details}");
    assert_eq!(
        middle.sha256.as_deref(),
        Some(smimelint::engine::sha256_hex(TRIGGER).as_str())
    );

    let last = &records[2];
    assert_eq!(last.form, Some("certificate"));
    assert!(
        last.findings
            .iter()
            .any(|f| f.lint == "e_smime_key_usage_missing"),
        "{last:#?}"
    );
    assert!(last.findings.iter().all(|f| f.lint != INTERNAL_ERROR));
}

/// Only the installed fault makes the trigger panic: the same bytes with one letter changed are
/// an ordinary non-certificate.
#[test]
fn only_the_exact_trigger_panics() {
    install();
    let mut other = TRIGGER.to_vec();
    *other.last_mut().unwrap() = b'?';
    let r = Linter::default().lint_der("x".into(), &other);
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].lint, "e_input_not_certificate");
}

#[test]
fn lint_der_and_lint_item() {
    install();
    let linter = Linter::default();
    let records: Vec<CertResult> = inputs()
        .iter()
        .enumerate()
        .map(|(i, der)| linter.lint_der(format!("d{i}"), der))
        .collect();
    check(&records, ["d0", "d1", "d2"]);
    let records: Vec<CertResult> = inputs()
        .iter()
        .enumerate()
        .map(|(i, der)| linter.lint_item(item(&format!("i{i}"), der)))
        .collect();
    check(&records, ["i0", "i1", "i2"]);
}

#[test]
fn library_batch_paths() {
    install();
    let linter = Linter::default();
    check(&linter.lint_batch(&inputs()), ["#1", "#2", "#3"]);
    let items = inputs()
        .iter()
        .enumerate()
        .map(|(i, der)| item(&format!("i{i}"), der))
        .collect();
    check(&linter.lint_items(items), ["i0", "i1", "i2"]);
    let text: String = inputs().iter().map(|d| pem("CERTIFICATE", d)).collect();
    check(
        &linter.lint_encoded("up", text.as_bytes()),
        ["up#1", "up#2", "up#3"],
    );
}

struct Collect(Vec<CertResult>);

impl Sink for Collect {
    fn write(&mut self, result: &CertResult) -> io::Result<()> {
        self.0.push(result.clone());
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The CLI's runner, on one thread and pipelined, plain and with the skip filter and issuer
/// labels a CT scan uses (those run on the parsed certificate, inside the same boundary).
#[test]
fn runner_paths() {
    install();
    let linter = Linter::default();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let skip_none = |_: &smimelint::cert::Cert<'_>| -> Option<&'static str> { None };
    for one_thread in [true, false] {
        for ct_like in [false, true] {
            let opts = RunOptions {
                one_thread,
                skip: ct_like.then_some(&skip_none as runner::SkipFn<'_>),
                issuers: ct_like,
                ..RunOptions::default()
            };
            let items = inputs()
                .into_iter()
                .enumerate()
                .map(|(i, der)| item(&format!("r{i}"), &der))
                .collect::<Vec<_>>();
            let mut sink = Collect(Vec::new());
            let mut issuers = Vec::new();
            let stats = pool
                .install(|| {
                    runner::run_with(&linter, items.into_iter(), &mut sink, opts, &mut |e| {
                        if let runner::Event::Record { issuer, .. } = e {
                            issuers.push(issuer.map(str::to_owned));
                        }
                    })
                })
                .expect("run");
            check(&sink.0, ["r0", "r1", "r2"]);
            assert_eq!(stats.records, 3);
            assert_eq!(stats.worst, Some(Status::Fatal));
            if ct_like {
                assert!(issuers[0].is_some() && issuers[2].is_some(), "{issuers:?}");
                assert_eq!(issuers[1], None);
            }
        }
    }
}

/// The CLI's own wiring: certificates framed from a file by the runner's input source, with
/// the CT scan's real skip filter and summary labels. The certificate is parsed once, inside
/// the boundary; a parse outside it would let the trigger's panic escape this test.
#[cfg(feature = "ct")]
#[test]
fn cli_file_path_with_the_ct_filter() {
    install();
    let text: String = inputs().iter().map(|d| pem("CERTIFICATE", d)).collect();
    let path = std::env::temp_dir().join(format!("panic-boundary-{}.pem", std::process::id()));
    std::fs::write(&path, text).expect("write");
    let name = smimelint::input::path_name(&path);
    let skip: runner::SkipFn<'_> = &smimelint::ct::filter::skip_reason;
    for one_thread in [true, false] {
        let items = runner::items(
            vec![runner::InputSource::Path(path.clone())],
            false,
            Limits::default(),
        );
        let opts = RunOptions {
            one_thread,
            skip: Some(skip),
            issuers: true,
            ..RunOptions::default()
        };
        let mut sink = Collect(Vec::new());
        let mut skipped = Vec::new();
        let stats = runner::run_with(&Linter::default(), items, &mut sink, opts, &mut |e| {
            if let runner::Event::Skipped(reason) = e {
                skipped.push(reason);
            }
        })
        .expect("run");
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(stats.records, 3);
        let names = [1, 2, 3].map(|i| format!("{name}#{i}"));
        check(
            &sink.0,
            [&names[0], &names[1], &names[2]].map(String::as_str),
        );
    }
    let _ = std::fs::remove_file(&path);
}

/// A skip filter that panics is contained as well: its input gets the internal-error record.
#[test]
fn a_panicking_skip_filter_is_contained() {
    let linter = Linter::default();
    let good = good();
    let skip = move |cert: &smimelint::cert::Cert<'_>| -> Option<&'static str> {
        if cert.der == good.as_slice() {
            panic!("skip filter panic");
        }
        None
    };
    let opts = RunOptions {
        one_thread: true,
        skip: Some(&skip),
        ..RunOptions::default()
    };
    let items = [bad(), CertBuilder::subscriber("mailbox-strict").build()]
        .iter()
        .enumerate()
        .map(|(i, der)| item(&format!("s{i}"), der))
        .collect::<Vec<_>>();
    let mut sink = Collect(Vec::new());
    runner::run_with(&linter, items.into_iter(), &mut sink, opts, &mut |_| {}).expect("run");
    assert_eq!(sink.0.len(), 2);
    assert!(sink.0[0].findings.iter().all(|f| f.lint != INTERNAL_ERROR));
    assert_eq!(sink.0[1].findings.len(), 1);
    assert_eq!(sink.0[1].findings[0].lint, INTERNAL_ERROR);
}

/// The service, in process: a batch with the trigger in the middle answers 200 with three
/// records, and the server goes on answering.
#[cfg(feature = "server")]
#[test]
fn service_batch() {
    install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let config = smimelint::service::Config {
        listen: ([127, 0, 0, 1], 0).into(),
        log_requests: false,
        ..Default::default()
    };
    let server = runtime
        .block_on(smimelint::service::Server::bind(config))
        .expect("bind");
    let addr = server.local_addr();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = runtime.spawn(server.run(async {
        let _ = stopped.await;
    }));

    let post = |path: &str, content_type: &str, body: &[u8]| -> (u16, serde_json::Value) {
        let mut s = std::net::TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).unwrap();
        s.write_all(body).unwrap();
        let mut r = BufReader::new(s);
        let mut status = String::new();
        r.read_line(&mut status).unwrap();
        let code = status.split(' ').nth(1).and_then(|c| c.parse().ok());
        let mut len = 0;
        loop {
            let mut line = String::new();
            r.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0; len];
        r.read_exact(&mut body).unwrap();
        (
            code.expect("status"),
            serde_json::from_slice(&body).expect("JSON"),
        )
    };

    let text: String = inputs().iter().map(|d| pem("CERTIFICATE", d)).collect();
    for _ in 0..2 {
        let (status, v) = post("/v1/lint/batch", "application/x-pem-file", text.as_bytes());
        assert_eq!(status, 200, "{v}");
        let records = v.as_array().expect("array");
        assert_eq!(records.len(), 3, "{v}");
        let lints = |r: &serde_json::Value| -> Vec<String> {
            r["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .map(|f| f["lint"].as_str().unwrap_or("").to_owned())
                .collect()
        };
        assert_eq!(records[0]["form"], "certificate", "{v}");
        assert!(lints(&records[0]).is_empty(), "{v}");
        assert_eq!(lints(&records[1]), [INTERNAL_ERROR], "{v}");
        assert_eq!(records[1]["findings"][0]["status"], "fatal", "{v}");
        assert!(lints(&records[2]).contains(&"e_smime_key_usage_missing".to_owned()));
    }
    // The pkilint-compatible endpoint decodes the structure itself, as pkilint does, and a panic
    // there is contained too: the trigger is no certificate to pkilint (422), and the service
    // goes on answering.
    {
        use base64::Engine;
        let b64 = base64::engine::general_purpose::STANDARD.encode(TRIGGER);
        let body = serde_json::json!({ "b64": b64 }).to_string();
        let (status, v) = post(
            "/certificate/cabf-smime",
            "application/json",
            body.as_bytes(),
        );
        assert_eq!(status, 422, "{v}");
        assert_eq!(
            v["detail"][0]["msg"], "Value error, Invalid Base-64 encoding specified",
            "{v}"
        );
        let body = serde_json::json!({ "pem": pem("CERTIFICATE", &good()) }).to_string();
        let (status, v) = post(
            "/certificate/cabf-smime",
            "application/json",
            body.as_bytes(),
        );
        assert_eq!(status, 200, "{v}");
        assert_eq!(v["results"].as_array().map(Vec::len), Some(0), "{v}");
    }
    let _ = stop.send(());
    runtime.block_on(handle).expect("join").expect("server");
}
