use super::*;

fn check_aia_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::AUTHORITY_INFO_ACCESS)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an authorityInformationAccess extension (1.3.6.1.5.5.7.1.1).
    ///
    /// ## Why
    /// SBR 7.1.2.3(c): the extension SHOULD be present. It tells relying parties where the
    /// issuing CA's certificate and OCSP responder are.
    ///
    /// ## Example
    /// A certificate with cRLDistributionPoints but no AIA.
    W_SMIME_AIA_MISSING {
        name: "w_smime_aia_missing",
        description: "Subscriber certificate has no authorityInformationAccess extension",
        citation: "SBR 7.1.2.3(c)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.aia_extension_missing"],
        zlint: [],
        catalog: ["w_smime_aia_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_aia_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::aia::strict;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn aia_missing() {
        assert_lint(
            "w_smime_aia_missing",
            &strict().without_ext(&oid::AUTHORITY_INFO_ACCESS).build(),
            &strict().build(),
            &[],
        );
    }
}
