//! Per-certificate cost of each stage, single-threaded, on the mixed testdata corpus
//! (`testdata/certs/*.pem`: every type and generation, RSA/EC/EdDSA/ML-DSA/ML-KEM keys, root
//! and subordinate CAs, clean and defective certificates).
//!
//!     cargo bench --bench lint
//!
//! One iteration processes the whole corpus once; divan prints the time per iteration and,
//! from the item counter, certificates per second. Divide the time by the corpus size (printed
//! first) for the time per certificate.

use smimelint::cert::{Cert, Ext};
use smimelint::detect::{self, DetectOptions};
use smimelint::engine::{self, Linter};
use smimelint::verify;
use smimelint::walk::Walker;
use std::hint::black_box;

fn main() {
    let n = corpus().len();
    println!("corpus: {n} certificates from testdata/certs/*.pem");
    divan::main();
}

/// The DER of every certificate in `testdata/certs`, in file-name order.
fn corpus() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/certs");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("testdata/certs")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "pem"))
        .collect();
    paths.sort();
    let mut ders = Vec::new();
    for p in paths {
        let data = std::fs::read(&p).expect("read certificate");
        let name = p.display().to_string();
        for item in engine::frame_bytes(&name, &data, Default::default()) {
            ders.push(item.der.expect("testdata certificates frame"));
        }
    }
    assert!(ders.len() >= 50, "corpus too small: {}", ders.len());
    ders
}

/// Runs `per_cert` over the whole corpus as one iteration.
fn over_corpus(bencher: divan::Bencher, per_cert: impl Fn(&[u8]) + Sync) {
    let ders = corpus();
    bencher
        .counter(divan::counter::ItemsCount::new(ders.len()))
        .bench(|| {
            for der in &ders {
                per_cert(black_box(der));
            }
        });
}

/// (a) The lenient DER walk of the whole certificate: every TLV, X.690 checks, no decoding.
#[divan::bench(max_time = 3)]
fn a_walk(bencher: divan::Bencher) {
    over_corpus(bencher, |der| {
        let mut w = Walker::new();
        black_box(w.walk_single(der, 0, "certificate"));
        black_box(w.violations);
    });
}

/// SHA-256 of the input, as every result record carries it.
#[divan::bench(max_time = 3)]
fn a_sha256(bencher: divan::Bencher) {
    over_corpus(bencher, |der| {
        black_box(engine::sha256_hex(der));
    });
}

/// `Cert::parse`: the walk (certificate and every extnValue), the skeleton, and the strict
/// x509-cert decode of every field and known extension.
#[divan::bench(max_time = 3)]
fn b_parse(bencher: divan::Bencher) {
    over_corpus(bencher, |der| {
        black_box(Cert::parse(der).ok());
    });
}

/// (b) The full decode: `Cert::parse` plus every lazily decoded view forced.
#[divan::bench(max_time = 3)]
fn b_decode_all(bencher: divan::Bencher) {
    over_corpus(bencher, |der| {
        let Ok(cert) = Cert::parse(der) else { return };
        force_views(&cert);
        black_box(&cert);
    });
}

/// Reference floor: x509-cert's strict `Certificate::from_der` alone (it rejects part of the
/// defective corpus outright, which is why smimelint does not rely on it).
#[divan::bench(max_time = 3)]
fn b_x509_cert_from_der(bencher: divan::Bencher) {
    use der::Decode;
    over_corpus(bencher, |der| {
        black_box(x509_cert::Certificate::from_der(der).ok());
    });
}

/// Parse plus kind/type detection (including the self-signature check of root candidates).
#[divan::bench(max_time = 3)]
fn b_detect(bencher: divan::Bencher) {
    let opts = DetectOptions::default();
    over_corpus(bencher, |der| {
        let Ok(cert) = Cert::parse(der) else { return };
        black_box(detect::detect(&cert, &opts));
    });
}

/// (c) The full lint set: `Linter::lint_der`, exactly what the CLI runs per certificate.
#[divan::bench(max_time = 3)]
fn c_lint_der(bencher: divan::Bencher) {
    let linter = Linter::default();
    over_corpus(bencher, |der| {
        black_box(linter.lint_der(String::new(), der));
    });
}

/// The full lint set plus the jsonl record, into a reused buffer.
#[divan::bench(max_time = 3)]
fn c_lint_der_jsonl(bencher: divan::Bencher) {
    let linter = Linter::default();
    let buf = std::sync::Mutex::new(Vec::with_capacity(1 << 16));
    over_corpus(bencher, |der| {
        let result = linter.lint_der(String::new(), der);
        let mut out = buf.lock().expect("buffer");
        out.clear();
        serde_json::to_writer(&mut *out, &result).expect("serialise");
        black_box(out.len());
    });
}

/// What a root costs the first time it is seen: the self-signature verification that tells a
/// root from a self-issued subordinate CA (cached per root afterwards; see `verify.rs`). One
/// iteration parses and verifies every self-issued CA certificate of the corpus once, uncached.
#[divan::bench(max_time = 3)]
fn d_root_self_signature_uncached(bencher: divan::Bencher) {
    let ders: Vec<Vec<u8>> = corpus()
        .into_iter()
        .filter(|d| Cert::parse(d).is_ok_and(|c| c.is_ca() && c.is_self_issued()))
        .collect();
    bencher
        .counter(divan::counter::ItemsCount::new(ders.len()))
        .bench(|| {
            for der in &ders {
                let cert = Cert::parse(der).expect("parses");
                let Some(Ok(spki)) = cert.spki_view() else {
                    continue;
                };
                black_box(verify::verify_cert(&cert, spki));
            }
        });
}

fn force_views(cert: &Cert<'_>) {
    black_box(cert.subject_name());
    black_box(cert.issuer_name());
    black_box(cert.spki_view());
    black_box(cert.policies().is_present());
    black_box(cert.eku().is_present());
    black_box(cert.basic_constraints().is_present());
    black_box(cert.san().is_present());
    black_box(cert.key_usage().is_present());
    black_box(cert.crl_distribution_points().is_present());
    black_box(cert.aia().is_present());
    black_box(cert.aki().is_present());
    black_box(cert.ski().is_present());
    black_box(matches!(cert.basic_constraints(), Ext::Present(..)));
}
