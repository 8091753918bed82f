use super::*;

fn check_ca_reason_code_missing(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code() {
        None => fail!("the entry has no reasonCode extension"),
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// In a CRL for CA certificates, every entry has a reasonCode extension.
    ///
    /// The scope comes from `--scope ca`, an issuingDistributionPoint with
    /// onlyContainsCACerts, or a root CA given as `--issuer`; when it is unknown the lint does
    /// not run (see `n_crl_scope_unknown`).
    ///
    /// ## Why
    /// SBR 7.2.2: "If a CRL entry is for a Root CA or Subordinate CA Certificate, including Cross
    /// Certificates, this CRL entry extension SHALL be present."
    ///
    /// ## Example
    /// An ARL entry of only userCertificate and revocationDate.
    ///
    /// ## Differences from pkilint
    /// pkilint has no such check.
    E_CRL_CA_REASON_CODE_MISSING {
        name: "e_crl_ca_reason_code_missing",
        description: "An entry of a CRL for CA certificates has no reasonCode",
        citation: "SBR 7.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        crl_entry_check: check_ca_reason_code_missing,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_engine::revocation_context::Scope;

    const LINT: &str = "e_crl_ca_reason_code_missing";

    #[test]
    fn ca_entries_carry_a_reason() {
        let bare = with_entry(entry().without_ext(&ext::REASON_CODE));
        assert_eq!(status_in_scope(&bare, Scope::Ca, LINT), Status::Error);
        assert_eq!(
            status_in_scope(&with_entry(entry()), Scope::Ca, LINT),
            Status::Pass
        );
        // Subscriber certificates MAY omit it; an unknown scope is not checked.
        assert_eq!(
            status_in_scope(&bare, Scope::Subscriber, LINT),
            Status::NotApplicable
        );
        assert_eq!(status_of(&bare, LINT), Status::NotApplicable);
    }
}
