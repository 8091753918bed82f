use super::*;
use smimelint_revocation::reason;

fn check_certificate_hold(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code().map(|r| r.value) {
        Some(Ok(reason::CERTIFICATE_HOLD)) => fail!(
            "reasonCode is certificateHold (6): allowed only if the certificate is of the Legacy or Multipurpose generation, never Strict"
        ),
        Some(Ok(_)) => Outcome::Pass,
        None | Some(Err(_)) => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// Reports every entry with a reasonCode of certificateHold (6), for review.
    ///
    /// ## Why
    /// SBR 7.2.2: the Repository MAY include certificateHold entries for Legacy and
    /// Multipurpose certificates but SHALL NOT for Strict ones. A CRL names only serial numbers,
    /// so whether the held certificate is Strict can only be checked against the certificate
    /// itself; this notice points at the entries to check. CA certificates are never held
    /// (`e_crl_ca_certificate_hold`).
    ///
    /// ## Example
    /// An entry with `reasonCode` `0a 01 06`.
    ///
    /// ## Differences from pkilint
    /// pkilint's BR profile rejects certificateHold outright (`cabf.crl_prohibited_reason_code`,
    /// from the TLS BRs), which the SBR does not.
    N_CRL_CERTIFICATE_HOLD {
        name: "n_crl_certificate_hold",
        description: "A CRL entry has the reason certificateHold, forbidden for Strict certificates",
        citation: "SBR 7.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.crl_prohibited_reason_code"],
        zlint: ["e_cab_crl_has_valid_reason_code"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_certificate_hold,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "n_crl_certificate_hold";

    #[test]
    fn held_entries_are_noticed() {
        let hold = with_entry(entry().reason(reason::CERTIFICATE_HOLD, false));
        assert_only(&hold, LINT);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::Pass);
    }
}
