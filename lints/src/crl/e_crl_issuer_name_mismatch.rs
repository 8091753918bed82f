use super::*;

fn check_issuer_name_mismatch(ctx: &CrlContext<'_>) -> Outcome {
    let (Some(issuer), Some(name)) = (ctx.issuer, ctx.crl.issuer) else {
        return Outcome::NotApplicable;
    };
    let Some(subject) = issuer.subject else {
        return Outcome::NotApplicable;
    };
    if name.raw == subject.raw {
        Outcome::Pass
    } else {
        fail!(
            "the CRL's issuer ({}) is not the issuer certificate's subject ({})",
            hex_full(name.raw),
            hex_full(subject.raw)
        )
    }
}

lint! {
    /// ## What it checks
    /// With the issuing CA's certificate (`--issuer`): the CRL's issuer Name is byte for byte
    /// the CA certificate's subject. Without `--issuer` the lint does not run.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.3: "The issuer name identifies the entity that has signed and issued the
    /// CRL." Relying parties find the CRL's signer, and match the CRL to the certificates it
    /// covers, by this name. The comparison is on the encoding, as the CA copies its own subject:
    /// a name that differs only in string type or case may still match under the §7.1 rules of
    /// some relying parties, but not of all.
    ///
    /// ## Example
    /// A subordinate CA's CRL naming the root CA as issuer.
    ///
    /// ## Differences from pkilint
    /// pkilint lints a CRL without its issuer and has no such check.
    E_CRL_ISSUER_NAME_MISMATCH {
        name: "e_crl_issuer_name_mismatch",
        description: "The CRL's issuer Name is not the issuing CA's subject",
        citation: "RFC 5280 5.1.2.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_issuer_name_mismatch,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_issuer_name_mismatch";

    #[test]
    fn issuer_is_the_ca_subject() {
        let root = CertBuilder::root_ca(KeyAlg::P256);
        let bad = base().issuer_raw(root.subject).build();
        assert_eq!(status_with_issuer(&bad, &ca_der(), LINT), Status::Error);
        assert_eq!(
            status_with_issuer(&base().build(), &ca_der(), LINT),
            Status::Pass
        );
        assert_eq!(status_of(&bad, LINT), Status::NotApplicable);
    }
}
