use super::*;

fn check_given_name_without_surname_deprecated(_: &LintContext<'_>) -> Outcome {
    // "givenName and/or surname" (SBR 7.1.4.2.2(a), (e), Note 2 of 7.1.4.2.5/7.1.4.2.6)
    // permits a givenName alone; the notice below keeps the hint.
    Outcome::NotApplicable
}

lint! {
    /// ## What it checks
    /// Nothing any more: kept so that configurations naming it still resolve, and always NA.
    /// `n_smime_subject_given_name_without_surname` reports the same subjects as a notice.
    ///
    /// ## Why
    /// It warned on a givenName without surname. SBR 7.1.4.2.2(a), (e) and Note 2 of
    /// 7.1.4.2.5/7.1.4.2.6 say "givenName and/or surname", an explicit permission for either
    /// attribute alone, and no SHOULD asks for both; only a single legal name must be in
    /// surname, which the certificate cannot show.
    ///
    /// ## Example
    /// `GN=Alice, CN=Alice` without `SN`: NA here, a notice from the `n_` lint.
    W_SMIME_SUBJECT_GIVEN_NAME_WITHOUT_SURNAME {
        name: "w_smime_subject_given_name_without_surname",
        description: "Deprecated, always NA: see n_smime_subject_given_name_without_surname",
        citation: "SBR 7.1.4.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subject_given_name_without_surname"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_given_name_without_surname_deprecated,
    }
}
