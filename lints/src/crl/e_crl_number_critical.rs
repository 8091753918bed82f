use super::*;

fn check_number_critical(ctx: &CrlContext<'_>) -> Outcome {
    require_criticality(ctx.crl, &oid::CRL_NUMBER, false)
}

lint! {
    /// ## What it checks
    /// The CRL's cRLNumber is not marked critical.
    ///
    /// ## Why
    /// RFC 5280 §5.2.3: "The CRL number is a non-critical CRL extension". Marked critical, it
    /// makes the CRL unusable to relying parties that do not process it (§5.2).
    ///
    /// ## Example
    /// cRLNumber with `critical TRUE`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_number_extension_critical`).
    E_CRL_NUMBER_CRITICAL {
        name: "e_crl_number_critical",
        description: "The CRL's cRLNumber is marked critical",
        citation: "RFC 5280 5.2.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_number_extension_critical"],
        zlint: ["e_crl_extensions_validity"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_number_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_number_critical";

    #[test]
    fn crl_number_is_not_critical() {
        let bad = base().critical(&ext::CRL_NUMBER, true).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
