use super::*;
use smimelint_cert::ViolationKind;

fn check_der_tag_not_minimal(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::NonMinimalTag)
}

fn crl_der_tag_not_minimal(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::NonMinimalTag)
}

fn ocsp_der_tag_not_minimal(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::NonMinimalTag)
}

lint! {
    /// ## What it checks
    /// Tag numbers below 31 use the one-octet form and high tag numbers have no leading 0x80 octet.
    ///
    /// ## Why
    /// Only one encoding of each tag is valid in DER.
    ///
    /// ## Example
    /// `1f 02` for INTEGER instead of `02`.
    E_DER_TAG_NOT_MINIMAL {
        name: "e_der_tag_not_minimal",
        description: "A tag number is not minimally encoded",
        citation: "X.690 8.1.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_tag_not_minimal,
        crl_check: crl_der_tag_not_minimal,
        ocsp_check: ocsp_der_tag_not_minimal,
    }
}
