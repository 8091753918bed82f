use super::*;

fn check_extension_duplicate(ctx: &CrlContext<'_>) -> Outcome {
    if ctx.crl.extensions.is_empty() {
        return Outcome::NotApplicable;
    }
    match repeated_extension(&ctx.crl.extensions) {
        Some((name, n)) => fail!("{name} occurs {n} times in crlExtensions"),
        None => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// No extension OID occurs twice in crlExtensions.
    ///
    /// ## Why
    /// X.509 and RFC 5280 §4.2 (whose extension rules §5.2 applies to CRLs): "A certificate
    /// MUST NOT include more than one instance of a particular extension." With two cRLNumbers
    /// the CRL's place in the sequence depends on which one a relying party reads.
    ///
    /// ## Example
    /// crlExtensions with cRLNumber 4096 and cRLNumber 4097.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.duplicate_extension`).
    E_CRL_EXTENSION_DUPLICATE {
        name: "e_crl_extension_duplicate",
        description: "The CRL repeats an extension",
        citation: "RFC 5280 5.2, 4.2",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.duplicate_extension"],
        zlint: ["e_crl_no_duplicate_extensions"],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_extension_duplicate,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_extension_duplicate";

    #[test]
    fn crl_extensions_are_unique() {
        let bad = base()
            .push_ext(&ext::CRL_NUMBER, false, ext::crl_number(&[0x10, 0x01]))
            .build();
        assert_only(&bad, LINT);
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
