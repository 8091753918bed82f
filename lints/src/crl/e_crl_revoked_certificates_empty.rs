use super::*;

fn check_revoked_certificates_empty(ctx: &CrlContext<'_>) -> Outcome {
    if ctx.crl.revoked_list_empty() {
        fail!("revokedCertificates is present but holds no entry")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// revokedCertificates, when present, holds at least one entry.
    ///
    /// ## Why
    /// RFC 5280 §5.1.2.6: "When there are no revoked certificates, the revoked certificates
    /// list MUST be absent." Some decoders reject the empty SEQUENCE.
    ///
    /// ## Example
    /// A TBSCertList with `30 00` between nextUpdate and crlExtensions.
    ///
    /// ## Differences from pkilint
    /// Same rule (`pkix.crl_revoked_certificates_empty`).
    E_CRL_REVOKED_CERTIFICATES_EMPTY {
        name: "e_crl_revoked_certificates_empty",
        description: "The CRL has an empty revokedCertificates list instead of omitting it",
        citation: "RFC 5280 5.1.2.6",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        pkilint: ["pkix.crl_revoked_certificates_empty"],
        zlint: [
            "e_crl_empty_revoked_certificates",
            "e_crl_revoked_certificates_field_must_be_empty",
        ],
        catalog: [],
        applies: Applies::ALL,
        crl_check: check_revoked_certificates_empty,
    }
}

#[cfg(test)]
mod tests {
    use crate::crl::testing::*;

    const LINT: &str = "e_crl_revoked_certificates_empty";

    #[test]
    fn empty_list_is_omitted() {
        assert_only(&base().empty_revoked().build(), LINT);
        assert_eq!(
            status_of(&base().entries(Vec::new()).build(), LINT),
            Status::Pass
        );
        assert_eq!(status_of(&base().build(), LINT), Status::Pass);
    }
}
