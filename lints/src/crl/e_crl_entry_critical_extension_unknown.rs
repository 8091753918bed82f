use super::*;

/// The entry extensions RFC 5280 §5.3 defines.
const KNOWN: [&const_oid::ObjectIdentifier; 4] = [
    &oid::REASON_CODE,
    &oid::INVALIDITY_DATE,
    &oid::CERTIFICATE_ISSUER,
    &oid::HOLD_INSTRUCTION_CODE,
];

fn check_entry_critical_extension_unknown(entry: &RevokedEntry<'_>) -> Outcome {
    if entry.extensions.is_empty() {
        return Outcome::NotApplicable;
    }
    let unknown: Vec<String> = entry
        .extensions
        .iter()
        .filter(|e| e.critical && !KNOWN.iter().any(|k| e.is(k)))
        .map(|e| oid::describe_extension(e.oid))
        .collect();
    if unknown.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "critical entry extension(s) that relying parties cannot be expected to process: {}",
            unknown.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// No CRL entry has a critical extension other than those RFC 5280 §5.3 defines:
    /// reasonCode, invalidityDate, certificateIssuer and holdInstructionCode.
    ///
    /// ## Why
    /// RFC 5280 §5.3: "If a CRL contains a critical CRL entry extension that the application
    /// cannot process, then the application MUST NOT use that CRL to determine the status of any
    /// certificates." A critical private extension therefore makes the whole CRL unusable to
    /// every relying party that does not know it.
    ///
    /// ## Example
    /// An entry with extension `1.3.6.1.4.1.99999.7`, `critical TRUE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_ENTRY_CRITICAL_EXTENSION_UNKNOWN {
        name: "e_crl_entry_critical_extension_unknown",
        description: "A CRL entry has a critical extension RFC 5280 does not define",
        citation: "RFC 5280 5.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_entry_critical_extension_unknown,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;
    use const_oid::ObjectIdentifier;

    const LINT: &str = "e_crl_entry_critical_extension_unknown";
    const PRIVATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.7");

    #[test]
    fn only_known_entry_extensions_are_critical() {
        let bad = with_entry(entry().ext(&PRIVATE, true, der::null()));
        assert_only(&bad, LINT);
        let non_critical = with_entry(entry().ext(&PRIVATE, false, der::null()));
        assert_eq!(status_of(&non_critical, LINT), Status::Pass);
        let name = [smimelint_factory::gn::directory_name(&ca().subject)];
        let issuer = with_entry(entry().certificate_issuer(&name, true));
        assert_eq!(status_of(&issuer, LINT), Status::Pass);
    }
}
