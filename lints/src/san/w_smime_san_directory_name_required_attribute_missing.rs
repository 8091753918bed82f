use super::*;
use crate::support::name_rules::{on_directory_names_as, Rule};
use crate::support::subject;

const DIRECTORY_NAME_REQUIRED_RULES: [(&str, Rule); 3] = [
    (
        "e_smime_subject_required_attribute_missing",
        subject::rule_required_attribute_missing,
    ),
    (
        "e_smime_subject_natural_person_name_missing",
        subject::rule_natural_person_name_missing,
    ),
    (
        "e_smime_subject_legacy_natural_person_name_missing",
        subject::rule_legacy_natural_person_name_missing,
    ),
];

fn check_directory_name_required_attribute_missing(ctx: &LintContext<'_>) -> Outcome {
    on_directory_names_as(ctx, &DIRECTORY_NAME_REQUIRED_RULES)
}

lint! {
    /// ## What it checks
    /// Each directoryName of the subjectAltName contains the attributes the subject must contain
    /// for the certificate's type: organizationName and organizationIdentifier for
    /// Organization- and Sponsor-validated certificates; givenName/surname or pseudonym for
    /// Multipurpose and Strict Sponsor- and Individual-validated ones (a commonName at least, in
    /// Legacy).
    ///
    /// ## Why
    /// Read literally, SBR 7.1.4.2.1 (as clarified by SMC012) makes a directoryName comply with
    /// 7.1.4.2.2–7.1.4.2.6, SHALL rows included. A directoryName may however describe only part of
    /// the subject (e.g. the name in another script), and the ballot called the change a
    /// clarification, so this is a warning until the working group says otherwise.
    ///
    /// ## Example
    /// `directoryName=CN=山田花子` in `individual-multipurpose`.
    ///
    /// ## Differences from pkilint
    /// pkilint runs its subject validator on every Name and reports these as the error
    /// `cabf.smime.missing_required_attribute`.
    W_SMIME_SAN_DIRECTORY_NAME_REQUIRED_ATTRIBUTE_MISSING {
        name: "w_smime_san_directory_name_required_attribute_missing",
        description: "A SAN directoryName lacks an attribute the subject table requires for the certificate type",
        citation: "SBR 7.1.4.2.1, 7.1.4.2.4–7.1.4.2.6",
        source: Source::Sbr,
        effective: dates::SMC012,
        ballot: "SMC012",
        pkilint: ["cabf.smime.missing_required_attribute"],
        zlint: [],
        catalog: ["w_smime_san_directory_name_required_attribute_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_required_attribute_missing,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, dir, with_san};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn directory_name_required_attribute_missing() {
        let iv = |attrs: &[(&str, &str)]| {
            with_san("individual-multipurpose", &[alice(), dir(attrs)]).build()
        };
        assert_lint(
            "w_smime_san_directory_name_required_attribute_missing",
            &iv(&[("CN", "山田花子")]),
            &iv(&[("SN", "山田"), ("CN", "山田花子")]),
            &[],
        );
    }
}
