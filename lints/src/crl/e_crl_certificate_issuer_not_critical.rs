use super::*;

fn check_certificate_issuer_not_critical(entry: &RevokedEntry<'_>) -> Outcome {
    match entry.extension(&oid::CERTIFICATE_ISSUER) {
        None => Outcome::NotApplicable,
        Some(e) if !e.critical => fail!("certificateIssuer is not marked critical"),
        Some(_) => Outcome::Pass,
    }
}

lint! {
    /// ## What it checks
    /// Every certificateIssuer entry extension is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §5.3.3: "If used by conforming CRL issuers, this extension MUST always be
    /// critical." The extension changes which issuer this and the following entries belong to;
    /// a relying party that skipped it would apply the entries to the wrong certificates.
    ///
    /// ## Example
    /// An entry of an indirect CRL with certificateIssuer `critical FALSE`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not check it.
    E_CRL_CERTIFICATE_ISSUER_NOT_CRITICAL {
        name: "e_crl_certificate_issuer_not_critical",
        description: "A CRL entry's certificateIssuer extension is not marked critical",
        citation: "RFC 5280 5.3.3",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        crl_entry_check: check_certificate_issuer_not_critical,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_certificate_issuer_not_critical";

    #[test]
    fn certificate_issuer_is_critical() {
        let name = [smimelint_factory::gn::directory_name(&ca().subject)];
        let indirect = || {
            base().idp(
                &Idp {
                    indirect_crl: true,
                    ..Idp::uris(&["http://crl.example.com/smime.crl"])
                },
                true,
            )
        };
        let bad = indirect()
            .entries(vec![entry().certificate_issuer(&name, false)])
            .build();
        assert_only(&bad, LINT);
        let good = indirect()
            .entries(vec![entry().certificate_issuer(&name, true)])
            .build();
        assert_eq!(status_of(&good, LINT), Status::Pass);
    }
}
