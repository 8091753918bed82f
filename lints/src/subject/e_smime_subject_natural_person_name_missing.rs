use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_natural_person_name_missing;

fn check_natural_person_name_missing(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_natural_person_name_missing)
}

lint! {
    /// ## What it checks
    /// Sponsor-validated and Individual-validated certificates of the Multipurpose and Strict
    /// generations have givenName and/or surname, or a pseudonym, in the subject.
    ///
    /// ## Why
    /// Note 2 of SBR 7.1.4.2.5 and 7.1.4.2.6: these generations SHALL name the natural person in
    /// the dedicated attributes; a commonName alone is allowed only in Legacy (Note 1).
    ///
    /// ## Example
    /// `C=GB, CN=Alice Smith` in `individual-strict`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this as `cabf.smime.missing_required_attribute` and in addition reports the
    /// commonName as `cabf.smime.common_name_value_unknown_source`, since it cannot attribute the
    /// Personal Name to givenName or surname. smimelint reports the missing attributes once, here.
    E_SMIME_SUBJECT_NATURAL_PERSON_NAME_MISSING {
        name: "e_smime_subject_natural_person_name_missing",
        description: "A Multipurpose or Strict SV/IV subject has neither givenName/surname nor pseudonym",
        citation: "SBR 7.1.4.2.5 Note 2, 7.1.4.2.6 Note 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.missing_required_attribute", "cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_invalid_individual_identity"],
        catalog: ["e_smime_subject_natural_person_name_missing"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Sponsored, Validation::Individual])
            .generations(&[Generation::Multipurpose, Generation::Strict]),
        check: check_natural_person_name_missing,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn natural_person_name_missing() {
        let bad = CertBuilder::subscriber("individual-strict")
            .subject(&[("C", "GB"), ("CN", "Alice Smith")])
            .build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint(
            "e_smime_subject_natural_person_name_missing",
            &bad,
            &good,
            &[],
        );
        let pseudonym = CertBuilder::subscriber("sponsored-multipurpose")
            .subject(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("pseudonym", "Agent 7"),
                ("CN", "Agent 7"),
            ])
            .build();
        assert_eq!(
            smimelint_engine::testing::findings(&pseudonym),
            Vec::<&str>::new(),
            "a pseudonym satisfies the rule"
        );
    }
}
