use super::*;

fn check_smime_capabilities_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SMIME_CAPABILITIES)
}

lint! {
    /// ## What it checks
    /// The smimeCapabilities extension (1.2.840.113549.1.9.15) is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(i): it "MAY be present and SHALL NOT be marked critical"; RFC 4262 §2 says the
    /// same. It only advertises algorithm preferences.
    ///
    /// ## Example
    /// smimeCapabilities listing aes256-CBC, with critical TRUE.
    E_SMIME_SMIME_CAPABILITIES_CRITICAL {
        name: "e_smime_smime_capabilities_critical",
        description: "smimeCapabilities is marked critical",
        citation: "SBR 7.1.2.3(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.smime_capabilities_extension_critical"],
        zlint: [],
        catalog: ["e_smime_smime_capabilities_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_smime_capabilities_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::der;

    #[test]
    fn smime_capabilities_critical() {
        let caps = der::seq(&[der::seq(&[der::oid("2.16.840.1.101.3.4.1.42")])]);
        assert_lint(
            "e_smime_smime_capabilities_critical",
            &base()
                .ext(&oid::SMIME_CAPABILITIES, true, caps.clone())
                .build(),
            &base().ext(&oid::SMIME_CAPABILITIES, false, caps).build(),
            &[],
        );
    }
}
