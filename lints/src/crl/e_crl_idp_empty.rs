use super::*;

fn check_idp_empty(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.crl.issuing_distribution_point() {
        None | Some(Err(_)) => Outcome::NotApplicable,
        Some(Ok(idp)) if idp.empty => fail!("issuingDistributionPoint is an empty SEQUENCE"),
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// An issuingDistributionPoint is not an empty SEQUENCE.
    ///
    /// ## Why
    /// RFC 5280 §5.2.5: "Conforming CRL issuers MUST NOT issue CRLs where the DER encoding of
    /// the issuing distribution point extension is an empty sequence." An empty IDP restricts
    /// nothing yet is critical, so it only makes the CRL harder to use.
    ///
    /// ## Example
    /// issuingDistributionPoint `30 00`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_IDP_EMPTY {
        name: "e_crl_idp_empty",
        description: "The CRL's issuingDistributionPoint is an empty SEQUENCE",
        citation: "RFC 5280 5.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_idp_empty,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_idp_empty";

    #[test]
    fn idp_is_not_empty() {
        assert_only(&base().idp(&Idp::default(), true).build(), LINT);
        let idp = Idp::uris(&["http://crl.example.com/smime.crl"]);
        assert_eq!(
            status_of(&base().idp(&idp, true).build(), LINT),
            Status::Pass
        );
    }
}
