//! Subject attribute tables of SBR 7.1.4.2.3–7.1.4.2.6 and the attribute dependencies of
//! 7.1.4.2.2(j)–(m). The same rules run on SAN directoryName entries (see `san.rs`).

use super::name_rules::{describe, matrix_row, on_subject, other_cell, NameCtx, Presence, MATRIX};
use super::prelude::*;

/// The SBR section holding the table for a certificate type.
pub(crate) fn table_section(v: Validation) -> &'static str {
    match v {
        Validation::Mailbox => "7.1.4.2.3",
        Validation::Organization => "7.1.4.2.4",
        Validation::Sponsored => "7.1.4.2.5",
        Validation::Individual => "7.1.4.2.6",
    }
}

/// Attributes the table marks SHALL NOT for this type and generation.
pub(crate) fn rule_attribute_prohibited(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    for row in MATRIX.iter().filter(|r| r.cell(t) == Presence::ShallNot) {
        let count = n.all(row.oid).count();
        if count > 0 {
            out.push(format!(
                "{} is not allowed in {t} certificates (SBR {}){}",
                oid::attribute_name(row.oid),
                table_section(t.validation),
                if count > 1 {
                    format!(" ({count} present)")
                } else {
                    String::new()
                }
            ));
        }
    }
}

fn check_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_subject(ctx, rule_attribute_prohibited)
}

lint! {
    /// ## What it checks
    /// No attribute that the table of SBR 7.1.4.2.3–7.1.4.2.6 marks SHALL NOT for the
    /// certificate's type and generation is present in the subject. For example organizationName
    /// in Mailbox-validated certificates, givenName in Organization-validated ones, or
    /// streetAddress and postalCode in any Strict certificate.
    ///
    /// Attribute types the tables do not list ("Other") are reported by
    /// `e_smime_subject_other_attribute_prohibited`.
    ///
    /// ## Why
    /// The tables are the subject profile of each certificate type. A prohibited attribute asserts
    /// identity information the type does not validate.
    ///
    /// ## Example
    /// `O=Example Ltd` in a `mailbox-strict` certificate; `street=1 Main St` in `individual-strict`.
    E_SMIME_SUBJECT_ATTRIBUTE_PROHIBITED {
        name: "e_smime_subject_attribute_prohibited",
        description: "The subject contains an attribute the SBR table prohibits for the certificate type and generation",
        citation: "SBR 7.1.4.2.3, 7.1.4.2.4, 7.1.4.2.5, 7.1.4.2.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [
            "e_mailbox_validated_enforce_subject_field_restrictions",
            "e_mailbox_validated_allowed_subjectdn_attributes",
        ],
        catalog: ["e_smime_subject_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_prohibited,
    }
}

/// Attribute types outside the table where "Other" is SHALL NOT.
pub(crate) fn rule_other_attribute_prohibited(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    if other_cell(t) != Presence::ShallNot {
        return;
    }
    let mut seen: Vec<&[u8]> = Vec::new();
    for a in &n.name.attributes {
        if matrix_row(a.oid).is_none() && !seen.contains(&a.oid) {
            seen.push(a.oid);
            out.push(format!(
                "{} is not one of the attributes SBR {} allows in {t} certificates",
                describe(a),
                table_section(t.validation)
            ));
        }
    }
}

fn check_other_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_subject(ctx, rule_other_attribute_prohibited)
}

