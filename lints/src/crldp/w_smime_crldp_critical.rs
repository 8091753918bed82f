use super::*;

fn check_crldp_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CRL_DISTRIBUTION_POINTS)
}

lint! {
    /// ## What it checks
    /// The cRLDistributionPoints extension is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) and RFC 5280 §4.2.1.13 say it SHOULD NOT be critical: software that does
    /// not process it would otherwise have to reject the certificate.
    ///
    /// ## Example
    /// `30 … 06 03 55 1d 1f 01 01 ff 04 …` (critical TRUE).
    W_SMIME_CRLDP_CRITICAL {
        name: "w_smime_crldp_critical",
        description: "cRLDistributionPoints is marked critical",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.critical_crldp_extension", "pkix.certificate_crldp_extension_critical"],
        zlint: [],
        catalog: ["w_smime_crldp_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::crldp::strict;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn crldp_critical() {
        assert_lint(
            "w_smime_crldp_critical",
            &strict()
                .critical(&oid::CRL_DISTRIBUTION_POINTS, true)
                .build(),
            &strict().build(),
            &[],
        );
    }
}
