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

/// Name of the variable that lets a run without `../shared` pass, saying the shared tests did
/// not run. Never set in CI, where `../shared` exists.
pub const ALLOW_MISSING_SHARED: &str = "SMIMELINT_ALLOW_MISSING_SHARED";

/// A folder of the shared reference material: `$SMIMELINT_SHARED/<rel>` when that variable is
/// set, else `../shared/<rel>` beside the repository. `None` (after printing "not run") only when
/// it is absent and [`ALLOW_MISSING_SHARED`] is `1`; otherwise an absent folder fails the test.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("SMIMELINT_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = base.join(rel);
    if dir.is_dir() {
        return Some(dir);
    }
    let allowed = std::env::var(ALLOW_MISSING_SHARED).is_ok_and(|v| v == "1");
    eprintln!("NOT RUN: {} missing", dir.display());
    assert!(
        allowed,
        "{} missing: point SMIMELINT_SHARED at the shared folder, or set \
         {ALLOW_MISSING_SHARED}=1 to record this test as not run",
        dir.display()
    );
    None
}
