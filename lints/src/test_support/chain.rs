//! Test certificates of the chain rules, shared by several lints.

use smimelint_engine::registry::Status;
use smimelint_engine::testing::{findings_with_issuer, status_with_issuer};

/// `lint` reports its level on `bad` (and nothing else but `also`) and passes on `good`,
/// both linted against `issuer`.
#[track_caller]
pub(crate) fn assert_chain_lint(lint: &str, bad: &[u8], good: &[u8], issuer: &[u8], also: &[&str]) {
    let level = smimelint_engine::registry::find(lint)
        .expect("lint")
        .level()
        .status();
    assert_eq!(
        status_with_issuer(bad, issuer, lint),
        level,
        "{lint} on bad"
    );
    let mut expected: Vec<&str> = also.iter().copied().chain([lint]).collect();
    expected.sort_unstable();
    assert_eq!(findings_with_issuer(bad, issuer), expected);
    assert_eq!(
        status_with_issuer(good, issuer, lint),
        Status::Pass,
        "{lint} on good"
    );
}
