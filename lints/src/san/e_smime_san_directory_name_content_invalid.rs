use super::*;
use crate::support::name_rules::{on_directory_names_as, Rule};
use crate::support::{organization_identifier as org, subject, subject_values as sv};

/// The error-level subject content rules, held against each directoryName (each only where its
/// subject lint applies and is in effect).
const DIRECTORY_NAME_CONTENT_RULES: [(&str, Rule); 25] = [
    (
        "e_smime_subject_pseudonym_with_given_name_or_surname",
        sv::rule_pseudonym_with_given_name_or_surname,
    ),
    (
        "e_smime_subject_cn_mv_not_mailbox",
        sv::rule_cn_mv_not_mailbox,
    ),
    ("e_smime_subject_cn_ov_invalid", sv::rule_cn_ov_invalid),
    (
        "e_smime_subject_cn_pseudonym_mismatch",
        sv::rule_cn_pseudonym_mismatch,
    ),
    (
        "e_smime_subject_email_address_not_single",
        sv::rule_email_address_not_single,
    ),
    (
        "e_smime_subject_email_address_invalid",
        sv::rule_email_address_invalid,
    ),
    (
        "e_smime_subject_country_name_invalid",
        sv::rule_country_name_invalid,
    ),
    (
        "e_smime_subject_attribute_metadata_only",
        sv::rule_attribute_metadata_only,
    ),
    (
        "e_smime_subject_attribute_too_long",
        sv::rule_attribute_too_long,
    ),
    (
        "e_smime_subject_attribute_encoding_invalid",
        sv::rule_attribute_encoding_invalid,
    ),
    (
        "e_smime_subject_street_address_without_locality_or_state",
        subject::rule_street_without_locality_or_state,
    ),
    (
        "e_smime_subject_locality_without_country",
        subject::rule_locality_without_country,
    ),
    (
        "e_smime_subject_state_without_country",
        subject::rule_state_without_country,
    ),
    (
        "e_smime_subject_postal_code_without_country",
        subject::rule_postal_code_without_country,
    ),
    (
        "e_smime_subject_org_identifier_encoding",
        org::rule_org_identifier_encoding,
    ),
    (
        "e_smime_subject_org_identifier_syntax",
        org::rule_org_identifier_syntax,
    ),
    (
        "e_smime_subject_org_identifier_scheme_unknown",
        org::rule_org_identifier_scheme_unknown,
    ),
    (
        "e_smime_subject_org_identifier_country_invalid",
        org::rule_org_identifier_country_invalid,
    ),
    (
        "e_smime_subject_org_identifier_country_mismatch",
        org::rule_org_identifier_country_mismatch,
    ),
    (
        "e_smime_subject_org_identifier_subdivision_invalid",
        org::rule_org_identifier_subdivision_invalid,
    ),
    (
        "e_smime_subject_org_identifier_reference_missing",
        org::rule_org_identifier_reference_missing,
    ),
    (
        "e_smime_subject_org_identifier_lei_invalid",
        org::rule_org_identifier_lei_invalid,
    ),
    (
        "e_smime_subject_org_identifier_psd_invalid",
        org::rule_org_identifier_psd_invalid,
    ),
    (
        "e_smime_subject_org_identifier_euid_invalid",
        org::rule_org_identifier_euid_invalid,
    ),
    (
        "e_smime_subject_org_identifier_european_ntr_subdivision",
        org::rule_org_identifier_european_ntr_subdivision,
    ),
];

fn check_directory_name_content_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_directory_names_as(ctx, &DIRECTORY_NAME_CONTENT_RULES)
}

lint! {
    /// ## What it checks
    /// Each directoryName of the subjectAltName satisfies the subject value rules of SBR
    /// 7.1.4.2.2 for the certificate's type: the rules of the error-level subject lints
    /// (commonName content, pseudonym/personal name exclusivity, emailAddress, countryName,
    /// attribute dependencies, organizationIdentifier, metadata-only values, upper bounds and
    /// encodings), each where its subject lint applies and is in effect. The details name the
    /// subject lint whose rule failed and the directoryName (`subjectAltName directoryName #2`).
    ///
    /// Mailbox Addresses are `e_smime_san_directory_name_mailbox_not_in_san`'s, the tables
    /// `e_smime_san_directory_name_attribute_prohibited`'s and
    /// `w_smime_san_directory_name_required_attribute_missing`'s.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1: a directoryName entry is allowed only when its contents meet 7.1.4.2.2 to
    /// 7.1.4.2.6 for the certificate's type (SMC012 spelled out that range; before, the text
    /// referred to 7.1.4.2.2).
    ///
    /// ## Example
    /// `directoryName=pseudonym=山田, GN=花子` in `individual-multipurpose`;
    /// `directoryName=organizationIdentifier=LEIXG-AEYE00EKXESVZUUEBP63`.
    E_SMIME_SAN_DIRECTORY_NAME_CONTENT_INVALID {
        name: "e_smime_san_directory_name_content_invalid",
        description: "A SAN directoryName violates a subject attribute value rule for the certificate type",
        citation: "SBR 7.1.4.2.1, 7.1.4.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC012",
        pkilint: [
            "cabf.smime.common_name_value_unknown_source",
            "cabf.smime.mixed_name_and_pseudonym_attributes",
            "cabf.invalid_country_code",
            "cabf.smime.required_attribute_missing_for_dependent_attribute",
            "cabf.insignificant_attribute_value_present",
            "cabf.invalid_subject_organization_identifier_format",
            "cabf.invalid_organization_identifier_country",
            "iso.lei.invalid_lei_checksum",
        ],
        zlint: [],
        catalog: ["e_smime_san_directory_name_content_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_content_invalid,
    }
}

#[cfg(test)]
mod tests {

    use crate::test_support::san::{alice, dir, with_san};

    use smimelint_engine::testing::assert_lint;

    #[test]
    fn directory_name_content_invalid() {
        let iv = |attrs: &[(&str, &str)]| {
            with_san("individual-multipurpose", &[alice(), dir(attrs)]).build()
        };
        let good = iv(&[("SN", "山田"), ("GN", "花子"), ("CN", "山田花子")]);
        assert_lint(
            "e_smime_san_directory_name_content_invalid",
            &iv(&[("pseudonym", "山田"), ("GN", "花子")]),
            &good,
            &[],
        );
        let ov = |org_id: &'static str| {
            with_san(
                "organization-multipurpose",
                &[
                    alice(),
                    dir(&[("O", "Example Ltd"), ("organizationIdentifier", org_id)]),
                ],
            )
            .build()
        };
        assert_lint(
            "e_smime_san_directory_name_content_invalid",
            &ov("LEIXG-AEYE00EKXESVZUUEBP63"),
            &ov("LEIXG-AEYE00EKXESVZUUEBP67"),
            &[],
        );
    }
}
