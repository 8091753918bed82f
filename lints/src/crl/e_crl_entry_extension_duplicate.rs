use super::*;

fn check_entry_extension_duplicate(entry: &RevokedEntry<'_>) -> Outcome {
    if entry.extensions.is_empty() {
        return Outcome::NotApplicable;
    }
    match repeated_extension(&entry.extensions) {
        Some((name, n)) => fail!("{name} occurs {n} times in crlEntryExtensions"),
        None => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No CRL entry has two extensions with the same OID.
    ///
    /// ## Why
    /// X.509 (and RFC 5280 §4.2, which §5.3 follows for entry extensions): an extension type
    /// appears at most once in an Extensions list. With two reasonCodes the entry's meaning
    /// depends on which one a relying party reads.
    ///
    /// ## Example
    /// An entry with reasonCode keyCompromise and reasonCode superseded.
    ///
    /// ## Differences from pkilint
    /// pkilint checks repeated extensions of the CRL (`pkix.duplicate_extension`), not of its
    /// entries.
    E_CRL_ENTRY_EXTENSION_DUPLICATE {
        name: "e_crl_entry_extension_duplicate",
        description: "A CRL entry repeats an extension",
        citation: "RFC 5280 5.3, 4.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_revoked_certificate_crl_entry_has_no_duplicate_extensions"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_entry_extension_duplicate,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_entry_extension_duplicate";

    #[test]
    fn entry_extensions_are_unique() {
        let twice = entry().push_ext(
            &ext::REASON_CODE,
            false,
            ext::crl_reason(reason::SUPERSEDED),
        );
        assert_only(&with_entry(twice), LINT);
        let two_kinds = entry().invalidity_date(THIS_UPDATE - 5 * DAY);
        assert_eq!(status_of(&with_entry(two_kinds), LINT), Status::Pass);
    }
}
