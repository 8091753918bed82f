use super::*;

fn check_scope_unknown(ctx: &CrlContext<'_>) -> Outcome {
    if ctx.scope.is_some() {
        return Outcome::Pass;
    }
    fail!(
        "smimelint cannot tell whether this CRL covers subscriber or CA certificates, so the \
         rules that depend on it (SBR 4.9.7 ten days, SBR 7.2.2 CA entries) were not checked; \
         set it with --scope subscriber|ca, an issuingDistributionPoint with \
         onlyContainsUserCerts or onlyContainsCACerts, or a root CA as --issuer"
    )
}

lint! {
    /// ## What it checks
    /// Reports that the CRL's scope is unknown: nothing says whether its entries are subscriber
    /// or CA certificates. The scope comes from `--scope` (or the service's `scope`
    /// parameter), an issuingDistributionPoint with onlyContainsUserCerts or
    /// onlyContainsCACerts, or a root CA given as `--issuer` (a root issues only CA
    /// certificates).
    ///
    /// ## Why
    /// The SBR sets different rules by scope: nextUpdate at most ten days after thisUpdate for
    /// subscriber certificates (SBR 4.9.7), a reasonCode on every entry and no certificateHold
    /// for CA certificates (SBR 7.2.2). Without the scope those lints report NA, and this notice
    /// says so instead of letting a clean result suggest they passed.
    ///
    /// ## Example
    /// A full CRL of a subordinate CA without issuingDistributionPoint, linted without
    /// `--scope`.
    ///
    /// ## Differences from pkilint
    /// pkilint is told the CRL type (`-t CRL` or `-t ARL`) and never guesses.
    N_CRL_SCOPE_UNKNOWN {
        name: "n_crl_scope_unknown",
        description: "Whether the CRL covers subscriber or CA certificates is unknown",
        citation: "SBR 4.9.7, 7.2.2",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_scope_unknown,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_engine::revocation_context::Scope;

    const LINT: &str = "n_crl_scope_unknown";

    #[test]
    fn unknown_scope_is_noticed() {
        let plain = base().build();
        assert_only(&plain, LINT);
        assert_eq!(status_in_scope(&plain, Scope::Ca, LINT), Status::Pass);
        let idp = Idp {
            only_ca_certs: true,
            ..Idp::uris(&["http://crl.example.com/arl.crl"])
        };
        assert_eq!(
            status_of(&base().idp(&idp, true).build(), LINT),
            Status::Pass
        );
        // A root CA issues only CA certificates.
        let root = CertBuilder::root_ca(KeyAlg::P256);
        let arl = CrlBuilder::new(&root).build();
        assert_eq!(status_with_issuer(&arl, &root.build(), LINT), Status::Pass);
    }
}
