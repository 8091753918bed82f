//! `smimelint ct` end to end: saved get-entries responses, a mock log on loopback (short pages,
//! errors, retries), the S/MIME filter, summaries and merging them.
#![cfg(all(feature = "ct", feature = "cli"))]

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use smimelint::cert::oid;
use smimelint::ct::leaf::encode;
use smimelint_factory::{der, ext, gn, CertBuilder};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smimelint"))
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run smimelint")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("stdout holds only JSON lines"))
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smimelint-ct-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn smime() -> Vec<u8> {
    CertBuilder::subscriber("mailbox-strict").build()
}

/// A TLS server certificate: serverAuth, a TLS policy, a DNS name; nothing S/MIME.
fn tls() -> Vec<u8> {
    CertBuilder::subscriber("mailbox-strict")
        .eku(&[&oid::KP_SERVER_AUTH])
        .policies(&["2.23.140.1.2.1"])
        .ext(
            &oid::SUBJECT_ALT_NAME,
            false,
            ext::general_names(&[gn::dns("www.example.com")]),
        )
        .build()
}

fn x509_entry(cert: &[u8]) -> Value {
    encode::entry_json(
        &encode::x509_leaf(1_700_000_000_000, cert),
        &encode::x509_extra(&[]),
    )
}

fn precert_entry() -> Value {
    let base = CertBuilder::subscriber("mailbox-strict");
    let precert = base.clone().ext(&oid::CT_POISON, true, der::null()).build();
    encode::entry_json(
        &encode::precert_leaf(1_700_000_000_000, &[0x11; 32], &base.build_tbs()),
        &encode::precert_extra(&precert, &[]),
    )
}

fn raw_entry(leaf: &[u8]) -> Value {
    json!({"leaf_input": STANDARD.encode(leaf), "extra_data": STANDARD.encode(encode::x509_extra(&[]))})
}

/// Entries of every kind the decoder must handle, with what each must become.
fn mixed_entries() -> Vec<(Value, &'static str)> {
    let cert = smime();
    let leaf = encode::x509_leaf(7, &cert);
    let mut unknown_type = leaf.clone();
    unknown_type[11] = 9;
    let mut wrong_length = leaf.clone();
    wrong_length[12] = 0x7f; // claims 8 MB more than there is
    vec![
        (x509_entry(&cert), "clean"),
        (precert_entry(), "precert"),
        (x509_entry(&tls()), "skipped"),
        (
            json!({"leaf_input": "@@not base64@@", "extra_data": ""}),
            "fatal:bad base64",
        ),
        (raw_entry(&leaf[..40]), "fatal:truncated"),
        (raw_entry(&unknown_type), "fatal:unknown LogEntryType 9"),
        (raw_entry(&wrong_length), "fatal:truncated"),
        (x509_entry(&cert), "clean"),
    ]
}

fn check_record(r: &Value, expect: &str) {
    let worst_is_fatal = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["status"] == "fatal");
    match expect.split_once(':') {
        Some(("fatal", needle)) => {
            assert!(worst_is_fatal, "{r}");
            assert_eq!(r["findings"][0]["lint"], "e_input_not_certificate");
            let details = r["findings"][0]["details"].as_str().unwrap();
            assert!(details.contains(needle), "{details} lacks {needle}");
        }
        _ if expect == "clean" => assert_eq!(r["findings"], json!([]), "{r}"),
        _ if expect == "precert" => {
            // The poison extension is expected: a notice for review, nothing worse.
            let lints: Vec<_> = r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| (f["lint"].as_str().unwrap(), f["status"].as_str().unwrap()))
                .collect();
            assert_eq!(lints, [("n_smime_unlisted_extension", "notice")], "{r}");
        }
        _ => panic!("unexpected expectation {expect}"),
    }
}

