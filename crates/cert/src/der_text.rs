//! Pure helpers for the wording of findings: tag names, hex dumps and string-type checks.

pub use smimelint_der::walk::{hex, string_problem, tag, tag_name};
