use super::*;

fn check_certificate_issuer_not_indirect(ctx: &CrlContext<'_>) -> Outcome {
    let Some((count, first)) = ctx.entries().certificate_issuer else {
        return Outcome::NotApplicable;
    };
    if ctx.crl.is_indirect() {
        return Outcome::Pass;
    }
    fail!(
        "{count} entr{} (the first: entry #{}) carry certificateIssuer, but the CRL's issuingDistributionPoint does not set indirectCRL",
        if count == 1 { "y" } else { "ies" },
        first + 1
    )
}

lint! {
    /// ## What it checks
    /// Entries have a certificateIssuer extension only in an indirect CRL: one whose
    /// issuingDistributionPoint sets indirectCRL.
    ///
    /// ## Why
    /// RFC 5280 §5.3.3: the certificateIssuer entry extension "identifies the certificate
    /// issuer associated with an entry in an indirect CRL, that is, a CRL that has the
    /// indirectCRL indicator set in its issuing distribution point extension." In any other CRL
    /// every entry belongs to the CRL issuer, and relying parties that trust that would misread
    /// the entry.
    ///
    /// ## Example
    /// A CRL without issuingDistributionPoint whose first entry has certificateIssuer.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_CERTIFICATE_ISSUER_NOT_INDIRECT {
        name: "e_crl_certificate_issuer_not_indirect",
        description: "A CRL entry has certificateIssuer but the CRL is not indirect",
        citation: "RFC 5280 5.3.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_certificate_issuer_not_indirect,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_certificate_issuer_not_indirect";

    #[test]
    fn certificate_issuer_only_in_indirect_crls() {
        let name = [smimelint_factory::gn::directory_name(&ca().subject)];
        let entries = vec![entry().certificate_issuer(&name, true)];
        let direct = base().entries(entries.clone()).build();
        assert_only(&direct, LINT);
        let indirect = Idp {
            indirect_crl: true,
            ..Idp::uris(&["http://crl.example.com/smime.crl"])
        };
        let good = base().idp(&indirect, true).entries(entries).build();
        assert_eq!(status_of(&good, LINT), Status::Pass);
        assert_eq!(status_of(&base().build(), LINT), Status::NotApplicable);
    }
}
