//! The pkilint-compatible REST answers name pkilint's code, validator and severity for every lint
//! with a pkilint equivalent (`docs/xref/pkilint-rest.txt`). Checked here against pkilint's own
//! expected findings (`testdata/pkilint/**/*.expected.csv`, written by pkilint): for each code
//! the corpus shows, the validator named and whether a message is attached must be pkilint's.
#![cfg(feature = "server")]

mod common;
use common::{all_stems, corpus};

use smimelint::service::pkilint_codes::{parse, table, OWN_NAME, PKILINT_REST_DATA};
use std::collections::{BTreeMap, BTreeSet};

/// Per code in the corpus: the validators pkilint named and whether it gave a message.
fn corpus_codes() -> BTreeMap<String, (BTreeSet<String>, BTreeSet<bool>)> {
    let root = corpus();
    let mut out: BTreeMap<String, (BTreeSet<String>, BTreeSet<bool>)> = BTreeMap::new();
    for stem in all_stems(&root) {
        let csv = std::fs::read_to_string(root.join(format!("{stem}.expected.csv"))).unwrap();
        for line in csv.lines().skip(1) {
            // node_path,validator,severity,code,message (the message may hold commas)
            let f: Vec<&str> = line.splitn(5, ',').collect();
            if f.len() < 5 {
                continue;
            }
            let entry = out.entry(f[3].to_string()).or_default();
            entry.0.insert(f[1].to_string());
            entry.1.insert(!f[4].is_empty());
        }
    }
    out
}

#[test]
fn every_row_names_a_lint_and_one_of_its_codes() {
    let severities: BTreeMap<&str, Option<&str>> = smimelint::xref::pkilint()
        .into_iter()
        .map(|f| (f.id, f.severity))
        .collect();
    let mut rows = 0;
    for row in parse(PKILINT_REST_DATA) {
        let (lint, code, validator, message) = (row.lint, row.code, row.validator, row.message);
        rows += 1;
        let l = smimelint::registry::find(lint).unwrap_or_else(|| panic!("{lint}: no such lint"));
        if code == OWN_NAME {
            assert!(
                !l.pkilint.is_empty(),
                "{lint}: `-` is for lints with pkilint codes"
            );
            continue;
        }
        assert!(
            l.pkilint.contains(&code),
            "{lint}: {code} not in its metadata"
        );
        assert!(severities.contains_key(code), "{code} not in pkilint.txt");
        assert!(validator.ends_with("Validator"), "{lint}: {validator}");
        assert!(matches!(message, "text" | "null"), "{lint}: {message}");
    }
    assert!(rows > 100, "only {rows} rows");
    // The certificate lints; CRL and OCSP lints map through docs/xref/pkilint-rest-revocation.txt.
    for l in smimelint::registry::all() {
        if !l.pkilint.is_empty() && l.checks_certificates() {
            assert!(table().contains_key(l.name), "{} has no row", l.name);
        }
    }
}

#[test]
fn validators_and_messages_are_pkilints() {
    let seen = corpus_codes();
    let mut checked = 0;
    for rows in table().values() {
        for row in rows {
            let Some((validators, messages)) = seen.get(row.code) else {
                continue;
            };
            // Where pkilint reports a code from several validators (by the node), the table
            // names the one for the lint's defect; the corpus may not show it.
            if validators.len() > 1 && !validators.contains(row.validator) {
                continue;
            }
            checked += 1;
            assert!(
                validators.contains(row.validator),
                "{}: pkilint names {validators:?}, the table {}",
                row.code,
                row.validator
            );
            assert_eq!(
                messages,
                &BTreeSet::from([row.has_message]),
                "{}: message",
                row.code
            );
        }
    }
    // The corpus shows about half the mapped codes; fewer means the comparison lost its data.
    assert!(checked >= 50, "only {checked} rows checked");
}

#[test]
fn severities_are_pkilints() {
    let seen: BTreeMap<String, String> = {
        let root = corpus();
        let mut m = BTreeMap::new();
        for stem in all_stems(&root) {
            let csv = std::fs::read_to_string(root.join(format!("{stem}.expected.csv"))).unwrap();
            for line in csv.lines().skip(1) {
                let f: Vec<&str> = line.splitn(5, ',').collect();
                if f.len() == 5 {
                    m.insert(f[3].to_string(), f[2].to_string());
                }
            }
        }
        m
    };
    for rows in table().values() {
        for row in rows {
            if let Some(s) = seen.get(row.code) {
                assert_eq!(row.severity, s, "{}", row.code);
            }
        }
    }
}

#[test]
fn fixed_node_paths_are_pkilints() {
    let root = corpus();
    let mut paths: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for stem in all_stems(&root) {
        let csv = std::fs::read_to_string(root.join(format!("{stem}.expected.csv"))).unwrap();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.splitn(5, ',').collect();
            if f.len() == 5 {
                paths
                    .entry(f[3].to_string())
                    .or_default()
                    .insert(f[0].to_string());
            }
        }
    }
    let mut checked = 0;
    for row in parse(PKILINT_REST_DATA) {
        let (Some(node), Some(seen)) = (row.node, paths.get(row.code)) else {
            continue;
        };
        checked += 1;
        assert_eq!(seen, &BTreeSet::from([node.to_string()]), "{}", row.code);
    }
    assert!(checked >= 10, "only {checked} node paths checked");
}
