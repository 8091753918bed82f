use super::*;

fn check_idp_only_attribute_certs(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.crl.issuing_distribution_point() {
        None | Some(Err(_)) => Outcome::NotApplicable,
        Some(Ok(idp)) if idp.only_attribute_certs => {
            fail!("issuingDistributionPoint sets onlyContainsAttributeCerts to TRUE")
        }
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// The issuingDistributionPoint does not set onlyContainsAttributeCerts.
    ///
    /// ## Why
    /// RFC 5280 §5.2.5: "Conforming CRLs issuers MUST set the onlyContainsAttributeCerts
    /// boolean to FALSE." Attribute certificates are outside the profile, and a CRL of an
    /// S/MIME CA lists public-key certificates.
    ///
    /// ## Example
    /// issuingDistributionPoint with `85 01 ff`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_IDP_ONLY_ATTRIBUTE_CERTS {
        name: "e_crl_idp_only_attribute_certs",
        description: "The CRL's issuingDistributionPoint sets onlyContainsAttributeCerts",
        citation: "RFC 5280 5.2.5",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_idp_only_attribute_certs,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_idp_only_attribute_certs";

    #[test]
    fn attribute_certificates_are_not_covered() {
        let plain = Idp::uris(&["http://crl.example.com/smime.crl"]);
        let attrs = Idp {
            only_attribute_certs: true,
            ..plain.clone()
        };
        assert_only(&base().idp(&attrs, true).build(), LINT);
        assert_eq!(
            status_of(&base().idp(&plain, true).build(), LINT),
            Status::Pass
        );
    }
}
