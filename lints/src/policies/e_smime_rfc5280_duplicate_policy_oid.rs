use super::*;

fn check_duplicate_policy_oid(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let mut groups = repeated_groups(list.len(), |i| list[i].oid);
    if groups.is_empty() {
        return Outcome::Pass;
    }
    // Each repeated OID once, in the order of its first repetition.
    groups.sort_unstable_by_key(|g| g[1]);
    let counts: Vec<String> = groups
        .iter()
        .map(|g| format!("{} ({} times)", oid::dotted(list[g[0]].oid), g.len()))
        .collect();
    fail!("policy OID(s) listed more than once: {}", counts.join(", "))
}

lint! {
    /// ## What it checks
    /// No policy identifier appears in more than one PolicyInformation of certificatePolicies.
    /// Checked in every certificate.
    ///
    /// ## Why
    /// RFC 5280 4.2.1.4: a certificate policy OID MUST NOT appear more than once in a
    /// certificate policies extension; SBR 7.1.2.4 requires every extension to follow RFC 5280.
    /// Qualifiers for one policy belong in that policy's single PolicyInformation.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.3` listed twice, once bare and once with a CPS qualifier.
    E_SMIME_RFC5280_DUPLICATE_POLICY_OID {
        name: "e_smime_rfc5280_duplicate_policy_oid",
        description: "A policy OID appears more than once in certificatePolicies",
        citation: "RFC 5280 4.2.1.4; SBR 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.duplicate_certificate_policy_oids"],
        zlint: ["e_ext_cert_policy_duplicate"],
        catalog: ["e_smime_rfc5280_duplicate_policy_oid"],
        applies: Applies::ALL,
        check: check_duplicate_policy_oid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, details, with_infos, CA_OID, MAILBOX_STRICT};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::ext;

    #[test]
    fn duplicate_policy_oid() {
        let lint = "e_smime_rfc5280_duplicate_policy_oid";
        let bad = base()
            .policies(&[MAILBOX_STRICT, CA_OID, MAILBOX_STRICT])
            .build();
        let good = base().policies(&[MAILBOX_STRICT, CA_OID]).build();
        assert_lint(lint, &bad, &good, &[]);
        assert!(details(&bad, lint).contains("2.23.140.1.5.1.3 (2 times)"));
        let bare_and_qualified = with_infos(&[
            ext::policy_info(CA_OID, &[]),
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(CA_OID, &[ext::cps_qualifier("https://example.com/cps")]),
        ]);
        assert_eq!(status_of(&bare_and_qualified, lint), Status::Error);
    }
}
