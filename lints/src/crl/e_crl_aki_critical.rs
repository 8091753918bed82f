use super::*;

fn check_aki_critical(ctx: &CrlContext<'_>) -> Outcome {
    require_criticality(ctx.crl, &oid::AUTHORITY_KEY_IDENTIFIER, false)
}

lint! {
    /// ## What it checks
    /// The CRL's authorityKeyIdentifier is not marked critical.
    ///
    /// ## Why
    /// RFC 5280 §5.2.1 uses the extension as defined for certificates in §4.2.1.1, where
    /// "Conforming CAs MUST mark this extension as non-critical."
    ///
    /// ## Example
    /// authorityKeyIdentifier with `critical TRUE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it for CRLs.
    E_CRL_AKI_CRITICAL {
        name: "e_crl_aki_critical",
        description: "The CRL's authorityKeyIdentifier is marked critical",
        citation: "RFC 5280 5.2.1, 4.2.1.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_extensions_validity"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_aki_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_aki_critical";

    #[test]
    fn aki_is_not_critical() {
        let bad = base()
            .critical(&ext::AUTHORITY_KEY_IDENTIFIER, true)
            .build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
