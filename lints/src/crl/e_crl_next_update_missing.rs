use super::*;

fn check_next_update_missing(ctx: &CrlContext<'_>) -> Outcome {
    if ctx.crl.next_update.is_some() {
        Outcome::Pass
    } else {
        fail!("the CRL has no nextUpdate")
    }
}

lint! {
    /// ## What it checks
    /// The CRL has a nextUpdate.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.5: "Conforming CRL issuers MUST include the nextUpdate time in all
    /// CRLs." SBR 4.9.7 bounds nextUpdate − thisUpdate (ten days for subscriber certificates,
    /// twelve months for CA certificates), which presumes the field.
    ///
    /// ## Example
    /// A TBSCertList whose thisUpdate is followed directly by revokedCertificates.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.validity_period_end_value_missing`).
    E_CRL_NEXT_UPDATE_MISSING {
        name: "e_crl_next_update_missing",
        description: "The CRL has no nextUpdate",
        citation: "RFC 5280 5.1.2.5; SBR 4.9.7",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.validity_period_end_value_missing"],
        zlint: ["e_crl_has_next_update"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_next_update_missing,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_next_update_missing";

    #[test]
    fn next_update_is_present() {
        let bad = base().next_update(None).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
