//! The full lint of arbitrary bytes, through every output format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::engine::Linter;
use std::sync::OnceLock;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fuzz_target!(|data: &[u8]| {
    let result = linter().lint_der("fuzz".into(), data);
    // The engine turns a panicking lint into this finding; for the fuzzer it is a crash.
    assert!(
        result.findings.iter().all(|f| f.lint != "e_internal_error"),
        "{:?}",
        result.findings
    );
    serde_json::to_vec(&result).expect("every record serialises");
});