#[test]
fn saved_responses_give_one_record_per_entry_and_count_the_skipped() {
    let dir = temp_dir("saved");
    let entries = mixed_entries();
    let response = json!({"entries": entries.iter().map(|(e, _)| e.clone()).collect::<Vec<_>>()});
    let file = dir.join("page.json");
    std::fs::write(&file, serde_json::to_string_pretty(&response).unwrap()).unwrap();
    let summary_file = dir.join("summary.json");
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--start",
        "100",
        "--summary-format",
        "json",
        "--summary-file",
        summary_file.to_str().unwrap(),
        file.to_str().unwrap(),
    ]);
    // Fatal records make the exit status 1.
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&out);
    let expected: Vec<(usize, &str)> = entries
        .iter()
        .enumerate()
        .filter(|(_, (_, e))| *e != "skipped")
        .map(|(i, (_, e))| (i, *e))
        .collect();
    assert_eq!(records.len(), expected.len());
    for (r, (i, expect)) in records.iter().zip(&expected) {
        assert_eq!(r["input"], format!("{}@{}", file.display(), 100 + i));
        check_record(r, expect);
    }
    let s: Value = serde_json::from_slice(&std::fs::read(&summary_file).unwrap()).unwrap();
    assert_eq!(s["entries"], 8);
    assert_eq!(s["records"], 7);
    assert_eq!(s["skipped"], json!({"not_smime_server_auth_eku": 1}));
    assert_eq!(s["ct"]["x509_entries"], 3);
    assert_eq!(s["ct"]["precert_entries"], 1);
    assert_eq!(s["ct"]["undecodable"], 4);
    assert_eq!(s["certificates_with_errors"], 4);
    assert_eq!(s["by_worst"]["fatal"], 4);
    assert_eq!(s["lints"]["e_input_not_certificate"]["fatal"], 4);
    assert_eq!(s["types"]["mailbox-strict"]["certificates"], 3);
    assert_eq!(
        s["issuers"]["C=GB, O=Example CA Ltd, CN=Example S/MIME CA"]["certificates"],
        3
    );

    // --all-certs lints the TLS certificate too.
    let all = run(&["ct", "-f", "jsonl", "--all-certs", file.to_str().unwrap()]);
    assert_eq!(jsonl(&all).len(), 8);
    assert!(all.stderr.is_empty(), "no progress bar on a pipe");
}

#[test]
fn concatenated_responses_json_lines_and_bare_entries_number_on_across_files() {
    let dir = temp_dir("concat");
    let cert = smime();
    let page = |n: usize| json!({"entries": vec![x509_entry(&cert); n]});
    // Two pretty-printed responses back to back, then JSON lines of a response and bare entries.
    let a = dir.join("a.json");
    std::fs::write(
        &a,
        format!(
            "{}\n{}",
            serde_json::to_string_pretty(&page(2)).unwrap(),
            serde_json::to_string_pretty(&page(1)).unwrap()
        ),
    )
    .unwrap();
    let b = dir.join("b.jsonl");
    std::fs::write(
        &b,
        format!(
            "{}\n{}\n{}\n",
            page(2),
            x509_entry(&cert),
            x509_entry(&cert)
        ),
    )
    .unwrap();
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--start",
        "5",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let names: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["input"].as_str().unwrap().to_string())
        .collect();
    let a_name = a.display().to_string();
    let b_name = b.display().to_string();
    assert_eq!(
        names,
        [
            format!("{a_name}@5"),
            format!("{a_name}@6"),
            format!("{a_name}@7"),
            format!("{b_name}@8"),
            format!("{b_name}@9"),
            format!("{b_name}@10"),
            format!("{b_name}@11"),
        ]
    );
}

