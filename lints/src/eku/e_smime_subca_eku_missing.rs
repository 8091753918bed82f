use super::*;

fn check_eku_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subordinate CA certificate has an extKeyUsage extension.
    ///
    /// ## Why
    /// SBR 7.1.2.2(g): extKeyUsage SHALL be present in every sub-CA certificate, technically
    /// constrained ones included, except a Cross Certificate that shares subject DN and public
    /// key with an SBR root. That exception cannot be seen in one certificate: if the finding
    /// is on such a cross certificate, it can be waived.
    ///
    /// ## Example
    /// A sub-CA without 2.5.29.37.
    E_SMIME_SUBCA_EKU_MISSING {
        name: "e_smime_subca_eku_missing",
        description: "Subordinate CA certificate has no extKeyUsage extension",
        citation: "SBR 7.1.2.2(g)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subca_eku_missing"],
        applies: Applies::SUBORDINATE_CA,
        check: check_eku_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subordinate_ca::{good, sub};
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn eku_rules() {
        assert_lint(
            "e_smime_subca_eku_missing",
            &sub().without_ext(&oid::EXT_KEY_USAGE).build(),
            &good(),
            &[],
        );
        assert_lint(
            "w_smime_subca_eku_critical",
            &sub().critical(&oid::EXT_KEY_USAGE, true).build(),
            &good(),
            &[],
        );
        assert_lint(
            "e_smime_subca_eku_email_protection_missing",
            &sub().eku(&[&oid::KP_CLIENT_AUTH]).build(),
            &sub()
                .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH])
                .build(),
            &[],
        );
        assert_lint(
            "e_smime_subca_eku_prohibited_purpose",
            &sub()
                .eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH])
                .build(),
            &good(),
            &[],
        );
    }
}
