use super::*;
use smimelint_cert::ViolationKind;

fn check_der_truncated(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::Truncated)
}

fn crl_der_truncated(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::Truncated)
}

fn ocsp_der_truncated(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::Truncated)
}

lint! {
    /// ## What it checks
    /// Every TLV's declared length fits inside the enclosing value.
    ///
    /// ## Why
    /// A length that overruns its container makes the rest of the structure unreadable; smimelint lints whatever it could still reach.
    ///
    /// ## Example
    /// `30 05 02 01` (five content octets declared, two present).
    E_DER_TRUNCATED {
        name: "e_der_truncated",
        description: "A value's length runs past the end of the data that holds it",
        citation: "X.690 8.1.3",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_truncated,
        crl_check: crl_der_truncated,
        ocsp_check: ocsp_der_truncated,
    }
}
