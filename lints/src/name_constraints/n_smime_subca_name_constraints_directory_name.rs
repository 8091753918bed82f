use super::*;
use smimelint_cert::GeneralName;

fn check_directory_name_review(ctx: &LintContext<'_>) -> Outcome {
    let Some(bases) = email_ca_permitted(ctx) else {
        return Outcome::NotApplicable;
    };
    let count = bases
        .iter()
        .filter(|b| matches!(b, GeneralName::DirectoryName(_)))
        .count();
    if count == 0 {
        Outcome::Pass
    } else {
        fail!(
            "{count} permitted directoryName constraint(s): the CA must have confirmed the \
             Applicant's organisation name and location"
        )
    }
}

lint! {
    /// ## What it checks
    /// Reports directoryName entries in the nameConstraints permittedSubtrees of a subordinate
    /// CA certificate with id-kp-emailProtection.
    ///
    /// ## Why
    /// SBR 7.1.5(2): for each permitted directoryName the CA SHALL confirm the Applicant's
    /// organisation name and location, so that every certificate issued under the constraint
    /// complies with 7.1.2.4. That verification is not visible in the certificate: the notice
    /// asks for a review.
    ///
    /// ## Example
    /// `permittedSubtrees: directoryName "C=GB, O=Example Ltd"`.
    N_SMIME_SUBCA_NAME_CONSTRAINTS_DIRECTORY_NAME {
        name: "n_smime_subca_name_constraints_directory_name",
        description: "S/MIME sub-CA has directoryName constraints to review",
        citation: "SBR 7.1.5(2)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBORDINATE_CA,
        check: check_directory_name_review,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::name_constraints::constrained;

    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{gn, name};

    #[test]
    fn directory_name_review() {
        let dn = gn::directory_name(&name(&[("C", "GB"), ("O", "Example Ltd")]));
        assert_lint(
            "n_smime_subca_name_constraints_directory_name",
            &constrained(&[gn::rfc822("example.com"), dn]),
            &constrained(&[gn::rfc822("example.com")]),
            &[],
        );
    }
}
