use super::*;

lint! {
    /// ## What it checks
    /// Strict and Multipurpose certificates have no subjectDirectoryAttributes extension
    /// (2.5.29.9).
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) table: "Prohibited" for Strict and Multipurpose. Only Legacy certificates
    /// may carry verified attributes such as dateOfBirth this way.
    ///
    /// ## Example
    /// A Strict certificate with subjectDirectoryAttributes `countryOfCitizenship GB`.
    E_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_PROHIBITED {
        name: "e_smime_subject_directory_attributes_prohibited",
        description: "subjectDirectoryAttributes in a Strict or Multipurpose certificate",
        citation: "SBR 7.1.2.3(j)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.subject_directory_attributes_extension_prohibited"],
        zlint: ["e_strict_multipurpose_smime_ext_subject_directory_attr"],
        catalog: ["e_smime_subject_directory_attributes_prohibited"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
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
    fn sda_prohibited() {
        for t in ["mailbox-strict", "individual-multipurpose"] {
            let b = || CertBuilder::subscriber(t);
            assert_lint(
                "e_smime_subject_directory_attributes_prohibited",
                &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
                    .build(),
                &b().build(),
                &[],
            );
        }
    }
}
