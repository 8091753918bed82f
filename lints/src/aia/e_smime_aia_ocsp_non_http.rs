use super::*;

fn check_aia_ocsp_non_http(ctx: &LintContext<'_>) -> Outcome {
    check_method(ctx, &oid::AD_OCSP, Quantifier::Every)
}

lint! {
    /// ## What it checks
    /// In Strict and Multipurpose certificates, every id-ad-ocsp accessLocation is a
    /// uniformResourceIdentifier with the scheme `http` (not `https`, not another GeneralName
    /// type).
    ///
    /// ## Why
    /// SBR 7.1.2.3(c)(1) table: for Strict and Multipurpose, every id-ad-ocsp accessMethod SHALL
    /// have the URI scheme HTTP; other schemes SHALL NOT be present.
    ///
    /// ## Example
    /// `id-ad-ocsp https://ocsp.example.com`.
    E_SMIME_AIA_OCSP_NON_HTTP {
        name: "e_smime_aia_ocsp_non_http",
        description: "An AIA id-ad-ocsp location is not an HTTP URI (Strict, Multipurpose)",
        citation: "SBR 7.1.2.3(c)(1)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.aia_prohibited_uri_scheme",
            "cabf.smime.aia_prohibited_generalname_type",
            "cabf.aia_ocsp_has_no_http_uri"
        ],
        zlint: ["e_smime_strict_aia_shall_have_http_only"],
        catalog: ["e_smime_aia_ocsp_non_http"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_aia_ocsp_non_http,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::{strict, with_aia, CA_URL, OCSP_URL};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext::{CA_ISSUERS, OCSP};
    use smimelint_factory::{ext_values, gn, name};

    #[test]
    fn aia_ocsp_non_http() {
        assert_lint(
            "e_smime_aia_ocsp_non_http",
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (OCSP, "https://ocsp.example.com"),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &with_aia(
                strict(),
                &[
                    (OCSP, OCSP_URL),
                    (OCSP, "http://ocsp2.example.com"),
                    (CA_ISSUERS, CA_URL),
                ],
            )
            .build(),
            &[],
        );
        // A location that is not a URI has no HTTP scheme either.
        let dir = gn::directory_name(&name(&[("CN", "OCSP")]));
        assert_lint(
            "e_smime_aia_ocsp_non_http",
            &strict()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext_values::aia_raw(&[(OCSP, dir), (CA_ISSUERS, gn::uri(CA_URL))]),
                )
                .build(),
            &strict().build(),
            &[],
        );
    }
}
