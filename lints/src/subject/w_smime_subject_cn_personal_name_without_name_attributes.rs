use super::*;

fn check_cn_personal_name_without_name_attributes(_: &LintContext<'_>) -> Outcome {
    // SBR 7.1.4.2.5 and 7.1.4.2.6 Note 1: Legacy, the lint's whole scope, MAY omit givenName,
    // surname and pseudonym and include only the commonName, which overrides the SHOULD of
    // 7.1.4.2.2(a); Multipurpose and Strict require them (a SHALL reported elsewhere).
    Outcome::NotApplicable
}

lint! {
    /// ## What it checks
    /// Nothing any more: kept so that configurations naming it still resolve, and always NA.
    /// It reported a Sponsor- or Individual-validated Legacy certificate whose commonName holds
    /// a Personal Name without givenName, surname or pseudonym.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): "The Personal Name SHOULD be presented as `subject:givenName` and/or
    /// `subject:surname`". But Note 1 of 7.1.4.2.5 and 7.1.4.2.6 says "Legacy Generation
    /// profiles MAY omit the `subject:givenName`, `subject:surname`, and `subject:pseudonym`
    /// attributes and include only the `subject:commonName`", and Note 2 makes the attributes
    /// a SHALL in Multipurpose and Strict (`e_smime_subject_natural_person_name_missing`). So
    /// the SHOULD adds nothing: wherever it is not already a SHALL, the SBR explicitly permits
    /// the omission, and warning (or even noting) a practice the SBR names as permitted would
    /// flag a large share of real Legacy certificates for nothing.
    ///
    /// ## Example
    /// `CN=YAMADA Hanako, emailAddress=…` in `individual-legacy`: NA (permitted by Note 1).
    ///
    /// ## Differences from pkilint
    /// None: pkilint does not report it either.
    W_SMIME_SUBJECT_CN_PERSONAL_NAME_WITHOUT_NAME_ATTRIBUTES {
        name: "w_smime_subject_cn_personal_name_without_name_attributes",
        description: "Deprecated, always NA: SBR 7.1.4.2.5/7.1.4.2.6 Note 1 lets Legacy SV/IV certificates give a Personal Name in commonName only",
        citation: "SBR 7.1.4.2.2(a); 7.1.4.2.5 Note 1, 7.1.4.2.6 Note 1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subject_cn_personal_name_without_name_attributes"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Sponsored, Validation::Individual])
            .generations(&[Generation::Legacy]),
        check: check_cn_personal_name_without_name_attributes,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{findings, status_of};

    /// SBR 7.1.4.2.5/7.1.4.2.6 Note 1: a Legacy SV/IV subject may hold the Personal Name in
    /// commonName only; the SHOULD of 7.1.4.2.2(a) does not make that a finding.
    #[test]
    fn cn_personal_name_only_is_permitted_in_legacy() {
        let sponsored: &[(&str, &str)] = &[
            ("C", "GB"),
            ("O", "Example Ltd"),
            ("organizationIdentifier", "NTRGB-12345678"),
            ("CN", "Alice Smith"),
        ];
        let individual: &[(&str, &str)] = &[("C", "GB"), ("CN", "Alice Smith")];
        for (t, subject) in [
            ("sponsored-legacy", sponsored),
            ("individual-legacy", individual),
        ] {
            let cn_only = iv(t).subject(subject).build();
            assert_eq!(findings(&cn_only), Vec::<&str>::new(), "{t}");
            assert_eq!(
                status_of(
                    &cn_only,
                    "w_smime_subject_cn_personal_name_without_name_attributes"
                ),
                Status::NotApplicable,
                "{t}"
            );
        }
    }
}
