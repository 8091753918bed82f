use super::*;

fn check_key_usage_not_critical(ctx: &LintContext<'_>) -> Outcome {
    require_critical(ctx, &oid::KEY_USAGE)
}

lint! {
    /// ## What it checks
    /// The keyUsage extension is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.3: conforming CAs SHOULD mark keyUsage critical, so that software that
    /// ignores it cannot use the key for other purposes; SBR 7.1.2.3(e) repeats the SHOULD. The
    /// rule is RFC 5280's, so it applies whatever the certificate's notBefore.
    ///
    /// ## Example
    /// keyUsage `digitalSignature, keyEncipherment` with critical FALSE.
    W_SMIME_KEY_USAGE_NOT_CRITICAL {
        name: "w_smime_key_usage_not_critical",
        description: "keyUsage is not marked critical",
        citation: "RFC 5280 4.2.1.3; SBR 7.1.2.3(e)",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["cabf.smime.ku_extension_not_critical", "pkix.key_usage_extension_not_critical"],
        zlint: ["w_key_usage_criticality"],
        catalog: ["w_smime_key_usage_not_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_key_usage_not_critical,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_cert::oid;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn key_usage_not_critical() {
        let b = || CertBuilder::subscriber("mailbox-strict");
        assert_lint(
            "w_smime_key_usage_not_critical",
            &b().critical(&oid::KEY_USAGE, false).build(),
            &b().build(),
            &[],
        );
    }
}
