use super::*;

fn check_aia_ocsp_no_http_legacy(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_OCSP, Quantifier::AtLeastOne)
}

lint! {
    /// ## What it checks
    /// In Legacy certificates with id-ad-ocsp entries, at least one of them is an HTTP URI.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(1) table: for Legacy, when provided, at least one id-ad-ocsp accessMethod
    /// SHALL have the URI scheme HTTP; other schemes MAY be present.
    ///
    /// ## Example
    /// A Legacy certificate whose only OCSP location is `https://ocsp.example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint also rejects Legacy locations whose scheme is not `http`, `ldap` or `ftp`; the SBR
    /// allows other schemes next to the HTTP one, so smimelint does not.
    E_SMIME_AIA_OCSP_NO_HTTP_LEGACY {
        name: "e_smime_aia_ocsp_no_http_legacy",
        description: "No AIA id-ad-ocsp location is an HTTP URI (Legacy)",
        citation: "SBR 7.1.2.3(c)(1)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.aia_ocsp_has_no_http_uri"],
        zlint: ["e_smime_legacy_aia_shall_have_one_http"],
        catalog: ["e_smime_aia_ocsp_no_http_legacy"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_aia_ocsp_no_http_legacy,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::{legacy, with_aia, CA_URL, OCSP_URL};

    use smimelint_engine::testing::assert_lint;

    use smimelint_factory::ext::{CA_ISSUERS, OCSP};

    #[test]
    fn aia_ocsp_no_http_legacy() {
        assert_lint(
            "e_smime_aia_ocsp_no_http_legacy",
            &with_aia(
                legacy(),
                &[(OCSP, "https://ocsp.example.com"), (CA_ISSUERS, CA_URL)],
            )
            .build(),
            &with_aia(
                legacy(),
                &[
                    (OCSP, "https://ocsp.example.com"),
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &[],
        );
    }
}
