//! Name rules against pkilint's own S/MIME test certificates (`testdata/pkilint`,
//! `<type>/<generation>/NAME.pem` with `NAME.expected.csv`).
//!
//! For every corpus certificate whose expected findings include a subject or subjectAltName
//! finding, [`CASES`] says which smimelint lints report the same defect, and the test checks that
//! they do. Certificates pkilint finds no name defect in must get no error-level name finding
//! from smimelint. Each certificate is linted as the type its folder names, at an evaluation time
//! after every ballot (the corpus certificates mostly predate SBR 1.0.0).
//!
//! Where pkilint departs from the SBR, [`DIFFERENCES`] holds factory-built certificates, checked
//! with pkilint 0.13.3 (`../shared/tools/pkilint-oracle`), on which smimelint deliberately
//! disagrees, with the SBR section that decides.
//!
//! The corpus is committed; a missing file fails the tests.

mod common;

use smimelint::detect::CertType;
use smimelint::engine::{CertResult, Linter, Options};
use smimelint_factory::{gn, CertBuilder};
use std::collections::BTreeSet;
use std::path::Path;

/// One corpus certificate with name findings.
struct Case {
    /// Path below `pkilint-tests/`, without `.pem`.
    file: &'static str,
    /// pkilint's name finding codes for it (all must be in the expected CSV).
    pkilint: &'static [&'static str],
    /// smimelint lints that must report the same defect(s).
    ours: &'static [&'static str],
    /// How the two relate, where it is not one to one.
    note: &'static str,
}

