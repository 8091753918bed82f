use super::*;

fn check_delta_indicator_not_critical(ctx: &CrlContext<'_>) -> Outcome {
    require_criticality(ctx.crl, &oid::DELTA_CRL_INDICATOR, true)
}

lint! {
    /// ## What it checks
    /// A deltaCRLIndicator extension is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §5.2.4: "The delta CRL indicator is a critical CRL extension that identifies a
    /// CRL as being a delta CRL." A relying party that ignored it would take the few entries of
    /// a delta CRL for the complete list.
    ///
    /// ## Example
    /// deltaCRLIndicator with `critical FALSE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check delta CRLs.
    E_CRL_DELTA_INDICATOR_NOT_CRITICAL {
        name: "e_crl_delta_indicator_not_critical",
        description: "The CRL's deltaCRLIndicator is not marked critical",
        citation: "RFC 5280 5.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_delta_indicator_not_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_delta_indicator_not_critical";

    #[test]
    fn delta_indicator_is_critical() {
        let delta = || base().delta_crl_indicator(&[0x0f]);
        let bad = delta().critical(&ext::DELTA_CRL_INDICATOR, false).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&delta().build(), LINT), Status::Pass);
        assert_eq!(status_of(&base().build(), LINT), Status::NotApplicable);
    }
}
