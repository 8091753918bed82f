use super::*;
use smimelint_revocation::ocsp::CertStatus;

fn check_ca_reason_present(ctx: &OcspContext<'_>) -> Outcome {
    each_response(ctx, |s| match &s.status {
        Some(CertStatus::Revoked { reason: None, .. }) => {
            Some(Err("revoked without revocationReason".into()))
        }
        Some(CertStatus::Revoked { .. }) => Some(Ok(())),
        _ => None,
    })
}

lint! {
    /// ## What it checks
    /// In a response about CA certificates, every revoked SingleResponse has a
    /// `revocationReason`. Runs only when the scope is CA.
    ///
    /// ## Why
    /// SBR 7.3: "If an OCSP response is for a Root CA or Subordinate CA Certificate, including
    /// Cross Certificates, and that Certificate has been revoked, then the revocationReason
    /// field within the RevokedInfo of the CertStatus SHALL be present."
    ///
    /// ## Example
    /// `a1 11 18 0f 32 30 32 35 … 5a` (RevokedInfo with revocationTime only).
    E_OCSP_CA_REVOCATION_REASON_MISSING {
        name: "e_ocsp_ca_revocation_reason_missing",
        description: "A revoked CA certificate's OCSP response has no revocationReason",
        citation: "SBR 7.3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        ocsp_check: check_ca_reason_present,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use smimelint_engine::registry::Status;

    const L: &str = "e_ocsp_ca_revocation_reason_missing";

    #[test]
    fn revoked_ca_certificates_name_a_reason() {
        let bad = response()
            .each_response(|s| s.revoked(PRODUCED_AT - DAY, None))
            .build();
        assert_eq!(for_ca(&bad, L), Status::Error);
        assert_eq!(subscriber(&bad, L), Status::NotApplicable);
        let good = response()
            .each_response(|s| s.revoked(PRODUCED_AT - DAY, Some(2)))
            .build();
        assert_eq!(for_ca(&good, L), Status::Pass);
        assert_eq!(for_ca(&response().build(), L), Status::NotApplicable);
    }
}
