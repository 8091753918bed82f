use super::*;

fn check_crldp_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CRL_DISTRIBUTION_POINTS)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a cRLDistributionPoints extension (2.5.29.31).
    ///
    /// ## Why
    /// SBR 7.1.2.3(b) heads the extension "SHALL be present": relying parties need a CRL
    /// location to check revocation, and S/MIME has no stapling to fall back on.
    ///
    /// ## Example
    /// A certificate whose only revocation pointer is an OCSP URL in authorityInformationAccess.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.crldp_extension_missing` as a WARNING. The SBR says SHALL, so
    /// smimelint reports an error.
    E_SMIME_CRLDP_MISSING {
        name: "e_smime_crldp_missing",
        description: "Subscriber certificate has no cRLDistributionPoints extension",
        citation: "SBR 7.1.2.3(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.crldp_extension_missing"],
        zlint: ["e_subscribers_shall_have_crl_distribution_points"],
        catalog: ["e_smime_crldp_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_crldp_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::crldp::strict;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn crldp_missing() {
        assert_lint(
            "e_smime_crldp_missing",
            &strict().without_ext(&oid::CRL_DISTRIBUTION_POINTS).build(),
            &strict().build(),
            &[],
        );
    }
}
