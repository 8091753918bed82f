use super::*;
use smimelint_revocation::reason;

fn check_ca_certificate_hold(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code().map(|r| r.value) {
        Some(Ok(reason::CERTIFICATE_HOLD)) => {
            fail!("reasonCode is certificateHold (6), which CA certificates must not have")
        }
        Some(Ok(_)) => Outcome::Pass,
        None | Some(Err(_)) => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// In a CRL for CA certificates, no entry has a reasonCode of certificateHold (6).
    ///
    /// The scope comes from `--scope ca`, an issuingDistributionPoint with
    /// onlyContainsCACerts, or a root CA given as `--issuer`.
    ///
    /// ## Why
    /// SBR 7.2.2: "The `CRLreason` of certificateHold (6) SHALL NOT be used for Root CA or
    /// Subordinate CA Certificates." A CA certificate is revoked for good or not at all.
    ///
    /// ## Example
    /// An ARL entry with `reasonCode` `0a 01 06`.
    ///
    /// ## Differences from pkilint
    /// pkilint's BR ARL profile rejects every reason outside its allowlist with
    /// `cabf.crl_prohibited_reason_code`, certificateHold included.
    E_CRL_CA_CERTIFICATE_HOLD {
        name: "e_crl_ca_certificate_hold",
        description: "An entry of a CRL for CA certificates has the reason certificateHold",
        citation: "SBR 7.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.crl_prohibited_reason_code"],
        zlint: ["e_cab_crl_has_valid_reason_code"],
        catalog: [],
        applies: Applies::CA,
        crl_entry_check: check_ca_certificate_hold,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use smimelint_engine::revocation_context::Scope;

    const LINT: &str = "e_crl_ca_certificate_hold";

    #[test]
    fn ca_certificates_are_not_held() {
        let hold = with_entry(entry().reason(reason::CERTIFICATE_HOLD, false));
        assert_eq!(status_in_scope(&hold, Scope::Ca, LINT), Status::Error);
        let compromised = with_entry(entry().reason(reason::CA_COMPROMISE, false));
        assert_eq!(status_in_scope(&compromised, Scope::Ca, LINT), Status::Pass);
        assert_eq!(
            status_in_scope(&hold, Scope::Subscriber, LINT),
            Status::NotApplicable
        );
    }
}
