//! Subject attribute values (SBR 7.1.4, 7.1.4.2, 7.1.4.2.2): commonName content per type,
//! pseudonym and personal-name exclusivity, emailAddress, countryName, metadata-only values,
//! RFC 5280 upper bounds and encodings, multi-valued RDNs. The same rules run on SAN
//! directoryName entries (see `san.rs`).

use super::countries;
use super::mailbox::{self, Charset};
use super::name_rules::{attr_name, describe, has_alphanumeric, on_subject, NameCtx};
use super::prelude::*;
use smimelint_cert::der_text::tag;
use std::borrow::Cow;

/// The text of every commonName that is not a Mailbox Address.
fn non_mailbox_common_names<'c>(n: &NameCtx<'c>) -> impl Iterator<Item = Cow<'c, str>> + 'c {
    n.name
        .attributes
        .iter()
        .filter(|a| a.is(&oid::AT_COMMON_NAME))
        .filter_map(|a| a.text())
        .filter(|t| !mailbox::is_mailbox(t))
}

pub(crate) fn rule_pseudonym_with_given_name_or_surname(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_PSEUDONYM) && (n.has(&oid::AT_GIVEN_NAME) || n.has(&oid::AT_SURNAME)) {
        let with = match (n.has(&oid::AT_GIVEN_NAME), n.has(&oid::AT_SURNAME)) {
            (true, true) => "givenName and surname",
            (true, false) => "givenName",
            _ => "surname",
        };
        out.push(format!("pseudonym is present together with {with}"));
    }
}

fn check_pseudonym_with_given_name_or_surname(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_pseudonym_with_given_name_or_surname)
}

lint! {
    /// ## What it checks
    /// A subject does not combine pseudonym with givenName or surname.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(e) and (f) make pseudonym and givenName/surname mutually exclusive (SHALL
    /// NOT, in both directions). A pseudonym certificate must not reveal the name it stands for.
    ///
    /// ## Example
    /// `GN=Hanako, pseudonym=Yamada, CN=YAMADA Hanako`.
    E_SMIME_SUBJECT_PSEUDONYM_WITH_GIVEN_NAME_OR_SURNAME {
        name: "e_smime_subject_pseudonym_with_given_name_or_surname",
        description: "pseudonym is present together with givenName or surname",
        citation: "SBR 7.1.4.2.2(e), 7.1.4.2.2(f)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.mixed_name_and_pseudonym_attributes"],
        zlint: [],
        catalog: ["e_smime_subject_pseudonym_with_given_name_or_surname"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_pseudonym_with_given_name_or_surname,
    }
}

pub(crate) fn rule_cn_mailbox_not_in_san(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for cn in n.all(&oid::AT_COMMON_NAME) {
        let Some(t) = cn.text() else { continue };
        if mailbox::is_mailbox(&t) && !mailbox::in_san(n.cert, &t) {
            out.push(format!(
                "commonName {t:?} is a Mailbox Address that is not an rfc822Name or \
                 SmtpUTF8Mailbox of the subjectAltName"
            ));
        }
    }
}

fn check_cn_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_mailbox_not_in_san)
}

lint! {
    /// ## What it checks
    /// A subject commonName holding a Mailbox Address equals an rfc822Name or SmtpUTF8Mailbox of
    /// the subjectAltName. Local parts compare exactly, domains without regard to case (and a
    /// U-label domain equals its A-label form).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): a Mailbox Address in commonName SHALL be taken from an rfc822Name or
    /// SmtpUTF8Mailbox of the SAN, and 7.1.4.2.1 requires every Mailbox Address of the subject
    /// to be repeated there. Only the SAN's Mailbox Fields
    /// are validated for mailbox control.
    ///
    /// ## Example
    /// `CN=hanako.yamada+alt@example.com` with SAN `rfc822Name=hanako.yamada@example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares the strings exactly, so `alice@Example.COM` in the commonName does not
    /// match `alice@example.com` in the SAN there. Domain names are case-insensitive (RFC 5321
    /// §2.4, which SBR 1.6.1 incorporates), so smimelint accepts it.
    E_SMIME_SUBJECT_CN_MAILBOX_NOT_IN_SAN {
        name: "e_smime_subject_cn_mailbox_not_in_san",
        description: "A commonName Mailbox Address is not repeated in the subjectAltName",
        citation: "SBR 7.1.4.2.2(a), 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.common_name_value_unknown_source",
            "cabf.smime.email_address_in_attribute_not_in_san",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_subject_cn_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_cn_mailbox_not_in_san,
    }
}

pub(crate) fn rule_cn_mv_not_mailbox(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for t in non_mailbox_common_names(n) {
        out.push(format!(
            "commonName {t:?} is not a Mailbox Address, the only content allowed in \
             Mailbox-validated certificates"
        ));
    }
}

