//! Every registered lint carries complete metadata; names are unique, well-formed public API.

use smimelint::registry::{self, Level};
use std::collections::HashSet;

#[test]
fn names_are_unique_snake_case_with_a_level_prefix() {
    let mut seen = HashSet::new();
    for l in registry::all() {
        assert!(seen.insert(l.name), "duplicate lint name {}", l.name);
        assert!(
            l.name.starts_with("e_") || l.name.starts_with("w_") || l.name.starts_with("n_"),
            "{} lacks an e_/w_/n_ prefix",
            l.name
        );
        assert!(
            l.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{} is not snake_case",
            l.name
        );
        let expected = match &l.name[..2] {
            "w_" => Level::Warn,
            "n_" => Level::Notice,
            _ => Level::Error,
        };
        assert_eq!(l.level(), expected);
    }
    assert!(registry::find("e_der_unknown_tag").is_some());
    assert!(registry::find("e_nope").is_none());
}

#[test]
fn metadata_and_documentation_are_complete() {
    for l in registry::all() {
        assert!(!l.description.is_empty(), "{}: description", l.name);
        if l.name != "e_internal_error" {
            assert!(!l.citation.is_empty(), "{}: citation", l.name);
        }
        for section in ["## What it checks", "## Why"] {
            assert!(
                l.docs.contains(section),
                "{}: docs lack '{section}'",
                l.name
            );
        }
        if l.ineffective.is_some() {
            assert!(l.ineffective > Some(l.effective), "{}: dates", l.name);
        }
        if l.source == registry::Source::Sbr {
            assert!(
                l.ballot.is_some(),
                "{}: SBR lints name their ballot",
                l.name
            );
            assert!(
                l.citation.starts_with("SBR"),
                "{}: citation names the SBR",
                l.name
            );
        }
    }
}
