//! What each fuzz input costs on the lint path: every file is linted (as the `lint_der` fuzz
//! target does, or as the `mutate_cert` target does with `--mutate`), the fastest of three runs
//! is kept, and every input over the threshold is listed with the step that spent the time.
//!
//!     fuzz/replay-costs.sh        # every corpus, with the build options below
//!     cargo run --example replay_costs --config 'profile.dev.package.smimelint.opt-level=3' \
//!         -- [--mutate] [--ms 10] fuzz/corpus/lint_der fuzz/corpus-work/lint_der ...
//!
//! libFuzzer reports slow units in whole seconds; this finds the ones between 10 ms and 1 s.
//! Single-threaded; no sanitizer, so the times are those of an ordinary build.

use smimelint::cert::Cert;
use smimelint::detect::{self, DetectOptions};
use smimelint::engine::{self, Linter};
use smimelint::lint_context::LintContext;
use smimelint_factory::mutate;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

fn files(args: &[String]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for a in args {
        let p = PathBuf::from(a);
        if p.is_dir() {
            let mut v: Vec<PathBuf> = std::fs::read_dir(&p)
                .unwrap_or_else(|e| panic!("{a}: {e}"))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            v.sort();
            out.extend(v);
        } else {
            out.push(p);
        }
    }
    out
}

fn secs(f: impl Fn()) -> f64 {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Where the time of one slow input goes: parsing, detection, and each lint run first on a
/// freshly parsed certificate (so a lint that decodes a view pays for the decoding).
fn breakdown(der: &[u8]) -> Vec<(f64, String)> {
    let mut steps = vec![(
        secs(|| {
            black_box(Cert::parse(der).ok());
        }),
        "parse".to_string(),
    )];
    let Ok(cert) = Cert::parse(der) else {
        return steps;
    };
    steps.push((
        secs(|| {
            black_box(detect::detect(&cert, &DetectOptions::default()));
        }),
        "detect".to_string(),
    ));
    let linter = Linter::default();
    for lint in linter.lints() {
        let t = secs(|| {
            let cert = Cert::parse(der).expect("parsed above");
            let ctx = LintContext {
                cert: &cert,
                profile: detect::detect(&cert, &DetectOptions::default()),
                at: cert.not_before_time().unwrap_or(0),
                issuer: None,
                constraints: None,
                facts: Default::default(),
            };
            black_box(engine::evaluate(lint, &ctx));
        });
        steps.push((t, lint.name.to_string()));
    }
    steps.sort_by(|a, b| b.0.total_cmp(&a.0));
    steps.truncate(4);
    steps
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let scripted = args.iter().any(|a| a == "--mutate");
    args.retain(|a| a != "--mutate");
    let mut threshold = 0.010;
    if let Some(i) = args.iter().position(|a| a == "--ms") {
        threshold = args[i + 1].parse::<f64>().expect("--ms N") / 1000.0;
        args.drain(i..=i + 1);
    }
    let paths = files(&args);
    assert!(
        !paths.is_empty(),
        "usage: replay_costs [--mutate] [--ms N] DIR|FILE..."
    );
    let linter = Linter::default();
    let bases = mutate::bases();
    let mut costs = Vec::with_capacity(paths.len());
    let start = Instant::now();
    for path in &paths {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let der = if scripted {
            match mutate::split_input(&bases, &data) {
                Some((base, script)) => mutate::mutate(base, script),
                None => continue,
            }
        } else {
            data
        };
        let t = secs(|| {
            black_box(linter.lint_der("replay".into(), &der));
        });
        costs.push((t, path, der));
    }
    let total = start.elapsed().as_secs_f64();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "{} inputs in {total:.1} s (3 runs each); slowest {:.3} ms; median {:.3} ms",
        costs.len(),
        costs.first().map_or(0.0, |c| c.0 * 1e3),
        costs.get(costs.len() / 2).map_or(0.0, |c| c.0 * 1e3),
    );
    let slow: Vec<_> = costs.iter().filter(|c| c.0 > threshold).collect();
    println!("{} over {:.0} ms", slow.len(), threshold * 1e3);
    for (t, path, der) in slow.iter().copied() {
        let steps: Vec<String> = breakdown(der)
            .iter()
            .map(|(s, name)| format!("{name} {:.2} ms", s * 1e3))
            .collect();
        println!(
            "{:9.3} ms  {} ({} bytes): {}",
            t * 1e3,
            path.display(),
            der.len(),
            steps.join(", ")
        );
    }
    for (t, path, der) in costs.iter().skip(slow.len()).take(5) {
        println!(
            "{:9.3} ms  {} ({} bytes)",
            t * 1e3,
            path.display(),
            der.len()
        );
    }
}
