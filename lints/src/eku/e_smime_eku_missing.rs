use super::*;

fn check_eku_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::EXT_KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has an extKeyUsage extension (2.5.29.37).
    ///
    /// ## Why
    /// SBR 7.1.2.3(f): the extension SHALL be present. Without it the key is not restricted to
    /// e-mail protection and the certificate is not an S/MIME certificate in the sense of SBR
    /// 1.1 (which requires id-kp-emailProtection).
    ///
    /// ## Example
    /// A certificate with keyUsage and subjectAltName but no extKeyUsage.
    E_SMIME_EKU_MISSING {
        name: "e_smime_eku_missing",
        description: "A subscriber certificate has no extKeyUsage extension",
        citation: "SBR 7.1.2.3(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.extended_key_usage_extension_missing"],
        zlint: ["e_smime_legacy_multipurpose_eku_check", "e_smime_strict_eku_check"],
        catalog: ["e_smime_eku_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_eku_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::eku::clean;
    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn eku_missing() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .without_ext(&oid::EXT_KEY_USAGE)
            .build();
        assert_lint("e_smime_eku_missing", &bad, &clean("mailbox-strict"), &[]);
    }
}