#[test]
fn broken_json_is_one_fatal_record_and_the_next_input_is_read() {
    let dir = temp_dir("broken");
    let cert = smime();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        format!("{{\"entries\": [{}, {{\"leaf_input\": ", x509_entry(&cert)),
    )
    .unwrap();
    let other = dir.join("other.json");
    std::fs::write(&other, "{\"tree_size\": 3}").unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, json!({"entries": [x509_entry(&cert)]}).to_string()).unwrap();
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        bad.to_str().unwrap(),
        other.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    let records = jsonl(&out);
    assert_eq!(records.len(), 4, "{records:?}");
    assert_eq!(records[0]["input"], format!("{}@0", bad.display()));
    assert_eq!(records[0]["findings"], json!([]));
    assert_eq!(records[1]["input"], bad.display().to_string());
    let details = records[1]["findings"][0]["details"].as_str().unwrap();
    assert!(details.contains("invalid JSON"), "{details}");
    assert!(records[2]["findings"][0]["details"]
        .as_str()
        .unwrap()
        .contains("not a get-entries response"));
    assert_eq!(records[3]["input"], format!("{}@1", good.display()));
}

/// A CT log on loopback: serves `entries`, at most `max_page` per response, and fails the
/// first `fail_times` requests for each start index listed in `faults` with that status.
struct MockLog {
    entries: Vec<Value>,
    max_page: usize,
    faults: HashMap<u64, (u16, usize)>,
    requests: Mutex<Vec<(u64, u64, u16)>>,
    /// A misbehaving log: answer with entries beyond the requested `end`.
    overfill: bool,
    /// A lying log: the tree size get-sth claims instead of the real one.
    sth: Option<u64>,
    /// A misbehaving log: pad each get-entries response with this many bytes before the
    /// entries.
    padding: usize,
}

impl MockLog {
    fn serve(self) -> (String, Arc<MockLog>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let url = format!("http://{}/log/", listener.local_addr().unwrap());
        let log = Arc::new(self);
        let shared = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = shared.clone();
                std::thread::spawn(move || log.handle(stream));
            }
        });
        (url, log)
    }

    fn handle(&self, stream: TcpStream) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut stream = stream;
        loop {
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                return;
            }
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header == "\r\n" {
                    break;
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("");
            let (status, body) = self.respond(path);
            let reason = if status == 200 { "OK" } else { "Error" };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{}\r\n{body}",
                body.len(),
                if status == 429 { "Retry-After: 0\r\n" } else { "" }
            );
            let _ = stream.flush();
        }
    }

    fn respond(&self, path: &str) -> (u16, String) {
        if path == "/log/ct/v1/get-sth" {
            let size = self.sth.unwrap_or(self.entries.len() as u64);
            return (200, json!({ "tree_size": size }).to_string());
        }
        let Some(query) = path.strip_prefix("/log/ct/v1/get-entries?") else {
            return (404, "{}".into());
        };
        let param = |k: &str| -> u64 {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{k}=")))
                .and_then(|v| v.parse().ok())
                .unwrap_or(u64::MAX)
        };
        let (start, end) = (param("start"), param("end"));
        let mut requests = self.requests.lock().unwrap();
        let earlier = requests.iter().filter(|r| r.0 == start).count();
        let status = match self.faults.get(&start) {
            Some(&(status, times)) if earlier < times => status,
            _ if start > end || end as usize >= self.entries.len() => 400,
            _ => 200,
        };
        requests.push((start, end, status));
        if status != 200 {
            return (status, "{\"error\":\"mock\"}".into());
        }
        let wanted = if self.overfill {
            usize::MAX
        } else {
            end as usize
        };
        let last = wanted
            .min(start as usize + self.max_page - 1)
            .min(self.entries.len() - 1);
        let page = &self.entries[start as usize..=last];
        if self.padding > 0 {
            let pad = " ".repeat(self.padding);
            return (200, format!("{pad}{{\"entries\": {}}}", json!(page)));
        }
        (200, json!({ "entries": page }).to_string())
    }
}

fn log_entries(n: usize) -> Vec<Value> {
    let (cert, tls) = (smime(), tls());
    (0..n)
        .map(|i| match i % 5 {
            3 => x509_entry(&tls),
            4 => precert_entry(),
            _ => x509_entry(&cert),
        })
        .collect()
}

