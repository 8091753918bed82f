use super::*;
use smimelint_engine::detect::CertType;

fn check_policy_oids_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, policies) = ctx.cert.policies() else {
        return Outcome::NotApplicable;
    };
    let reserved = policies
        .iter()
        .any(|p| CertType::from_policy_oid(p.oid).is_some());
    let any_policy = policies.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes());
    if reserved || any_policy {
        Outcome::Pass
    } else {
        fail!(
            "certificatePolicies has neither a reserved S/MIME policy OID (2.23.140.1.5.T.G) \
             nor anyPolicy: {}",
            policies
                .iter()
                .map(|p| oid::dotted(p.oid))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// The certificatePolicies of a CA certificate contain at least one reserved S/MIME policy
    /// OID of SBR 7.1.6.1 (2.23.140.1.5.T.G) or anyPolicy. Runs on subordinate CAs, and on roots
    /// that have the extension (7.1.6.2 applies 7.1.6.3 to them).
    ///
    /// ## Why
    /// SBR 7.1.6.3: a sub-CA certificate SHALL include one or more reserved policy identifiers
    /// (CA-documented OIDs MAY be added); only for a sub-CA that is an Affiliate of the issuing
    /// CA may anyPolicy stand instead. Whether anyPolicy is allowed is reported separately by
    /// `n_smime_subca_any_policy_affiliate_only`, because affiliation is not visible in the
    /// certificate. Several reserved OIDs are fine in a CA certificate.
    ///
    /// ## Example
    /// A sub-CA whose only policy is the CA's own 1.3.6.1.4.1.99999.1.
    E_SMIME_SUBCA_POLICY_OIDS_INVALID {
        name: "e_smime_subca_policy_oids_invalid",
        description: "CA certificatePolicies has no reserved S/MIME policy OID and no anyPolicy",
        citation: "SBR 7.1.6.3; 7.1.6.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_policy_oids_invalid"],
        applies: Applies::CA,
        check: check_policy_oids_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{CertBuilder, KeyAlg};

    #[test]
    fn policy_oids_invalid() {
        assert_lint(
            "e_smime_subca_policy_oids_invalid",
            &sub().policies(&["1.3.6.1.4.1.99999.1"]).build(),
            &sub()
                .policies(&["1.3.6.1.4.1.99999.1", "2.23.140.1.5.4.2"])
                .build(),
            &[],
        );
        // A root with certificatePolicies follows the same rule (7.1.6.2).
        let root = CertBuilder::root_ca(KeyAlg::Rsa2048).policies(&["1.3.6.1.4.1.99999.1"]);
        assert_lint(
            "e_smime_subca_policy_oids_invalid",
            &root.build(),
            &good(),
            &["w_smime_root_certificate_policies_present"],
        );
    }

    #[test]
    fn any_policy_affiliate_only() {
        let any = sub().policies(&["2.5.29.32.0"]).build();
        assert_lint(
            "n_smime_subca_any_policy_affiliate_only",
            &any,
            &good(),
            &[],
        );
        assert_eq!(
            smimelint_engine::testing::status_of(&any, "e_smime_subca_policy_oids_invalid"),
            smimelint_engine::registry::Status::Pass
        );
    }
}
