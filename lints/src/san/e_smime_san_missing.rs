use super::*;

fn check_san_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::SUBJECT_ALT_NAME)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a subjectAltName extension (2.5.29.17).
    ///
    /// ## Why
    /// SBR 7.1.2.3(h) and 7.1.4.2.1: subjectAltName SHALL be present. It carries the mailbox
    /// addresses that make the certificate an S/MIME certificate; mail clients match the sender
    /// against it.
    ///
    /// ## Example
    /// A certificate with the mailbox only in the subject's emailAddress attribute.
    E_SMIME_SAN_MISSING {
        name: "e_smime_san_missing",
        description: "Subscriber certificate has no subjectAltName extension",
        citation: "SBR 7.1.2.3(h); SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.san_extension_missing"],
        zlint: ["e_san_shall_be_present"],
        catalog: ["e_smime_san_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_san_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::base;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;

    #[test]
    fn san_missing() {
        assert_lint(
            "e_smime_san_missing",
            &base().without_ext(&oid::SUBJECT_ALT_NAME).build(),
            &base().build(),
            &["e_smime_subject_cn_mailbox_not_in_san"],
        );
    }
}