fn check_cn_mv_not_mailbox(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_mv_not_mailbox)
}

lint! {
    /// ## What it checks
    /// In Mailbox-validated certificates, each commonName is a Mailbox Address.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): for `Mailbox-validated` the table of commonName contents lists only a
    /// Mailbox Address; nothing else about the subject is validated. Whether the address is repeated in the
    /// SAN is `e_smime_subject_cn_mailbox_not_in_san`'s concern.
    ///
    /// ## Example
    /// `CN=Alice Smith` in `mailbox-strict`.
    E_SMIME_SUBJECT_CN_MV_NOT_MAILBOX {
        name: "e_smime_subject_cn_mv_not_mailbox",
        description: "A Mailbox-validated commonName is not a Mailbox Address",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_commonname_mailbox_validated"],
        catalog: ["e_smime_subject_cn_mv_not_mailbox"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Mailbox]),
        check: check_cn_mv_not_mailbox,
    }
}

pub(crate) fn rule_cn_ov_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for t in non_mailbox_common_names(n) {
        let is_org = n
            .all(&oid::AT_ORGANIZATION)
            .any(|o| o.text().as_deref() == Some(&*t));
        if !is_org {
            out.push(format!(
                "commonName {t:?} is neither an organizationName value nor a Mailbox Address"
            ));
        }
    }
}

fn check_cn_ov_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_ov_invalid)
}

lint! {
    /// ## What it checks
    /// In Organization-validated certificates, each commonName equals one of the subject's
    /// organizationName values or is a Mailbox Address. The comparison is exact, including case.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): for `Organization-validated` the commonName holds either the
    /// organizationName or a Mailbox Address. The organizationName itself may abbreviate
    /// the legal name (7.1.4.2.2(b)); the commonName may not vary from it further.
    ///
    /// ## Example
    /// `O=Acme Industries, Ltd., CN=ACME INDUSTRIES, LTD.`
    E_SMIME_SUBJECT_CN_OV_INVALID {
        name: "e_smime_subject_cn_ov_invalid",
        description: "An Organization-validated commonName is neither an organizationName value nor a Mailbox Address",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: ["e_org_validated_invalid_cn"],
        catalog: ["e_smime_subject_cn_ov_invalid"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Organization]),
        check: check_cn_ov_invalid,
    }
}

pub(crate) fn rule_cn_pseudonym_mismatch(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let Some(first) = n.all(&oid::AT_PSEUDONYM).find_map(|p| p.text()) else {
        return;
    };
    for t in non_mailbox_common_names(n) {
        let contains = n
            .all(&oid::AT_PSEUDONYM)
            .filter_map(|p| p.text())
            .any(|p| t.contains(&*p));
        if !contains {
            out.push(format!(
                "commonName {t:?} neither contains the pseudonym {first:?} nor is a Mailbox \
                 Address; a Personal Name in commonName excludes a pseudonym attribute"
            ));
        }
    }
}

fn check_cn_pseudonym_mismatch(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_cn_pseudonym_mismatch)
}

lint! {
    /// ## What it checks
    /// In Sponsor-validated and Individual-validated certificates with a pseudonym attribute,
    /// each commonName that is not a Mailbox Address contains the pseudonym (case-sensitively).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): a Pseudonym in commonName SHALL include the pseudonym attribute's value
    /// when that attribute exists, and a commonName with a Personal Name SHALL NOT be combined
    /// with a pseudonym attribute. A commonName that does not contain the pseudonym is a Personal
    /// Name, so either way the pair is not allowed.
    ///
    /// ## Example
    /// `pseudonym=Mark Twain, CN=YAMADA Hanako`; `pseudonym=Yamada Hanako, CN=YAMADA Hanako`.
    E_SMIME_SUBJECT_CN_PSEUDONYM_MISMATCH {
        name: "e_smime_subject_cn_pseudonym_mismatch",
        description: "With a pseudonym attribute, a non-mailbox commonName does not contain the pseudonym",
        citation: "SBR 7.1.4.2.2(a)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.smime.common_name_value_unknown_source"],
        zlint: [],
        catalog: ["e_smime_subject_cn_pseudonym_mismatch"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_cn_pseudonym_mismatch,
    }
}

fn check_cn_personal_name_without_name_attributes(_: &LintContext<'_>) -> Outcome {
    // SBR 7.1.4.2.5 and 7.1.4.2.6 Note 1: Legacy, the lint's whole scope, MAY omit givenName,
    // surname and pseudonym and include only the commonName, which overrides the SHOULD of
    // 7.1.4.2.2(a); Multipurpose and Strict require them (a SHALL reported elsewhere).
    Outcome::NotApplicable
}

