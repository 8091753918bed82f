//! Certificate fields and extensions that do not decode against their ASN.1 definitions.
//!
//! X.690 DER encoding rules, checked by the walker over every byte of the certificate and of
//! each extension value.

use crate::prelude::*;
use smimelint_cert::ViolationKind;

/// Reports every walker violation of one kind, naming the field it occurred in.
fn report(ctx: &LintContext<'_>, kind: ViolationKind) -> Outcome {
    report_where(ctx, kind, |_| true)
}

/// [`report`], for the violations at offsets `at` accepts.
fn report_where(ctx: &LintContext<'_>, kind: ViolationKind, at: impl Fn(usize) -> bool) -> Outcome {
    let cert = ctx.cert;
    let found: Vec<String> = cert
        .violations
        .iter()
        .filter(|v| v.kind == kind && at(v.offset))
        .map(|v| {
            format!(
                "{} at offset {} ({})",
                v.detail,
                v.offset,
                cert.locate(v.offset)
            )
        })
        .collect();
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", found.join("; "))
    }
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
