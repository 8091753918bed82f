use super::*;

/// The CRL extensions of RFC 5280 §5.2, plus expiredCertsOnCRL (X.509).
const KNOWN: [&const_oid::ObjectIdentifier; 8] = [
    &oid::AUTHORITY_KEY_IDENTIFIER,
    &oid::ISSUER_ALT_NAME,
    &oid::CRL_NUMBER,
    &oid::DELTA_CRL_INDICATOR,
    &oid::ISSUING_DISTRIBUTION_POINT,
    &oid::FRESHEST_CRL,
    &oid::AUTHORITY_INFO_ACCESS,
    &oid::EXPIRED_CERTS_ON_CRL,
];

fn check_critical_extension_unknown(ctx: &CrlContext<'_>) -> Outcome {
    let extensions = &ctx.crl.extensions;
    if extensions.is_empty() {
        return Outcome::NotApplicable;
    }
    let unknown: Vec<String> = extensions
        .iter()
        .filter(|e| e.critical && !KNOWN.iter().any(|k| e.is(k)))
        .map(|e| oid::describe_extension(e.oid))
        .collect();
    if unknown.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "critical CRL extension(s) that relying parties cannot be expected to process: {}",
            unknown.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// No critical CRL extension other than those smimelint knows: authorityKeyIdentifier,
    /// issuerAltName, cRLNumber, deltaCRLIndicator, issuingDistributionPoint, freshestCRL,
    /// authorityInfoAccess and expiredCertsOnCRL.
    ///
    /// ## Why
    /// RFC 5280 §5.2: "If a CRL contains a critical extension that the application cannot
    /// process, then the application MUST NOT use that CRL to determine the status of
    /// certificates." A critical private extension makes the CRL useless to every relying party
    /// that does not know it, and the CA's certificates then fail revocation checking.
    ///
    /// ## Example
    /// crlExtensions with `1.3.6.1.4.1.99999.7`, `critical TRUE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it; zlint warns about any CRL extension beyond cRLNumber,
    /// authorityKeyIdentifier and issuingDistributionPoint (`e_crl_extensions_validity`).
    E_CRL_CRITICAL_EXTENSION_UNKNOWN {
        name: "e_crl_critical_extension_unknown",
        description: "The CRL has a critical extension smimelint does not know",
        citation: "RFC 5280 5.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_extensions_validity"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_critical_extension_unknown,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use const_oid::ObjectIdentifier;

    const LINT: &str = "e_crl_critical_extension_unknown";
    const PRIVATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.7");

    #[test]
    fn only_known_crl_extensions_are_critical() {
        let bad = base().ext(&PRIVATE, true, der::null()).build();
        assert_only(&bad, LINT);
        let non_critical = base().ext(&PRIVATE, false, der::null()).build();
        assert_eq!(status_of(&non_critical, LINT), Status::Pass);
        let idp = Idp::uris(&["http://crl.example.com/smime.crl"]);
        assert_eq!(
            status_of(&base().idp(&idp, true).build(), LINT),
            Status::Pass
        );
    }
}
