use super::*;

fn check_number_missing(ctx: &CrlContext<'_>) -> Outcome {
    require_crl_extension(ctx.crl, &oid::CRL_NUMBER)
}

lint! {
    /// ## What it checks
    /// The CRL has a cRLNumber extension.
    ///
    /// ## Why
    /// RFC 5280 §5.2.3: "CRL issuers conforming to this profile MUST include this extension in
    /// all CRLs". The monotonically increasing number lets relying parties tell which of two
    /// CRLs supersedes the other, and delta CRLs refer to it.
    ///
    /// ## Example
    /// crlExtensions holding only authorityKeyIdentifier.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_number_missing`).
    E_CRL_NUMBER_MISSING {
        name: "e_crl_number_missing",
        description: "The CRL has no cRLNumber",
        citation: "RFC 5280 5.2.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_number_missing"],
        zlint: ["e_crl_missing_crl_number", "e_crl_number_out_of_range"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_number_missing,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_number_missing";

    #[test]
    fn crl_number_is_present() {
        let bad = base().without_ext(&ext::CRL_NUMBER).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
