//! No lost records: random mixtures of valid, truncated and garbage inputs go through framing,
//! the runner and every output format, and each format shows exactly one record per framed
//! input, in input order.

use proptest::prelude::*;
use smimelint::engine::Linter;
use smimelint::input::{frame, InputItem, Limits};
use smimelint::output::{sink, Format};
use smimelint::runner;
use std::sync::OnceLock;

/// Certificates to mix in: the committed samples and malformed suite.
fn pool() -> &'static [Vec<u8>] {
    static POOL: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    POOL.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
        let mut out = Vec::new();
        for dir in ["certs", "malformed"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("testdata")
                .map(|e| e.expect("entry").path())
                .filter(|p| p.extension().is_some_and(|x| x != "json"))
                .collect();
            paths.sort();
            for p in paths {
                let bytes = std::fs::read(&p).expect("sample");
                for item in frame("pool", &bytes[..], Limits::default()) {
                    out.extend(item.der.ok());
                }
            }
        }
        assert!(out.len() > 100);
        out
    })
}

/// One input stream (one "file").
#[derive(Clone, Debug)]
enum Blob {
    Der(usize),
    Pem(usize),
    /// DER cut after this many bytes.
    CutDer(usize, usize),
    /// PEM cut after this many characters (often losing its END line).
    CutPem(usize, usize),
    Garbage(Vec<u8>),
    /// Several PEM blocks in one stream, with text between them.
    Bundle(Vec<Block>),
}

#[derive(Clone, Debug)]
enum Block {
    Cert(usize),
    CutCert(usize, usize),
    BadBase64,
    OtherLabel,
}

fn pem_of(label: &str, der: &[u8]) -> String {
    smimelint_factory::pem(label, der)
}

impl Blob {
    fn bytes(&self) -> Vec<u8> {
        let p = pool();
        let cert = |i: &usize| &p[i % p.len()];
        match self {
            Blob::Der(i) => cert(i).clone(),
            Blob::Pem(i) => pem_of("CERTIFICATE", cert(i)).into_bytes(),
            Blob::CutDer(i, cut) => {
                let c = cert(i);
                c[..cut % c.len()].to_vec()
            }
            Blob::CutPem(i, cut) => {
                let s = pem_of("CERTIFICATE", cert(i)).into_bytes();
                s[..cut % s.len()].to_vec()
            }
            Blob::Garbage(g) => g.clone(),
            Blob::Bundle(blocks) => {
                let mut s = String::from("Bundle of certificates\n");
                for b in blocks {
                    match b {
                        Block::Cert(i) => s += &pem_of("CERTIFICATE", cert(i)),
                        Block::CutCert(i, cut) => {
                            let c = cert(i);
                            s += &pem_of("CERTIFICATE", &c[..cut % c.len()]);
                        }
                        Block::BadBase64 => {
                            s += "-----BEGIN CERTIFICATE-----\n!!!!not base64\n-----END CERTIFICATE-----\n"
                        }
                        Block::OtherLabel => s += &pem_of("PRIVATE KEY", b"\x30\x03\x02\x01\x00"),
                    }
                    s += "subject=CN = somebody\n";
                }
                s.into_bytes()
            }
        }
    }

    /// Items the framer must yield for this blob, when known independently of the framer.
    fn expected_items(&self) -> Option<usize> {
        match self {
            Blob::Der(_) | Blob::Pem(_) | Blob::CutDer(..) | Blob::Garbage(_) => Some(1),
            Blob::Bundle(blocks) => Some(blocks.len().max(1)),
            Blob::CutPem(..) => None,
        }
    }
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        4 => any::<usize>().prop_map(Block::Cert),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, c)| Block::CutCert(i, c)),
        1 => Just(Block::BadBase64),
        1 => Just(Block::OtherLabel),
    ]
}

fn blob() -> impl Strategy<Value = Blob> {
    prop_oneof![
        3 => any::<usize>().prop_map(Blob::Der),
        3 => any::<usize>().prop_map(Blob::Pem),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, c)| Blob::CutDer(i, c)),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, c)| Blob::CutPem(i, c)),
        2 => proptest::collection::vec(any::<u8>(), 0..300).prop_map(Blob::Garbage),
        2 => proptest::collection::vec(block(), 1..5).prop_map(Blob::Bundle),
    ]
}

/// Frames every blob as its own stream named `s{i}`.
fn framed(blobs: &[(Blob, Vec<u8>)]) -> Vec<InputItem> {
    blobs
        .iter()
        .enumerate()
        .flat_map(|(i, (_, bytes))| {
            frame(&format!("s{i}"), &bytes[..], Limits::default()).collect::<Vec<_>>()
        })
        .collect()
}

/// Fields of RFC 4180 records (quoted fields may hold commas, quotes and newlines).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

/// Input names of consecutive distinct records.
fn runs(names: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        if out.last() != Some(&n) {
            out.push(n);
        }
    }
    out
}

