use super::*;
use smimelint_cert::ViolationKind;

fn check_der_trailing_data(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::TrailingData)
}

fn crl_der_trailing_data(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::TrailingData)
}

fn ocsp_der_trailing_data(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::TrailingData)
}

lint! {
    /// ## What it checks
    /// Nothing follows the certificate's outer SEQUENCE, and nothing follows the single value inside an extension's extnValue OCTET STRING.
    ///
    /// ## Why
    /// Trailing bytes are not covered by the signature structure in a defined way and strict decoders reject them.
    ///
    /// ## Example
    /// A certificate followed by a stray `00`; an extnValue holding a SEQUENCE and two extra bytes.
    E_DER_TRAILING_DATA {
        name: "e_der_trailing_data",
        description: "Bytes follow the end of a complete structure",
        citation: "X.690 8.1.1; RFC 5280 4.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_trailing_data,
        crl_check: crl_der_trailing_data,
        ocsp_check: ocsp_der_trailing_data,
    }
}
