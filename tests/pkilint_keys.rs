//! pkilint's own S/MIME test certificates (`testdata/pkilint`) against the key,
//! algorithm, validity, serial and Legacy-sunset lints: for every corpus certificate whose
//! expected pkilint findings include one of these findings, smimelint reports the same defect,
//! and it reports no error or warning of these families on the others.
//!
//! Each certificate is linted as the type its folder names and, like `pkilint_extensions.rs`,
//! at 2025-09-01 (after SMC013): pkilint applies every rule whatever the issuance date, and
//! most corpus certificates predate the SBR. The Legacy sunset is the exception: it is about
//! the issuance date itself, so that lint is evaluated at each certificate's notBefore.
//!
//! Where pkilint contradicts the SBR (P-521 keys, ecdsa-with-SHA512), smimelint follows the SBR;
//! the corpus has no such certificate, and the lints' tests and docs cover the difference.

mod common;
use common::{all_stems, corpus};

use smimelint::engine::{Linter, Options};
use smimelint::registry::{self, Status};
use std::collections::BTreeSet;
use std::path::Path;

/// Corpus certificate (without `.pem`) → the lints smimelint must report on it.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "individual/legacy/issued_after_legacy_sunset",
        &["e_smime_legacy_generation_after_sunset"],
    ),
    (
        "individual/legacy/rsa_key_no_param",
        &["e_smime_spki_algorithm_encoding_not_allowed"],
    ),
    (
        "individual/legacy/sha1_signature",
        &["e_smime_signature_algorithm_encoding_not_allowed"],
    ),
    (
        "individual/legacy/validity_period_at_maximum",
        &["w_smime_validity_at_maximum"],
    ),
    (
        "individual/legacy/validity_period_too_long",
        &["e_smime_validity_exceeds_1185_days"],
    ),
    (
        "individual/multipurpose/validity_period_at_maximum",
        &["w_smime_validity_at_maximum"],
    ),
    (
        "individual/multipurpose/validity_period_too_long",
        &["e_smime_validity_exceeds_825_days"],
    ),
    (
        "mailbox/legacy/invalid_ku_for_ecdsa",
        &["e_smime_validity_exceeds_1185_days"],
    ),
    (
        "organization/strict/x25519_disallowed",
        &["e_smime_spki_algorithm_encoding_not_allowed"],
    ),
    (
        "sponsored/strict/prohibited_attribute_in_strict",
        &["e_smime_validity_exceeds_825_days"],
    ),
];

/// pkilint finding codes about keys, algorithms, validity, serial numbers and the Legacy
/// sunset. A corpus row with one of them makes its certificate one that must be in
/// [`EXPECTED`].
const KEY_CODES: &[&str] = &[
    "cabf.smime.prohibited_spki_algorithm_encoding",
    "cabf.smime.unsupported_public_key_type",
    "cabf.smime.prohibited_signature_algorithm_encoding",
    "cabf.rsa_modulus_invalid_length",
    "cabf.rsa_modulus_has_small_prime_factor",
    "cabf.rsa_exponent_prohibited_value",
    "cabf.rsa_exponent_not_in_recommended_range",
    "cabf.ecdsa_key_validation_failed",
    "cabf.smime.certificate_validity_period_exceeds_825_days",
    "cabf.smime.certificate_validity_period_exceeds_1185_days",
    "cabf.smime.certificate_validity_period_at_maximum",
    "pkix.certificate_serial_number_out_of_range",
    "cabf.smime.legacy_generation_certificate_issued_after_prohibition",
];

/// Name prefixes of this family's lints, for the no-false-alarm check.
const OUR_PREFIXES: &[&str] = &[
    "e_smime_spki_algorithm_",
    "e_smime_signature_algorithm_encoding_",
    "e_smime_pqc_",
    "e_smime_rsa_",
    "w_smime_rsa_",
    "e_smime_ec_public_key_",
    "e_smime_eddsa_",
    "e_smime_mldsa_",
    "e_smime_mlkem_",
    "e_smime_validity_",
    "w_smime_validity_",
    "e_smime_serial_number_",
    "e_smime_legacy_generation_after_sunset",
];

