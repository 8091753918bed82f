//! Real S/MIME certificates (`../shared/corpus/realworld/`: end-entity certificates from signed
//! mail in public archives, the issuing CA certificate where the signer shipped one, and
//! `index.tsv`) against a reviewed expectation file, `testdata/realworld-expected.tsv`.
//!
//! Each certificate is linted as the CLI lints it by default (type detected or guessed,
//! evaluation time notBefore), alone and, where its issuer is known, with that issuer. Every
//! run must give one record with no fatal finding; its findings (lint and status) must equal the
//! expectation file's rows. Every error and warning row carries a justification naming the SBR
//! or RFC section that the certificate violates, written by reading the certificate; a row whose
//! justification starts with `FALSE POSITIVE:` is a finding the text does not support, which
//! fails [`no_false_positives_on_real_certificates`] until the lint is fixed.
//!
//! `SMIMELINT_BLESS=1` rewrites the file from the current findings, keeping the justification of
//! every row that is still reported and leaving new error and warning rows unjustified (so the
//! test fails until someone writes one). The certificates stay in `../shared` (they are real
//! people's); set `SMIMELINT_SHARED` to read them from elsewhere. Without them the build script
//! leaves `cfg(shared_corpus)` unset and these tests are reported as ignored (not run).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use smimelint::engine::{issuer_from_bytes, CertResult, Linter, Options};
use smimelint::registry::Status;

/// Certificates in the real-world set (`index.tsv` rows).
const CERTIFICATES: usize = 138;
/// Of which shipped with their issuing CA certificate.
const WITH_ISSUER: usize = 122;

const HEADER: &str = "cert\tissuer\tlint\tstatus\tjustification";
/// The pseudo-lint row that records each run's detected certificate type, so that every run has
/// a row, findings or not.
const TYPE_ROW: &str = "(type)";
const FALSE_POSITIVE: &str = "FALSE POSITIVE:";

fn expected_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/realworld-expected.tsv")
}

fn bless() -> bool {
    std::env::var("SMIMELINT_BLESS").is_ok_and(|v| v == "1")
}

/// One row: (cert file name, "alone" | "with-issuer", lint, status).
type Key = (String, &'static str, String, String);

struct Entry {
    cert: String,
    issuer: Option<PathBuf>,
    path: PathBuf,
}

/// The index's certificates, in index order, checked against the folder.
fn entries(root: &Path) -> Vec<Entry> {
    let index = std::fs::read_to_string(root.join("index.tsv")).expect("index.tsv");
    let mut lines = index.lines();
    let head: Vec<&str> = lines.next().expect("index header").split('\t').collect();
    let col = |name: &str| {
        head.iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("index.tsv has no {name} column"))
    };
    let (cert_col, issuer_col) = (col("cert"), col("issuer"));
    let mut out = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let rel = cols[cert_col];
        let path = root.join(rel);
        assert!(path.is_file(), "{} is missing", path.display());
        let issuer = match cols[issuer_col] {
            "" | "-" => None,
            rel => {
                let p = root.join(rel);
                assert!(p.is_file(), "{} is missing", p.display());
                Some(p)
            }
        };
        let cert = Path::new(rel)
            .file_name()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        out.push(Entry { cert, issuer, path });
    }
    assert_eq!(out.len(), CERTIFICATES, "certificates in index.tsv");
    assert_eq!(
        out.iter().filter(|e| e.issuer.is_some()).count(),
        WITH_ISSUER,
        "certificates with an issuer"
    );
    out
}

/// Lints one file as the CLI does by default; exactly one record, nothing fatal.
fn lint_file(path: &Path, issuer: Option<Arc<[u8]>>) -> CertResult {
    let data = std::fs::read(path).expect("read certificate");
    let linter = Linter::new(Options {
        issuer,
        ..Default::default()
    });
    let mut records = linter.lint_encoded(&path.to_string_lossy(), &data);
    assert_eq!(
        records.len(),
        1,
        "{}: one record per certificate",
        path.display()
    );
    let r = records.pop().expect("one record");
    for f in &r.findings {
        assert!(
            f.status != Status::Fatal && f.lint != "e_internal_error",
            "{}: {} {:?}",
            path.display(),
            f.lint,
            f.details
        );
    }
    r
}

fn rows_of(cert: &str, mode: &'static str, r: &CertResult) -> Vec<Key> {
    let ty = r
        .cert_type
        .map(|t| t.to_string())
        .or_else(|| r.kind.map(|k| format!("{k:?}")))
        .unwrap_or_else(|| "-".into());
    let mut rows = vec![(cert.to_string(), mode, TYPE_ROW.to_string(), ty)];
    rows.extend(r.issues().map(|f| {
        (
            cert.to_string(),
            mode,
            f.lint.to_string(),
            f.status.as_str().to_string(),
        )
    }));
    rows
}

/// Every run's rows, in index order.
fn actual_rows(root: &Path) -> Vec<Key> {
    let mut rows = Vec::new();
    for e in entries(root) {
        rows.extend(rows_of(&e.cert, "alone", &lint_file(&e.path, None)));
        if let Some(issuer) = &e.issuer {
            let der = issuer_from_bytes(&std::fs::read(issuer).expect("read issuer"))
                .unwrap_or_else(|err| panic!("{}: {err}", issuer.display()));
            rows.extend(rows_of(
                &e.cert,
                "with-issuer",
                &lint_file(&e.path, Some(der)),
            ));
        }
    }
    rows
}

