use super::*;

fn check_required_policy_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(c) = constraints(ctx).filter(|c| !c.required_policies.is_empty()) else {
        return Outcome::NotApplicable;
    };
    let present: &[_] = ctx.cert.policies().value().map_or(&[], |p| p.as_slice());
    let missing: Vec<String> = c
        .required_policies
        .iter()
        .filter(|r| !present.iter().any(|p| p.oid == r.as_bytes()))
        .map(|r| r.to_string())
        .collect();
    if missing.is_empty() {
        Outcome::Pass
    } else {
        fail!("required policy OID(s) absent: {}", missing.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// certificatePolicies holds every OID listed in `profile.required_policies` of
    /// smimelint.toml (for example the OID of the CA's CP/CPS, which SBR 7.1.2.3(a) allows
    /// beside the reserved one).
    ///
    /// ## Why
    /// A CA that asserts its own policy OID in every certificate wants to know before signing
    /// when a profile or template dropped it. NA without the setting.
    ///
    /// ## Example
    /// `required_policies = ["1.3.6.1.4.1.99999.1"]` and a certificate carrying only
    /// 2.23.140.1.5.1.2.
    E_PROFILE_REQUIRED_POLICY_MISSING {
        name: "e_profile_required_policy_missing",
        description: "A policy OID that the CA's profile requires is absent",
        citation: "smimelint.toml profile.required_policies",
        source: Source::Smimelint,
        effective: dates::ALWAYS,
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_required_policy_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::profile::{oid, status};
    use smimelint_engine::config::ProfileConstraints;

    use smimelint_engine::registry::Status;
    use smimelint_factory::CertBuilder;

    #[test]
    fn required_policy() {
        let c = ProfileConstraints {
            required_policies: vec![oid("1.3.6.1.4.1.99999.1")],
            ..Default::default()
        };
        let bad = CertBuilder::subscriber("mailbox-strict").build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .policies(&["2.23.140.1.5.1.3", "1.3.6.1.4.1.99999.1"])
            .build();
        let lint = "e_profile_required_policy_missing";
        assert_eq!(status(&c, &bad, lint), Status::Error);
        assert_eq!(status(&c, &good, lint), Status::Pass);
        // Without configuration the lint does not apply.
        assert_eq!(
            smimelint_engine::testing::status_of(&bad, lint),
            Status::NotApplicable
        );
    }
}
