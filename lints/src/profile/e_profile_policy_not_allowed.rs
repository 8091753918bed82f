use super::*;

/// An OID under the SBR's reserved arc 2.23.140.1.5.
fn is_sbr_reserved(oid: &[u8]) -> bool {
    let arc = oid::SMIME_POLICY_ARC.as_bytes();
    oid.len() > arc.len() && oid.starts_with(arc)
}

fn check_policy_not_allowed(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = constraints(ctx) else {
        return Outcome::NotApplicable;
    };
    let (Some(allowed), Some(policies)) = (&c.allowed_policies, ctx.cert.policies().value()) else {
        return Outcome::NotApplicable;
    };
    let extra: Vec<String> = policies
        .iter()
        .map(|p| p.oid)
        .filter(|o| !is_sbr_reserved(o) && !contains(allowed, o))
        .filter(|o| !contains(&c.required_policies, o))
        .map(oid::dotted)
        .collect();
    if extra.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "policy OID(s) outside the CA's profile: {}",
            extra.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Every policy OID in certificatePolicies is SBR-reserved (2.23.140.1.5.*), listed in
    /// `profile.required_policies` or listed in `profile.allowed_policies`.
    ///
    /// ## Why
    /// The SBR lets a CA add its own policy OIDs (7.1.2.3(a)), so the SBR lints cannot tell a
    /// stray OID from an intended one. The CA can: listing its OIDs turns a template mistake
    /// into a finding. NA unless `allowed_policies` is set.
    ///
    /// ## Example
    /// `allowed_policies = []` and a certificate carrying 1.2.3.4 beside 2.23.140.1.5.1.2.
    E_PROFILE_POLICY_NOT_ALLOWED {
        name: "e_profile_policy_not_allowed",
        description: "A policy OID is neither SBR-reserved nor allowed by the CA's profile",
        citation: "smimelint.toml profile.allowed_policies",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_policy_not_allowed,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::profile::{oid, status};
    use smimelint_engine::config::ProfileConstraints;

    use smimelint_engine::registry::Status;
    use smimelint_factory::CertBuilder;

    #[test]
    fn policy_not_allowed() {
        let c = ProfileConstraints {
            allowed_policies: Some(vec![oid("1.3.6.1.4.1.99999.2")]),
            ..Default::default()
        };
        let lint = "e_profile_policy_not_allowed";
        let bad = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.2.3.4"])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.3.6.1.4.1.99999.2"])
            .build();
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
    }
}
