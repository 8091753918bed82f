use super::*;

fn check_aki_key_id_missing(ctx: &CrlContext<'_>) -> Outcome {
    match ctx.crl.authority_key_id() {
        None | Some(Err(_)) => Outcome::NotApplicable,
        Some(Ok(aki)) if aki.key_id.is_none() => {
            fail!("authorityKeyIdentifier has no keyIdentifier")
        }
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// The CRL's authorityKeyIdentifier has a keyIdentifier.
    ///
    /// ## Why
    /// RFC 5280 §5.2.1: "Conforming CRL issuers MUST use the key identifier method", that is
    /// the keyIdentifier field of §4.2.1.1; authorityCertIssuer and authorityCertSerialNumber
    /// alone do not identify the key.
    ///
    /// ## Example
    /// authorityKeyIdentifier `SEQUENCE { [1] issuer, [2] serial }`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.authority_key_identifier_keyid_missing`).
    E_CRL_AKI_KEY_ID_MISSING {
        name: "e_crl_aki_key_id_missing",
        description: "The CRL's authorityKeyIdentifier has no keyIdentifier",
        citation: "RFC 5280 5.2.1, 4.2.1.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.authority_key_identifier_keyid_missing"],
        zlint: ["e_crl_auth_key_id_only_contains_keyid"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_aki_key_id_missing,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_aki_key_id_missing";

    #[test]
    fn aki_carries_a_key_identifier() {
        let root = CertBuilder::root_ca(KeyAlg::P256);
        let bad = base()
            .aki_issuer_serial(
                &[smimelint_factory::gn::directory_name(&root.subject)],
                &ca().serial[2..],
            )
            .build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
