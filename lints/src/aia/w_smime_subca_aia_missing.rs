use super::*;

fn check_aia_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has an authorityInformationAccess extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(c): the extension SHOULD be present, so relying parties can fetch the issuing
    /// CA's certificate.
    ///
    /// ## Example
    /// A sub-CA without 1.3.6.1.5.5.7.1.1.
    W_SMIME_SUBCA_AIA_MISSING {
        name: "w_smime_subca_aia_missing",
        description: "Subordinate CA certificate has no authorityInformationAccess extension",
        citation: "SBR 7.1.2.2(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subca_aia_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_aia_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{ext, ext_values, gn};

    #[test]
    fn aia_missing_critical_and_ca_issuers() {
        assert_lint(
            "w_smime_subca_aia_missing",
            &sub().without_ext(&oid::AUTHORITY_INFO_ACCESS).build(),
            &good(),
            &[],
        );
        assert_lint(
            "e_smime_subca_aia_critical",
            &sub().critical(&oid::AUTHORITY_INFO_ACCESS, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_aia_ca_issuers_http_missing",
            &sub()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext::aia(&[(ext::OCSP, "http://ocsp.example.com")]),
                )
                .build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_aia_ca_issuers_http_missing",
            &sub()
                .ext(
                    &oid::AUTHORITY_INFO_ACCESS,
                    false,
                    ext_values::aia_raw(&[(ext::CA_ISSUERS, gn::uri("ldap://x.example/ca"))]),
                )
                .build(),
            &good(),
            &[],
        );
    }
}
