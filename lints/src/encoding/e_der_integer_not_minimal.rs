use super::*;
use smimelint_cert::ViolationKind;

fn check_der_integer_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalInteger)
}

fn crl_der_integer_not_minimal(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::NonMinimalInteger)
}

fn ocsp_der_integer_not_minimal(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::NonMinimalInteger)
}

lint! {
    /// ## What it checks
    /// INTEGER and ENUMERATED content is non-empty and has no redundant leading `00` or `FF` octet.
    ///
    /// ## Why
    /// Non-minimal integers are not DER; serial numbers compared byte-wise would not match.
    ///
    /// ## Example
    /// `02 02 00 05` for the serial number 5.
    E_DER_INTEGER_NOT_MINIMAL {
        name: "e_der_integer_not_minimal",
        description: "An INTEGER has redundant leading octets or no content",
        citation: "X.690 8.3.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_integer_not_minimal,
        crl_check: crl_der_integer_not_minimal,
        ocsp_check: ocsp_der_integer_not_minimal,
    }
}