/// The expectation file's rows with their justifications, in file order.
fn expected_rows() -> Vec<(Key, String)> {
    let path = expected_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (generate it with SMIMELINT_BLESS=1)",
            path.display()
        )
    });
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some(HEADER), "header of {}", path.display());
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.splitn(5, '\t').collect();
            assert!(cols.len() >= 4, "malformed row: {l}");
            let mode = match cols[1] {
                "alone" => "alone",
                "with-issuer" => "with-issuer",
                m => panic!("row {l}: mode {m}"),
            };
            let key = (
                cols[0].to_string(),
                mode,
                cols[2].to_string(),
                cols[3].to_string(),
            );
            (key, cols.get(4).unwrap_or(&"").trim().to_string())
        })
        .collect()
}

fn needs_justification(status: &str) -> bool {
    matches!(status, "warn" | "error" | "fatal")
}

/// A justification names the section it rests on.
fn cites_a_section(j: &str) -> bool {
    ["SBR ", "RFC ", "X.690", "X.509", "CABF "]
        .iter()
        .any(|s| j.contains(s))
        && j.chars().any(|c| c.is_ascii_digit())
}

fn write_expected(actual: &[Key], old: &[(Key, String)]) {
    let mut kept: BTreeMap<&Key, &str> = BTreeMap::new();
    for (k, j) in old {
        if !j.is_empty() {
            kept.insert(k, j);
        }
    }
    let mut out = String::from(HEADER);
    out.push('\n');
    for k in actual {
        // The same finding on the same certificate has the same justification with or without
        // its issuer.
        let alone = (k.0.clone(), "alone", k.2.clone(), k.3.clone());
        let j = kept
            .get(k)
            .or_else(|| kept.get(&alone))
            .copied()
            .unwrap_or("");
        out.push_str(&format!("{}\t{}\t{}\t{}\t{}\n", k.0, k.1, k.2, k.3, j));
    }
    std::fs::write(expected_path(), out).expect("write expectation file");
}

#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "../shared/corpus/realworld is missing: not run"
)]
fn real_certificates_match_the_reviewed_findings() {
    let root = common::shared("corpus/realworld");
    let actual = actual_rows(&root);
    if bless() {
        let old = if expected_path().exists() {
            expected_rows()
        } else {
            Vec::new()
        };
        write_expected(&actual, &old);
    }
    let expected = expected_rows();
    let mut problems = Vec::new();
    let mut left: Vec<&Key> = expected.iter().map(|(k, _)| k).collect();
    for k in &actual {
        match left.iter().position(|e| *e == k) {
            Some(i) => {
                left.remove(i);
            }
            None => problems.push(format!("reported, not expected: {k:?}")),
        }
    }
    for k in left {
        problems.push(format!("expected, not reported: {k:?}"));
    }
    for ((cert, mode, lint, status), j) in &expected {
        if needs_justification(status) && !j.starts_with(FALSE_POSITIVE) && !cites_a_section(j) {
            problems.push(format!(
                "{cert} {mode} {lint} {status}: no justification naming its SBR or RFC section"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} differences from {} (after review, SMIMELINT_BLESS=1 rewrites it keeping the \
         justifications):\n{}",
        problems.len(),
        expected_path().display(),
        problems.join("\n")
    );
    println!(
        "{} rows for {CERTIFICATES} certificates ({WITH_ISSUER} also with their issuer) match",
        actual.len()
    );
}

/// All certificates framed and linted as one stream (the CLI's batch path): one record per
/// certificate, in input order, each the same certificate as when linted alone.
#[test]
#[cfg_attr(
    not(shared_corpus),
    ignore = "../shared/corpus/realworld is missing: not run"
)]
fn one_stream_gives_one_record_per_certificate_in_order() {
    let root = common::shared("corpus/realworld");
    let entries = entries(&root);
    let mut stream = Vec::new();
    let mut alone = Vec::new();
    for e in &entries {
        let data = std::fs::read(&e.path).expect("read certificate");
        stream.extend_from_slice(&data);
        stream.push(b'\n');
        alone.push(lint_file(&e.path, None).sha256.expect("framed"));
    }
    let records = Linter::default().lint_encoded("stream", &stream);
    assert_eq!(records.len(), entries.len(), "one record per certificate");
    for (i, (r, sha)) in records.iter().zip(&alone).enumerate() {
        assert_eq!(r.input, format!("stream#{}", i + 1));
        assert_eq!(r.sha256.as_ref(), Some(sha), "{}", entries[i].cert);
        assert!(r.findings.iter().all(|f| f.status != Status::Fatal));
    }
}

/// Findings reviewed as unsupported by the SBR text are bugs: this fails while any remain.
#[test]
fn no_false_positives_on_real_certificates() {
    let expected = expected_rows();
    let fp: Vec<String> = expected
        .iter()
        .filter(|(_, j)| j.starts_with(FALSE_POSITIVE))
        .map(|((cert, mode, lint, status), j)| format!("{cert} {mode} {lint} {status}: {j}"))
        .collect();
    assert!(
        fp.is_empty(),
        "{} findings on real certificates are false positives:\n{}",
        fp.len(),
        fp.join("\n")
    );
}

#[test]
fn justification_check() {
    assert!(cites_a_section(
        "subject:emailAddress is UTF8String; RFC 5280 4.1.2.6"
    ));
    assert!(cites_a_section("no mailbox in SAN, SBR 7.1.2.3(h)"));
    assert!(!cites_a_section("looks wrong"));
    assert!(!cites_a_section("SBR says so"));
    assert!(needs_justification("warn") && needs_justification("error"));
    assert!(!needs_justification("notice") && !needs_justification("mailbox-legacy"));
}
