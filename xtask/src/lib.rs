//! Developer commands for smimelint, run as `cargo xtask COMMAND` (alias in `.cargo/config.toml`).
//! Not part of the product: nothing in the workspace depends on this crate.

pub mod differential;
pub mod new_lint;

use std::path::{Path, PathBuf};

/// The repository root: the nearest directory at or above `start` holding `lints/src/lib.rs`.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|d| d.join("lints/src/lib.rs").is_file())
        .map(Path::to_path_buf)
}
