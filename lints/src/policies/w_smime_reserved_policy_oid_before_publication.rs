use super::*;

fn check_reserved_policy_oid_before_publication(ctx: &LintContext<'_>) -> Outcome {
    let Some(list) = ctx.cert.policies().value() else {
        return Outcome::NotApplicable;
    };
    let in_arc = |o: &[u8]| {
        o == oid::SMIME_POLICY_ARC.as_bytes() || oid::is_under(o, &oid::SMIME_POLICY_ARC)
    };
    if !list.iter().any(|p| in_arc(p.oid)) {
        return Outcome::Pass;
    }
    // The certificate's own claim, whatever the evaluation time: a notBefore the OIDs postdate.
    let Some(nb) = ctx.cert.not_before_time() else {
        return Outcome::NotApplicable;
    };
    if nb >= dates::SBR_PUBLISHED {
        return Outcome::Pass;
    }
    fail!(
        "policy OID(s) {} of the S/MIME arc in a certificate with notBefore {}, before SBR v1.0.0 \
         defined them (published {}): backdated, or its dates are wrong",
        dotted_list(list.iter().map(|p| p.oid).filter(|o| in_arc(o))),
        smimelint_cert::time::format_date(nb),
        smimelint_cert::time::format_date(dates::SBR_PUBLISHED)
    )
}

lint! {
    /// ## What it checks
    /// A certificate whose certificatePolicies hold a policy OID of the S/MIME arc
    /// `2.23.140.1.5` (the reserved `2.23.140.1.5.T.G` of SBR 7.1.6.1) has a notBefore on or
    /// after 2023-01-01, the publication of SBR v1.0.0. The certificate's notBefore is read
    /// whatever the evaluation time (`--at`). Early adopters, issuing with the reserved OIDs
    /// between publication and the 2023-09-01 effective date, are not reported.
    ///
    /// ## Why
    /// SBR 1.2.1: v1.0.0 (ballot SMC01), which defined the reserved policy identifiers, was
    /// published on January 1, 2023. A certificate dated earlier claims compliance with a
    /// policy that did not exist yet: either it was backdated (its notBefore does not tell when
    /// it was issued) or its dates are wrong. Both undermine every date-based rule, which is
    /// evaluated at the notBefore. No SBR sentence forbids the combination as such (backdating
    /// is a matter of the TLS-style practices the SBR does not restate), hence a warning.
    ///
    /// ## Example
    /// `2.23.140.1.5.1.1` (mailbox-legacy) with notBefore 2022-09-10.
    W_SMIME_RESERVED_POLICY_OID_BEFORE_PUBLICATION {
        name: "w_smime_reserved_policy_oid_before_publication",
        description: "A certificate asserts an S/MIME arc policy OID with a notBefore before SBR v1.0.0 was published (2023-01-01)",
        citation: "SBR 1.2.1, 7.1.6.1",
        source: Source::Sbr,
        effective: dates::ALWAYS,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::ALL,
        check: check_reserved_policy_oid_before_publication,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::{details, details_at, CA_OID};

    use smimelint_cert::time::date;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};
    use smimelint_factory::CertBuilder;

    #[test]
    fn reserved_policy_oid_before_publication() {
        let lint = "w_smime_reserved_policy_oid_before_publication";
        let legacy = || CertBuilder::subscriber("mailbox-legacy");
        // Dated before SBR v1.0.0 existed: SBR rules are NE then, this one is not.
        let bad = legacy()
            .validity(date(2022, 9, 10), date(2023, 9, 10))
            .build();
        // An early adopter between publication and the effective date.
        let good = legacy()
            .validity(date(2023, 3, 1), date(2024, 3, 1))
            .build();
        assert_lint(lint, &bad, &good, &[]);
        let d = details(&bad, lint);
        assert!(d.contains("2.23.140.1.5.1.1"), "{d}");
        assert!(d.contains("notBefore 2022-09-10"), "{d}");
        // Publication day itself is fine; the day before is not.
        let on = legacy()
            .validity(smimelint_engine::dates::SBR_PUBLISHED, date(2024, 1, 1))
            .build();
        assert_eq!(status_of(&on, lint), Status::Pass);
        let before = legacy()
            .validity(smimelint_engine::dates::SBR_PUBLISHED - 1, date(2024, 1, 1))
            .build();
        assert_eq!(status_of(&before, lint), Status::Warn);
        // The claim is the certificate's own: today's rules (--at) still see it.
        assert!(details_at(&bad, lint, date(2026, 12, 4)).contains("notBefore 2022-09-10"));
        // Without an S/MIME arc OID there is nothing to claim.
        let own = legacy()
            .validity(date(2019, 3, 1), date(2020, 3, 1))
            .policies(&[CA_OID])
            .build();
        assert_eq!(status_of(&own, lint), Status::Pass);
    }
}
