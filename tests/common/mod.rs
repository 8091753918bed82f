//! Helpers shared by the tests that read pkilint's test corpus (vendored in `testdata/pkilint/`)
//! and the reference material in `../shared/`.
// Each test crate uses a subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Certificates in pkilint 0.13.3's S/MIME test suite. A smaller count means files went missing,
/// and a corpus test over fewer files would pass without testing them.
pub const CORPUS_SIZE: usize = 97;

/// `testdata/pkilint`, pkilint's S/MIME test corpus as committed with the crate's tests.
pub fn corpus() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/pkilint");
    assert!(
        dir.is_dir(),
        "{} is missing: the pkilint corpus is part of the repository",
        dir.display()
    );
    dir
}

/// Every corpus certificate, as `type/generation/name`, sorted. Panics unless all
/// [`CORPUS_SIZE`] certificates are there, each with its `.expected.csv`.
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
    assert_eq!(
        out.len(),
        CORPUS_SIZE,
        "{}: expected {CORPUS_SIZE} certificates",
        root.display()
    );
    for stem in &out {
        let csv = root.join(format!("{stem}.expected.csv"));
        assert!(csv.is_file(), "{} is missing", csv.display());
    }
    out
}

/// A folder of the shared reference material: `$SMIMELINT_SHARED/<rel>` when that variable is
/// set, else `../shared/<rel>` beside the repository. Tests that call it are compiled as ignored
/// when the build script found no shared corpus (`cfg(shared_corpus)`), so here it must exist.
pub fn shared(rel: &str) -> PathBuf {
    let base = std::env::var_os("SMIMELINT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = base.join(rel);
    assert!(dir.is_dir(), "{} missing", dir.display());
    dir
}
