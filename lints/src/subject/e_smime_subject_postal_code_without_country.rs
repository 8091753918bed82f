use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_postal_code_without_country;

fn check_postal_code_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_postal_code_without_country)
}

lint! {
    /// ## What it checks
    /// A subject with postalCode also has countryName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(m) (since SMC06) allows postalCode (SHALL) only together with countryName.
    ///
    /// ## Example
    /// `postalCode=M5 3EQ, O=…` without `C`.
    E_SMIME_SUBJECT_POSTAL_CODE_WITHOUT_COUNTRY {
        name: "e_smime_subject_postal_code_without_country",
        description: "postalCode is present but countryName is not",
        citation: "SBR 7.1.4.2.2(m)",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_postal_code_without_country"],
        applies: Applies::SUBSCRIBER,
        check: check_postal_code_without_country,
    }
}
