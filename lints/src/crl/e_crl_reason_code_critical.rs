use super::*;

fn check_reason_code_critical(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.reason_code() {
        None => Outcome::NotApplicable,
        Some(r) if r.critical => fail!("the reasonCode entry extension is marked critical"),
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No CRL entry has a reasonCode extension marked critical.
    ///
    /// ## Why
    /// SBR 7.2.2: "If present, the `reasonCode` (OID 2.5.29.21) extension SHALL NOT be marked
    /// critical." RFC 5280 §5.3.1 defines it as a non-critical entry extension: a relying party
    /// that does not understand a critical entry extension must not use the CRL at all.
    ///
    /// ## Example
    /// An entry with `reasonCode` keyCompromise (1) and `critical TRUE`.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_reason_code_extension_critical`).
    E_CRL_REASON_CODE_CRITICAL {
        name: "e_crl_reason_code_critical",
        description: "A CRL entry's reasonCode extension is marked critical",
        citation: "SBR 7.2.2; RFC 5280 5.3.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.crl_reason_code_extension_critical"],
        zlint: ["e_cab_crl_reason_code_not_critical"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_reason_code_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_reason_code_critical";

    #[test]
    fn reason_code_is_not_critical() {
        let bad = with_entry(entry().reason(reason::KEY_COMPROMISE, true));
        assert_only(&bad, LINT);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::Pass);
        // No entry carries a reasonCode: nothing to check.
        let bare = with_entry(entry().without_ext(&ext::REASON_CODE));
        assert_eq!(status_of(&bare, LINT), Status::NotApplicable);
    }
}
