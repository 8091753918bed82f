//! Names every lint file needs.
#![allow(unused_imports)]

pub(crate) use smimelint_cert::{oid, Cert, Ext, Extension};
pub(crate) use smimelint_engine::dates;
pub(crate) use smimelint_engine::detect::{Generation, Kind, Validation};
pub(crate) use smimelint_engine::lint_context::LintContext;
pub(crate) use smimelint_engine::registry::{Applies, Outcome, Source};
pub(crate) use smimelint_engine::revocation_context::{CrlContext, OcspContext, Scope};
pub(crate) use smimelint_engine::{fail, lint};
pub(crate) use smimelint_revocation::crl::RevokedEntry;
pub(crate) use smimelint_revocation::{Crl, Ocsp};

use const_oid::ObjectIdentifier;

/// The extension's short name (`keyUsage`), or its dotted OID when smimelint has no name for it.
pub(crate) fn extension_label(o: &ObjectIdentifier) -> String {
    oid::extension_name(o.as_bytes()).map_or_else(|| o.to_string(), str::to_string)
}

/// Pass when the certificate has the extension, else fail naming it.
pub(crate) fn require_extension(ctx: &LintContext<'_>, o: &ObjectIdentifier) -> Outcome {
    if ctx.cert.has_extension(o) {
        Outcome::Pass
    } else {
        fail!("the certificate has no {} extension", extension_label(o))
    }
}

/// Pass when the certificate does not have the extension, else fail naming it.
pub(crate) fn forbid_extension(ctx: &LintContext<'_>, o: &ObjectIdentifier) -> Outcome {
    if ctx.cert.has_extension(o) {
        fail!("the certificate has a {} extension", extension_label(o))
    } else {
        Outcome::Pass
    }
}

/// NA when the extension is absent; fail when it is marked critical.
pub(crate) fn forbid_critical(ctx: &LintContext<'_>, o: &ObjectIdentifier) -> Outcome {
    match ctx.cert.extension(o) {
        None => Outcome::NotApplicable,
        Some(e) if e.critical => fail!("{} is marked critical", extension_label(o)),
        Some(_) => Outcome::Pass,
    }
}

/// Pass when the certificate has the extension and it is not marked critical; else fail
/// naming what is wrong.
pub(crate) fn require_noncritical(ctx: &LintContext<'_>, o: &ObjectIdentifier) -> Outcome {
    match require_extension(ctx, o) {
        Outcome::Pass => forbid_critical(ctx, o),
        missing => missing,
    }
}

/// NA when the extension is absent; fail when it is not marked critical.
pub(crate) fn require_critical(ctx: &LintContext<'_>, o: &ObjectIdentifier) -> Outcome {
    match ctx.cert.extension(o) {
        None => Outcome::NotApplicable,
        Some(e) if !e.critical => fail!("{} is not marked critical", extension_label(o)),
        Some(_) => Outcome::Pass,
    }
}

/// Positions of the items whose key occurs more than once, one group per repeated key (positions
/// ascending), groups in the order of their first position. Sorting keeps it O(n log n) on
/// lists of tens of thousands of entries; short lists are checked without allocating.
pub(crate) fn repeated_groups<K: Ord>(n: usize, key: impl Fn(usize) -> K) -> Vec<Vec<usize>> {
    if n <= 16 && !(1..n).any(|i| (0..i).any(|j| key(j) == key(i))) {
        return Vec::new();
    }
    let mut order: Vec<usize> = (0..n).collect();
    // Stable: equal keys keep their positions ascending.
    order.sort_by_key(|&i| key(i));
    let mut groups: Vec<Vec<usize>> = order
        .chunk_by(|&a, &b| key(a) == key(b))
        .filter(|run| run.len() > 1)
        .map(<[usize]>::to_vec)
        .collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}
