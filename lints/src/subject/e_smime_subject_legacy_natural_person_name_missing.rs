use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_legacy_natural_person_name_missing;

fn check_legacy_natural_person_name_missing(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_legacy_natural_person_name_missing)
}

lint! {
    /// ## What it checks
    /// Legacy Sponsor-validated and Individual-validated subjects name the natural person at all:
    /// givenName, surname, pseudonym, or at least a commonName.
    ///
    /// ## Why
    /// Note 1 of SBR 7.1.4.2.5 and 7.1.4.2.6 lets Legacy profiles omit givenName, surname and
    /// pseudonym and carry the name in commonName alone. A subject with none of the four does
    /// not identify the Individual these types validate.
    ///
    /// ## Example
    /// `C=GB, emailAddress=alice@example.com` in `individual-legacy`.
    E_SMIME_SUBJECT_LEGACY_NATURAL_PERSON_NAME_MISSING {
        name: "e_smime_subject_legacy_natural_person_name_missing",
        description: "A Legacy SV/IV subject has none of givenName, surname, pseudonym or commonName",
        citation: "SBR 7.1.4.2.5 Note 1, 7.1.4.2.6 Note 1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.missing_required_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_legacy_natural_person_name_missing"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Sponsored, Validation::Individual])
            .generations(&[Generation::Legacy]),
        check: check_legacy_natural_person_name_missing,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn legacy_natural_person_name_missing() {
        let bad = CertBuilder::subscriber("individual-legacy")
            .subject(&[("C", "GB"), ("emailAddress", "alice@example.com")])
            .build();
        let good = CertBuilder::subscriber("individual-legacy")
            .subject(&[("C", "GB"), ("CN", "Alice Smith")])
            .build();
        assert_lint(
            "e_smime_subject_legacy_natural_person_name_missing",
            &bad,
            &good,
            &[],
        );
    }
}
