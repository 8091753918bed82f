use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject_values::rule_pseudonym_with_given_name_or_surname;

fn check_pseudonym_with_given_name_or_surname(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_pseudonym_with_given_name_or_surname)
}

lint! {
    /// ## What it checks
    /// A subject does not combine pseudonym with givenName or surname.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(e) and (f) make pseudonym and givenName/surname mutually exclusive (SHALL
    /// NOT, in both directions). A pseudonym certificate must not reveal the name it stands for.
    ///
    /// ## Example
    /// `GN=Hanako, pseudonym=Yamada, CN=YAMADA Hanako`.
    E_SMIME_SUBJECT_PSEUDONYM_WITH_GIVEN_NAME_OR_SURNAME {
        name: "e_smime_subject_pseudonym_with_given_name_or_surname",
        description: "pseudonym is present together with givenName or surname",
        citation: "SBR 7.1.4.2.2(e), 7.1.4.2.2(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.mixed_name_and_pseudonym_attributes"],
        zlint: [],
        catalog: ["e_smime_subject_pseudonym_with_given_name_or_surname"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_pseudonym_with_given_name_or_surname,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn pseudonym_with_given_name_or_surname() {
        let bad = iv("individual-strict")
            .subject(&[
                ("C", "GB"),
                ("GN", "Alice"),
                ("pseudonym", "Agent 7"),
                ("CN", "Agent 7"),
            ])
            .build();
        let good = iv("individual-strict")
            .subject(&[("C", "GB"), ("pseudonym", "Agent 7"), ("CN", "Agent 7")])
            .build();
        assert_lint(
            "e_smime_subject_pseudonym_with_given_name_or_surname",
            &bad,
            &good,
            &[],
        );
    }
}
