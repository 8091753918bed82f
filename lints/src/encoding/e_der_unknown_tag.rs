use super::*;
use smimelint_cert::ViolationKind;

fn check_der_unknown_tag(ctx: &LintContext<'_>) -> Outcome {
    report(ctx, ViolationKind::UnknownTag)
}

fn crl_der_unknown_tag(ctx: &CrlContext<'_>) -> Outcome {
    report_crl(ctx, ViolationKind::UnknownTag)
}

fn ocsp_der_unknown_tag(ctx: &OcspContext<'_>) -> Outcome {
    report_ocsp(ctx, ViolationKind::UnknownTag)
}

lint! {
    /// ## What it checks
    /// Every universal tag is one X.509 uses. UniversalString (tag 28), which RFC 5280 keeps only for backward compatibility, and reserved or unused universal tags are reported.
    ///
    /// ## Why
    /// x509-cert/der and other strict decoders reject these tags outright, so relying parties cannot read the certificate; RFC 5280 requires PrintableString or UTF8String for new DirectoryString values.
    ///
    /// ## Example
    /// A subject commonName encoded as UniversalString `1c 10 00 00 00 41 …`.
    E_DER_UNKNOWN_TAG {
        name: "e_der_unknown_tag",
        description: "A universal tag that X.509 DER decoders do not accept",
        citation: "X.690 8.1.2; RFC 5280 4.1.2.6",
        source: Source::X690,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_der_unknown_tag,
        crl_check: crl_der_unknown_tag,
        ocsp_check: ocsp_der_unknown_tag,
    }
}
