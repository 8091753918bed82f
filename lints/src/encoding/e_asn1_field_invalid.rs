use super::*;

fn check_field_errors(ctx: &LintContext<'_>) -> Outcome {
    report_field_errors(&ctx.cert.field_errors)
}

fn crl_field_errors(ctx: &CrlContext<'_>) -> Outcome {
    report_field_errors(&ctx.crl.field_errors)
}

fn ocsp_field_errors(ctx: &OcspContext<'_>) -> Outcome {
    report_field_errors(&ctx.ocsp.field_errors)
}

fn report_field_errors(errors: &[smimelint_cert::FieldError]) -> Outcome {
    if errors.is_empty() {
        return Outcome::Pass;
    }
    let list: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    fail!("{}", list.join("; "))
}

lint! {
    /// ## What it checks
    /// Each field and extension is decoded on its own against its ASN.1 definition with the
    /// strict x509-cert/der decoders, and the certificate skeleton must have every field of
    /// RFC 5280 §4.1 in order. A field that is missing, of the wrong type, or rejected by the
    /// decoder is reported here with the decoder's message.
    ///
    /// ## Why
    /// RFC 5280 (incorporated by SBR 7.1.2.4) defines the syntax. Relying-party software built on
    /// strict decoders rejects such certificates. Defects that are pure DER encoding violations
    /// are reported by the more specific `e_der_*` lints instead, once.
    ///
    /// CRLs (RFC 5280 §5.1) and OCSP responses (RFC 6960 §4.2.1) are read the same way: a
    /// field missing or of the wrong type, in the CRL, one of its entries or the response, is
    /// reported here.
    ///
    /// ## Example
    /// An extKeyUsage value that is a SET instead of a SEQUENCE; a Validity missing notAfter.
    E_ASN1_FIELD_INVALID {
        name: "e_asn1_field_invalid",
        description: "A certificate field or extension value does not match its ASN.1 definition",
        citation: "RFC 5280 4.1, 4.2; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["itu.invalid_asn1_syntax"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_field_errors,
        crl_check: crl_field_errors,
        ocsp_check: ocsp_field_errors,
    }
}
