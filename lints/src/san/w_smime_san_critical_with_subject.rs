use super::*;

fn check_san_critical_with_subject(ctx: &LintContext<'_>) -> Outcome {
    let Some(san) = ctx.cert.extension(&oid::SUBJECT_ALT_NAME) else {
        return Outcome::NotApplicable;
    };
    match subject_is_empty(ctx.cert) {
        Some(false) if san.critical => {
            fail!("subjectAltName is marked critical although the subject is not empty")
        }
        Some(false) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// When the subject is not empty, subjectAltName is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(h): "This extension SHOULD NOT be marked critical unless the subject field is
    /// an empty sequence" (RFC 5280 §4.2.1.6 says the same).
    ///
    /// ## Example
    /// Subject `CN=alice@example.com` with a critical subjectAltName.
    W_SMIME_SAN_CRITICAL_WITH_SUBJECT {
        name: "w_smime_san_critical_with_subject",
        description: "subjectAltName is critical although the subject is not empty",
        citation: "SBR 7.1.2.3(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.san_extension_is_critical_non_empty_subject"],
        zlint: ["w_san_should_not_be_critical"],
        catalog: ["w_smime_san_critical_with_subject"],
        applies: Applies::SUBSCRIBER,
        check: check_san_critical_with_subject,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn san_critical_with_subject() {
        assert_lint(
            "w_smime_san_critical_with_subject",
            &base().critical(&oid::SUBJECT_ALT_NAME, true).build(),
            &base().build(),
            &[],
        );
    }
}
