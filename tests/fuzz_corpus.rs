//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) through framing, the DER walker
//! and the full lint, so CI guards every input the fuzzers found interesting without a nightly
//! toolchain or libFuzzer. Regression inputs for fixed crashes live in the same directories.

use smimelint::engine::Linter;
use smimelint::input::{frame, Limits};
use smimelint::walk::Walker;
use smimelint_factory::mutate;
use std::path::{Path, PathBuf};

const TARGETS: [&str; 4] = ["frame", "walk", "lint_der", "mutate_cert"];

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

/// Everything the fuzz targets do with one input, minus libFuzzer.
fn replay(linter: &Linter, name: &str, bytes: &[u8]) {
    let limits = Limits {
        max_cert_bytes: 4096,
        max_line_bytes: 1024,
        max_document_bytes: 8192,
    };
    for limits in [limits, Limits::default()] {
        let items: Vec<_> = frame(name, bytes, limits).collect();
        assert!(!items.is_empty(), "{name}: framing yields a record");
        for item in items {
            let r = linter.lint_item(item);
            assert!(!r.findings.is_empty() || r.sha256.is_some(), "{name}");
            assert!(
                r.findings.iter().all(|f| f.lint != "e_internal_error"),
                "{name}: {:?}",
                r.findings
            );
        }
    }
    let mut walker = Walker::new();
    walker.walk_single(bytes, 0, "corpus");
    walker.walk_all(bytes, 0, "corpus");
    let r = linter.lint_der(name.to_string(), bytes);
    assert!(
        r.findings.iter().all(|f| f.lint != "e_internal_error"),
        "{name}: {:?}",
        r.findings
    );
    serde_json::to_string(&r).expect("serialises");
}

#[test]
fn every_corpus_input_is_framed_walked_and_linted() {
    let linter = Linter::default();
    let bases = mutate::bases();
    let mut total = 0;
    for target in TARGETS {
        let files = corpus(target);
        assert!(
            files.len() >= 10,
            "{target}: corpus missing ({})",
            files.len()
        );
        for path in files {
            let data = std::fs::read(&path).expect("corpus file");
            let name = path.display().to_string();
            if target == "mutate_cert" {
                if let Some((base, script)) = mutate::split_input(&bases, &data) {
                    replay(&linter, &name, &mutate::mutate(base, script));
                }
            }
            replay(&linter, &name, &data);
            if target == "frame" {
                // The frame target reads the first byte as its read size.
                replay(&linter, &name, data.get(1..).unwrap_or_default());
            }
            total += 1;
        }
    }
    assert!(total >= 100, "{total} corpus files");
}
