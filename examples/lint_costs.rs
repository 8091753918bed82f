//! Where the lint time goes: the cost of each lint's check, per certificate, on a corpus.
//!
//!     cargo run --profile profiling --example lint_costs -- testdata/certs/*.pem
//!
//! Every certificate is parsed and its shared views decoded once (a warm-up pass of all
//! lints); then each lint's `evaluate` is timed alone over the whole corpus, many rounds, and
//! the lints are listed costliest first with their share of the total. Single-threaded.

use smimelint::cert::Cert;
use smimelint::detect::{self, DetectOptions};
use smimelint::engine::{self, Linter};
use smimelint::lint_context::LintContext;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut ders = Vec::new();
    for path in std::env::args().skip(1) {
        let data = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        ders.extend(
            engine::frame_bytes(&path, &data, Default::default()).filter_map(|i| i.der.ok()),
        );
    }
    assert!(!ders.is_empty(), "usage: lint_costs FILE...");
    let certs: Vec<Cert<'_>> = ders.iter().filter_map(|d| Cert::parse(d).ok()).collect();
    let profiles: Vec<_> = certs
        .iter()
        .map(|cert| detect::detect(cert, &DetectOptions::default()))
        .collect();
    // A fresh context per evaluation: facts one lint derives for the others are then paid
    // by every lint that uses them, as by the first lint of a real run.
    let context = |i: usize| LintContext {
        cert: &certs[i],
        profile: profiles[i],
        at: certs[i].not_before_time().unwrap_or(0),
        issuer: None,
        constraints: None,
        facts: Default::default(),
    };
    let linter = Linter::default();
    for i in 0..certs.len() {
        for lint in linter.lints() {
            black_box(engine::evaluate(lint, &context(i)));
        }
    }
    let rounds = 200;
    let mut costs: Vec<(f64, &str)> = linter
        .lints()
        .iter()
        .map(|lint| {
            let start = Instant::now();
            for _ in 0..rounds {
                for i in 0..certs.len() {
                    black_box(engine::evaluate(lint, black_box(&context(i))));
                }
            }
            let ns = start.elapsed().as_nanos() as f64 / (rounds * certs.len()) as f64;
            (ns, lint.name)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = costs.iter().map(|c| c.0).sum();
    println!(
        "{} certificates, {} lints: {:.2} µs per certificate for all checks (views already decoded)",
        certs.len(),
        costs.len(),
        total / 1e3
    );
    for (ns, name) in costs.iter().take(25) {
        println!("{:>9.0} ns {:>5.1}%  {name}", ns, ns / total * 100.0);
    }
}
