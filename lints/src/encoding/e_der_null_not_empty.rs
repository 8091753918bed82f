use super::*;
use smimelint_cert::ViolationKind;

fn check_der_null_not_empty(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonEmptyNull)
}

fn crl_der_null_not_empty(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::NonEmptyNull)
}

fn ocsp_der_null_not_empty(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::NonEmptyNull)
}

lint! {
    /// ## What it checks
    /// NULL has no content octets.
    ///
    /// ## Why
    /// `05 00` is the only encoding of NULL.
    ///
    /// ## Example
    /// `05 01 00`.
    E_DER_NULL_NOT_EMPTY {
        name: "e_der_null_not_empty",
        description: "A NULL has content",
        citation: "X.690 8.8.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_null_not_empty,
        crl_check: crl_der_null_not_empty,
        ocsp_check: ocsp_der_null_not_empty,
    }
}