#[test]
fn fetches_a_log_in_order_through_short_pages_and_transient_errors() {
    let mut faults = HashMap::new();
    faults.insert(8, (500, 2)); // two server errors, then fine
    faults.insert(16, (429, 1)); // rate limited once, Retry-After: 0
    let (url, log) = MockLog {
        entries: log_entries(30),
        max_page: 3,
        faults,
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 0,
        sth: None,
    }
    .serve();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--start",
        "2",
        "--end",
        "25",
        "--batch-size",
        "8",
        "--concurrency",
        "3",
        "--retry-delay-ms",
        "5",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        "--summary-format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&out);
    let base = url.trim_end_matches('/');
    let expected: Vec<String> = (2..=25)
        .filter(|i| i % 5 != 3)
        .map(|i| format!("{base}@{i}"))
        .collect();
    let names: Vec<&str> = records
        .iter()
        .map(|r| r["input"].as_str().unwrap())
        .collect();
    assert_eq!(names, expected);
    for r in &records {
        let worst_ok = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["status"] == "notice");
        assert!(worst_ok, "{r}");
    }
    // The summary is on stderr, the records alone on stdout.
    let summary: Value = serde_json::from_slice(&out.stderr).expect("JSON summary on stderr");
    assert_eq!(summary["entries"], 24);
    assert_eq!(summary["skipped"]["not_smime_server_auth_eku"], 5);
    assert_eq!(summary["ct"]["precert_entries"], 5);

    let requests = log.requests.lock().unwrap();
    // Short pages: no request asks for more than the rest of its chunk, and every chunk
    // continued from where the log stopped.
    assert!(requests.iter().all(|&(s, e, _)| e >= s && e - s < 8));
    assert_eq!(
        requests.iter().filter(|r| r.0 == 8 && r.2 == 500).count(),
        2
    );
    assert_eq!(
        requests.iter().filter(|r| r.0 == 16 && r.2 == 429).count(),
        1
    );
    assert!(requests
        .iter()
        .any(|&(s, e, st)| s == 5 && e == 9 && st == 200));
}

#[test]
fn unfetchable_ranges_still_give_one_record_per_index() {
    let mut faults = HashMap::new();
    faults.insert(4, (503, usize::MAX)); // never recovers
    faults.insert(0, (404, usize::MAX)); // a client error is not retried
    let (url, log) = MockLog {
        entries: log_entries(10),
        max_page: 100,
        faults,
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 0,
        sth: None,
    }
    .serve();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--batch-size",
        "4",
        "--retries",
        "2",
        "--retry-delay-ms",
        "1",
        "--all-certs",
        "-f",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    assert_eq!(
        records.len(),
        10,
        "--end defaults to the tree size from get-sth"
    );
    for (i, r) in records.iter().enumerate() {
        let details = r["findings"][0]["details"].as_str().unwrap_or("");
        if i < 8 {
            let code = if i < 4 { "HTTP 404" } else { "HTTP 503" };
            assert!(
                details.contains("could not fetch") && details.contains(code),
                "{r}"
            );
        } else {
            assert!(!details.contains("could not fetch"), "{r}");
        }
    }
    let requests = log.requests.lock().unwrap();
    assert_eq!(requests.iter().filter(|r| r.0 == 0).count(), 1);
    assert_eq!(requests.iter().filter(|r| r.0 == 4).count(), 3);
}

