use super::*;

fn check_issuer_empty(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.crl.issuer {
        None => Outcome::NotApplicable,
        Some(i) if i.content.is_empty() => fail!("issuer is an empty Name"),
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// The CRL's issuer Name has at least one RDN.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.3: "The issuer field MUST contain a non-empty X.500 distinguished name
    /// (DN)." Relying parties match the CRL to a certificate by this name.
    ///
    /// ## Example
    /// issuer `30 00`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.name_empty`).
    E_CRL_ISSUER_EMPTY {
        name: "e_crl_issuer_empty",
        description: "The CRL's issuer Name is empty",
        citation: "RFC 5280 5.1.2.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.name_empty"],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_issuer_empty,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_issuer_empty";

    #[test]
    fn issuer_is_not_empty() {
        let bad = base().issuer_raw(der::seq(&[])).build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
