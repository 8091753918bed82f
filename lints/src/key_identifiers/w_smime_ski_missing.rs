use super::*;

fn check_ski_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::SUBJECT_KEY_IDENTIFIER)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a subjectKeyIdentifier extension (2.5.29.14).
    ///
    /// ## Why
    /// SBR 7.1.2.3(n): subjectKeyIdentifier SHOULD be present (RFC 5280 §4.2.1.2 also
    /// recommends it for end-entity certificates). CMS messages may identify the signer or
    /// recipient by it.
    ///
    /// ## Example
    /// A subscriber certificate without 2.5.29.14.
    W_SMIME_SKI_MISSING {
        name: "w_smime_ski_missing",
        description: "Subscriber certificate has no subjectKeyIdentifier extension",
        citation: "SBR 7.1.2.3(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.certificate_skid_end_entity_missing"],
        zlint: [],
        catalog: ["w_smime_ski_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_ski_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::key_identifiers::base;

    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn ski_missing() {
        assert_lint(
            "w_smime_ski_missing",
            &base().without_ext(&oid::SUBJECT_KEY_IDENTIFIER).build(),
            &base().build(),
            &[],
        );
    }
}
