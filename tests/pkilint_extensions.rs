//! pkilint's own S/MIME test certificates (`testdata/pkilint`) against the
//! subscriber extension lints: for every corpus certificate whose expected pkilint findings
//! include an extension finding, smimelint reports the same defect, and it reports no
//! extension error or warning on the others.
//!
//! Each certificate is linted as the type its folder names. pkilint applies every rule whatever
//! the issuance date, while smimelint compares effective dates with notBefore, and most corpus
//! certificates were issued before the SBR took effect; so they are evaluated at 2025-09-01
//! (after SMC013).

mod common;
use common::{all_stems, corpus};

use smimelint::engine::{Linter, Options};
use smimelint::registry::{self, Status};
use std::collections::BTreeSet;
use std::path::Path;

/// Corpus certificate (without `.pem`) → the lints smimelint must report on it.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "individual/legacy/no_aia_extension",
        &["w_smime_aia_missing"],
    ),
    (
        "individual/legacy/no_aia_issuers",
        &["w_smime_aia_ca_issuers_missing"],
    ),
    (
        "individual/legacy/no_crldp_extension",
        &["e_smime_crldp_missing"],
    ),
    ("individual/legacy/no_san", &["e_smime_san_missing"]),
    (
        "individual/multipurpose/decipheronly_no_keyagreement",
        &["e_smime_key_usage_ec"],
    ),
    (
        "individual/multipurpose/rsa_kus_in_ecdsa_cert",
        &["e_smime_key_usage_ec"],
    ),
    (
        "individual/strict/prohibited_lei_extensions",
        &[
            "e_smime_lei_extension_prohibited",
            "e_smime_lei_role_extension_prohibited",
        ],
    ),
    (
        "individual/strict/rsa_dataencipherment",
        &["e_smime_key_usage_rsa_strict"],
    ),
    (
        "mailbox/legacy/invalid_ku_for_ecdsa",
        &["e_smime_key_usage_ec"],
    ),
    (
        "mailbox/strict/prohibited_eku_and_ku",
        &["e_smime_key_usage_rsa_strict"],
    ),
    (
        "organization/multipurpose/adobe_critical_extensions",
        &["e_smime_adobe_extensions_critical"],
    ),
    (
        "organization/multipurpose/adobe_timestamp_invalid_generalname_type",
        &["e_smime_adobe_timestamp_invalid"],
    ),
    (
        "organization/multipurpose/bad_crldp_no_scheme",
        &["e_smime_crldp_no_http_uri", "e_smime_crldp_non_http_uri"],
    ),
    (
        "organization/multipurpose/bad_qc_statementinfo_encoding",
        &["e_smime_qc_statements_invalid"],
    ),
    (
        "organization/multipurpose/bad_lei_checksum",
        &["e_smime_lei_value_invalid"],
    ),
    (
        "organization/strict/adobe_extensions_present",
        &["e_smime_adobe_extensions_strict"],
    ),
    (
        "organization/strict/ed25519",
        &["n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/ed25519_bad_ku",
        &["e_smime_key_usage_eddsa", "n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/mldsa44",
        &["n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/mldsa_bad_ku",
        &["e_smime_key_usage_ml_dsa", "n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/mlkem512_key_with_mldsa44_sig",
        &["n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/mlkem_bad_ku",
        &["e_smime_key_usage_ml_kem", "n_smime_ski_not_key_derived"],
    ),
    (
        "organization/strict/x25519_disallowed",
        &["n_smime_ski_not_key_derived"],
    ),
];

/// pkilint finding codes about subscriber extensions that these lints cover. A corpus row with
/// one of them, located in an extension (not in a subject or directoryName attribute), makes
/// its certificate one that must appear in [`EXPECTED`].
const EXTENSION_CODES: &[&str] = &[
    "cabf.smime.crldp_extension_missing",
    "cabf.crldp_extension_missing",
    "cabf.no_http_crldp_uri",
    "cabf.smime.crldp_fullname_prohibited_uri_scheme",
    "cabf.smime.crldp_fullname_prohibited_generalname_type",
    "cabf.aia_extension_missing",
    "cabf.aia_ca_issuers_missing",
    "googl.gmail.authority_info_access_ca_issuers_missing",
    "cabf.smime.aia_prohibited_uri_scheme",
    "cabf.smime.aia_prohibited_generalname_type",
    "cabf.smime.key_usage_extension_missing",
    "cabf.smime.prohibited_ku_present",
    "cabf.smime.unknown_certificate_key_usage_type",
    "pkix.key_usage_value_prohibited_for_ec",
    "pkix.key_usage_value_prohibited_for_edwards_curve",
    "pkix.key_usage_value_prohibited_for_mldsa",
    "pkix.key_usage_value_prohibited_for_mlkem",
    "cabf.smime.lei_extension_prohibited",
    "cabf.smime.lei_role_extension_prohibited",
    "iso.lei.invalid_lei_checksum",
    "iso.lei.invalid_lei_format",
    "cabf.smime.adobe_timestamp_extension_prohibited",
    "cabf.smime.adobe_timestamp_extension_critical",
    "cabf.smime.adobe_archive_revinfo_extension_prohibited",
    "cabf.smime.adobe_archive_revinfo_extension_critical",
    "adbe.invalid_timestamp_location_type",
    "cabf.smime.san_extension_missing",
    "cabf.smime.is_ca_certificate",
    "cabf.smime.subject_directory_attributes_extension_prohibited",
    "cabf.smime.qc_statements_extension_critical",
    "pkix.unknown_subject_key_identifier_calculation_method",
    // Decoding failures inside an extension value (qcStatements statementInfo).
    "itu.invalid_asn1_syntax",
];

/// Name prefixes of the extension-profile lints, for the no-false-alarm check.
const OUR_PREFIXES: &[&str] = &[
    "e_smime_crldp_",
    "w_smime_crldp_",
    "e_smime_aia_",
    "w_smime_aia_",
    "e_smime_key_usage_",
    "w_smime_key_usage_",
    "e_smime_rfc5280_key_usage_",
    "e_der_named_bit_list_",
    "e_smime_basic_constraints_",
    "e_smime_aki_",
    "e_smime_ski_",
    "w_smime_ski_",
    "e_smime_san_missing",
    "w_smime_san_critical",
    "e_smime_san_not_critical",
    "e_smime_smime_capabilities_",
    "e_smime_subject_directory_attributes_",
    "w_smime_subject_directory_attributes_",
    "e_smime_qc_statements_",
    "e_smime_lei_",
    "e_smime_adobe_",
];

/// `(node_path, code)` of every expected pkilint row that is an extension finding.
fn extension_rows(csv: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(csv).unwrap_or_default();
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.splitn(5, ',');
            let path = cols.next()?.to_string();
            let code = cols.nth(2)?.to_string();
            let in_extension = path.contains(".extensions")
                && !path.contains("rdnSequence")
                && !path.contains("directoryName");
            (in_extension && EXTENSION_CODES.contains(&code.as_str())).then_some((path, code))
        })
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
    let linter = Linter::new(Options {
        override_type: Some(cert_type),
        at: Some(smimelint::time::date(2025, 9, 1)),
        ..Default::default()
    });
    let path = root.join(format!("{stem}.pem"));
    let bytes = std::fs::read(&path).expect("read corpus certificate");
    let mut items = smimelint::input::frame(stem, &bytes[..], Default::default());
    let item = items.next().expect("one certificate");
    linter
        .lint_item(item)
        .issues()
        .map(|f| (f.lint, f.status))
        .collect()
}

#[test]
fn corpus_extension_findings_are_reported() {
    let root = corpus();
    let stems = all_stems(&root);
    let expected: BTreeSet<&str> = EXPECTED.iter().map(|(s, _)| *s).collect();
    let mut problems = Vec::new();
    let mut with_extension_findings = 0;
    for stem in &stems {
        let rows = extension_rows(&root.join(format!("{stem}.expected.csv")));
        let findings = lint(&root, stem);
        let ours = |l: &str| OUR_PREFIXES.iter().any(|p| l.starts_with(p));
        match EXPECTED.iter().find(|(s, _)| s == stem) {
            Some((_, lints)) => {
                with_extension_findings += 1;
                if rows.is_empty() {
                    problems.push(format!("{stem}: pkilint expects no extension finding"));
                }
                for name in *lints {
                    let lint = registry::find(name).unwrap_or_else(|| panic!("no lint {name}"));
                    if !findings.contains(&(lint.name, lint.level().status())) {
                        problems.push(format!("{stem}: {name} not reported ({findings:?})"));
                    }
                    if !lint
                        .pkilint
                        .iter()
                        .any(|code| rows.iter().any(|(_, c)| c == code))
                    {
                        problems.push(format!(
                            "{stem}: {name} lists none of pkilint's codes here ({rows:?})"
                        ));
                    }
                }
                for (name, status) in &findings {
                    if ours(name) && *status >= Status::Warn && !lints.contains(name) {
                        problems.push(format!("{stem}: unexpected {status:?} {name}"));
                    }
                }
            }
            None => {
                if !rows.is_empty() {
                    problems.push(format!(
                        "{stem}: pkilint reports extension findings {rows:?} but the table \
                         does not list the certificate"
                    ));
                }
                for (name, status) in &findings {
                    if ours(name) && *status >= Status::Warn {
                        problems.push(format!("{stem}: unexpected {status:?} {name}"));
                    }
                }
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
        "{} corpus certificates, {with_extension_findings} with extension findings, all matched",
        stems.len()
    );
}