lint! {
    /// ## What it checks
    /// Nothing any more: kept so that configurations naming it still resolve, and always NA.
    /// It reported a Sponsor- or Individual-validated Legacy certificate whose commonName holds
    /// a Personal Name without givenName, surname or pseudonym.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(a): "The Personal Name SHOULD be presented as `subject:givenName` and/or
    /// `subject:surname`". But Note 1 of 7.1.4.2.5 and 7.1.4.2.6 says "Legacy Generation
    /// profiles MAY omit the `subject:givenName`, `subject:surname`, and `subject:pseudonym`
    /// attributes and include only the `subject:commonName`", and Note 2 makes the attributes
    /// a SHALL in Multipurpose and Strict (`e_smime_subject_natural_person_name_missing`). So
    /// the SHOULD adds nothing: wherever it is not already a SHALL, the SBR explicitly permits
    /// the omission, and warning (or even noting) a practice the SBR names as permitted would
    /// flag a large share of real Legacy certificates for nothing.
    ///
    /// ## Example
    /// `CN=YAMADA Hanako, emailAddress=…` in `individual-legacy`: NA (permitted by Note 1).
    ///
    /// ## Differences from pkilint
    /// None: pkilint does not report it either.
    W_SMIME_SUBJECT_CN_PERSONAL_NAME_WITHOUT_NAME_ATTRIBUTES {
        name: "w_smime_subject_cn_personal_name_without_name_attributes",
        description: "Deprecated, always NA: SBR 7.1.4.2.5/7.1.4.2.6 Note 1 lets Legacy SV/IV certificates give a Personal Name in commonName only",
        citation: "SBR 7.1.4.2.2(a); 7.1.4.2.5 Note 1, 7.1.4.2.6 Note 1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subject_cn_personal_name_without_name_attributes"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Sponsored, Validation::Individual])
            .generations(&[Generation::Legacy]),
        check: check_cn_personal_name_without_name_attributes,
    }
}

/// Whether a value that is not one Mailbox looks like several (a list or a display form).
fn looks_like_several(t: &str) -> bool {
    t.matches('@').count() > 1 || t.contains([',', ';', '<', '>'])
}

pub(crate) fn rule_email_address_not_single(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_EMAIL_ADDRESS) {
        let Some(t) = a.text() else { continue };
        if !mailbox::is_mailbox(&t) && looks_like_several(&t) {
            out.push(format!(
                "emailAddress {t:?} is not a single Mailbox Address (list, separator or display form)"
            ));
        }
    }
}

fn check_email_address_not_single(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_email_address_not_single)
}

lint! {
    /// ## What it checks
    /// Each emailAddress value is one Mailbox Address, not a list (`a@x, b@x`, `a@x;b@x`) or a
    /// display form (`Alice <alice@example.com>`).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(h): an emailAddress value SHALL be exactly one Mailbox Address. Other syntax
    /// errors are `e_smime_subject_email_address_invalid`'s.
    ///
    /// ## Example
    /// `emailAddress=alice@example.com, bob@example.com`.
    E_SMIME_SUBJECT_EMAIL_ADDRESS_NOT_SINGLE {
        name: "e_smime_subject_email_address_not_single",
        description: "An emailAddress value holds more than one address or a display form",
        citation: "SBR 7.1.4.2.2(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.invalid_email_address_syntax"],
        zlint: ["e_single_email_subject_if_present", "e_single_email_if_present"],
        catalog: ["e_smime_subject_email_address_not_single"],
        applies: Applies::SUBSCRIBER,
        check: check_email_address_not_single,
    }
}

pub(crate) fn rule_email_address_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_EMAIL_ADDRESS) {
        let Some(t) = a.text() else { continue };
        if looks_like_several(&t) && !mailbox::is_mailbox(&t) {
            continue;
        }
        if let Err(why) = mailbox::parse(&t, Charset::Utf8) {
            out.push(format!(
                "emailAddress {t:?} is not a Mailbox Address: {why}"
            ));
        }
    }
}

fn check_email_address_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_email_address_invalid)
}

lint! {
    /// ## What it checks
    /// Each emailAddress value is a Mailbox Address as SBR 1.6.1 defines it: the `Mailbox` of
    /// RFC 5321 §4.1.2, `local-part@domain` with no display name, comment or padding; a local
    /// part of at most 64 octets; a domain of LDH labels of at most 63 octets and 253 octets in
    /// total, or an address literal.
    ///
    /// The IA5String encoding is checked by `e_smime_rfc5280_name_attribute_type_invalid` and the
    /// 255-character bound by `e_smime_subject_attribute_too_long`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(h): an emailAddress value SHALL be one Mailbox Address, a term 1.6.1 defines
    /// by the RFC 5321 grammar.
    ///
    /// ## Example
    /// `emailAddress=hanako.yamada` (no domain).
    E_SMIME_SUBJECT_EMAIL_ADDRESS_INVALID {
        name: "e_smime_subject_email_address_invalid",
        description: "An emailAddress value is not a valid Mailbox Address",
        citation: "SBR 7.1.4.2.2(h), 1.6.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.invalid_email_address_syntax"],
        zlint: ["e_single_email_subject_if_present"],
        catalog: ["e_smime_subject_email_address_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_email_address_invalid,
    }
}

