use super::*;

fn check_certificate_policies_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// The certificatePolicies extension of a subscriber certificate is not marked critical.
    /// Only the critical flag is read, so the lint also runs when the value is undecodable.
    ///
    /// ## Why
    /// SBR 7.1.2.3(a): the extension SHOULD NOT be marked critical. Relying parties that do not
    /// process policies (most mail clients) must reject a certificate with an unrecognized
    /// critical extension (RFC 5280 4.2).
    ///
    /// ## Example
    /// certificatePolicies with `critical: TRUE`.
    W_SMIME_CERTIFICATE_POLICIES_CRITICAL {
        name: "w_smime_certificate_policies_critical",
        description: "certificatePolicies is marked critical in a subscriber certificate",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.critical_certificate_policies_extension"],
        zlint: [],
        catalog: ["w_smime_certificate_policies_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_certificate_policies_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::base;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn certificate_policies_critical() {
        let bad = base().critical(&oid::CERTIFICATE_POLICIES, true).build();
        assert_lint(
            "w_smime_certificate_policies_critical",
            &bad,
            &base().build(),
            &[],
        );
    }
}