fn render(linter: &Linter, items: Vec<InputItem>, format: Format) -> (usize, String) {
    let mut buf = Vec::new();
    let stats = {
        let mut s = sink(format, Box::new(&mut buf), false);
        runner::run(linter, items.into_iter(), s.as_mut()).expect("run")
    };
    (stats.records, String::from_utf8(buf).expect("utf-8 output"))
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fn check(blobs: Vec<Blob>) -> Result<(), TestCaseError> {
    let blobs: Vec<(Blob, Vec<u8>)> = blobs
        .into_iter()
        .map(|b| {
            let bytes = b.bytes();
            (b, bytes)
        })
        .collect();
    // Framing: one item per certificate-like unit, as the blob's construction predicts.
    for (i, (blob, bytes)) in blobs.iter().enumerate() {
        let n = frame(&format!("s{i}"), &bytes[..], Limits::default()).count();
        prop_assert!(n >= 1, "blob {i} yields no item");
        if let Some(want) = blob.expected_items() {
            prop_assert_eq!(n, want, "blob {} {:?}", i, blob);
        }
    }
    let names: Vec<String> = framed(&blobs).into_iter().map(|i| i.name).collect();
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    prop_assert_eq!(unique.len(), names.len(), "names identify records");

    let (records, out) = render(linter(), framed(&blobs), Format::Jsonl);
    prop_assert_eq!(records, names.len());
    let got: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("one object per line");
            v["input"].as_str().expect("input").to_string()
        })
        .collect();
    prop_assert_eq!(&got, &names, "jsonl");

    let (records, out) = render(linter(), framed(&blobs), Format::Json);
    prop_assert_eq!(records, names.len());
    let v: serde_json::Value = serde_json::from_str(&out).expect("one JSON array");
    let got: Vec<String> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["input"].as_str().expect("input").to_string())
        .collect();
    prop_assert_eq!(&got, &names, "json");

    let (records, out) = render(linter(), framed(&blobs), Format::Csv);
    prop_assert_eq!(records, names.len());
    let rows = csv_records(&out);
    prop_assert_eq!(
        &rows[0],
        &["input", "sha256", "type", "lint", "status", "citation", "details"]
    );
    prop_assert!(rows[1..].iter().all(|r| r.len() == 7), "7 fields per row");
    let got = runs(rows[1..].iter().map(|r| r[0].clone()));
    prop_assert_eq!(&got, &names, "csv");

    let (records, out) = render(linter(), framed(&blobs), Format::Text);
    prop_assert_eq!(records, names.len());
    let headers: Vec<String> = out
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .map(str::to_string)
        .collect();
    let (summary, headers) = headers.split_last().expect("summary line");
    prop_assert!(
        summary.starts_with(&format!("{} certificate(s)", names.len())),
        "{}",
        summary
    );
    prop_assert_eq!(headers.len(), names.len(), "text headers");
    for (h, n) in headers.iter().zip(&names) {
        prop_assert!(h.starts_with(&format!("{n}  ")), "{} for {}", h, n);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn every_framed_input_is_one_record_in_order_in_every_format(
        blobs in proptest::collection::vec(blob(), 1..16)
    ) {
        check(blobs)?;
    }
}

#[test]
fn a_fixed_mixture_is_complete() {
    check(vec![
        Blob::Der(0),
        Blob::Garbage(b"\x30\x82\xff\xff".to_vec()),
        Blob::Garbage(Vec::new()),
        Blob::CutPem(3, 500),
        Blob::Bundle(vec![
            Block::Cert(1),
            Block::BadBase64,
            Block::OtherLabel,
            Block::CutCert(2, 40),
        ]),
        Blob::Pem(5),
    ])
    .expect("complete");
}

/// Runs `items` through the runner inside a pool of `threads` threads (1 = the inline path,
/// more = the pipelined one), skipping root CAs, and returns the jsonl output and the stats.
fn run_on(threads: usize, items: Vec<InputItem>) -> (String, runner::RunStats, usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let skip_roots = |c: &smimelint::cert::Cert<'_>| {
        (c.is_ca() && c.issuer.map(|t| t.raw) == c.subject.map(|t| t.raw))
            .then_some("self-issued CA")
    };
    let opts = runner::RunOptions {
        skip: Some(&skip_roots),
        issuers: true,
        flush_each_record: false,
        one_thread: false,
    };
    let mut buf = Vec::new();
    let mut batches = 0;
    let stats = pool.install(|| {
        let mut s = sink(Format::Jsonl, Box::new(&mut buf), false);
        runner::run_with(linter(), items.into_iter(), s.as_mut(), opts, &mut |e| {
            if matches!(e, runner::Event::Batch) {
                batches += 1;
            }
        })
        .expect("run")
    });
    (String::from_utf8(buf).expect("utf-8"), stats, batches)
}

#[test]
fn one_thread_and_two_threads_write_the_same_records_in_the_same_order() {
    // Several chunks' worth: certificates, garbage and truncated inputs interleaved.
    let blobs: Vec<(Blob, Vec<u8>)> = (0..1300)
        .map(|i| match i % 5 {
            0 => Blob::Garbage(vec![0x30, 0x82, (i % 251) as u8]),
            1 => Blob::CutDer(i, 100 + i % 300),
            _ => Blob::Der(i),
        })
        .map(|b| {
            let bytes = b.bytes();
            (b, bytes)
        })
        .collect();
    let (one, one_stats, one_batches) = run_on(1, framed(&blobs));
    let (two, two_stats, _) = run_on(2, framed(&blobs));
    assert_eq!(one, two);
    assert_eq!(one_stats.records, two_stats.records);
    assert_eq!(one_stats.skipped, two_stats.skipped);
    assert_eq!(one_stats.by_worst, two_stats.by_worst);
    let skipped: usize = one_stats.skipped.values().sum();
    assert!(skipped > 0, "the sample pool holds root CAs");
    assert_eq!(one_stats.records + skipped, 1300);
    assert_eq!(one.lines().count(), one_stats.records);
    // The inline path flushes once per chunk of 512 inputs and at the end.
    assert_eq!(one_batches, 1300usize.div_ceil(runner::CHUNK));
}