pub(crate) fn rule_country_name_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in n.all(&oid::AT_COUNTRY) {
        let Some(t) = a.text() else {
            out.push(format!("{} is not a string", describe(a)));
            continue;
        };
        if t != "XX" && !countries::is_assigned(&t) {
            out.push(format!(
                "countryName {t:?} is not an assigned ISO 3166-1 alpha-2 code (upper case) or XX"
            ));
        }
    }
}

fn check_country_name_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_country_name_invalid)
}

lint! {
    /// ## What it checks
    /// Each countryName is an officially assigned ISO 3166-1 alpha-2 code in upper case, or the
    /// user-assigned code `XX`. smimelint embeds the list of the 249 assigned codes.
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(n): countryName SHALL be the subject's two-letter ISO 3166-1 code, and a
    /// country without an official code MUST be given as the user-assigned code XX. Other user-assigned codes (XG, XK, ZZ …) and reserved codes (EU, UK, EL) are
    /// not country codes. ISO 3166-1 codes are upper-case.
    ///
    /// ## Example
    /// `C=XG`; `C=UK`; `C=us`.
    ///
    /// ## Differences from pkilint
    /// pkilint's country list (from the Python `iso3166` package) includes `XK` (Kosovo), which
    /// ISO has not assigned; smimelint reports `XK` (use `XX`).
    E_SMIME_SUBJECT_COUNTRY_NAME_INVALID {
        name: "e_smime_subject_country_name_invalid",
        description: "countryName is not an assigned ISO 3166-1 alpha-2 code or XX",
        citation: "SBR 7.1.4.2.2(n)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: ["cabf.invalid_country_code"],
        zlint: ["e_subject_country_name", "e_subject_country_not_iso"],
        catalog: ["e_smime_subject_country_name_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_country_name_invalid,
    }
}

/// Values that say a field is absent or not applicable (compared ignoring ASCII case).
const PLACEHOLDERS: [&str; 17] = [
    "n/a",
    "n.a.",
    "n.a",
    "none",
    "null",
    "nil",
    "unknown",
    "not applicable",
    "not available",
    "not specified",
    "unspecified",
    "undefined",
    "tbd",
    "empty",
    "blank",
    "(none)",
    "-none-",
];

pub(crate) fn rule_attribute_metadata_only(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let Some(t) = a.text() else { continue };
        let trimmed = t.trim();
        if !has_alphanumeric(trimmed) {
            out.push(format!(
                "{} {t:?} holds no letter or digit, only metadata",
                attr_name(a.oid)
            ));
        } else if PLACEHOLDERS.iter().any(|p| p.eq_ignore_ascii_case(trimmed)) {
            out.push(format!(
                "{} {t:?} says the value is absent or not applicable",
                attr_name(a.oid)
            ));
        }
    }
}

fn check_attribute_metadata_only(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_metadata_only)
}

lint! {
    /// ## What it checks
    /// No subject attribute value consists only of metadata: no letter or digit at all (`.`, `-`,
    /// ` `, `--`, empty), or a placeholder such as `N/A`, `none`, `null`, `unknown`,
    /// `not applicable`.
    ///
    /// ## Why
    /// SBR 7.1.4.2 forbids (SHALL NOT) subject attributes made only of metadata characters such as
    /// dot, hyphen or space, or of anything else that signals a missing, partial or inapplicable
    /// value. An attribute that has no value must be left out.
    ///
    /// ## Example
    /// `CN=.`; `OU=N/A`.
    ///
    /// ## Differences from pkilint
    /// pkilint counts Unicode symbols (`$`, `+`, `©`) as significant and does not know
    /// placeholders; smimelint needs a letter or digit and reports placeholder words.
    E_SMIME_SUBJECT_ATTRIBUTE_METADATA_ONLY {
        name: "e_smime_subject_attribute_metadata_only",
        description: "A subject attribute value holds only metadata or a placeholder",
        citation: "SBR 7.1.4.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.insignificant_attribute_value_present"],
        zlint: [],
        catalog: ["e_smime_subject_attribute_metadata_only"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_metadata_only,
    }
}