#[test]
fn shard_summaries_merge_into_the_summary_of_the_whole() {
    let (url, _log) = MockLog {
        entries: log_entries(20),
        max_page: 6,
        faults: HashMap::new(),
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 0,
        sth: None,
    }
    .serve();
    let dir = temp_dir("merge");
    let shard = |name: &str, start: &str, end: &str| -> PathBuf {
        let file = dir.join(name);
        let out = run(&[
            "ct",
            "--log-url",
            &url,
            "--start",
            start,
            "--end",
            end,
            "-f",
            "jsonl",
            "--summary-format",
            "json",
            "--summary-file",
            file.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        file
    };
    let whole = shard("whole.json", "0", "19");
    let a = shard("a.json", "0", "6");
    let b = shard("b.json", "7", "19");
    let merged = run(&["merge-summaries", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(merged.status.success());
    let merged: Value = serde_json::from_slice(&merged.stdout).unwrap();
    let whole: Value = serde_json::from_slice(&std::fs::read(whole).unwrap()).unwrap();
    assert_eq!(merged, whole);
    assert_eq!(whole["entries"], 20);

    let text = run(&["merge-summaries", "--format", "text", a.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&text.stdout).starts_with("Summary: 7 entries"));
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    let refused = run(&["merge-summaries", bad.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn lint_takes_the_summary_options_too() {
    let dir = temp_dir("lint-summary");
    let pem = dir.join("c.pem");
    std::fs::write(&pem, CertBuilder::subscriber("mailbox-strict").build_pem()).unwrap();
    let out = run(&["lint", "--summary", pem.to_str().unwrap()]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("Summary: 1 entries, 1 linted, 0 skipped"),
        "{stderr}"
    );
    assert!(stderr.contains("mailbox-strict"), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Summary:"));
}

#[test]
fn directories_are_read_in_order_and_missing_paths_are_fatal_records() {
    let dir = temp_dir("dir");
    let cert = smime();
    std::fs::create_dir_all(dir.join("pages/sub")).unwrap();
    let page = json!({"entries": [x509_entry(&cert), x509_entry(&cert)]}).to_string();
    std::fs::write(dir.join("pages/b.json"), &page).unwrap();
    std::fs::write(dir.join("pages/a.json"), &page).unwrap();
    std::fs::write(dir.join("pages/sub/c.json"), &page).unwrap();
    let missing = dir.join("missing.json");
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        dir.join("pages").to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "an unreadable path exits 2");
    let names: Vec<String> = jsonl(&out)
        .iter()
        .map(|r| r["input"].as_str().unwrap().to_string())
        .collect();
    let p = |f: &str| dir.join("pages").join(f).display().to_string();
    assert_eq!(
        names,
        [
            format!("{}@0", p("a.json")),
            format!("{}@1", p("a.json")),
            format!("{}@2", p("b.json")),
            format!("{}@3", p("b.json")),
            format!("{}@4", p("sub/c.json")),
            format!("{}@5", p("sub/c.json")),
            missing.display().to_string(),
        ]
    );
}

#[test]
fn oversized_pages_and_extra_entries_do_not_change_the_record_count() {
    // A log that answers with more entries than asked for: the extras are ignored.
    let (url, _log) = MockLog {
        entries: log_entries(12),
        max_page: 100,
        faults: HashMap::new(),
        requests: Mutex::new(Vec::new()),
        overfill: true,
        padding: 0,
        sth: None,
    }
    .serve();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--start",
        "1",
        "--end",
        "6",
        "--batch-size",
        "2",
        "--all-certs",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
    ]);
    let records = jsonl(&out);
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            r["input"]
                .as_str()
                .unwrap()
                .rsplit('@')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["1", "2", "3", "4", "5", "6"], "{records:?}");

    // A page larger than --max-page-size is refused without retrying: one fatal record per
    // index it should have carried, and memory bounded by the limit.
    let (url, log) = MockLog {
        entries: log_entries(6),
        max_page: 100,
        faults: HashMap::new(),
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 200_000,
        sth: None,
    }
    .serve();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--start",
        "0",
        "--end",
        "5",
        "--batch-size",
        "3",
        "--max-page-size",
        "100000",
        "--retry-delay-ms",
        "1",
        "--all-certs",
        "-f",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let records = jsonl(&out);
    assert_eq!(records.len(), 6);
    for r in &records {
        let details = r["findings"][0]["details"].as_str().unwrap_or("");
        assert!(details.contains("larger than 100000 bytes"), "{r}");
    }
    let requests = log.requests.lock().unwrap();
    assert_eq!(requests.len(), 2, "not retried: {requests:?}");
}

/// The fields of a record's findings as (lint, status).
fn lint_statuses(r: &Value) -> Vec<(String, String)> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["lint"].as_str().unwrap().to_string(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_oversized_field_is_one_fatal_record_and_the_next_entry_is_read() {
    let dir = temp_dir("oversized");
    let cert = smime();
    let big_extra = encode::x509_extra(&[&vec![0x30; 20_000]]);
    let big_leaf = encode::x509_leaf(1, &vec![0x30; 20_000]);
    let response = json!({"entries": [
        encode::entry_json(&encode::x509_leaf(1, &cert), &big_extra),
        x509_entry(&cert),
        encode::entry_json(&big_leaf, &encode::x509_extra(&[])),
        x509_entry(&cert),
    ]});
    let file = dir.join("page.json");
    std::fs::write(&file, response.to_string()).unwrap();
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        "--max-extra-data-size",
        "10000",
        "--max-leaf-size",
        "15000",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let records = jsonl(&out);
    assert_eq!(records.len(), 4, "{records:?}");
    let details = |r: &Value| {
        r["findings"][0]["details"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(
        details(&records[0]).contains("extra_data of"),
        "{}",
        records[0]
    );
    assert!(details(&records[0]).contains("--max-extra-data-size"));
    assert_eq!(records[0]["findings"][0]["status"], "fatal");
    assert_eq!(records[1]["findings"], json!([]));
    assert!(
        details(&records[2]).contains("leaf_input of"),
        "{}",
        records[2]
    );
    assert_eq!(records[3]["findings"], json!([]));
    // The same entries under the default caps (1 MiB, 4 MiB) are read whole.
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        file.to_str().unwrap(),
    ]);
    let records = jsonl(&out);
    assert_eq!(records.len(), 4);
    assert!(
        !details(&records[0]).contains("extra_data of"),
        "{}",
        records[0]
    );
}

#[test]
fn a_lying_log_stops_the_scan_after_failures_in_a_row() {
    // get-sth claims 2^63 entries and every get-entries is refused.
    let (url, log) = MockLog {
        entries: Vec::new(),
        max_page: 100,
        faults: HashMap::new(),
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 0,
        sth: Some(1 << 63),
    }
    .serve();
    let started = std::time::Instant::now();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--batch-size",
        "4",
        "--max-failures",
        "3",
        "-f",
        "jsonl",
        "--summary-format",
        "json",
    ]);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(2));
    let records = jsonl(&out);
    // Three failed chunks of four entries, each index a fatal record, then nothing more.
    assert_eq!(records.len(), 12, "{records:?}");
    let base = url.trim_end_matches('/');
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["input"], format!("{base}@{i}"));
        assert!(r["findings"][0]["details"]
            .as_str()
            .unwrap()
            .contains("HTTP 400"));
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scan stopped early: 3 failures in a row"),
        "{stderr}"
    );
    assert!(
        stderr.contains("the range is clamped to 1099511627776 entries"),
        "{stderr}"
    );
    let summary_text = stderr
        .lines()
        .filter(|l| !l.starts_with("smimelint:"))
        .collect::<Vec<_>>()
        .join("\n");
    let summary: Value = serde_json::from_str(&summary_text).expect("JSON summary");
    assert!(summary["stopped"]
        .as_str()
        .unwrap()
        .contains("--max-failures"));
    assert!(log.requests.lock().unwrap().len() < 40);

    // Entries that never decode count as failures too; one good entry resets the count.
    let mut garbage = vec![raw_entry(b"\x00\x00junk"); 5];
    garbage[2] = x509_entry(&smime());
    let (url, _log) = MockLog {
        entries: garbage.clone().into_iter().cycle().take(400).collect(),
        max_page: 100,
        faults: HashMap::new(),
        requests: Mutex::new(Vec::new()),
        overfill: false,
        padding: 0,
        sth: None,
    }
    .serve();
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--max-failures",
        "4",
        "--all-certs",
        "-f",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    // Two bad, one good, then bad entries 3, 4, 5, 6: stops inside the first page (of 100),
    // which is still written whole.
    assert_eq!(jsonl(&out).len(), 100);
    let out = run(&[
        "ct",
        "--log-url",
        &url,
        "--max-failures",
        "0",
        "--all-certs",
        "-f",
        "jsonl",
    ]);
    assert_eq!(jsonl(&out).len(), 400, "0 never stops");
}

