use super::*;

fn check_aia_ca_issuers_non_http(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_CA_ISSUERS, Quantifier::Every)
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every id-ad-caIssuers accessLocation is a
    /// uniformResourceIdentifier with the scheme `http`.
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(2) table: for Strict and Multipurpose, every id-ad-caIssuers accessMethod
    /// SHALL have the URI scheme HTTP; other schemes SHALL NOT be present.
    ///
    /// ## Example
    /// `id-ad-caIssuers ldap://ldap.example.com/cn=CA?cACertificate`.
    E_SMIME_AIA_CA_ISSUERS_NON_HTTP {
        name: "e_smime_aia_ca_issuers_non_http",
        description: "An AIA id-ad-caIssuers location is not an HTTP URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(c)(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.aia_prohibited_uri_scheme",
            "cabf.smime.aia_prohibited_generalname_type",
            "cabf.aia_ca_issuers_has_no_http_uri"
        ],
        zlint: ["e_smime_strict_aia_shall_have_http_only"],
        catalog: ["e_smime_aia_ca_issuers_non_http"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_aia_ca_issuers_non_http,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::{strict, with_aia, OCSP_URL};

    use smimelint_engine::testing::assert_lint;

    use smimelint_factory::ext::{CA_ISSUERS, OCSP};

    #[test]
    fn aia_ca_issuers_non_http() {
        assert_lint(
            "e_smime_aia_ca_issuers_non_http",
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (CA_ISSUERS, "ldap://ldap.example.com/cn=CA"),
                ],
            )
            .build(),
            &strict().build(),
            &[],
        );
    }
}
