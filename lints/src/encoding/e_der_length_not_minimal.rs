use super::*;
use smimelint_cert::ViolationKind;

fn check_der_length_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalLength)
}

fn crl_der_length_not_minimal(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::NonMinimalLength)
}

fn ocsp_der_length_not_minimal(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::NonMinimalLength)
}

lint! {
    /// ## What it checks
    /// Every TLV length uses the short form below 128 and otherwise the long form with no leading zero octets.
    ///
    /// ## Why
    /// DER requires a single encoding for every value. Signatures, fingerprints and byte comparisons of names depend on it, and strict decoders (x509-cert, Go) reject such certificates.
    ///
    /// ## Example
    /// `30 81 05 …` for a 5-byte SEQUENCE (the short form `30 05` is required).
    E_DER_LENGTH_NOT_MINIMAL {
        name: "e_der_length_not_minimal",
        description: "A length is not encoded in the minimum number of octets",
        citation: "X.690 10.1",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_length_not_minimal,
        crl_check: crl_der_length_not_minimal,
        ocsp_check: ocsp_der_length_not_minimal,
    }
}
