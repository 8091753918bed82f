use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_state_without_country;

fn check_state_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_state_without_country)
}

lint! {
    /// ## What it checks
    /// A subject with stateOrProvinceName also has countryName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(l) (since SMC06) allows stateOrProvinceName (SHALL) only together with
    /// countryName.
    ///
    /// ## Example
    /// `ST=Pennsylvania, O=…` without `C`.
    E_SMIME_SUBJECT_STATE_WITHOUT_COUNTRY {
        name: "e_smime_subject_state_without_country",
        description: "stateOrProvinceName is present but countryName is not",
        citation: "SBR 7.1.4.2.2(l)",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_state_without_country"],
        applies: Applies::SUBSCRIBER,
        check: check_state_without_country,
    }
}