lint! {
    /// ## What it checks
    /// Where the "Other" row of SBR 7.1.4.2.3–7.1.4.2.6 is SHALL NOT (every Mailbox-validated
    /// certificate, and Multipurpose and Strict certificates of the other types), the subject
    /// holds only the fifteen attribute types the tables list.
    ///
    /// ## Why
    /// The tables close the list of attributes for those profiles: domainComponent, uid,
    /// description, businessCategory, the EV jurisdiction attributes and all others are not
    /// validated under the SBR.
    ///
    /// ## Example
    /// `description=For login authentication only` in a `mailbox-legacy` certificate;
    /// `DC=example` in `organization-strict`.
    E_SMIME_SUBJECT_OTHER_ATTRIBUTE_PROHIBITED {
        name: "e_smime_subject_other_attribute_prohibited",
        description: "The subject contains an attribute type that the SBR tables do not list, where Other is SHALL NOT",
        citation: "SBR 7.1.4.2.3, 7.1.4.2.4, 7.1.4.2.5, 7.1.4.2.6 (Other)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [
            "e_mailbox_validated_enforce_subject_field_restrictions",
            "e_mailbox_validated_allowed_subjectdn_attributes",
        ],
        catalog: ["e_smime_subject_other_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_other_attribute_prohibited,
    }
}

/// Attributes the table marks SHALL for this type and generation.
pub(crate) fn rule_required_attribute_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(t) = n.cert_type else { return };
    for row in MATRIX.iter().filter(|r| r.cell(t) == Presence::Shall) {
        if !n.has(row.oid) {
            out.push(format!(
                "{} is required in {t} certificates (SBR {})",
                oid::attribute_name(row.oid),
                table_section(t.validation)
            ));
        }
    }
}

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

/// Multipurpose/Strict SV and IV: givenName and/or surname, or pseudonym.
pub(crate) fn rule_natural_person_name_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if !(n.has(&oid::AT_GIVEN_NAME) || n.has(&oid::AT_SURNAME) || n.has(&oid::AT_PSEUDONYM)) {
        out.push("none of givenName, surname or pseudonym is present".into());
    }
}

fn check_natural_person_name_missing(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_natural_person_name_missing)
}

lint! {
    /// ## What it checks
    /// Sponsor-validated and Individual-validated certificates of the Multipurpose and Strict
    /// generations have givenName and/or surname, or a pseudonym, in the subject.
    ///
    /// ## Why
    /// Note 2 of SBR 7.1.4.2.5 and 7.1.4.2.6: these generations SHALL name the natural person in
    /// the dedicated attributes; a commonName alone is allowed only in Legacy (Note 1).
    ///
    /// ## Example
    /// `C=GB, CN=Alice Smith` in `individual-strict`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports this as `cabf.smime.missing_required_attribute` and in addition reports the
    /// commonName as `cabf.smime.common_name_value_unknown_source`, since it cannot attribute the
    /// Personal Name to givenName or surname. smimelint reports the missing attributes once, here.
    E_SMIME_SUBJECT_NATURAL_PERSON_NAME_MISSING {
        name: "e_smime_subject_natural_person_name_missing",
        description: "A Multipurpose or Strict SV/IV subject has neither givenName/surname nor pseudonym",
        citation: "SBR 7.1.4.2.5 Note 2, 7.1.4.2.6 Note 2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.missing_required_attribute", "cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_invalid_individual_identity"],
        catalog: ["e_smime_subject_natural_person_name_missing"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Sponsored, Validation::Individual])
            .generations(&[Generation::Multipurpose, Generation::Strict]),
        check: check_natural_person_name_missing,
    }
}

/// Legacy SV and IV: at least a commonName when the name attributes are omitted.
pub(crate) fn rule_legacy_natural_person_name_missing(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if !(n.has(&oid::AT_GIVEN_NAME)
        || n.has(&oid::AT_SURNAME)
        || n.has(&oid::AT_PSEUDONYM)
        || n.has(&oid::AT_COMMON_NAME))
    {
        out.push("none of givenName, surname, pseudonym or commonName is present".into());
    }
}

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

/// streetAddress only with localityName or stateOrProvinceName.
pub(crate) fn rule_street_without_locality_or_state(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_STREET) && !n.has(&oid::AT_LOCALITY) && !n.has(&oid::AT_STATE) {
        out.push("streetAddress is present without localityName or stateOrProvinceName".into());
    }
}

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

