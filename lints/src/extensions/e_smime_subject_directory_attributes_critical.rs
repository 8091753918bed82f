use super::*;

fn check_sda_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SUBJECT_DIRECTORY_ATTRIBUTES)
}

lint! {
    /// ## What it checks
    /// In Legacy certificates, subjectDirectoryAttributes is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) table: for Legacy it "MAY be present and SHALL NOT be marked critical"
    /// (RFC 5280 §4.2.1.8 says the same).
    ///
    /// ## Example
    /// A Legacy certificate with a critical subjectDirectoryAttributes.
    E_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_CRITICAL {
        name: "e_smime_subject_directory_attributes_critical",
        description: "subjectDirectoryAttributes is marked critical",
        citation: "SBR 7.1.2.3(j)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.subject_directory_attributes_extension_critical"],
        zlint: [],
        catalog: ["e_smime_subject_directory_attributes_critical"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_sda_critical,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::sda;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn sda_critical() {
        let b = || CertBuilder::subscriber("individual-legacy");
        assert_lint(
            "e_smime_subject_directory_attributes_critical",
            &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, true, sda())
                .build(),
            &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
                .build(),
            &[],
        );
    }
}
