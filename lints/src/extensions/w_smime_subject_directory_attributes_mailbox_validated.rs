use super::*;

lint! {
    /// ## What it checks
    /// A Mailbox-validated Legacy certificate has no subjectDirectoryAttributes extension.
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) allows the extension in Legacy certificates to hold *verified* attributes
    /// of the subject (dateOfBirth, countryOfCitizenship, …). Mailbox validation (SBR 3.2.2)
    /// verifies only control of the mailbox, so an MV certificate has nothing verified to put
    /// there. The SBR does not prohibit the extension for MV in so many words, hence a warning.
    ///
    /// ## Example
    /// A `mailbox-legacy` certificate with subjectDirectoryAttributes `dateOfBirth`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.subject_directory_attributes_extension_prohibited` as an
    /// error for every Mailbox-validated certificate, reading the table as a prohibition.
    /// smimelint reports an error only where the SBR table says "Prohibited" (Strict and
    /// Multipurpose, `e_smime_subject_directory_attributes_prohibited`) and warns here.
    W_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_MAILBOX_VALIDATED {
        name: "w_smime_subject_directory_attributes_mailbox_validated",
        description: "subjectDirectoryAttributes in a Mailbox-validated Legacy certificate",
        citation: "SBR 7.1.2.3(j); SBR 3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.subject_directory_attributes_extension_prohibited"],
        zlint: [],
        catalog: ["w_smime_subject_directory_attributes_mailbox_validated"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Mailbox])
            .generations(&[Generation::Legacy]),
        check: check_sda_prohibited,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subscriber_extensions::sda;
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn sda_mailbox_validated() {
        let with = |t: &str| {
            CertBuilder::subscriber(t).ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
        };
        assert_lint(
            "w_smime_subject_directory_attributes_mailbox_validated",
            &with("mailbox-legacy").build(),
            &CertBuilder::subscriber("mailbox-legacy").build(),
            &[],
        );
        assert_eq!(
            smimelint_engine::testing::findings(&with("sponsored-legacy").build()),
            Vec::<&str>::new()
        );
    }
}
