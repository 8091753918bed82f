use super::*;

fn check_aki_missing(ctx: &CrlContext<'_>) -> Outcome {
    require_crl_extension(ctx.crl, &oid::AUTHORITY_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// The CRL has an authorityKeyIdentifier extension.
    ///
    /// ## Why
    /// RFC 5280 §5.2.1: "Conforming CRL issuers MUST use the key identifier method, and MUST
    /// include this extension in all CRLs issued." It tells relying parties which of the CA's
    /// keys signed the CRL when the CA has more than one.
    ///
    /// ## Example
    /// crlExtensions holding only cRLNumber.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.authority_key_identifier_missing`).
    E_CRL_AKI_MISSING {
        name: "e_crl_aki_missing",
        description: "The CRL has no authorityKeyIdentifier",
        citation: "RFC 5280 5.2.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.authority_key_identifier_missing"],
        zlint: ["e_crl_has_authority_key_identifier"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_aki_missing,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_aki_missing";

    #[test]
    fn aki_is_present() {
        let bad = base().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