/// Lints evaluated at the certificate's notBefore instead of 2025-09-01.
const AT_NOT_BEFORE: &[&str] = &["e_smime_legacy_generation_after_sunset"];

/// Codes of the expected pkilint rows that belong to this family.
fn key_rows(csv: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(csv).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(3).map(str::to_string))
        .filter(|code| KEY_CODES.contains(&code.as_str()))
        .collect()
}

/// Findings (lint, status) smimelint reports on one corpus certificate.
fn lint(root: &Path, stem: &str) -> Vec<(&'static str, Status)> {
    let folder = Path::new(stem).parent().expect("type folder");
    let cert_type = folder
        .to_string_lossy()
        .replace('/', "-")
        .parse()
        .expect("folder names a type");
    let bytes = std::fs::read(root.join(format!("{stem}.pem"))).expect("read corpus certificate");
    let run = |at: Option<i64>, keep: &dyn Fn(&str) -> bool| {
        let linter = Linter::new(Options {
            override_type: Some(cert_type),
            at,
            ..Default::default()
        });
        let mut items = smimelint::input::frame(stem, &bytes[..], Default::default());
        let item = items.next().expect("one certificate");
        linter
            .lint_item(item)
            .issues()
            .filter(|f| keep(f.lint))
            .map(|f| (f.lint, f.status))
            .collect::<Vec<_>>()
    };
    let mut out = run(Some(smimelint::time::date(2025, 9, 1)), &|l| {
        !AT_NOT_BEFORE.contains(&l)
    });
    out.extend(run(None, &|l| AT_NOT_BEFORE.contains(&l)));
    out
}

#[test]
fn corpus_key_and_algorithm_findings_are_reported() {
    let root = corpus();
    let stems = all_stems(&root);
    let expected: BTreeSet<&str> = EXPECTED.iter().map(|(s, _)| *s).collect();
    let ours = |l: &str| OUR_PREFIXES.iter().any(|p| l.starts_with(p));
    let mut problems = Vec::new();
    let mut matched = 0;
    for stem in &stems {
        let rows = key_rows(&root.join(format!("{stem}.expected.csv")));
        let findings = lint(&root, stem);
        let listed: &[&str] = match EXPECTED.iter().find(|(s, _)| s == stem) {
            Some((_, lints)) => {
                matched += 1;
                if rows.is_empty() {
                    problems.push(format!("{stem}: pkilint expects no key/algorithm finding"));
                }
                for name in *lints {
                    let lint = registry::find(name).unwrap_or_else(|| panic!("no lint {name}"));
                    if !findings.contains(&(lint.name, lint.level().status())) {
                        problems.push(format!("{stem}: {name} not reported ({findings:?})"));
                    }
                    if !lint
                        .pkilint
                        .iter()
                        .any(|code| rows.iter().any(|c| c == code))
                    {
                        problems.push(format!(
                            "{stem}: {name} lists none of pkilint's codes here ({rows:?})"
                        ));
                    }
                }
                lints
            }
            None => {
                if !rows.is_empty() {
                    problems.push(format!(
                        "{stem}: pkilint reports {rows:?} but the table does not list the certificate"
                    ));
                }
                &[]
            }
        };
        for (name, status) in &findings {
            if ours(name) && *status >= Status::Warn && !listed.contains(name) {
                problems.push(format!("{stem}: unexpected {status:?} {name}"));
            }
        }
    }
    for stem in expected {
        if !stems.iter().any(|s| s == stem) {
            problems.push(format!("{stem}: not in the corpus"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    println!(
        "{} corpus certificates, {matched} with key/algorithm/validity findings, all matched",
        stems.len()
    );
}
