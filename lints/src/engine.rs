//! Input and decoding failures: what smimelint reports when it cannot read what it was given.

use super::prelude::*;

fn produced_by_engine(_: &LintContext<'_>) -> Outcome {
    // The engine emits this finding itself, before any certificate exists to check.
    Outcome::Pass
}

lint! {
    /// ## What it checks
    /// That each input unit is a certificate or TBSCertificate at all: a PEM block with a
    /// certificate label and valid base64, a DER SEQUENCE holding a Certificate or
    /// TBSCertificate, a base64 line, and not an empty, truncated or oversized blob. A DER
    /// structure whose shape is that of something else (a PKCS#10 request, a CRL, a PKCS#8,
    /// SEC1 or PKCS#1 private key, a public key, a PKCS#12 file, an OCSP request or response, a
    /// CMS/PKCS#7 message) is refused, and the details name what it looks like; damaged
    /// certificates are not refused but linted.
    ///
    /// ## Why
    /// Every input yields exactly one result record. Input that cannot be read is reported
    /// with status `fatal` under this lint instead of being skipped. Key material is never
    /// decoded or repeated in the details.
    ///
    /// ## Example
    /// A `-----BEGIN CERTIFICATE-----` block without its END line; a file of random bytes;
    /// a PEM block labelled `PRIVATE KEY`; a DER certificate request.
    E_INPUT_NOT_CERTIFICATE {
        name: "e_input_not_certificate",
        description: "The input is not a readable certificate or TBSCertificate",
        citation: "RFC 5280 4.1",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: produced_by_engine,
    }
}

lint! {
    /// ## What it checks
    /// Nothing about the certificate: it reports a panic inside smimelint while parsing or
    /// linting it.
    ///
    /// ## Why
    /// A linter in an issuance path must never crash on input. If a lint has a bug, the record
    /// for that certificate says so (status `fatal`) and the rest of the batch goes on.
    /// Please report such findings as bugs.
    E_INTERNAL_ERROR {
        name: "e_internal_error",
        description: "smimelint failed internally while linting this input",
        citation: "",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: produced_by_engine,
    }
}

fn check_field_errors(ctx: &LintContext<'_>) -> Outcome {
    let errors = &ctx.cert.field_errors;
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
    }
}
