use super::*;
use smimelint_cert::ViolationKind;

fn check_der_nesting_too_deep(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::TooDeep)
}

fn crl_der_nesting_too_deep(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::TooDeep)
}

fn ocsp_der_nesting_too_deep(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::TooDeep)
}

lint! {
    /// ## What it checks
    /// Nesting stays within 64 levels.
    ///
    /// ## Why
    /// No certificate structure nests that deep; such input is hostile or broken and smimelint stops descending rather than exhaust its stack.
    ///
    /// ## Example
    /// 200 SEQUENCEs nested inside each other.
    E_DER_NESTING_TOO_DEEP {
        name: "e_der_nesting_too_deep",
        description: "Values are nested deeper than smimelint follows",
        citation: "X.690 8.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_nesting_too_deep,
        crl_check: crl_der_nesting_too_deep,
        ocsp_check: ocsp_der_nesting_too_deep,
    }
}