fn requires_country(
    n: &NameCtx<'_>,
    out: &mut Vec<String>,
    o: &'static const_oid::ObjectIdentifier,
    name: &str,
) {
    if n.has(o) && !n.has(&oid::AT_COUNTRY) {
        out.push(format!("{name} is present without countryName"));
    }
}

pub(crate) fn rule_locality_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_LOCALITY, "localityName");
}

pub(crate) fn rule_state_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_STATE, "stateOrProvinceName");
}

pub(crate) fn rule_postal_code_without_country(n: &NameCtx<'_>, out: &mut Vec<String>) {
    requires_country(n, out, &oid::AT_POSTAL_CODE, "postalCode");
}

fn check_locality_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_locality_without_country)
}

fn check_state_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_state_without_country)
}

fn check_postal_code_without_country(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_postal_code_without_country)
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

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, name, name_raw, CertBuilder};

    fn ov_m() -> CertBuilder {
        CertBuilder::subscriber("organization-multipurpose")
    }

    #[test]
    fn attribute_prohibited() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("O", "Example Ltd"), ("CN", "alice@example.com")])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict").build();
        assert_lint("e_smime_subject_attribute_prohibited", &bad, &good, &[]);
        // streetAddress is fine in Multipurpose and prohibited in Strict.
        let subject = [
            ("C", "GB"),
            ("L", "London"),
            ("street", "1 Main Street"),
            ("GN", "Alice"),
            ("SN", "Smith"),
            ("CN", "Alice Smith"),
        ];
        let bad = CertBuilder::subscriber("individual-strict")
            .subject(&subject)
            .build();
        let good = CertBuilder::subscriber("individual-multipurpose")
            .subject(&subject)
            .build();
        assert_lint("e_smime_subject_attribute_prohibited", &bad, &good, &[]);
    }

    #[test]
    fn other_attribute_prohibited() {
        let description = const_oid::ObjectIdentifier::new_unwrap("2.5.4.13");
        let subject = name_raw(&[
            (&oid::AT_COMMON_NAME, der::utf8("alice@example.com")),
            (&description, der::utf8("For login only")),
        ]);
        let bad = CertBuilder::subscriber("mailbox-legacy")
            .subject_raw(subject.clone())
            .build();
        let good = CertBuilder::subscriber("mailbox-legacy").build();
        assert_lint(
            "e_smime_subject_other_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
        // Other attributes are allowed in Legacy OV/SV/IV.
        let ind = name_raw(&[
            (&oid::AT_COUNTRY, der::printable("GB")),
            (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
            (&oid::AT_SURNAME, der::utf8("Smith")),
            (&description, der::utf8("Engineer")),
        ]);
        let bad = CertBuilder::subscriber("individual-strict")
            .subject_raw(ind.clone())
            .build();
        let good = CertBuilder::subscriber("individual-legacy")
            .subject_raw(ind)
            .build();
        assert_lint(
            "e_smime_subject_other_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
    }

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

    #[test]
    fn natural_person_name_missing() {
        let bad = CertBuilder::subscriber("individual-strict")
            .subject(&[("C", "GB"), ("CN", "Alice Smith")])
            .build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint(
            "e_smime_subject_natural_person_name_missing",
            &bad,
            &good,
            &[],
        );
        let pseudonym = CertBuilder::subscriber("sponsored-multipurpose")
            .subject(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("pseudonym", "Agent 7"),
                ("CN", "Agent 7"),
            ])
            .build();
        assert_eq!(
            smimelint_engine::testing::findings(&pseudonym),
            Vec::<&str>::new(),
            "a pseudonym satisfies the rule"
        );
    }

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

    fn ov_subject(extra: &[(&'static str, &'static str)]) -> Vec<u8> {
        let mut attrs = vec![
            ("O", "Example Ltd"),
            ("organizationIdentifier", "NTRGB-12345678"),
        ];
        attrs.extend_from_slice(extra);
        name(&attrs)
    }

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