const CASES: &[Case] = &[
    Case {
        file: "individual/legacy/no_san",
        pkilint: &["pkix.subject_email_address_not_in_san"],
        ours: &["e_smime_subject_mailbox_not_in_san"],
        note: "emailAddress with no SAN at all",
    },
    Case {
        file: "individual/legacy/org_name",
        pkilint: &["cabf.smime.prohibited_attribute"],
        ours: &["e_smime_subject_attribute_prohibited"],
        note: "",
    },
    Case {
        file: "individual/legacy/pseudonym_not_in_cn",
        pkilint: &["cabf.smime.common_name_value_unknown_source"],
        ours: &["e_smime_subject_cn_pseudonym_mismatch"],
        note: "CN is a Personal Name while a pseudonym is present (7.1.4.2.2(a))",
    },
    Case {
        file: "individual/legacy/subject_email_not_in_san",
        pkilint: &["cabf.smime.email_address_in_attribute_not_in_san"],
        ours: &["e_smime_subject_cn_mailbox_not_in_san"],
        note: "",
    },
    Case {
        file: "individual/multipurpose/common_name_only",
        pkilint: &[
            "cabf.smime.missing_required_attribute",
            "cabf.smime.common_name_value_unknown_source",
        ],
        ours: &[
            "e_smime_subject_natural_person_name_missing",
            "w_smime_san_directory_name_required_attribute_missing",
        ],
        note: "pkilint reports the missing givenName/surname/pseudonym twice, once as an unknown \
               CN source; for directoryName entries the requirement is a warning (catalog #101)",
    },
    Case {
        file: "individual/multipurpose/mixed_pseudonym_and_name",
        pkilint: &["cabf.smime.mixed_name_and_pseudonym_attributes"],
        ours: &[
            "e_smime_subject_pseudonym_with_given_name_or_surname",
            "e_smime_san_directory_name_content_invalid",
            "e_smime_subject_cn_pseudonym_mismatch",
        ],
        note: "also: CN \"YAMADA Hanako\" does not contain pseudonym \"Yamada\", so it is a \
               Personal Name next to a pseudonym (7.1.4.2.2(a)); pkilint assumes the CN holds \
               the givenName",
    },
    Case {
        file: "individual/strict/clientauth_eku_and_othername",
        pkilint: &["cabf.smime.prohibited_othername_type_present"],
        ours: &["e_smime_san_other_name_type_strict"],
        note: "",
    },
    Case {
        file: "individual/strict/insignificant_attribute_value",
        pkilint: &["cabf.insignificant_attribute_value_present"],
        ours: &["e_smime_subject_attribute_metadata_only"],
        note: "",
    },
    Case {
        file: "individual/strict/pseudonym_cn_case_mismatch",
        pkilint: &["cabf.smime.common_name_value_unknown_source"],
        ours: &["e_smime_subject_cn_pseudonym_mismatch"],
        note: "",
    },
    Case {
        file: "mailbox/legacy/invalid_ku_for_ecdsa",
        pkilint: &["cabf.smime.prohibited_attribute"],
        ours: &["e_smime_subject_other_attribute_prohibited"],
        note: "description (2.5.4.13) is an Other attribute",
    },
    Case {
        file: "mailbox/multipurpose/smtputf8mailbox_only_cn_mismatch",
        pkilint: &["cabf.smime.common_name_value_unknown_source"],
        ours: &[
            "e_smime_subject_cn_mailbox_not_in_san",
            "e_smime_san_directory_name_mailbox_not_in_san",
        ],
        note: "",
    },
    Case {
        file: "organization/multipurpose/bad_lei_checksum",
        pkilint: &["iso.lei.invalid_lei_checksum"],
        ours: &[
            "e_smime_subject_org_identifier_lei_invalid",
            "e_smime_san_directory_name_content_invalid",
        ],
        note: "the LEI extension's own checksum finding belongs to the extension lints",
    },
    Case {
        file: "organization/multipurpose/gov_orgid_invalid_country",
        pkilint: &["cabf.invalid_organization_identifier_country"],
        ours: &["e_smime_subject_org_identifier_country_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/gov_orgid_no_country",
        pkilint: &["cabf.invalid_subject_organization_identifier_format"],
        ours: &["e_smime_subject_org_identifier_syntax"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/int_orgid_with_reference",
        pkilint: &["cabf.smime.prohibited_organization_identifier_reference_present_for_scheme"],
        ours: &["w_smime_subject_org_identifier_gov_int_has_reference"],
        note: "a warning: Note 2 of 7.1.4.2.2(d) describes the form but has no SHALL NOT",
    },
    Case {
        file: "organization/multipurpose/int_with_country",
        pkilint: &["cabf.invalid_organization_identifier_country"],
        ours: &["e_smime_subject_org_identifier_country_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/int_with_xg_country_and_state",
        pkilint: &["cabf.invalid_subject_organization_identifier_state_province_for_scheme"],
        ours: &["e_smime_subject_org_identifier_subdivision_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/invalid_country_code",
        pkilint: &[
            "cabf.invalid_country_code",
            "cabf.smime.org_identifier_and_country_name_attribute_inconsistent",
        ],
        ours: &[
            "e_smime_subject_country_name_invalid",
            "e_smime_subject_org_identifier_country_mismatch",
        ],
        note: "",
    },
    Case {
        file: "organization/multipurpose/invalid_email_address_domain_part_lengths",
        pkilint: &[
            "pkix.subject_email_address_not_in_san",
            "pkix.invalid_email_address_syntax",
            "pkix.rfc822name_domain_part_too_long",
            "pkix.smtputf8mailbox_domain_part_too_long",
        ],
        ours: &[
            "e_smime_subject_mailbox_not_in_san",
            "e_smime_rfc822_name_invalid",
            "e_smime_smtp_utf8_mailbox_invalid",
        ],
        note: "one finding per Mailbox Field for syntax and length together",
    },
    Case {
        file: "organization/multipurpose/lei_orgid_with_no_reference",
        pkilint: &["cabf.organization_identifier_reference_missing_for_scheme"],
        ours: &["e_smime_subject_org_identifier_reference_missing"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/no_local_parts",
        pkilint: &[
            "pkix.invalid_email_address_syntax",
            "pkix.smtp_utf8_mailbox_invalid_syntax",
            "cabf.internal_domain_name",
            "msft.invalid_user_principal_name_syntax",
        ],
        ours: &[
            "e_smime_subject_email_address_invalid",
            "e_smime_rfc822_name_invalid",
            "e_smime_smtp_utf8_mailbox_invalid",
            "n_smime_san_other_name_unvalidated_type",
        ],
        note: "the empty domain is part of the syntax findings; the userPrincipalName syntax is \
               not an SBR rule and is named in the notice on other otherName types",
    },
    Case {
        file: "organization/multipurpose/ntr_orgid_with_no_reference",
        pkilint: &["cabf.organization_identifier_reference_missing_for_scheme"],
        ours: &["e_smime_subject_org_identifier_reference_missing"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_and_countryname_inconsistent",
        pkilint: &["cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        ours: &["e_smime_subject_org_identifier_country_mismatch"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_and_countryname_inconsistent_multiple_orgid_attrs",
        pkilint: &["cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        ours: &["e_smime_subject_org_identifier_country_mismatch"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_and_countryname_same_different_case",
        pkilint: &[
            "cabf.invalid_country_code",
            "cabf.smime.org_identifier_and_country_name_attribute_inconsistent",
        ],
        ours: &[
            "e_smime_subject_country_name_invalid",
            "e_smime_subject_org_identifier_country_mismatch",
        ],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_has_unknown_scheme",
        pkilint: &["cabf.invalid_organization_identifier_registration_scheme"],
        ours: &["e_smime_subject_org_identifier_scheme_unknown"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_lei_has_state",
        pkilint: &["cabf.invalid_subject_organization_identifier_state_province_for_scheme"],
        ours: &["e_smime_subject_org_identifier_subdivision_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_lei_has_wrong_country_code",
        pkilint: &["cabf.invalid_organization_identifier_country"],
        ours: &["e_smime_subject_org_identifier_country_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_ntr_de_has_state_province",
        pkilint: &["cabf.smime.german_ntr_registration_reference_not_euid"],
        ours: &["w_smime_subject_org_identifier_de_ntr_not_euid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_ntr_de_invalid_euid_format",
        pkilint: &["cabf.smime.german_ntr_registration_reference_not_euid"],
        ours: &["w_smime_subject_org_identifier_de_ntr_not_euid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_ntr_de_mismatched_country_code",
        pkilint: &["cabf.smime.german_ntr_registration_reference_not_euid"],
        ours: &["e_smime_subject_org_identifier_euid_invalid"],
        note: "an error: the EUID country code SHALL match the NTR one in every EU/EEA country \
               (7.1.4.2.2(d) Note 3); pkilint warns, for Germany only",
    },
    Case {
        file: "organization/multipurpose/orgid_ntr_with_4letter_state",
        pkilint: &["cabf.invalid_subject_organization_identifier_format"],
        ours: &["e_smime_subject_org_identifier_syntax"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/orgid_unknown_country",
        pkilint: &["cabf.invalid_organization_identifier_country"],
        ours: &["e_smime_subject_org_identifier_country_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/state_present_no_country",
        pkilint: &["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        ours: &["e_smime_subject_state_without_country"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/street_address_present_state_and_locality_not_present",
        pkilint: &["cabf.smime.required_attribute_missing_for_dependent_attribute"],
        ours: &["e_smime_subject_street_address_without_locality_or_state"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/vat_invalid_country",
        pkilint: &["cabf.invalid_organization_identifier_country"],
        ours: &["e_smime_subject_org_identifier_country_invalid"],
        note: "",
    },
    Case {
        file: "organization/multipurpose/vat_with_state",
        pkilint: &["cabf.invalid_subject_organization_identifier_state_province_for_scheme"],
        ours: &["e_smime_subject_org_identifier_subdivision_invalid"],
        note: "",
    },
    Case {
        file: "organization/strict/orgname_cn_case_mismatch",
        pkilint: &["cabf.smime.common_name_value_unknown_source"],
        ours: &["e_smime_subject_cn_ov_invalid"],
        note: "",
    },
    Case {
        file: "sponsored/legacy/author",
        pkilint: &["cabf.smime.missing_required_attribute"],
        ours: &["e_smime_subject_required_attribute_missing"],
        note: "",
    },
    Case {
        file: "sponsored/strict/prohibited_attribute_in_strict",
        pkilint: &[
            "cabf.smime.missing_required_attribute",
            "cabf.smime.prohibited_attribute",
            "cabf.smime.common_name_value_unknown_source",
        ],
        ours: &[
            "e_smime_subject_required_attribute_missing",
            "e_smime_subject_natural_person_name_missing",
            "e_smime_subject_attribute_prohibited",
        ],
        note: "the CN without givenName/surname/pseudonym is the missing natural person name",
    },
    Case {
        file: "sponsored/strict/san_dirname_attribute_with_email_not_in_san",
        pkilint: &["cabf.smime.email_address_in_attribute_not_in_san"],
        ours: &["e_smime_san_directory_name_mailbox_not_in_san"],
        note: "",
    },
    Case {
        file: "sponsored/strict/subject_attribute_with_email_not_in_san",
        pkilint: &["cabf.smime.email_address_in_attribute_not_in_san"],
        ours: &["e_smime_subject_mailbox_not_in_san"],
        note: "surname \"Yamada@example.com\"; local parts are case-sensitive",
    },
];

/// pkilint finding codes about subject and subjectAltName contents.
const NAME_CODES: &[&str] = &[
    "cabf.smime.common_name_value_unknown_source",
    "cabf.smime.missing_required_attribute",
    "cabf.smime.prohibited_attribute",
    "cabf.smime.org_identifier_and_country_name_attribute_inconsistent",
    "cabf.invalid_organization_identifier_country",
    "pkix.invalid_email_address_syntax",
    "cabf.smime.email_address_in_attribute_not_in_san",
    "pkix.subject_email_address_not_in_san",
    "cabf.smime.german_ntr_registration_reference_not_euid",
    "cabf.invalid_subject_organization_identifier_state_province_for_scheme",
    "cabf.internal_domain_name",
    "cabf.smime.required_attribute_missing_for_dependent_attribute",
    "cabf.smime.mixed_name_and_pseudonym_attributes",
    "cabf.organization_identifier_reference_missing_for_scheme",
    "cabf.invalid_subject_organization_identifier_format",
    "cabf.invalid_country_code",
    "pkix.smtputf8mailbox_domain_part_too_long",
    "pkix.smtp_utf8_mailbox_invalid_syntax",
    "pkix.rfc822name_domain_part_too_long",
    "cabf.smime.prohibited_othername_type_present",
    "cabf.smime.prohibited_organization_identifier_reference_present_for_scheme",
    "cabf.invalid_organization_identifier_registration_scheme",
    "cabf.insignificant_attribute_value_present",
    "msft.invalid_user_principal_name_syntax",
    "iso.lei.invalid_lei_checksum",
];

/// The lints of the name families (SAN and subject).
const NAME_LINTS: &[&str] = &[
    "e_smime_san_no_mailbox",
    "e_smime_san_general_name_type_prohibited",
    "e_smime_san_other_name_type_strict",
    "n_smime_san_other_name_unvalidated_type",
    "e_smime_subject_mailbox_not_in_san",
    "e_smime_san_directory_name_mailbox_not_in_san",
    "e_smime_san_directory_name_attribute_prohibited",
    "e_smime_san_directory_name_content_invalid",
    "w_smime_san_directory_name_required_attribute_missing",
    "e_smime_rfc822_name_invalid",
    "e_smime_smtp_utf8_mailbox_invalid",
    "e_smime_smtp_utf8_mailbox_ascii_local_part",
    "w_smime_san_mailbox_domain_internal",
    "e_smime_subject_attribute_prohibited",
    "e_smime_subject_other_attribute_prohibited",
    "e_smime_subject_required_attribute_missing",
    "e_smime_subject_natural_person_name_missing",
    "e_smime_subject_legacy_natural_person_name_missing",
    "e_smime_subject_street_address_without_locality_or_state",
    "e_smime_subject_locality_without_country",
    "e_smime_subject_state_without_country",
    "e_smime_subject_postal_code_without_country",
    "e_smime_subject_pseudonym_with_given_name_or_surname",
    "e_smime_subject_cn_mailbox_not_in_san",
    "e_smime_subject_cn_mv_not_mailbox",
    "e_smime_subject_cn_ov_invalid",
    "e_smime_subject_cn_pseudonym_mismatch",
    "w_smime_subject_cn_personal_name_without_name_attributes",
    "e_smime_subject_email_address_not_single",
    "e_smime_subject_email_address_invalid",
    "e_smime_subject_country_name_invalid",
    "e_smime_subject_attribute_metadata_only",
    "e_smime_subject_attribute_too_long",
    "e_smime_subject_attribute_encoding_invalid",
    "w_smime_subject_given_name_without_surname",
    "n_smime_subject_rdn_multi_valued",
    "e_smime_subject_org_identifier_encoding",
    "e_smime_subject_org_identifier_syntax",
    "e_smime_subject_org_identifier_scheme_unknown",
    "e_smime_subject_org_identifier_country_invalid",
    "e_smime_subject_org_identifier_country_mismatch",
    "e_smime_subject_org_identifier_subdivision_invalid",
    "e_smime_subject_org_identifier_reference_missing",
    "w_smime_subject_org_identifier_gov_int_has_reference",
    "e_smime_subject_org_identifier_lei_invalid",
    "e_smime_subject_org_identifier_psd_invalid",
    "e_smime_subject_org_identifier_euid_invalid",
    "w_smime_subject_org_identifier_de_ntr_not_euid",
    "e_smime_subject_org_identifier_european_ntr_subdivision",
    "n_smime_subject_serial_number_npi_scheme",
    "w_smime_subject_serial_number_npi_outside_sv_iv",
];

/// Evaluation time after every ballot, so that every rule applies.
fn options(t: CertType) -> Options {
    Options {
        override_type: Some(t),
        at: Some(smimelint::time::date(2025, 10, 1)),
        ..Default::default()
    }
}

/// Lints a corpus PEM as the type its folders name.
fn lint_corpus_file(root: &Path, stem: &str) -> CertResult {
    let mut parts = stem.split('/');
    let (Some(validation), Some(generation)) = (parts.next(), parts.next()) else {
        panic!("{stem}: expected <type>/<generation>/NAME");
    };
    let t: CertType = format!("{validation}-{generation}").parse().expect("type");
    let path = root.join(format!("{stem}.pem"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut items = smimelint::input::frame(stem, &bytes[..], Default::default());
    let item = items.next().expect("one certificate");
    Linter::new(options(t)).lint_item(item)
}

fn name_findings(r: &CertResult) -> BTreeSet<&'static str> {
    r.issues()
        .map(|f| f.lint)
        .filter(|l| NAME_LINTS.contains(l))
        .collect()
}

/// pkilint's name finding codes for one corpus certificate, from its expected CSV: rows whose
/// node is in the subject or the subjectAltName.
fn pkilint_name_codes(root: &Path, stem: &str) -> BTreeSet<String> {
    let csv = std::fs::read_to_string(root.join(format!("{stem}.expected.csv"))).expect("csv");
    csv.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.splitn(5, ',').collect();
            let (node, code) = (*cols.first()?, *cols.get(3)?);
            let in_names = node.contains(".subject.") || node.contains("subjectAltName");
            (NAME_CODES.contains(&code) && in_names).then(|| code.to_string())
        })
        .collect()
}

#[test]
fn table_is_well_formed() {
    for c in CASES {
        assert!(!c.pkilint.is_empty() && !c.ours.is_empty(), "{}", c.file);
        for l in c.ours {
            assert!(NAME_LINTS.contains(l), "{}: {l} is not a name lint", c.file);
            assert!(smimelint::registry::find(l).is_some(), "no lint {l}");
        }
        for code in c.pkilint {
            assert!(NAME_CODES.contains(code), "{}: {code}", c.file);
        }
        let _ = c.note;
    }
    for l in NAME_LINTS {
        assert!(smimelint::registry::find(l).is_some(), "no lint {l}");
    }
}

#[test]
fn we_report_the_name_defects_pkilint_reports() {
    let root = common::corpus();
    let mut failures = Vec::new();
    for c in CASES {
        let expected = pkilint_name_codes(&root, c.file);
        let listed: BTreeSet<String> = c.pkilint.iter().map(|s| s.to_string()).collect();
        if expected != listed {
            failures.push(format!(
                "{}: the CSV has name codes {expected:?}, the table lists {listed:?}",
                c.file
            ));
        }
        let ours = name_findings(&lint_corpus_file(&root, c.file));
        for l in c.ours {
            if !ours.contains(l) {
                failures.push(format!("{}: {l} not reported (got {ours:?})", c.file));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_corpus_certificate_with_name_findings_is_in_the_table() {
    let root = common::corpus();
    let mut with_names = 0;
    let mut failures = Vec::new();
    for stem in common::all_stems(&root) {
        let in_table = CASES.iter().any(|c| c.file == stem);
        let codes = pkilint_name_codes(&root, &stem);
        if !codes.is_empty() {
            with_names += 1;
            if !in_table {
                failures.push(format!(
                    "{stem}: pkilint reports {codes:?}, not in the table"
                ));
            }
            continue;
        }
        // No name defect for pkilint: no error-level name finding from us either.
        let errors: Vec<&str> = name_findings(&lint_corpus_file(&root, &stem))
            .into_iter()
            .filter(|l| l.starts_with("e_"))
            .collect();
        if !errors.is_empty() {
            failures.push(format!(
                "{stem}: pkilint finds no name defect, we report {errors:?}"
            ));
        }
    }
    println!(
        "{with_names} corpus certificates have name findings, {} in the table",
        CASES.len()
    );
    assert_eq!(with_names, CASES.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A factory certificate on which pkilint 0.13.3 reports a name finding that the SBR does not
/// support (or misses one it does).
struct Difference {
    what: &'static str,
    /// What pkilint 0.13.3 reports on it (measured with `pkilint-oracle`).
    pkilint: &'static [&'static str],
    /// What smimelint reports among the name lints (usually nothing).
    ours: &'static [&'static str],
    /// The SBR text that decides.
    sbr: &'static str,
    build: fn() -> Vec<u8>,
}

const DIFFERENCES: &[Difference] = &[
    Difference {
        what: "organizationIdentifier VATEL-… with countryName GR",
        pkilint: &["cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        ours: &[],
        sbr: "7.1.4.2.2(d) Note 1: with the Art. 215 VAT prefix, countryName SHALL contain the \
              corresponding ISO 3166-1 code (GR for EL)",
        build: || {
            CertBuilder::subscriber("organization-strict")
                .subject(&[
                    ("C", "GR"),
                    ("O", "Example AE"),
                    ("organizationIdentifier", "VATEL-123456789"),
                    ("CN", "Example AE"),
                ])
                .build()
        },
    },
    Difference {
        what: "commonName alice@Example.com with rfc822Name alice@example.com",
        pkilint: &[
            "cabf.smime.email_address_in_attribute_not_in_san",
            "cabf.smime.common_name_value_unknown_source",
        ],
        ours: &[],
        sbr: "1.6.1 Mailbox Address is an RFC 5321 Mailbox, whose domain is case-insensitive \
              (RFC 5321 2.4); the address is repeated in the SAN as 7.1.4.2.1 requires",
        build: || {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", "alice@Example.com")])
                .build()
        },
    },
    Difference {
        what: "rfc822Name alice@EXAMPLE.COM (upper-case domain)",
        pkilint: &[],
        ours: &[],
        sbr: "1.6.1 / RFC 5321 2.4: letter case does not make a domain internal; both agree \
              (anchors.md reports pkilint flagging this; 0.13.3 does not)",
        build: || {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", "alice@EXAMPLE.COM")])
                .san(&[gn::rfc822("alice@EXAMPLE.COM")])
                .build()
        },
    },
    Difference {
        what: "countryName XK",
        pkilint: &[],
        ours: &["e_smime_subject_country_name_invalid"],
        sbr: "7.1.4.2.2(n): XK is user-assigned, not an ISO 3166-1 code; XX is required",
        build: || {
            CertBuilder::subscriber("individual-strict")
                .subject(&[("C", "XK"), ("GN", "Alice"), ("SN", "Smith")])
                .build()
        },
    },
];

#[test]
fn where_pkilint_departs_from_the_sbr_we_follow_the_sbr() {
    for d in DIFFERENCES {
        let der = (d.build)();
        let r = Linter::new(Options::default()).lint_der(d.what.into(), &der);
        let ours = name_findings(&r);
        let expected: BTreeSet<&str> = d.ours.iter().copied().collect();
        assert_eq!(
            ours, expected,
            "{} (SBR {}; pkilint: {:?})",
            d.what, d.sbr, d.pkilint
        );
    }
}
