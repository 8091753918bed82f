//! Certificate fields and extensions that do not decode against their ASN.1 definitions.
//!
//! X.690 DER encoding rules, checked by the walker over every byte of the certificate and of
//! each extension value.

use crate::prelude::*;
use smimelint_cert::{Violation, ViolationKind};

/// A document the walker went over: certificate, CRL or OCSP response.
pub(crate) trait Walked {
    fn violations(&self) -> &[Violation];
    /// The field containing a byte offset, for messages.
    fn locate(&self, offset: usize) -> String;
}

impl Walked for Cert<'_> {
    fn violations(&self) -> &[Violation] {
        &self.violations
    }
    fn locate(&self, offset: usize) -> String {
        Cert::locate(self, offset)
    }
}

impl Walked for Crl<'_> {
    fn violations(&self) -> &[Violation] {
        &self.violations
    }
    fn locate(&self, offset: usize) -> String {
        Crl::locate(self, offset)
    }
}

impl Walked for Ocsp<'_> {
    fn violations(&self) -> &[Violation] {
        &self.violations
    }
    fn locate(&self, offset: usize) -> String {
        Ocsp::locate(self, offset)
    }
}

/// Reports every walker violation of one kind, naming the field it occurred in.
fn report(ctx: &LintContext<'_>, kind: ViolationKind) -> Outcome {
    report_in(ctx.cert, kind, |_| true)
}

/// [`report`], for the violations at offsets `at` accepts.
fn report_where(ctx: &LintContext<'_>, kind: ViolationKind, at: impl Fn(usize) -> bool) -> Outcome {
    report_in(ctx.cert, kind, at)
}

/// Reports the violations of one kind in any walked document, at offsets `at` accepts.
fn report_in(doc: &dyn Walked, kind: ViolationKind, at: impl Fn(usize) -> bool) -> Outcome {
    let found: Vec<String> = doc
        .violations()
        .iter()
        .filter(|v| v.kind == kind && at(v.offset))
        .map(|v| {
            format!(
                "{} at offset {} ({})",
                v.detail,
                v.offset,
                doc.locate(v.offset)
            )
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
}

/// [`report_in`] on a CRL, every offset.
fn report_crl(ctx: &CrlContext<'_>, kind: ViolationKind) -> Outcome {
    report_in(ctx.crl, kind, |_| true)
}

/// [`report_in`] on an OCSP response, every offset.
fn report_ocsp(ctx: &OcspContext<'_>, kind: ViolationKind) -> Outcome {
    report_in(ctx.ocsp, kind, |_| true)
}

mod e_asn1_field_invalid;
mod e_der_bit_string_invalid;
mod e_der_boolean_not_canonical;
mod e_der_default_value_encoded;
mod e_der_indefinite_length;
mod e_der_integer_not_minimal;
mod e_der_length_not_minimal;
mod e_der_nesting_too_deep;
mod e_der_null_not_empty;
mod e_der_oid_invalid;
mod e_der_set_not_sorted;
mod e_der_string_invalid;
mod e_der_tag_not_minimal;
mod e_der_time_invalid;
mod e_der_trailing_data;
mod e_der_truncated;
mod e_der_unknown_tag;
mod e_der_wrong_form;
