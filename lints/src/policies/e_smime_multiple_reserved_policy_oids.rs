use super::*;
use smimelint_engine::detect::CertType;

fn check_multiple_reserved_policy_oids(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let Some(first) = reserved(list).next() else {
        return Outcome::Pass;
    };
    if reserved(list).all(|o| o == first) {
        return Outcome::Pass;
    }
    let mut distinct: Vec<&[u8]> = Vec::new();
    for o in reserved(list) {
        if !distinct.contains(&o) {
            distinct.push(o);
        }
    }
    let types: Vec<String> = distinct
        .iter()
        .filter_map(|o| CertType::from_policy_oid(o))
        .map(|t| format!("{} ({t})", t.policy_oid()))
        .collect();
    fail!(
        "certificatePolicies holds {} different reserved S/MIME policy OIDs: {}",
        types.len(),
        types.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// certificatePolicies contains at most one distinct reserved S/MIME policy identifier
    /// (`2.23.140.1.5.T.G`). The same reserved OID listed twice is an RFC 5280 defect reported
    /// by `e_smime_rfc5280_duplicate_policy_oid` instead.
    ///
    /// Additional non-reserved policy OIDs documented by the CA in its CP and/or CPS are
    /// allowed next to the one reserved OID (SBR 7.1.6.4, as reworded by SMC09) and are not
    /// counted.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a): the extension SHALL include *exactly one* of the reserved identifiers.
    /// Two of them claim two types or two generations at once, with contradicting profiles
    /// (for example Strict and Legacy extKeyUsage rules). smimelint lints such a certificate as
    /// the type of the first reserved OID.
    ///
    /// ## Example
    /// `2.23.140.1.5.3.3` (sponsor-validated Strict) together with `2.23.140.1.5.2.3`
    /// (organization-validated Strict).
    E_SMIME_MULTIPLE_RESERVED_POLICY_OIDS {
        name: "e_smime_multiple_reserved_policy_oids",
        description: "certificatePolicies contains more than one reserved S/MIME policy OID",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.multiple_reserved_policy_oids"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_multiple_reserved_policy_oids"],
        applies: Applies::SUBSCRIBER,
        check: check_multiple_reserved_policy_oids,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, details, CA_OID, MAILBOX_STRICT};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::CertBuilder;

    #[test]
    fn multiple_reserved_policy_oids() {
        let b = || CertBuilder::subscriber("sponsored-strict");
        let bad = b()
            .policies(&["2.23.140.1.5.3.3", CA_OID, "2.23.140.1.5.2.3"])
            .build();
        let good = b().policies(&["2.23.140.1.5.3.3", CA_OID]).build();
        assert_lint("e_smime_multiple_reserved_policy_oids", &bad, &good, &[]);
        let d = details(&bad, "e_smime_multiple_reserved_policy_oids");
        assert!(
            d.contains("2.23.140.1.5.3.3") && d.contains("2.23.140.1.5.2.3"),
            "{d}"
        );
        assert!(!d.contains(CA_OID), "{d}");
        // The same reserved OID twice is a duplicate, not two reserved OIDs.
        let twice = base().policies(&[MAILBOX_STRICT, MAILBOX_STRICT]).build();
        assert_eq!(
            status_of(&twice, "e_smime_multiple_reserved_policy_oids"),
            Status::Pass
        );
    }
}
