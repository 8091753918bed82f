//! Extensions as a whole and the smaller extensions of the subscriber profile (SBR 7.1.2.3(h)–(k),
//! (m), 7.1.2.4, RFC 5280 4.2): duplicate extensions, unknown critical extensions, extensions the
//! SBR does not list, smimeCapabilities, subjectDirectoryAttributes and the Adobe extensions.

use crate::prelude::*;
use const_oid::ObjectIdentifier;

/// `Pass` unless one of the extensions is present.
fn absent(ctx: &LintContext<'_>, exts: &[&ObjectIdentifier]) -> Outcome {
    if !exts.iter().any(|o| ctx.cert.has_extension(o)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = exts
        .iter()
        .filter(|o| ctx.cert.has_extension(o))
        .map(|o| oid::describe_extension(o.as_bytes()))
        .collect();
    fail!(
        "{} present (certificate type {})",
        found.join(" and "),
        ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
    )
}

fn check_sda_prohibited(ctx: &LintContext<'_>) -> Outcome {
    absent(ctx, &[&oid::SUBJECT_DIRECTORY_ATTRIBUTES])
}

mod e_smime_adobe_extensions_critical;
mod e_smime_adobe_extensions_strict;
mod e_smime_adobe_timestamp_invalid;
mod e_smime_rfc5280_duplicate_extension;
mod e_smime_smime_capabilities_critical;
mod e_smime_subject_directory_attributes_critical;
mod e_smime_subject_directory_attributes_prohibited;
mod n_smime_unlisted_extension;
mod w_smime_rfc5280_unknown_critical_extension;
mod w_smime_subject_directory_attributes_mailbox_validated;
