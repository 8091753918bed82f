use super::*;
use smimelint_cert::ViolationKind;

fn check_der_wrong_form(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::WrongForm)
}

fn crl_der_wrong_form(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::WrongForm)
}

fn ocsp_der_wrong_form(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::WrongForm)
}

lint! {
    /// ## What it checks
    /// Strings, OCTET STRING and BIT STRING are primitive; SEQUENCE and SET are constructed.
    ///
    /// ## Why
    /// Constructed strings are BER only.
    ///
    /// ## Example
    /// `24 03 04 01 00` (a constructed OCTET STRING).
    E_DER_WRONG_FORM {
        name: "e_der_wrong_form",
        description: "A value uses the constructed form where DER requires the primitive one, or the reverse",
        citation: "X.690 10.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_wrong_form,
        crl_check: crl_der_wrong_form,
        ocsp_check: ocsp_der_wrong_form,
    }
}
