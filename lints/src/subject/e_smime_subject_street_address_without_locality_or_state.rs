use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_street_without_locality_or_state;

fn check_street_without_locality_or_state(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_street_without_locality_or_state)
}

lint! {
    /// ## What it checks
    /// A subject with streetAddress also has localityName or stateOrProvinceName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(j) (since SMC06) allows streetAddress (SHALL) only together with
    /// localityName or stateOrProvinceName. A street without a place is not an address.
    ///
    /// ## Example
    /// `C=GB, street=1 Main Street, O=…` in `organization-multipurpose`.
    E_SMIME_SUBJECT_STREET_ADDRESS_WITHOUT_LOCALITY_OR_STATE {
        name: "e_smime_subject_street_address_without_locality_or_state",
        description: "streetAddress is present but neither localityName nor stateOrProvinceName is",
        citation: "SBR 7.1.4.2.2(j)",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_street_address_without_locality_or_state"],
        applies: Applies::SUBSCRIBER,
        check: check_street_without_locality_or_state,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::subject::{ov_m, ov_subject};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn street_address_without_locality_or_state() {
        let bad = ov_m()
            .subject_raw(ov_subject(&[("C", "GB"), ("street", "1 Main Street")]))
            .build();
        let good = ov_m()
            .subject_raw(ov_subject(&[
                ("C", "GB"),
                ("ST", "London"),
                ("street", "1 Main Street"),
            ]))
            .build();
        assert_lint(
            "e_smime_subject_street_address_without_locality_or_state",
            &bad,
            &good,
            &[],
        );
    }
}
