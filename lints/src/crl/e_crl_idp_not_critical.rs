use super::*;

fn check_idp_not_critical(ctx: &CrlContext<'_>) -> Outcome {
    require_criticality(ctx.crl, &oid::ISSUING_DISTRIBUTION_POINT, true)
}

lint! {
    /// ## What it checks
    /// An issuingDistributionPoint extension is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §5.2.5: "The issuing distribution point is a critical CRL extension". It limits
    /// what the CRL covers (some reasons, only user or only CA certificates, one partition); a
    /// relying party that ignored it would take a partial CRL for a complete one.
    ///
    /// ## Example
    /// issuingDistributionPoint with `critical FALSE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_IDP_NOT_CRITICAL {
        name: "e_crl_idp_not_critical",
        description: "The CRL's issuingDistributionPoint is not marked critical",
        citation: "RFC 5280 5.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_extensions_validity"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_idp_not_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_idp_not_critical";

    #[test]
    fn idp_is_critical() {
        let idp = Idp::uris(&["http://crl.example.com/smime.crl"]);
        assert_only(&base().idp(&idp, false).build(), LINT);
        assert_eq!(
            status_of(&base().idp(&idp, true).build(), LINT),
            Status::Pass
        );
        assert_eq!(status_of(&base().build(), LINT), Status::NotApplicable);
    }
}
