use super::*;

fn check_entry_extensions_empty(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.extensions_field {
        None => Outcome::NotApplicable,
        Some(f) if f.content.is_empty() => {
            fail!("crlEntryExtensions is present but an empty SEQUENCE")
        }
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No CRL entry has a crlEntryExtensions field without any extension.
    ///
    /// ## Why
    /// RFC 5280 §5.1: `crlEntryExtensions Extensions OPTIONAL` with `Extensions ::= SEQUENCE
    /// SIZE (1..MAX) OF Extension`. An entry without extensions omits the field.
    ///
    /// ## Example
    /// An entry `30 11 02 02 61 01 17 0d … 30 00`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not report it.
    E_CRL_ENTRY_EXTENSIONS_EMPTY {
        name: "e_crl_entry_extensions_empty",
        description: "A CRL entry has an empty crlEntryExtensions field",
        citation: "RFC 5280 5.1",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: ["e_crl_empty_extn_sequence"],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_entry_extensions_empty,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_entry_extensions_empty";

    #[test]
    fn entry_extensions_are_omitted_rather_than_empty() {
        let empty = Entry {
            empty_extensions: true,
            ..entry().without_ext(&ext::REASON_CODE)
        };
        assert_only(&with_entry(empty), LINT);
        assert_eq!(status_of(&with_entry(entry()), LINT), Status::Pass);
        let omitted = entry().without_ext(&ext::REASON_CODE);
        assert_eq!(status_of(&with_entry(omitted), LINT), Status::NotApplicable);
    }
}
