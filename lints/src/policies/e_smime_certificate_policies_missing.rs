use super::*;

fn check_certificate_policies_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::CERTIFICATE_POLICIES)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a certificatePolicies extension (2.5.29.32).
    ///
    /// ## Why
    /// SBR 7.1.2.3(a) says the extension SHALL be present: the reserved policy OID in it is
    /// what states that the certificate was issued under the S/MIME Baseline Requirements, and
    /// which type and generation it follows. Without it smimelint has to guess the type from the
    /// subject (as a Legacy certificate).
    ///
    /// ## Example
    /// A certificate with keyUsage, extKeyUsage and subjectAltName but no certificatePolicies.
    E_SMIME_CERTIFICATE_POLICIES_MISSING {
        name: "e_smime_certificate_policies_missing",
        description: "A subscriber certificate has no certificatePolicies extension",
        citation: "SBR 7.1.2.3(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.certificate_policies_extension_missing"],
        zlint: ["e_exactly_one_smime_policy"],
        catalog: ["e_smime_certificate_policies_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_certificate_policies_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::policies::base;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn certificate_policies_missing() {
        let bad = base().without_ext(&oid::CERTIFICATE_POLICIES).build();
        assert_lint(
            "e_smime_certificate_policies_missing",
            &bad,
            &base().build(),
            &[],
        );
    }
}
