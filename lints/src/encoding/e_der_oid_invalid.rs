use super::*;
use smimelint_cert::ViolationKind;

fn check_der_oid_invalid(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::InvalidOid)
}

fn crl_der_oid_invalid(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::InvalidOid)
}

fn ocsp_der_oid_invalid(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::InvalidOid)
}

lint! {
    /// ## What it checks
    /// OID content is non-empty, ends on a complete sub-identifier, and no sub-identifier starts with `80`.
    ///
    /// ## Why
    /// Non-minimal arcs give one OID several encodings, so byte comparisons (policy OIDs, EKUs) fail.
    ///
    /// ## Example
    /// `06 03 55 80 1d` for 2.5.29.
    E_DER_OID_INVALID {
        name: "e_der_oid_invalid",
        description: "An OBJECT IDENTIFIER is empty, truncated or has non-minimal sub-identifiers",
        citation: "X.690 8.19.2",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_oid_invalid,
        crl_check: crl_der_oid_invalid,
        ocsp_check: ocsp_der_oid_invalid,
    }
}
