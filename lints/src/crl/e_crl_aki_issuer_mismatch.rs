use super::*;

fn check_aki_issuer_mismatch(ctx: &CrlContext<'_>) -> Outcome {
    let Some(issuer) = ctx.issuer else {
        return Outcome::NotApplicable;
    };
    let Some(Ok(aki)) = ctx.crl.authority_key_id() else {
        return Outcome::NotApplicable;
    };
    let (Some(key_id), Some(ski)) = (aki.key_id, issuer.ski().value()) else {
        return Outcome::NotApplicable;
    };
    if key_id == *ski {
        Outcome::Pass
    } else {
        fail!(
            "authorityKeyIdentifier keyIdentifier {} is not the issuer certificate's subjectKeyIdentifier {}",
            hex_full(key_id),
            hex_full(ski)
        )
    }
}

lint! {
    /// ## What it checks
    /// With the issuing CA's certificate (`--issuer`): the keyIdentifier of the CRL's
    /// authorityKeyIdentifier equals the CA certificate's subjectKeyIdentifier. Without
    /// `--issuer`, or when either identifier is missing, the lint does not run.
    ///
    /// ## Why
    /// RFC 5280 §5.2.1: the authorityKeyIdentifier "provides a means of identifying the public
    /// key corresponding to the private key used to sign a CRL", and §4.2.1.1 has it carry the
    /// subjectKeyIdentifier of the CA's certificate. A different value sends relying parties
    /// looking for a key that did not sign the CRL.
    ///
    /// ## Example
    /// authorityKeyIdentifier `[0] 5e5e…5e` for a CA whose subjectKeyIdentifier is another
    /// value.
    ///
    /// ## Differences from pkilint
    /// pkilint lints a CRL without its issuer and has no such check.
    E_CRL_AKI_ISSUER_MISMATCH {
        name: "e_crl_aki_issuer_mismatch",
        description: "The CRL's authorityKeyIdentifier is not the issuing CA's subjectKeyIdentifier",
        citation: "RFC 5280 5.2.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_aki_issuer_mismatch,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_aki_issuer_mismatch";

    #[test]
    fn aki_names_the_issuer_key() {
        let bad = base().aki_key_id(&[0x5e; 20]).build();
        assert_eq!(status_with_issuer(&bad, &ca_der(), LINT), Status::Error);
        assert_eq!(
            status_with_issuer(&base().build(), &ca_der(), LINT),
            Status::Pass
        );
        assert_eq!(status_of(&bad, LINT), Status::NotApplicable);
    }
}
