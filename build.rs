//! Tells the tests whether the shared reference corpus is beside the repository (`../shared`,
//! or `$SMIMELINT_SHARED`): the tests that read it are compiled as ignored ("not run") when it
//! is absent, so a clone without it reports them as not run instead of passing them. Likewise
//! for util-linux `script`, which gives the progress-bar tests a terminal.

use std::path::PathBuf;

/// util-linux `script`: runs a command on a pseudo-terminal and copies what it draws.
const SCRIPT: &str = "/usr/bin/script";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_corpus)");
    println!("cargo::rustc-check-cfg=cfg(pty_script)");
    println!("cargo::rerun-if-changed={SCRIPT}");
    if std::path::Path::new(SCRIPT).is_file() {
        println!("cargo::rustc-cfg=pty_script");
    }
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
