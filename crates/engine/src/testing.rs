//! Assertions for lint tests: lint a certificate with every lint selected and read what one
//! lint, or all of them, reported. Feature `testing`; lint crates enable it as a
//! dev-dependency.

use crate::linter::{CertResult, Linter, Options};
use crate::registry::{self, Status};

/// Lints `der` with default options plus every pass/NA/NE result.
pub fn lint_all(der: &[u8]) -> CertResult {
    let opts = Options {
        include_passes: true,
        ..Default::default()
    };
    Linter::new(opts).lint_der("test".into(), der)
}

/// The status one lint gives `der` (panics if the lint does not exist).
pub fn status_of(der: &[u8], lint: &str) -> Status {
    assert!(registry::find(lint).is_some(), "no lint named {lint}");
    lint_all(der)
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .map(|f| f.status)
        .expect("every selected lint reports a result")
}

/// The details one lint gives `der`; empty when it reports none (or did not run).
pub fn details_of(der: &[u8], lint: &str) -> String {
    lint_all(der)
        .findings
        .into_iter()
        .find(|f| f.lint == lint)
        .and_then(|f| f.details)
        .unwrap_or_default()
}

/// The details of the finding `lint` reports on `der`; panics when it ran and passed, or did
/// not run.
#[track_caller]
pub fn finding_details(der: &[u8], lint: &str) -> String {
    let result = lint_all(der);
    let f = result
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .unwrap_or_else(|| panic!("{lint} did not run"));
    assert!(f.status.is_finding(), "{lint} did not fire: {:?}", f.status);
    f.details.clone().unwrap_or_default()
}

/// Names of the lints that report a finding (notice or worse) on `der`, sorted.
pub fn findings(der: &[u8]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = lint_all(der).issues().map(|f| f.lint).collect();
    v.sort_unstable();
    v
}

/// Asserts that `lint` fails on `bad` with its level and passes on `good`, and that `bad`
/// has no other finding except those in `also` (defects that necessarily come together).
#[track_caller]
pub fn assert_lint(lint: &str, bad: &[u8], good: &[u8], also: &[&str]) {
    let l = registry::find(lint).unwrap_or_else(|| panic!("no lint named {lint}"));
    let result = lint_all(bad);
    let got = result
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .map(|f| f.status);
    assert_eq!(
        got,
        Some(l.level().status()),
        "{lint} on the violating certificate: {result:#?}"
    );
    let mut expected: Vec<&str> = also.iter().copied().chain([lint]).collect();
    expected.sort_unstable();
    let mut others: Vec<&str> = result.issues().map(|f| f.lint).collect();
    others.sort_unstable();
    assert_eq!(others, expected, "findings on the violating certificate");
    assert_eq!(
        status_of(good, lint),
        Status::Pass,
        "{lint} on the satisfying certificate: {:#?}",
        lint_all(good)
    );
}

/// Lints `der` with `issuer` as the issuing CA certificate, plus every pass/NA/NE result.
pub fn lint_with_issuer(der: &[u8], issuer: &[u8]) -> CertResult {
    let opts = Options {
        include_passes: true,
        issuer: Some(std::sync::Arc::from(issuer)),
        ..Default::default()
    };
    Linter::new(opts).lint_der("test".into(), der)
}

/// The status one lint gives `der` when `issuer` is the issuing CA certificate.
pub fn status_with_issuer(der: &[u8], issuer: &[u8], lint: &str) -> Status {
    assert!(registry::find(lint).is_some(), "no lint named {lint}");
    lint_with_issuer(der, issuer)
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .map(|f| f.status)
        .expect("every selected lint reports a result")
}

/// Names of the lints that report a finding on `der` linted with `issuer`, sorted.
pub fn findings_with_issuer(der: &[u8], issuer: &[u8]) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = lint_with_issuer(der, issuer)
        .issues()
        .map(|f| f.lint)
        .collect();
    v.sort_unstable();
    v
}

/// Lints `der` with `opts` (pass/NA/NE results included).
pub fn lint_with(der: &[u8], opts: Options) -> CertResult {
    let opts = Options {
        include_passes: true,
        ..opts
    };
    Linter::new(opts).lint_der("test".into(), der)
}

/// The status one lint gives `der` linted with `opts`.
pub fn status_with(der: &[u8], opts: Options, lint: &str) -> Status {
    assert!(registry::find(lint).is_some(), "no lint named {lint}");
    lint_with(der, opts)
        .findings
        .iter()
        .find(|f| f.lint == lint)
        .map(|f| f.status)
        .expect("every selected lint reports a result")
}

/// The status one lint gives a CRL or OCSP response about certificates of `scope`.
pub fn status_in_scope(der: &[u8], scope: crate::revocation_context::Scope, lint: &str) -> Status {
    let opts = Options {
        scope: Some(scope),
        ..Default::default()
    };
    status_with(der, opts, lint)
}
