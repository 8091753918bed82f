//! nameConstraints: only in CA certificates (RFC 5280 §4.2.1.10, made binding by SBR 7.1.2.4),
//! and the conditions for a technically constrained S/MIME subordinate CA (SBR 7.1.5).
//!
//! Root and subordinate CA certificates have their own lints here (SBR 7.1.2.1, 7.1.2.2), named
//! `…_ca_…`, `…_root_…` or `…_subca_…`.

use crate::prelude::*;
use smimelint_cert::ext::NameConstraints;
use smimelint_cert::GeneralName;

/// The `base` names of `permittedSubtrees [0]`, or why the value cannot be read.
fn permitted_bases<'c>(nc: &NameConstraints<'c>) -> Vec<GeneralName<'c>> {
    nc.permitted
        .iter()
        .flatten()
        .map(|s| s.base.clone())
        .collect()
}

/// The decoded nameConstraints of the certificate, when present and readable.
fn name_constraints<'c>(ctx: &LintContext<'c>) -> Option<&'c NameConstraints<'c>> {
    ctx.cert.name_constraints().value()
}

/// Permitted bases of a sub-CA whose extKeyUsage includes emailProtection; None when the
/// 7.1.5 conditions do not apply or the extension cannot be read.
fn email_ca_permitted<'c>(ctx: &LintContext<'c>) -> Option<Vec<GeneralName<'c>>> {
    let emails = matches!(ctx.cert.eku(), Ext::Present(_, p)
        if p.contains(&oid::KP_EMAIL_PROTECTION.as_bytes()));
    if !emails {
        return None;
    }
    name_constraints(ctx).map(permitted_bases)
}

/// An FQDN: dot-separated LDH labels of 1–63 characters, not starting or ending with a hyphen.
fn is_fqdn(s: &[u8]) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split(|&b| b == b'.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
                && label.first() != Some(&b'-')
                && label.last() != Some(&b'-')
        })
}

/// Why an rfc822Name constraint is not "a FQDN or `.` followed by a FQDN", if it is not.
fn rfc822_constraint_problem(value: &[u8]) -> Option<&'static str> {
    if value.contains(&b'@') {
        return Some("is an email address");
    }
    let domain = value.strip_prefix(b".").unwrap_or(value);
    (!is_fqdn(domain)).then_some("is not a domain name")
}

mod e_smime_rfc5280_name_constraints_in_end_entity;
mod e_smime_rfc5280_name_constraints_ip_address_invalid;
mod e_smime_rfc5280_name_constraints_no_subtrees;
mod e_smime_rfc5280_name_constraints_subtree_distance;
mod n_smime_subca_name_constraints_directory_name;
mod w_smime_subca_name_constraints_not_critical;
mod w_smime_subca_name_constraints_rfc822_not_domain;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc822_constraint_forms() {
        assert_eq!(rfc822_constraint_problem(b"example.com"), None);
        assert_eq!(rfc822_constraint_problem(b".example.com"), None);
        assert!(rfc822_constraint_problem(b"alice@example.com").is_some());
        assert!(rfc822_constraint_problem(b"@example.com").is_some());
        assert!(rfc822_constraint_problem(b"..example.com").is_some());
        assert!(rfc822_constraint_problem(b"-x.example.com").is_some());
        assert!(rfc822_constraint_problem(b"").is_some());
    }
}
