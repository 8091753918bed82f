use super::*;
use crate::support::name_rules::on_subject;
use crate::support::subject::rule_required_attribute_missing;

fn check_required_attribute_missing(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_required_attribute_missing)
}

lint! {
    /// ## What it checks
    /// Organization-validated and Sponsor-validated subjects contain organizationName and
    /// organizationIdentifier, the two attributes the tables of SBR 7.1.4.2.4 and 7.1.4.2.5 mark
    /// SHALL in every generation.
    ///
    /// ## Why
    /// These types certify an organization: its name and its Registration Reference are the
    /// identity the certificate vouches for.
    ///
    /// ## Example
    /// `C=GB, O=Example Ltd, CN=Example Ltd` in `organization-strict` (no organizationIdentifier).
    E_SMIME_SUBJECT_REQUIRED_ATTRIBUTE_MISSING {
        name: "e_smime_subject_required_attribute_missing",
        description: "An Organization- or Sponsor-validated subject lacks organizationName or organizationIdentifier",
        citation: "SBR 7.1.4.2.4, 7.1.4.2.5",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.missing_required_attribute"],
        zlint: [],
        catalog: ["e_smime_subject_required_attribute_missing"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization, Validation::Sponsored]),
        check: check_required_attribute_missing,
    }
}

#[cfg(test)]
mod tests {

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::CertBuilder;

    #[test]
    fn required_attribute_missing() {
        let bad = CertBuilder::subscriber("organization-strict")
            .subject(&[("C", "GB"), ("O", "Example Ltd"), ("CN", "Example Ltd")])
            .build();
        let good = CertBuilder::subscriber("organization-strict").build();
        assert_lint(
            "e_smime_subject_required_attribute_missing",
            &bad,
            &good,
            &[],
        );
    }
}
