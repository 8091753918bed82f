//! Test certificates of the profile rules, shared by several lints.

use const_oid::ObjectIdentifier;
use smimelint_engine::config::ProfileConstraints;
use smimelint_engine::linter::{Linter, Options};
use smimelint_engine::registry::Status;
use std::sync::Arc;

pub(crate) fn status(c: &ProfileConstraints, der: &[u8], lint: &str) -> Status {
    let linter = Linter::new(Options {
        constraints: Some(Arc::new(c.clone())),
        include_passes: true,
        ..Options::default()
    });
    let r = linter.lint_der("t".into(), der);
    r.findings
        .iter()
        .find(|f| f.lint == lint)
        .map(|f| f.status)
        .unwrap_or_else(|| panic!("{lint} not run: {:?}", r.findings))
}

pub(crate) fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}
