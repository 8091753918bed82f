//! `testdata/` holds certificates the factory generates and the findings expected for each.
//! This test rebuilds every sample and lints the committed files. To regenerate after an
//! intended change: `SMIMELINT_BLESS=1 cargo test --test testdata`.

use smimelint::engine::Linter;
use smimelint_factory::samples::samples;
use std::collections::BTreeMap;
use std::path::Path;

fn bless() -> bool {
    std::env::var_os("SMIMELINT_BLESS").is_some()
}

/// "status lint" strings for every finding, sorted.
fn findings_of(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("read sample");
    let name = path.display().to_string();
    let mut items = smimelint::input::frame(&name, &bytes[..], Default::default());
    let item = items.next().expect("one item");
    assert!(items.next().is_none(), "{name}: one certificate per file");
    let mut v: Vec<String> = Linter::default()
        .lint_item(item)
        .issues()
        .map(|f| format!("{} {}", f.status.as_str(), f.lint))
        .collect();
    v.sort();
    v
}

#[test]
fn committed_samples_match_the_factory_and_their_expected_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let expected_path = root.join("expected.json");
    let mut actual: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for s in samples() {
        let path = root.join("certs").join(format!("{}.pem", s.name));
        let pem = s.pem();
        if bless() {
            std::fs::write(&path, &pem).expect("write sample");
        }
        let committed = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing: run with SMIMELINT_BLESS=1", path.display()));
        assert_eq!(
            committed, pem,
            "{} differs from the factory's output",
            s.name
        );
        actual.insert(s.name.clone(), findings_of(&path));
    }
    let json = serde_json::to_string_pretty(&actual).expect("json") + "\n";
    if bless() {
        std::fs::write(&expected_path, &json).expect("write expected");
    }
    let expected = std::fs::read_to_string(&expected_path).expect("testdata/expected.json");
    let expected: BTreeMap<String, Vec<String>> =
        serde_json::from_str(&expected).expect("expected.json parses");
    for (name, got) in &actual {
        assert_eq!(Some(got), expected.get(name), "findings of {name}");
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "expected.json lists exactly the samples"
    );
    // The clean samples are clean.
    for (name, got) in &actual {
        if !name.starts_with("bad-") {
            assert!(got.is_empty(), "{name} should be clean: {got:?}");
        }
    }
}
