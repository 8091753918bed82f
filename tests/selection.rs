//! Configuration and lint selection checked against the real rulebook: the engine's own unit
//! tests run without lints, so what needs lint names to exist is tested here.

use smimelint::config::{Config, FailOn, EXAMPLE};
use smimelint::engine::{parse_globs, MAX_GLOBS, MAX_GLOB_LEN};
use smimelint::registry::{Source, Status};

#[test]
fn example_parses_and_loads() {
    let loaded = Config::parse(EXAMPLE).unwrap().load().unwrap();
    assert!(loaded.constraints.is_none());
    // The example with every setting uncommented must load too.
    let uncommented: String = EXAMPLE
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            // A setting (`key = value`), not prose that happens to contain " = ".
            Some(rest)
                if rest
                    .split_once(" = ")
                    .is_some_and(|(k, _)| !k.contains(' ')) =>
            {
                rest
            }
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let loaded = Config::parse(&uncommented).unwrap().load().unwrap();
    assert_eq!(loaded.cert_type.unwrap().to_string(), "sponsored-strict");
    assert_eq!(loaded.guess, Some(false));
    assert_eq!(loaded.overrides.len(), 2);
    let c = loaded.constraints.unwrap();
    assert_eq!(c.required_policies.len(), 1);
    assert_eq!(c.allowed_mailbox_domains.unwrap().len(), 2);
    assert!(loaded.policy_map.is_some());
}

#[test]
fn good_values_load() {
    let l = Config::parse(
        "[lint]\nfail_on = \"Warn\"\nat = \"2024-09-01\"\ninclude = [\"e_smime_eku_missing\"]\n\
         exclude = [\"n_*\"]\ninclude_sources = [\"SBR\"]",
    )
    .unwrap()
    .load()
    .unwrap();
    assert_eq!(l.fail_on, Some(FailOn::At(Status::Warn)));
    assert_eq!(l.at, smimelint::time::parse_iso("2024-09-01"));
    assert_eq!(l.filter.include.len(), 1);
    assert_eq!(l.filter.exclude.len(), 1);
    assert_eq!(l.filter.include_sources, vec![Source::Sbr]);
}

#[test]
fn user_globs_are_checked() {
    let g = |v: &[&str]| {
        parse_globs(
            "--include",
            &v.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(g(&["e_*", "w_*"]).unwrap().len(), 2);
    assert!(g(&["e_smime_eku_mising"])
        .unwrap_err()
        .contains("matches no lint"));
    let long = format!("e_{}", "*".repeat(MAX_GLOB_LEN));
    assert!(g(&[&long]).unwrap_err().contains("at most"));
    let many = vec!["e_*"; MAX_GLOBS + 1];
    assert!(g(&many).unwrap_err().contains("at most"));
    assert_eq!(g(&vec!["e_*"; MAX_GLOBS]).unwrap().len(), MAX_GLOBS);
}
