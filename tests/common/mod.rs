//! Helpers shared by the tests that read pkilint's test corpus.
// Each test crate uses a subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared/corpus/pkilint-tests`, when present.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pkilint-tests");
    dir.is_dir().then_some(dir)
}

/// Every corpus certificate, as `type/generation/name`, sorted.
pub fn all_stems(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for v in std::fs::read_dir(root).expect("corpus").flatten() {
        for g in std::fs::read_dir(v.path()).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(g.path()).into_iter().flatten().flatten() {
                let p = f.path();
                if p.extension().is_some_and(|e| e == "pem") {
                    let rel = p.strip_prefix(root).expect("inside the corpus");
                    out.push(rel.with_extension("").to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    out.sort();
    out
}
