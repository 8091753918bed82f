use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_locality_without_country;

fn check_locality_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_locality_without_country)
}

lint! {
    /// ## What it checks
    /// A subject with localityName also has countryName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(k) (since SMC06) allows localityName (SHALL) only together with
    /// countryName.
    ///
    /// ## Example
    /// `L=Manchester, O=…` without `C`.
    E_SMIME_SUBJECT_LOCALITY_WITHOUT_COUNTRY {
        name: "e_smime_subject_locality_without_country",
        description: "localityName is present but countryName is not",
        citation: "SBR 7.1.4.2.2(k)",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_locality_without_country"],
        applies: Applies::SUBSCRIBER,
        check: check_locality_without_country,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject::{ov_m, ov_subject};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn locality_state_postal_code_without_country() {
        for (short, lint) in [
            ("L", "e_smime_subject_locality_without_country"),
            ("ST", "e_smime_subject_state_without_country"),
            ("postalCode", "e_smime_subject_postal_code_without_country"),
        ] {
            let bad = ov_m().subject_raw(ov_subject(&[(short, "X1")])).build();
            let good = ov_m()
                .subject_raw(ov_subject(&[("C", "GB"), (short, "X1")]))
                .build();
            assert_lint(lint, &bad, &good, &[]);
        }
    }
}
