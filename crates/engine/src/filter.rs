//! Which lints a linter runs.

use crate::glob::Glob;
use crate::registry::{Lint, Source};

/// Which lints run: a lint runs when it matches an `include` glob (or there are none), matches
/// no `exclude` glob, and its source passes the same two tests.
#[derive(Clone, Debug, Default)]
pub struct LintFilter {
    pub include: Vec<Glob>,
    pub exclude: Vec<Glob>,
    pub include_sources: Vec<Source>,
    pub exclude_sources: Vec<Source>,
}

impl LintFilter {
    pub fn selects(&self, lint: &Lint) -> bool {
        (self.include.is_empty() || self.include.iter().any(|g| g.matches(lint.name)))
            && !self.exclude.iter().any(|g| g.matches(lint.name))
            && (self.include_sources.is_empty() || self.include_sources.contains(&lint.source))
            && !self.exclude_sources.contains(&lint.source)
    }
}
