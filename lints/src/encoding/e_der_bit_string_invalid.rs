use super::*;
use smimelint_cert::ViolationKind;

fn check_der_bit_string_invalid(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::InvalidBitString)
}

fn crl_der_bit_string_invalid(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::InvalidBitString)
}

fn ocsp_der_bit_string_invalid(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::InvalidBitString)
}

lint! {
    /// ## What it checks
    /// BIT STRING content starts with an unused-bits count of 0–7, an empty bit string declares 0, and the unused bits are zero.
    ///
    /// ## Why
    /// DER requires zero padding bits; anything else is a second encoding of the same value.
    ///
    /// ## Example
    /// `03 02 01 01` (one unused bit that is set).
    E_DER_BIT_STRING_INVALID {
        name: "e_der_bit_string_invalid",
        description: "A BIT STRING has an invalid unused-bits octet or non-zero padding bits",
        citation: "X.690 8.6.2, 11.2.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_bit_string_invalid,
        crl_check: crl_der_bit_string_invalid,
        ocsp_check: ocsp_der_bit_string_invalid,
    }
}
