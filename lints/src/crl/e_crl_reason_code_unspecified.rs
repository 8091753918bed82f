use super::*;
use smimelint_revocation::reason;

fn check_reason_code_unspecified(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code().map(|r| r.value) {
        None | Some(Err(_)) => Outcome::NotApplicable,
        Some(Ok(reason::UNSPECIFIED)) => fail!(
            "reasonCode is unspecified (0); an unspecified reason is expressed by omitting reasonCode"
        ),
        Some(Ok(_)) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No CRL entry has a reasonCode of unspecified (0).
    ///
    /// ## Why
    /// SBR 7.2.2: "The `CRLReason` indicated SHALL NOT be unspecified (0). If the reason for
    /// revocation is unspecified, CAs SHALL omit the `reasonCode` entry extension." RFC 5280
    /// §5.3.1 already asks issuers to omit reasonCode rather than use unspecified.
    ///
    /// ## Example
    /// An entry with `reasonCode` `0a 01 00`.
    ///
    /// ## Differences from pkilint
    /// pkilint's BR profile reports it with `cabf.crl_prohibited_reason_code`, whose allowlist
    /// is the TLS BRs' (keyCompromise, affiliationChanged, superseded, cessationOfOperation,
    /// privilegeWithdrawn): it also flags reasons the SBR allows, such as cACompromise or
    /// certificateHold for Legacy and Multipurpose certificates. Its
    /// `pkix.crl_unspecified_crl_entry_reason_code` warning is defined but not run.
    E_CRL_REASON_CODE_UNSPECIFIED {
        name: "e_crl_reason_code_unspecified",
        description: "A CRL entry's reasonCode is unspecified (0)",
        citation: "SBR 7.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.crl_prohibited_reason_code"],
        zlint: ["e_crl_has_valid_reason_code", "e_cab_crl_has_valid_reason_code"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_reason_code_unspecified,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_reason_code_unspecified";

    #[test]
    fn reason_is_not_unspecified() {
        let bad = with_entry(entry().reason(reason::UNSPECIFIED, false));
        assert_only(&bad, LINT);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::Pass);
        // The SBR's way to say "unspecified": no reasonCode.
        let omitted = with_entry(entry().without_ext(&ext::REASON_CODE));
        assert_eq!(status_of(&omitted, LINT), Status::NotApplicable);
    }
}