/// RFC 5280 Appendix A upper bounds (X.520 for streetAddress and postalCode), in characters.
fn upper_bound(attr_oid: &[u8]) -> Option<usize> {
    let table: [(&const_oid::ObjectIdentifier, usize); 13] = [
        (&oid::AT_COMMON_NAME, 64),
        (&oid::AT_ORGANIZATION, 64),
        (&oid::AT_ORGANIZATIONAL_UNIT, 64),
        (&oid::AT_TITLE, 64),
        (&oid::AT_SERIAL_NUMBER, 64),
        (&oid::AT_LOCALITY, 128),
        (&oid::AT_STATE, 128),
        (&oid::AT_STREET, 128),
        (&oid::AT_POSTAL_CODE, 40),
        (&oid::AT_PSEUDONYM, 128),
        (&oid::AT_GIVEN_NAME, 32768),
        (&oid::AT_SURNAME, 32768),
        (&oid::AT_EMAIL_ADDRESS, 255),
    ];
    table
        .iter()
        .find(|(o, _)| o.as_bytes() == attr_oid)
        .map(|(_, n)| *n)
}

pub(crate) fn rule_attribute_too_long(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let (Some(max), Some(t)) = (upper_bound(a.oid), a.text()) else {
            continue;
        };
        let len = t.chars().count();
        if len > max {
            out.push(format!(
                "{} is {len} characters long, more than the upper bound of {max}",
                attr_name(a.oid)
            ));
        }
    }
}

fn check_attribute_too_long(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_too_long)
}

lint! {
    /// ## What it checks
    /// Subject attribute values respect the upper bounds of RFC 5280 Appendix A, counted in
    /// characters: commonName, organizationName, organizationalUnitName, title and serialNumber
    /// 64; localityName, stateOrProvinceName and pseudonym 128; emailAddress 255; givenName and
    /// surname 32768; and from X.520, streetAddress 128 and postalCode 40.
    ///
    /// ## Why
    /// SBR 7.1.4 makes RFC 5280 the encoding rule for attribute values (SHALL), and the note to
    /// 7.1.4.2.2(a) singles out the RFC 5280 upper bounds of commonName and emailAddress. Long
    /// mailbox addresses belong in the SAN only.
    ///
    /// ## Example
    /// A 70-character commonName.
    E_SMIME_SUBJECT_ATTRIBUTE_TOO_LONG {
        name: "e_smime_subject_attribute_too_long",
        description: "A subject attribute value exceeds its RFC 5280 upper bound",
        citation: "SBR 7.1.4, 7.1.4.2.2(a); RFC 5280 Appendix A",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [
            "e_subject_common_name_max_length",
            "e_subject_email_max_length",
            "e_subject_organization_name_max_length",
        ],
        catalog: ["e_smime_subject_attribute_too_long"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_too_long,
    }
}

pub(crate) fn rule_attribute_encoding_invalid(n: &NameCtx<'_>, out: &mut Vec<String>) {
    for a in &n.name.attributes {
        let t = a.value.tag;
        let directory_string = super::name_rules::attribute_syntax(a.oid)
            .is_some_and(|s| s.is_directory_string())
            // Its two permitted types are e_smime_subject_org_identifier_encoding's.
            && !a.is(&oid::AT_ORGANIZATION_IDENTIFIER);
        if directory_string
            && matches!(
                t,
                tag::TELETEX_STRING | tag::BMP_STRING | tag::UNIVERSAL_STRING
            )
        {
            out.push(format!(
                "{} is a {}; new certificates use PrintableString or UTF8String \
                 (RFC 5280 4.1.2.6)",
                attr_name(a.oid),
                smimelint_cert::der_text::tag_name(t)
            ));
        }
    }
}

fn check_attribute_encoding_invalid(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_attribute_encoding_invalid)
}

lint! {
    /// ## What it checks
    /// The DirectoryString attributes of the subject (commonName, surname, givenName,
    /// organizationName, organizationalUnitName, title, localityName, stateOrProvinceName,
    /// streetAddress, postalCode, pseudonym and the other DirectoryString types of the table in
    /// docs/conformance.md) use PrintableString or UTF8String: TeletexString, BMPString and
    /// UniversalString are reported.
    ///
    /// A value of a type the attribute's definition does not allow at all (countryName as
    /// UTF8String, emailAddress as UTF8String, commonName as IA5String) is reported in every
    /// Name by `e_smime_rfc5280_name_attribute_type_invalid`; characters outside the chosen
    /// type's alphabet (e.g. `@` in a PrintableString) by `e_der_string_invalid`;
    /// organizationIdentifier by `e_smime_subject_org_identifier_encoding`.
    ///
    /// ## Why
    /// SBR 7.1.4 makes RFC 5280 the encoding rule for attribute values (SHALL). RFC 5280 4.1.2.6
    /// requires PrintableString or UTF8String for DirectoryString in new certificates (the other
    /// choices are for names established before).
    ///
    /// ## Example
    /// `CN` as BMPString or TeletexString.
    E_SMIME_SUBJECT_ATTRIBUTE_ENCODING_INVALID {
        name: "e_smime_subject_attribute_encoding_invalid",
        description: "A subject attribute uses a string type RFC 5280 does not allow for it in new certificates",
        citation: "SBR 7.1.4; RFC 5280 4.1.2.6, Appendix A",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["e_smime_subject_attribute_encoding_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_attribute_encoding_invalid,
    }
}

pub(crate) fn rule_given_name_without_surname(n: &NameCtx<'_>, out: &mut Vec<String>) {
    if n.has(&oid::AT_GIVEN_NAME) && !n.has(&oid::AT_SURNAME) && !n.has(&oid::AT_PSEUDONYM) {
        out.push("givenName is present without surname".into());
    }
}

fn check_given_name_without_surname(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_given_name_without_surname)
}

