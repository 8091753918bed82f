//! The generated documents under `docs/` are up to date with the lint registry and the
//! cross-reference data in `docs/xref/`: `docs/lints.md` (every lint, pkilint/zlint migration)
//! and the SBR coverage table in `docs/conformance.md`. After an intended change, regenerate with
//! `SMIMELINT_BLESS=1 cargo test --test docs`.

use smimelint::xref;
use std::path::Path;

fn bless() -> bool {
    std::env::var_os("SMIMELINT_BLESS").is_some()
}

/// Compares `generated` with the committed file, or writes it when blessing.
fn check(rel: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    if bless() {
        std::fs::write(&path, generated).expect("write generated document");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or(
                committed.lines().count().min(generated.lines().count()),
                |i| i,
            )
            + 1;
        panic!(
            "{rel} is out of date (first difference at line {line}): \
             run `SMIMELINT_BLESS=1 cargo test --test docs` to update it"
        );
    }
}

#[test]
fn cross_reference_is_complete() {
    let problems = xref::problems();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn lints_md_is_up_to_date() {
    check("docs/lints.md", &xref::lints_markdown());
}

#[test]
fn conformance_coverage_table_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conformance.md");
    let doc = std::fs::read_to_string(path).expect("docs/conformance.md");
    let generated =
        xref::with_coverage(&doc).expect("docs/conformance.md has the coverage markers");
    check("docs/conformance.md", &generated);
}

#[test]
fn every_pkilint_code_and_zlint_lint_is_in_the_migration_section() {
    let md = xref::lints_markdown();
    let pk = xref::pkilint();
    let zl = xref::zlint();
    assert_eq!(
        pk.len(),
        185,
        "pkilint 0.13.3 reports 185 distinct S/MIME codes"
    );
    assert!(
        zl.iter()
            .filter(|f| f.reason.is_none_or(|r| !r.starts_with("(former name)")))
            .count()
            >= 37
    );
    for f in pk.iter().chain(&zl) {
        assert!(md.contains(&format!("| `{}` |", f.id)), "{} missing", f.id);
    }
    // The metadata the JSON listing prints is what the tables are built from.
    let info = smimelint::meta::all();
    let ku = info
        .iter()
        .find(|i| i.name == "e_smime_key_usage_missing")
        .expect("lint");
    assert!(ku.zlint.contains(&"e_key_usage_presence"));
    assert!(ku
        .pkilint
        .contains(&"cabf.smime.key_usage_extension_missing"));
}

/// Which lints check a catalogued rule comes from the lints' `catalog` metadata.
#[test]
fn rule_lints_come_from_catalog_metadata() {
    let rules = smimelint::xref::sbr_rules();
    let rule = |id: &str| rules.iter().find(|r| r.id == id).expect("rule");
    assert_eq!(
        rule("e_smime_rfc5280_ca_aki_ski_presence").lints,
        [
            "e_smime_aki_key_identifier_missing",
            "e_smime_aki_missing",
            "e_smime_ca_ski_invalid",
            "e_smime_subca_aki_invalid"
        ]
    );
    assert_eq!(
        rule("e_smime_key_usage_missing").lints,
        ["e_smime_key_usage_missing"]
    );
    assert!(rule("process_mpic").lints.is_empty());
    assert!(rules.iter().all(|r| r.stray.is_none()));
}

/// The CRL and OCSP coverage table of `docs/conformance.md` names every CRL and OCSP lint (those
/// that check no certificate), and every lint name it gives exists.
#[test]
fn crl_and_ocsp_coverage_names_every_lint() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conformance.md");
    let doc = std::fs::read_to_string(path).expect("docs/conformance.md");
    let start = doc
        .find("### Coverage of the CRL and OCSP rules")
        .expect("the coverage section");
    let end = doc[start..]
        .find("### Differential check")
        .map_or(doc.len(), |e| start + e);
    let section = &doc[start..end];
    let named: Vec<&str> = section
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| w.starts_with(['e', 'w', 'n']) && w.contains('_') && !w.contains(' '))
        .filter(|w| !w.ends_with('*'))
        .collect();
    for name in &named {
        assert!(
            smimelint::registry::find(name).is_some(),
            "docs/conformance.md names {name}, which is not a lint"
        );
    }
    for l in smimelint::registry::all() {
        if !l.checks_certificates() {
            assert!(
                named.contains(&l.name),
                "{} is missing from the CRL and OCSP coverage table",
                l.name
            );
        }
    }
}
