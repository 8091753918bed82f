use super::*;

fn check_subscriber_any_policy_present(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if list.iter().any(|p| p.oid == oid::ANY_POLICY.as_bytes()) {
        fail!("certificatePolicies contains anyPolicy (2.5.29.32.0)")
    } else {
        Outcome::Pass
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate does not assert the special policy anyPolicy (2.5.29.32.0).
    ///
    /// ## Why
    /// SBR 7.1.6.4 lets a subscriber certificate carry, next to its reserved OID, additional
    /// policy identifiers *documented by the Issuing CA in its CP and/or CPS*. anyPolicy is not
    /// such an identifier: it tells relying parties that the certificate may be used under any
    /// policy at all, which dilutes the reserved OID's statement of the profile followed.
    ///
    /// ## Example
    /// certificatePolicies `{ 2.23.140.1.5.1.3, 2.5.29.32.0 }`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.anypolicy_present` as an ERROR. The SBR contains no
    /// prohibition of anyPolicy for subscriber certificates: the only sentence that forbids it
    /// is in 7.1.6.3, and it covers Subordinate CA certificates issued to non-affiliates
    /// (affiliated Subordinate CAs may even use anyPolicy alone). For subscribers the text
    /// requires the reserved OID and permits additional CA-documented OIDs, so anyPolicy is a
    /// questionable extra value rather than a violated SHALL: smimelint warns.
    W_SMIME_SUBSCRIBER_ANY_POLICY_PRESENT {
        name: "w_smime_subscriber_any_policy_present",
        description: "A subscriber certificate asserts anyPolicy",
        citation: "SBR 7.1.6.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.anypolicy_present"],
        zlint: [],
        catalog: ["w_smime_subscriber_any_policy_present"],
        applies: Applies::SUBSCRIBER,
        check: check_subscriber_any_policy_present,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, qualifier, with_infos, MAILBOX_STRICT, QUALIFIERS};

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::{der, ext};

    #[test]
    fn subscriber_any_policy_present() {
        let bad = base().policies(&[MAILBOX_STRICT, ANY_POLICY]).build();
        assert_lint(
            "w_smime_subscriber_any_policy_present",
            &bad,
            &base().build(),
            &[],
        );
    }

    #[test]
    fn any_policy_disallowed_qualifier() {
        let lint = "e_smime_rfc5280_any_policy_disallowed_qualifier";
        let unknown = qualifier("1.3.6.1.4.1.99999.7", der::utf8("x"));
        let bad = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(ANY_POLICY, std::slice::from_ref(&unknown)),
        ]);
        let good = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, &[]),
            ext::policy_info(
                ANY_POLICY,
                &[ext::cps_qualifier("https://www.example.com/cps")],
            ),
        ]);
        assert_lint(
            lint,
            &bad,
            &good,
            &[QUALIFIERS, "w_smime_subscriber_any_policy_present"],
        );
        // The same qualifier on another policy is only a warning, even next to anyPolicy.
        let beside = with_infos(&[
            ext::policy_info(MAILBOX_STRICT, std::slice::from_ref(&unknown)),
            ext::policy_info(ANY_POLICY, &[]),
        ]);
        assert_eq!(status_of(&beside, lint), Status::Pass);
        let elsewhere = with_infos(&[ext::policy_info(MAILBOX_STRICT, &[unknown])]);
        assert_eq!(status_of(&elsewhere, lint), Status::NotApplicable);
        assert_eq!(
            status_of(&elsewhere, "w_smime_policy_qualifier_unrecognized"),
            Status::Warn
        );
    }

    const ANY_POLICY: &str = "2.5.29.32.0";
}
