use super::*;

fn check_key_usage_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a keyUsage extension (2.5.29.15).
    ///
    /// ## Why
    /// SBR 7.1.2.3(e): keyUsage SHALL be present. Without it the key may be used for anything its
    /// algorithm allows, and the signing / key-management split of the SBR tables cannot hold.
    ///
    /// ## Example
    /// An RSA subscriber certificate with extKeyUsage emailProtection but no keyUsage.
    E_SMIME_KEY_USAGE_MISSING {
        name: "e_smime_key_usage_missing",
        description: "Subscriber certificate has no keyUsage extension",
        citation: "SBR 7.1.2.3(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.key_usage_extension_missing"],
        zlint: ["e_key_usage_presence"],
        catalog: ["e_smime_key_usage_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_key_usage_missing,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn key_usage_missing() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "e_smime_key_usage_missing",
            &b().without_ext(&oid::KEY_USAGE).build(),
            &b().build(),
            &[],
        );
    }
}
