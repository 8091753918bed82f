use super::*;

fn check_reserved_policy_oid_missing(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    if reserved(list).next().is_some() {
        return Outcome::Pass;
    }
    if list.is_empty() {
        fail!("certificatePolicies is empty, so it holds none of the reserved S/MIME policy OIDs")
    } else {
        fail!(
            "certificatePolicies holds none of the reserved S/MIME policy OIDs 2.23.140.1.5.T.G; \
             found: {}",
            dotted_list(list.iter().map(|p| p.oid))
        )
    }
}

lint! {
    /// ## What it checks
    /// certificatePolicies contains one of the twelve reserved policy identifiers of SBR
    /// 7.1.6.1 (`2.23.140.1.5.T.G`: T = 1 mailbox, 2 organization, 3 sponsor, 4 individual;
    /// G = 1 Legacy, 2 Multipurpose, 3 Strict).
    ///
    /// Other policy OIDs next to the reserved one are allowed and never reported: SBR 7.1.2.3(a)
    /// and 7.1.6.4 let the certificate carry any number of additional identifiers documented by
    /// the CA in its CP and/or CPS (SMC09 reworded 7.1.6.4 to say exactly that).
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) and 7.1.6.4: the certificate SHALL include a reserved identifier. It is the
    /// only statement in the certificate of the SBR profile it follows; without it smimelint
    /// guesses the type from the subject, as a Legacy certificate.
    ///
    /// ## Example
    /// certificatePolicies holding only the CA's own OID `1.3.6.1.4.1.99999.1.2`.
    ///
    /// ## Differences from pkilint
    /// When told the type (`-t`), pkilint requires the reserved OID of that type and reports
    /// `cabf.smime.no_required_reserved_policy_oid` also when the certificate carries another
    /// reserved OID. This lint checks the certificate alone: any one of the twelve satisfies it,
    /// whatever `--type` says.
    E_SMIME_RESERVED_POLICY_OID_MISSING {
        name: "e_smime_reserved_policy_oid_missing",
        description: "certificatePolicies contains none of the reserved S/MIME policy OIDs",
        citation: "SBR 7.1.2.3(a), 7.1.6.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.no_required_reserved_policy_oid"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_reserved_policy_oid_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_reserved_policy_oid_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{base, details, CA_OID, MAILBOX_STRICT};

    use smimelint_engine::testing::{assert_lint, findings};

    #[test]
    fn reserved_policy_oid_missing() {
        let bad = base().policies(&[CA_OID]).build();
        // SMC09: a CA-documented OID next to the reserved one is fine, and nothing flags it.
        let good = base().policies(&[CA_OID, MAILBOX_STRICT]).build();
        assert_lint("e_smime_reserved_policy_oid_missing", &bad, &good, &[]);
        assert_eq!(findings(&good), Vec::<&str>::new());
        assert!(details(&bad, "e_smime_reserved_policy_oid_missing").contains(CA_OID));
    }
}
