use super::*;
use smimelint_cert::ViolationKind;

fn check_der_boolean_not_canonical(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonDerBoolean)
}

fn crl_der_boolean_not_canonical(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::NonDerBoolean)
}

fn ocsp_der_boolean_not_canonical(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::NonDerBoolean)
}

lint! {
    /// ## What it checks
    /// BOOLEAN content is exactly one octet, `00` (FALSE) or `FF` (TRUE).
    ///
    /// ## Why
    /// DER allows only FF for TRUE; BER's other non-zero values make the encoding ambiguous.
    ///
    /// ## Example
    /// `01 01 01` as the critical flag of an extension.
    E_DER_BOOLEAN_NOT_CANONICAL {
        name: "e_der_boolean_not_canonical",
        description: "A BOOLEAN is not encoded as 00 or FF",
        citation: "X.690 11.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_boolean_not_canonical,
        crl_check: crl_der_boolean_not_canonical,
        ocsp_check: ocsp_der_boolean_not_canonical,
    }
}
