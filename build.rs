//! Tells the tests whether the shared reference corpus is beside the repository (`../shared`,
//! or `$SMIMELINT_SHARED`): the tests that read it are compiled as ignored ("not run") when it
//! is absent, so a clone without it reports them as not run instead of passing them.

use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus)");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=SMIMELINT_SHARED");
    let base = std::env::var_os("SMIMELINT_SHARED").map_or_else(
        || PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap()).join("../shared"),
        PathBuf::from,
    );
    if base.join("corpus/realworld/index.tsv").is_file() {
        println!("cargo::rustc-cfg=shared_corpus");
    }
}
