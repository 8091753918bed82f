use super::*;

fn check_extensions_in_non_v3(ctx: &LintContext<'_>) -> Outcome {
    let cert = ctx.cert;
    if cert.extensions_field.is_none() {
        return Outcome::NotApplicable;
    }
    match cert.version_number() {
        Some(2) => Outcome::Pass,
        // An unreadable version is e_smime_certificate_not_v3's finding.
        None => Outcome::NotApplicable,
        Some(n) => fail!(
            "tbsCertificate.extensions ({} extension(s)) is present in a certificate whose version is {}; extensions are allowed only in v3",
            cert.extensions.len(),
            version_text(cert, n)
        ),
    }
}

lint! {
    /// ## What it checks
    /// When the `[3] extensions` field is present, the version is v3 (INTEGER 2). An unreadable
    /// version is left to `e_smime_certificate_not_v3`.
    ///
    /// ## Why
    /// RFC 5280 §4.1.2.9: the extensions field "MUST only appear if the version is 3". Software
    /// that honours the version ignores or rejects the extensions of a v1/v2 certificate, so
    /// its key usage, policies and names are lost.
    ///
    /// ## Example
    /// A certificate with `a0 03 02 01 01` (v2), or with no version field (v1), that carries
    /// keyUsage and subjectAltName.
    E_SMIME_RFC5280_EXTENSIONS_IN_NON_V3_CERTIFICATE {
        name: "e_smime_rfc5280_extensions_in_non_v3_certificate",
        description: "Extensions are present but the certificate is not v3",
        citation: "RFC 5280 4.1.2.9; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: ["e_cert_extensions_version_not_3"],
        catalog: [],
        applies: Applies::ALL,
        check: check_extensions_in_non_v3,
    }
}
