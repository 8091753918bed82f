use super::*;
use crate::support::name_rules::{on_subject, NameCtx};

pub(crate) fn rule_given_name_without_surname(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_GIVEN_NAME) && !n.has(&oid::AT_SURNAME) && !n.has(&oid::AT_PSEUDONYM) {
        out.push("givenName is present without surname".into());
    }
}

fn check_given_name_without_surname(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_given_name_without_surname)
}

lint! {
    /// ## What it checks
    /// A subject with givenName also has surname (or a pseudonym, which excludes both).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(e): "Subjects with a single legal name SHALL provide the name in the
    /// `subject:surname` attribute". A givenName alone may therefore be a single legal name in
    /// the wrong attribute. But the SBR names the attributes "givenName and/or surname" in
    /// 7.1.4.2.2(a), (e) and Note 2 of 7.1.4.2.5/7.1.4.2.6, which explicitly permits a givenName
    /// without surname for a Subject with more than one name, and the certificate does not say
    /// which case it is: a notice for the CA to confirm, not a warning.
    ///
    /// ## Example
    /// `GN=Alice, CN=Alice` without `SN`.
    N_SMIME_SUBJECT_GIVEN_NAME_WITHOUT_SURNAME {
        name: "n_smime_subject_given_name_without_surname",
        description: "givenName is present without surname: a single legal name belongs in surname",
        citation: "SBR 7.1.4.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_given_name_without_surname,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject_values::iv;

    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, status_of};

    #[test]
    fn given_name_without_surname() {
        let bad = iv("individual-strict")
            .subject(&[("C", "GB"), ("GN", "Alice"), ("CN", "Alice")])
            .build();
        let good = iv("individual-strict")
            .subject(&[("C", "GB"), ("SN", "Cher"), ("CN", "Cher")])
            .build();
        assert_lint(
            "n_smime_subject_given_name_without_surname",
            &bad,
            &good,
            &[],
        );
        // "givenName and/or surname": no warning for a givenName alone.
        assert_eq!(
            status_of(&bad, "w_smime_subject_given_name_without_surname"),
            Status::NotApplicable
        );
    }
}
