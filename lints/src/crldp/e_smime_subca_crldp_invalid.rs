use super::*;
use crate::support::crldp::{full_name_uris, is_http};

fn check_crldp_invalid(ctx: &LintContext<'_>) -> Outcome {
    match require_noncritical(ctx, &oid::CRL_DISTRIBUTION_POINTS) {
        Outcome::Pass => {}
        problem => return problem,
    }
    match ctx.cert.crl_distribution_points() {
        Ext::Present(_, points) if full_name_uris(points).any(is_http) => Outcome::Pass,
        Ext::Present(..) => fail!("cRLDistributionPoints has no HTTP URL"),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has cRLDistributionPoints, not marked critical, with at
    /// least one `http` URL in a distribution point's fullName.
    ///
    /// ## Why
    /// SBR 7.1.2.2(b): the extension SHALL be present, SHALL NOT be critical, and SHALL contain
    /// the HTTP URL of the CA's CRL service, so relying parties can check whether the sub-CA is
    /// revoked.
    ///
    /// ## Example
    /// A sub-CA whose only CRL location is `ldap://…`.
    E_SMIME_SUBCA_CRLDP_INVALID {
        name: "e_smime_subca_crldp_invalid",
        description: "Subordinate CA cRLDistributionPoints is absent, critical, or has no HTTP URL",
        citation: "SBR 7.1.2.2(b)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_crldp_invalid"],
        applies: Applies::SUBORDINATE_CA,
        check: check_crldp_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::ext;

    #[test]
    fn crldp_invalid() {
        let lint = "e_smime_subca_crldp_invalid";
        assert_lint(
            lint,
            &sub().without_ext(&oid::CRL_DISTRIBUTION_POINTS).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub().critical(&oid::CRL_DISTRIBUTION_POINTS, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            lint,
            &sub()
                .ext(
                    &oid::CRL_DISTRIBUTION_POINTS,
                    false,
                    ext::crl_distribution_points(&["ldap://ldap.example.com/cn=CA"]),
                )
                .build(),
            &good(),
            &[],
        );
    }
}
