use super::*;

fn check_freshest_crl_in_delta(ctx: &CrlContext<'_>) -> Outcome {
    if !ctx.crl.is_delta() {
        return Outcome::NotApplicable;
    }
    if ctx.crl.extension(&oid::FRESHEST_CRL).is_some() {
        fail!("a delta CRL (deltaCRLIndicator) carries freshestCRL")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A delta CRL (one with deltaCRLIndicator) has no freshestCRL extension.
    ///
    /// ## Why
    /// RFC 5280 §5.2.6: freshestCRL "identifies how delta CRL information for this complete
    /// CRL is obtained", and "This extension MUST NOT appear in delta CRLs."
    ///
    /// ## Example
    /// A CRL with deltaCRLIndicator and freshestCRL.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check delta CRLs.
    E_CRL_FRESHEST_CRL_IN_DELTA {
        name: "e_crl_freshest_crl_in_delta",
        description: "A delta CRL has a freshestCRL extension",
        citation: "RFC 5280 5.2.6",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_freshest_crl_in_delta,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_factory::ext::crl_distribution_points;

    const LINT: &str = "e_crl_freshest_crl_in_delta";

    #[test]
    fn delta_crls_have_no_freshest_crl() {
        let freshest = crl_distribution_points(&["http://crl.example.com/delta.crl"]);
        let bad = base()
            .delta_crl_indicator(&[0x0f])
            .ext(&ext::FRESHEST_CRL, false, freshest.clone())
            .build();
        assert_only(&bad, LINT);
        let delta = base().delta_crl_indicator(&[0x0f]).build();
        assert_eq!(status_of(&delta, LINT), Status::Pass);
        // A complete CRL points at its delta CRLs with it.
        let complete = base().ext(&ext::FRESHEST_CRL, false, freshest).build();
        assert_eq!(status_of(&complete, LINT), Status::NotApplicable);
    }
}
