//! The CA's own certificate profile, from the `[profile]` table of smimelint.toml.
//!
//! These lints are not SBR rules: they check what a CA promised itself (its CP/CPS, its
//! customer's domains). They are NA unless the setting they read is configured, so a run
//! without a configuration file never reports them.

use crate::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_engine::config::ProfileConstraints;

fn contains(list: &[ObjectIdentifier], oid: &[u8]) -> bool {
    list.iter().any(|o| o.as_bytes() == oid)
}

fn constraints<'c>(ctx: &LintContext<'c>) -> Option<&'c ProfileConstraints> {
    ctx.constraints
}

mod e_profile_eku_not_allowed;
mod e_profile_mailbox_domain_not_allowed;
mod e_profile_policy_not_allowed;
mod e_profile_required_policy_missing;
