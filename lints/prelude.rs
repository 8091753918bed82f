//! Names every lint file needs.
#![allow(unused_imports)]

pub(crate) use crate::cert::{oid, Cert, Ext, Extension};
pub(crate) use crate::dates;
pub(crate) use crate::detect::{Generation, Kind, Validation};
pub(crate) use crate::lint_context::LintContext;
pub(crate) use crate::registry::{Applies, Outcome, Source};
pub(crate) use crate::{fail, lint};

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
