use super::*;

fn check_any_policy_affiliate_only(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, policies) = ctx.cert.policies() else {
        return Outcome::NotApplicable;
    };
    if policies.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes()) {
        fail!("certificatePolicies has anyPolicy: allowed only if the subordinate CA is an Affiliate of the issuing CA")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// Reports anyPolicy (2.5.29.32.0) in a CA certificate's certificatePolicies.
    ///
    /// ## Why
    /// SBR 7.1.6.3: a certificate issued to a sub-CA that is not an Affiliate of the issuing CA
    /// SHALL NOT contain anyPolicy; for an Affiliate, anyPolicy is one of the two permitted
    /// options. Affiliation cannot be decided from the certificate, so smimelint reports a
    /// notice for the CA to confirm.
    ///
    /// ## Example
    /// A sub-CA with `certificatePolicies: anyPolicy`.
    N_SMIME_SUBCA_ANY_POLICY_AFFILIATE_ONLY {
        name: "n_smime_subca_any_policy_affiliate_only",
        description: "CA certificatePolicies has anyPolicy (allowed only for an Affiliate of the issuer)",
        citation: "SBR 7.1.6.3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::CA,
        check: check_any_policy_affiliate_only,
    }
}