fn check_given_name_without_surname_deprecated(_: &LintContext<'_>) -> Outcome {
    // "givenName and/or surname" (SBR 7.1.4.2.2(a), (e), Note 2 of 7.1.4.2.5/7.1.4.2.6)
    // permits a givenName alone; the notice below keeps the hint.
    Outcome::NotApplicable
}

lint! {
    /// ## What it checks
    /// A subject with givenName also has surname (or a pseudonym, which excludes both).
    ///
    /// ## Why
    /// SBR 7.1.4.2.2(e): "Subjects with a single legal name SHALL provide the name in the
    /// `subject:surname` attribute". A givenName alone may therefore be a single legal name in
    /// the wrong attribute. But the SBR names the attributes "givenName and/or surname" in
    /// 7.1.4.2.2(a), (e) and Note 2 of 7.1.4.2.5/7.1.4.2.6, which explicitly permits a givenName
    /// without surname for a Subject with more than one name, and the certificate does not say
    /// which case it is: a notice for the CA to confirm, not a warning.
    ///
    /// ## Example
    /// `GN=Alice, CN=Alice` without `SN`.
    N_SMIME_SUBJECT_GIVEN_NAME_WITHOUT_SURNAME {
        name: "n_smime_subject_given_name_without_surname",
        description: "givenName is present without surname: a single legal name belongs in surname",
        citation: "SBR 7.1.4.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_given_name_without_surname,
    }
}

lint! {
    /// ## What it checks
    /// Nothing any more: kept so that configurations naming it still resolve, and always NA.
    /// `n_smime_subject_given_name_without_surname` reports the same subjects as a notice.
    ///
    /// ## Why
    /// It warned on a givenName without surname. SBR 7.1.4.2.2(a), (e) and Note 2 of
    /// 7.1.4.2.5/7.1.4.2.6 say "givenName and/or surname", an explicit permission for either
    /// attribute alone, and no SHOULD asks for both; only a single legal name must be in
    /// surname, which the certificate cannot show.
    ///
    /// ## Example
    /// `GN=Alice, CN=Alice` without `SN`: NA here, a notice from the `n_` lint.
    W_SMIME_SUBJECT_GIVEN_NAME_WITHOUT_SURNAME {
        name: "w_smime_subject_given_name_without_surname",
        description: "Deprecated, always NA: see n_smime_subject_given_name_without_surname",
        citation: "SBR 7.1.4.2.2(e)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [],
        zlint: [],
        catalog: ["w_smime_subject_given_name_without_surname"],
        applies: Applies::SUBSCRIBER.validations(&[Validation::Sponsored, Validation::Individual]),
        check: check_given_name_without_surname_deprecated,
    }
}

pub(crate) fn rule_rdn_multi_valued(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let attrs = &n.name.attributes;
    let mut i = 0;
    while i < attrs.len() {
        let rdn = attrs[i].rdn;
        let end = attrs[i..]
            .iter()
            .position(|a| a.rdn != rdn)
            .map_or(attrs.len(), |p| i + p);
        if end - i > 1 {
            let names: Vec<String> = attrs[i..end]
                .iter()
                .map(|a| attr_name(a.oid).into_owned())
                .collect();
            out.push(format!(
                "RDN #{} holds {} attributes ({})",
                rdn + 1,
                end - i,
                names.join(" + ")
            ));
        }
        i = end;
    }
}

fn check_rdn_multi_valued(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_rdn_multi_valued)
}

