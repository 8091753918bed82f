//! Structure-aware: the input is a script of TLV-tree mutations (tag, length form, content,
//! delete, duplicate, splice, swap, flatten) applied to a factory certificate, which is then
//! walked and linted.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smimelint::engine::Linter;
use smimelint_factory::mutate;
use std::sync::OnceLock;

fn bases() -> &'static [Vec<u8>] {
    static BASES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    BASES.get_or_init(mutate::bases)
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::default)
}

fuzz_target!(|data: &[u8]| {
    let Some((base, script)) = mutate::split_input(bases(), data) else {
        return;
    };
    let der = mutate::mutate(base, script);
    let result = linter().lint_der("fuzz".into(), &der);
    assert!(
        result.findings.iter().all(|f| f.lint != "e_internal_error"),
        "{:?}",
        result.findings
    );
});