#[test]
fn precert_and_chain_problems_are_findings_of_their_own() {
    let dir = temp_dir("precert");
    let base = CertBuilder::subscriber("mailbox-strict");
    let precert = base.clone().ext(&oid::CT_POISON, true, der::null()).build();
    // The leaf was logged for another subject than the precertificate carried.
    let other = base.clone().subject(&[("CN", "someone else")]).build_tbs();
    let substituted = encode::entry_json(
        &encode::precert_leaf(1, &[0x11; 32], &other),
        &encode::precert_extra(&precert, &[]),
    );
    let cert = smime();
    let mut broken_chain = encode::x509_extra(&[&cert]);
    broken_chain.truncate(broken_chain.len() - 10);
    let chain_entry = encode::entry_json(&encode::x509_leaf(1, &cert), &broken_chain);
    let response = json!({"entries": [precert_entry(), substituted, chain_entry]});
    let file = dir.join("page.json");
    std::fs::write(&file, response.to_string()).unwrap();
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        file.to_str().unwrap(),
    ]);
    let records = jsonl(&out);
    assert_eq!(records.len(), 3);
    let pair = |l: &str, s: &str| (l.to_string(), s.to_string());
    assert_eq!(
        lint_statuses(&records[0]),
        [pair("n_smime_unlisted_extension", "notice")]
    );
    assert_eq!(
        lint_statuses(&records[1]),
        [
            pair("n_smime_unlisted_extension", "notice"),
            pair("e_ct_precert_tbs_mismatch", "error")
        ]
    );
    assert!(records[1]["findings"][1]["details"]
        .as_str()
        .unwrap()
        .contains("subject differs"));
    // The leaf is linted (clean) and the chain problem reported beside it.
    assert_eq!(records[2]["form"], "certificate");
    assert_eq!(
        lint_statuses(&records[2]),
        [pair("e_ct_chain_invalid", "error")]
    );
    // With passes listed, the finding takes the place of the lint's pass.
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        "--all",
        file.to_str().unwrap(),
    ]);
    let records = jsonl(&out);
    let statuses: Vec<_> = lint_statuses(&records[2])
        .into_iter()
        .filter(|(l, _)| l == "e_ct_chain_invalid")
        .collect();
    assert_eq!(statuses, [pair("e_ct_chain_invalid", "error")]);
    // Excluded like any lint.
    let out = run(&[
        "ct",
        "-f",
        "jsonl",
        "--fail-on",
        "never",
        "--exclude",
        "e_ct_*",
        file.to_str().unwrap(),
    ]);
    let records = jsonl(&out);
    assert_eq!(records[2]["findings"], json!([]));
}

#[test]
fn the_ct_entries_fuzz_corpus_replays() {
    use smimelint::ct::reader::{read_all, EntryLimits};
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/ct_entries");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/corpus/ct_entries")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "corpus missing: {files:?}");
    for path in &files {
        let data = std::fs::read(path).unwrap();
        let rest = &data[1..];
        for limits in [
            EntryLimits::default(),
            EntryLimits {
                leaf_input: 48,
                extra_data: 192,
            },
        ] {
            let items = read_all("fuzz", rest, 0, &Default::default(), &limits);
            assert!(!items.is_empty(), "{}", path.display());
        }
    }
    // The seed page is three good entries.
    let page = std::fs::read(dir.join("page")).unwrap();
    let items = read_all(
        "fuzz",
        &page[1..],
        0,
        &Default::default(),
        &EntryLimits::default(),
    );
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|i| i.der.is_ok()), "{items:?}");
}