lint! {
    /// ## What it checks
    /// Each RelativeDistinguishedName of the subject holds one attribute.
    ///
    /// ## Why
    /// Neither the SBR nor RFC 5280 forbids multi-valued RDNs, but they are rare, their order is
    /// set by DER sorting rather than meaning, and software often displays or compares them
    /// inconsistently. A notice, so that they are deliberate.
    ///
    /// ## Example
    /// `SET { givenName=Alice, surname=Smith }` as one RDN.
    N_SMIME_SUBJECT_RDN_MULTI_VALUED {
        name: "n_smime_subject_rdn_multi_valued",
        description: "A subject RDN holds more than one attribute",
        citation: "RFC 5280 4.1.2.4",
        source: Source::Rfc5280,
        effective: dates::ALWAYS,
        pkilint: ["cabf.rdn_contains_multiple_atvs"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_rdn_multi_valued,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::registry::Status;
    use smimelint_engine::testing::{assert_lint, findings, status_of};
    use smimelint_factory::{der, name, CertBuilder};

    fn iv(t: &str) -> CertBuilder {
        CertBuilder::subscriber(t)
    }

    #[test]
    fn pseudonym_with_given_name_or_surname() {
        let bad = iv("individual-strict")
            .subject(&[
                ("C", "GB"),
                ("GN", "Alice"),
                ("pseudonym", "Agent 7"),
                ("CN", "Agent 7"),
            ])
            .build();
        let good = iv("individual-strict")
            .subject(&[("C", "GB"), ("pseudonym", "Agent 7"), ("CN", "Agent 7")])
            .build();
        assert_lint(
            "e_smime_subject_pseudonym_with_given_name_or_surname",
            &bad,
            &good,
            &[],
        );
    }

    #[test]
    fn cn_mailbox_not_in_san() {
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("CN", "alice+alt@example.com")])
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("CN", "alice@EXAMPLE.com")])
            .build();
        assert_lint("e_smime_subject_cn_mailbox_not_in_san", &bad, &good, &[]);
    }

    #[test]
    fn cn_mv_not_mailbox() {
        let bad = CertBuilder::subscriber("mailbox-multipurpose")
            .subject(&[("CN", "Alice Smith")])
            .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose").build();
        assert_lint("e_smime_subject_cn_mv_not_mailbox", &bad, &good, &[]);
    }

    #[test]
    fn cn_ov_invalid() {
        let subject = |cn: &'static str| {
            name(&[
                ("C", "GB"),
                ("O", "Example Ltd"),
                ("organizationIdentifier", "NTRGB-12345678"),
                ("CN", cn),
            ])
        };
        let bad = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject("EXAMPLE LTD"))
            .build();
        let good = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject("alice@example.com"))
            .build();
        assert_lint("e_smime_subject_cn_ov_invalid", &bad, &good, &[]);
    }

    #[test]
    fn cn_pseudonym_mismatch() {
        let bad = iv("individual-legacy")
            .subject(&[
                ("C", "GB"),
                ("pseudonym", "Mark Twain"),
                ("CN", "Samuel Clemens"),
            ])
            .build();
        let good = iv("individual-legacy")
            .subject(&[
                ("C", "GB"),
                ("pseudonym", "Mark Twain"),
                ("CN", "Mark Twain (pseudonym)"),
            ])
            .build();
        assert_lint("e_smime_subject_cn_pseudonym_mismatch", &bad, &good, &[]);
    }

    /// SBR 7.1.4.2.5/7.1.4.2.6 Note 1: a Legacy SV/IV subject may hold the Personal Name in
    /// commonName only; the SHOULD of 7.1.4.2.2(a) does not make that a finding.
    #[test]
    fn cn_personal_name_only_is_permitted_in_legacy() {
        let sponsored: &[(&str, &str)] = &[
            ("C", "GB"),
            ("O", "Example Ltd"),
            ("organizationIdentifier", "NTRGB-12345678"),
            ("CN", "Alice Smith"),
        ];
        let individual: &[(&str, &str)] = &[("C", "GB"), ("CN", "Alice Smith")];
        for (t, subject) in [
            ("sponsored-legacy", sponsored),
            ("individual-legacy", individual),
        ] {
            let cn_only = iv(t).subject(subject).build();
            assert_eq!(findings(&cn_only), Vec::<&str>::new(), "{t}");
            assert_eq!(
                status_of(
                    &cn_only,
                    "w_smime_subject_cn_personal_name_without_name_attributes"
                ),
                Status::NotApplicable,
                "{t}"
            );
        }
    }

    #[test]
    fn email_address_not_single_and_invalid() {
        let mb = |e: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", "alice@example.com"), ("emailAddress", e)])
                .build()
        };
        let good = mb("alice@example.com");
        assert_lint(
            "e_smime_subject_email_address_not_single",
            &mb("alice@example.com, bob@example.com"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_not_single",
            &mb("Alice <alice@example.com>"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_invalid",
            &mb("alice"),
            &good,
            &[],
        );
        assert_lint(
            "e_smime_subject_email_address_invalid",
            &mb("alice@exa mple.com"),
            &good,
            &[],
        );
    }

    #[test]
    fn country_name_invalid() {
        let with_c = |c: &'static str| {
            iv("individual-strict")
                .subject(&[("C", c), ("GN", "Alice"), ("SN", "Smith")])
                .build()
        };
        for bad in ["XG", "UK", "us", "XK"] {
            assert_lint(
                "e_smime_subject_country_name_invalid",
                &with_c(bad),
                &with_c("XX"),
                &[],
            );
        }
        assert_eq!(findings(&with_c("JP")), Vec::<&str>::new());
    }

    #[test]
    fn attribute_metadata_only() {
        let with_cn = |cn: &'static str| {
            iv("individual-strict")
                .subject(&[("C", "GB"), ("GN", "Alice"), ("SN", "Smith"), ("CN", cn)])
                .build()
        };
        let good = with_cn("Alice Smith");
        for bad in [".", "-", " ", "N/A", "unknown"] {
            assert_lint(
                "e_smime_subject_attribute_metadata_only",
                &with_cn(bad),
                &good,
                &[],
            );
        }
        assert_eq!(findings(&with_cn("山田 花子")), Vec::<&str>::new());
    }

    #[test]
    fn attribute_too_long() {
        let long_cn: &'static str = Box::leak("A".repeat(65).into_boxed_str());
        let subject = |o: &'static str| {
            name(&[
                ("C", "GB"),
                ("O", o),
                ("organizationIdentifier", "NTRGB-12345678"),
            ])
        };
        let bad = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject(long_cn))
            .build();
        let good = CertBuilder::subscriber("organization-strict")
            .subject_raw(subject(&long_cn[..64]))
            .build();
        assert_lint("e_smime_subject_attribute_too_long", &bad, &good, &[]);
    }

    #[test]
    fn attribute_encoding_invalid() {
        let subject = |cn: Vec<u8>, c: Vec<u8>| {
            smimelint_factory::name_raw(&[
                (&oid::AT_COUNTRY, c),
                (&oid::AT_GIVEN_NAME, der::utf8("Alice")),
                (&oid::AT_SURNAME, der::utf8("Smith")),
                (&oid::AT_COMMON_NAME, cn),
            ])
        };
        let good = iv("individual-strict")
            .subject_raw(subject(der::utf8("Alice Smith"), der::printable("GB")))
            .build();
        for bad in [
            subject(der::bmp("Alice Smith"), der::printable("GB")),
            subject(der::tlv(0x14, b"Alice Smith"), der::printable("GB")),
        ] {
            let bad = iv("individual-strict").subject_raw(bad).build();
            assert_lint(
                "e_smime_subject_attribute_encoding_invalid",
                &bad,
                &good,
                &[],
            );
        }
        // Types outside the attribute's definition are the RFC 5280 lint's, in every Name.
        const TYPE: &str = "e_smime_rfc5280_name_attribute_type_invalid";
        for bad in [
            subject(der::utf8("Alice Smith"), der::utf8("GB")),
            subject(der::ia5("Alice Smith"), der::printable("GB")),
        ] {
            let bad = iv("individual-strict").subject_raw(bad).build();
            assert_lint(TYPE, &bad, &good, &[]);
        }
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(smimelint_factory::name_raw(&[(
                &oid::AT_EMAIL_ADDRESS,
                der::utf8("alice@example.com"),
            )]))
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("emailAddress", "alice@example.com")])
            .build();
        assert_lint(TYPE, &bad, &good, &[]);
    }

    #[test]
    fn given_name_without_surname() {
        let bad = iv("individual-strict")
            .subject(&[("C", "GB"), ("GN", "Alice"), ("CN", "Alice")])
            .build();
        let good = iv("individual-strict")
            .subject(&[("C", "GB"), ("SN", "Cher"), ("CN", "Cher")])
            .build();
        assert_lint(
            "n_smime_subject_given_name_without_surname",
            &bad,
            &good,
            &[],
        );
        // "givenName and/or surname": no warning for a givenName alone.
        assert_eq!(
            status_of(&bad, "w_smime_subject_given_name_without_surname"),
            Status::NotApplicable
        );
    }

    #[test]
    fn rdn_multi_valued() {
        let rdn = der::set(&[
            der::seq(&[der::oid_of(&oid::AT_GIVEN_NAME), der::utf8("Alice")]),
            der::seq(&[der::oid_of(&oid::AT_SURNAME), der::utf8("Smith")]),
        ]);
        let c = der::set(&[der::seq(&[
            der::oid_of(&oid::AT_COUNTRY),
            der::printable("GB"),
        ])]);
        let bad = iv("individual-strict")
            .subject_raw(der::seq(&[c, rdn]))
            .build();
        let good = iv("individual-strict").build();
        assert_lint("n_smime_subject_rdn_multi_valued", &bad, &good, &[]);
    }
}
