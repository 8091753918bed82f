use super::*;
use smimelint_cert::ViolationKind;

fn check_der_indefinite_length(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::IndefiniteLength)
}

fn crl_der_indefinite_length(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::IndefiniteLength)
}

fn ocsp_der_indefinite_length(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::IndefiniteLength)
}

lint! {
    /// ## What it checks
    /// No TLV uses the indefinite length form (`80` … `00 00`).
    ///
    /// ## Why
    /// Indefinite lengths are BER only; DER forbids them.
    ///
    /// ## Example
    /// `30 80 02 01 05 00 00`.
    E_DER_INDEFINITE_LENGTH {
        name: "e_der_indefinite_length",
        description: "A value uses the BER indefinite length form",
        citation: "X.690 10.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_indefinite_length,
        crl_check: crl_der_indefinite_length,
        ocsp_check: ocsp_der_indefinite_length,
    }
}
