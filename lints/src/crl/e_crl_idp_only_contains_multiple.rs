use super::*;

fn check_idp_only_contains_multiple(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.crl.issuing_distribution_point() {
        None | Some(Err(_)) => Outcome::NotApplicable,
        Some(Ok(idp)) if idp.only_contains_count() > 1 => {
            let set: Vec<&str> = [
                (idp.only_user_certs, "onlyContainsUserCerts"),
                (idp.only_ca_certs, "onlyContainsCACerts"),
                (idp.only_attribute_certs, "onlyContainsAttributeCerts"),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| *name)
            .collect();
            fail!(
                "issuingDistributionPoint sets {} to TRUE; at most one may be",
                set.join(" and ")
            )
        }
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// At most one of onlyContainsUserCerts, onlyContainsCACerts and onlyContainsAttributeCerts
    /// is TRUE in the issuingDistributionPoint.
    ///
    /// ## Why
    /// RFC 5280 §5.2.5: "at most one of onlyContainsUserCerts, onlyContainsCACerts, and
    /// onlyContainsAttributeCerts may be set to TRUE." Together they describe a CRL that covers
    /// no certificate at all. smimelint also reads these flags to decide the CRL's scope.
    ///
    /// ## Example
    /// issuingDistributionPoint `30 06 81 01 ff 82 01 ff`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_IDP_ONLY_CONTAINS_MULTIPLE {
        name: "e_crl_idp_only_contains_multiple",
        description: "The CRL's issuingDistributionPoint sets more than one onlyContains flag",
        citation: "RFC 5280 5.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_idp_only_contains_multiple,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_idp_only_contains_multiple";

    #[test]
    fn one_only_contains_flag_at_most() {
        let user = Idp {
            only_user_certs: true,
            ..Idp::uris(&["http://crl.example.com/smime.crl"])
        };
        let both = Idp {
            only_ca_certs: true,
            ..user.clone()
        };
        assert_only(&base().idp(&both, true).build(), LINT);
        assert_eq!(
            status_of(&base().idp(&user, true).build(), LINT),
            Status::Pass
        );
    }
}
