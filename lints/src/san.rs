//! subjectAltName contents (SBR 7.1.4.2.1): Mailbox Fields, allowed GeneralName types, rfc822Name
//! and SmtpUTF8Mailbox syntax (RFC 5321, RFC 9598), mailboxes of the subject and of
//! directoryName entries repeated as Mailbox Fields, and directoryName entries held to the
//! subject rules for the certificate's type (SMC012).

use super::mailbox::{self, Charset, SanMailbox};
use super::name_rules::{attr_name, on_directory_names_as, on_subject, NameCtx, Place, Rule};
use super::prelude::*;
use super::{organization_identifier as org, subject, subject_values as sv};
use smimelint_cert::der_text::tag;
use smimelint_cert::GeneralName;

/// Microsoft User Principal Name (szOID_NT_PRINCIPAL_NAME).
const UPN: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x14, 0x02, 0x03];

fn other_name_type(type_id: &[u8]) -> String {
    if type_id == UPN {
        "userPrincipalName (1.3.6.1.4.1.311.20.2.3)".into()
    } else {
        oid::dotted(type_id)
    }
}

fn is_smtp_utf8(type_id: &[u8]) -> bool {
    type_id == oid::ON_SMTP_UTF8_MAILBOX.as_bytes()
}

/// The decoded SAN, or the outcome to return when there is none to look at.
fn san<'c>(ctx: &LintContext<'c>) -> Result<&'c [GeneralName<'c>], Outcome> {
    match ctx.cert.san() {
        Ext::Present(_, names) => Ok(names),
        _ => Err(Outcome::NotApplicable),
    }
}

fn check_san_no_mailbox(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    if mailbox::san_mailboxes(ctx.cert).next().is_some() {
        return Outcome::Pass;
    }
    let kinds: Vec<&str> = names.iter().map(GeneralName::kind).collect();
    fail!(
        "subjectAltName has no rfc822Name or SmtpUTF8Mailbox otherName (it has: {})",
        if kinds.is_empty() {
            "nothing".into()
        } else {
            kinds.join(", ")
        }
    )
}

lint! {
    /// ## What it checks
    /// The subjectAltName contains at least one rfc822Name or otherName of type
    /// id-on-SmtpUTF8Mailbox (1.3.6.1.5.5.7.8.9).
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 requires at least one entry of one of these two types (SHALL). They are the Mailbox Fields whose control the CA validated; an S/MIME certificate
    /// without one binds its key to no mailbox. A missing extension is reported by the extension
    /// lints.
    ///
    /// ## Example
    /// A SAN holding only `directoryName` or `dNSName` entries.
    E_SMIME_SAN_NO_MAILBOX {
        name: "e_smime_san_no_mailbox",
        description: "subjectAltName has no rfc822Name and no SmtpUTF8Mailbox otherName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.san_does_not_contain_email_address"],
        zlint: [],
        catalog: ["e_smime_san_no_mailbox"],
        applies: Applies::SUBSCRIBER,
        check: check_san_no_mailbox,
    }
}

fn describe_general_name(gn: &GeneralName<'_>) -> String {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    match gn {
        GeneralName::DnsName(b) | GeneralName::Uri(b) => format!("{} {:?}", gn.kind(), text(b)),
        GeneralName::IpAddress(b) => match b.len() {
            4 => format!(
                "iPAddress {}",
                std::net::Ipv4Addr::from([b[0], b[1], b[2], b[3]])
            ),
            16 => {
                let mut a = [0u8; 16];
                a.copy_from_slice(b);
                format!("iPAddress {}", std::net::Ipv6Addr::from(a))
            }
            _ => format!("iPAddress ({} octets)", b.len()),
        },
        GeneralName::RegisteredId(b) => format!("registeredID {}", oid::dotted(b)),
        GeneralName::Unknown(t) => format!("unknown GeneralName tag {:#04x}", t.tag),
        _ => gn.kind().to_string(),
    }
}

fn check_san_general_name_type_prohibited(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad: Vec<String> = names
        .iter()
        .filter(|gn| {
            !matches!(
                gn,
                GeneralName::Rfc822Name(_)
                    | GeneralName::OtherName { .. }
                    | GeneralName::DirectoryName(_)
            )
        })
        .map(describe_general_name)
        .collect();
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("subjectAltName contains {}", bad.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// The subjectAltName holds only rfc822Name, otherName and directoryName entries: no
    /// dNSName, iPAddress, uniformResourceIdentifier, registeredID, x400Address or ediPartyName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 names these three types and closes with a SHALL NOT for any entry that the
    /// section does not provide for. S/MIME certificates are not for TLS servers or other
    /// identities.
    ///
    /// ## Example
    /// `dNSName=example.com` next to the rfc822Name.
    E_SMIME_SAN_GENERAL_NAME_TYPE_PROHIBITED {
        name: "e_smime_san_general_name_type_prohibited",
        description: "subjectAltName contains a GeneralName type other than rfc822Name, otherName or directoryName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_generalname_type_present"],
        zlint: [],
        catalog: ["e_smime_san_general_name_type_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_san_general_name_type_prohibited,
    }
}

/// otherName entries that are not SmtpUTF8Mailbox, described.
fn foreign_other_names(names: &[GeneralName<'_>]) -> Vec<String> {
    names
        .iter()
        .filter_map(|gn| match gn {
            GeneralName::OtherName { type_id, value } if !is_smtp_utf8(type_id) => {
                let mut d = format!("otherName {}", other_name_type(type_id));
                if let Some(text) = value
                    .as_ref()
                    .and_then(|v| smimelint_cert::name::decode_string(v.tag, v.content))
                {
                    d.push_str(&format!(" {text:?}"));
                    if *type_id == UPN && !mailbox::is_mailbox(&text) {
                        d.push_str(" (not of the form user@domain)");
                    }
                }
                Some(d)
            }
            _ => None,
        })
        .collect()
}

fn check_san_other_name_type_strict(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad = foreign_other_names(names);
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "subjectAltName of a Strict certificate contains {}",
            bad.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// In Strict certificates, every otherName of the subjectAltName is an SmtpUTF8Mailbox.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 permits otherName entries of arbitrary types in the Legacy and Multipurpose
    /// generations only; in Strict the one otherName it provides for is id-on-SmtpUTF8Mailbox.
    ///
    /// ## Example
    /// A Microsoft userPrincipalName otherName in `individual-strict`.
    E_SMIME_SAN_OTHER_NAME_TYPE_STRICT {
        name: "e_smime_san_other_name_type_strict",
        description: "A Strict certificate's subjectAltName has an otherName other than SmtpUTF8Mailbox",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.prohibited_othername_type_present"],
        zlint: [],
        catalog: ["e_smime_san_other_name_type_strict"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_san_other_name_type_strict,
    }
}

fn check_san_other_name_unvalidated_type(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let found = foreign_other_names(names);
    if found.is_empty() {
        Outcome::Pass
    } else {
        fail!(
            "subjectAltName contains {}: allowed if validated under the CA's CP/CPS",
            found.join(", ")
        )
    }
}

lint! {
    /// ## What it checks
    /// Reports otherName entries of types other than SmtpUTF8Mailbox in Legacy and Multipurpose
    /// certificates (for example a Microsoft userPrincipalName), for review. The details say when
    /// a userPrincipalName is not of the form `user@domain`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1: in Legacy and Multipurpose certificates such entries are a MAY, on the
    /// condition that the CA validated the value as its CP/CPS describes. Whether it did cannot be
    /// seen in the certificate, so they are listed for review.
    ///
    /// ## Example
    /// `otherName userPrincipalName "hanako.yamada@example.com"` in `organization-multipurpose`.
    ///
    /// ## Differences from pkilint
    /// pkilint does not report these types; it checks the userPrincipalName syntax
    /// (`msft.invalid_user_principal_name_syntax`), a Microsoft rule outside the SBR, which
    /// smimelint mentions in this notice's details.
    N_SMIME_SAN_OTHER_NAME_UNVALIDATED_TYPE {
        name: "n_smime_san_other_name_unvalidated_type",
        description: "subjectAltName has an otherName type the CA must have validated under its CP/CPS",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["msft.invalid_user_principal_name_syntax"],
        zlint: [],
        catalog: ["n_smime_san_other_name_unvalidated_type"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy, Generation::Multipurpose]),
        check: check_san_other_name_unvalidated_type,
    }
}

/// Mailbox Addresses of a Name that are not repeated as SAN Mailbox Fields. In the subject,
/// commonName is left to `e_smime_subject_cn_mailbox_not_in_san`.
pub(crate) fn rule_mailboxes_not_in_san(n: &NameCtx<'_>, out: &mut Vec<String>) {
    let san_absent = !n.cert.san().is_present();
    for a in &n.name.attributes {
        if n.place == Place::Subject && a.is(&oid::AT_COMMON_NAME) {
            continue;
        }
        let Some(t) = a.text() else { continue };
        if mailbox::is_mailbox(&t) && !mailbox::in_san(n.cert, &t) {
            out.push(format!(
                "{} {t:?} is a Mailbox Address that is not an rfc822Name or SmtpUTF8Mailbox of \
                 the subjectAltName{}",
                attr_name(a.oid),
                if san_absent {
                    " (the certificate has no subjectAltName)"
                } else {
                    ""
                }
            ));
        }
    }
}

fn check_subject_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_subject(ctx, rule_mailboxes_not_in_san)
}

lint! {
    /// ## What it checks
    /// Every subject attribute other than commonName whose value is a Mailbox Address
    /// (emailAddress, but also any other attribute holding only an address) is repeated as an
    /// rfc822Name or SmtpUTF8Mailbox of the subjectAltName. Local parts compare exactly, domains
    /// without regard to case. commonName is checked by `e_smime_subject_cn_mailbox_not_in_san`.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1: each Mailbox Address of the subject SHALL appear again in the SAN as an
    /// rfc822Name or SmtpUTF8Mailbox. Only the SAN's Mailbox Fields are validated for mailbox
    /// control (3.2.2).
    ///
    /// ## Example
    /// `emailAddress=hanako.yamada@example.com` with SAN `rfc822Name=hanako@example.com`;
    /// `SN=Yamada@example.com`.
    ///
    /// ## Differences from pkilint
    /// pkilint compares addresses as exact strings; smimelint ignores case in the domain (RFC 5321
    /// §2.4).
    E_SMIME_SUBJECT_MAILBOX_NOT_IN_SAN {
        name: "e_smime_subject_mailbox_not_in_san",
        description: "A Mailbox Address in the subject is not repeated in the subjectAltName",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "pkix.subject_email_address_not_in_san",
            "cabf.smime.email_address_in_attribute_not_in_san",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_subject_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_subject_mailbox_not_in_san,
    }
}

fn check_directory_name_mailbox_not_in_san(ctx: &LintContext<'_>) -> Outcome {
    on_directory_names_as(
        ctx,
        &[(
            "e_smime_san_directory_name_mailbox_not_in_san",
            rule_mailboxes_not_in_san,
        )],
    )
}

lint! {
    /// ## What it checks
    /// Every attribute of a subjectAltName directoryName whose value is a Mailbox Address
    /// (commonName and emailAddress included) is repeated as an rfc822Name or SmtpUTF8Mailbox of
    /// the same extension.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 extends the repetition requirement (SHALL) from the subject to the
    /// directoryName entries of the SAN: each Mailbox Address in them must also be a Mailbox
    /// Field.
    ///
    /// ## Example
    /// SAN `SmtpUTF8Mailbox=山田花子@example.com, directoryName=CN=山田花子@example.net`.
    E_SMIME_SAN_DIRECTORY_NAME_MAILBOX_NOT_IN_SAN {
        name: "e_smime_san_directory_name_mailbox_not_in_san",
        description: "A Mailbox Address in a SAN directoryName is not repeated as a Mailbox Field",
        citation: "SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC012",
        pkilint: [
            "cabf.smime.email_address_in_attribute_not_in_san",
            "cabf.smime.common_name_value_unknown_source",
        ],
        zlint: ["e_mailbox_address_shall_contain_an_rfc822_name"],
        catalog: ["e_smime_san_directory_name_mailbox_not_in_san"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_mailbox_not_in_san,
    }
}

/// The table rules, held against each directoryName.
const DIRECTORY_NAME_TABLE_RULES: [(&str, Rule); 2] = [
    (
        "e_smime_subject_attribute_prohibited",
        subject::rule_attribute_prohibited,
    ),
    (
        "e_smime_subject_other_attribute_prohibited",
        subject::rule_other_attribute_prohibited,
    ),
];

fn check_directory_name_attribute_prohibited(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert_type().is_none() {
        return Outcome::NotApplicable;
    }
    on_directory_names_as(ctx, &DIRECTORY_NAME_TABLE_RULES)
}

lint! {
    /// ## What it checks
    /// Each directoryName of the subjectAltName contains only attributes the table of SBR
    /// 7.1.4.2.3–7.1.4.2.6 allows in the subject of a certificate of this type and generation,
    /// "Other" included: the rules of `e_smime_subject_attribute_prohibited` and
    /// `e_smime_subject_other_attribute_prohibited`, applied to the directoryName.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 as clarified by SMC012: directoryName entries are a MAY only when their
    /// contents meet 7.1.4.2.2 to 7.1.4.2.6 for the certificate's type. A directoryName is a
    /// second subject and cannot carry what the subject may not.
    ///
    /// ## Example
    /// `directoryName=O=Example Ltd` in `mailbox-strict`.
    E_SMIME_SAN_DIRECTORY_NAME_ATTRIBUTE_PROHIBITED {
        name: "e_smime_san_directory_name_attribute_prohibited",
        description: "A SAN directoryName contains an attribute the subject table prohibits for the certificate type",
        citation: "SBR 7.1.4.2.1, 7.1.4.2.3–7.1.4.2.6",
        source: Source::Sbr,
        effective: dates::SMC012,
        ballot: "SMC012",
        pkilint: ["cabf.smime.prohibited_attribute"],
        zlint: [],
        catalog: ["e_smime_san_directory_name_attribute_prohibited"],
        applies: Applies::SUBSCRIBER,
        check: check_directory_name_attribute_prohibited,
    }
}

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

fn check_rfc822_name_invalid(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let mut bad = Vec::new();
    for gn in names {
        let GeneralName::Rfc822Name(b) = gn else {
            continue;
        };
        let shown = String::from_utf8_lossy(b);
        let result = match std::str::from_utf8(b) {
            Ok(s) => mailbox::parse(s, Charset::Ascii).map(|_| ()),
            Err(_) => Err("contains bytes that are not ASCII".into()),
        };
        if let Err(why) = result {
            bad.push(format!("rfc822Name {shown:?}: {why}"));
        }
    }
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each rfc822Name of the subjectAltName is a bare ASCII Mailbox (RFC 5321 §4.1.2):
    /// `local-part@domain` with a dot-string or quoted local part of at most 64 octets and a
    /// domain of LDH labels (at most 63 octets each, 253 in total) or an address literal. No
    /// display name, angle brackets, comments, whitespace, or the domain-only forms
    /// (`example.com`, `.example.com`, `@example.com`) of name constraints. Upper-case letters
    /// are allowed.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 and 1.6.1: a Mailbox Field holds a Mailbox Address, which the SBR defines as
    /// the RFC 5321 §4.1.2 `Mailbox` and nothing around it; RFC 5280 §4.2.1.6 defines rfc822Name
    /// the same way. Internationalized addresses go in SmtpUTF8Mailbox.
    ///
    /// ## Example
    /// `hanako.yamada` (no domain); a domain of 323 characters; `Alice <alice@example.com>`.
    ///
    /// ## Differences from pkilint
    /// pkilint also reports an rfc822Name without a valid domain as `cabf.internal_domain_name`;
    /// smimelint reports it here, once.
    E_SMIME_RFC822_NAME_INVALID {
        name: "e_smime_rfc822_name_invalid",
        description: "An rfc822Name is not a valid ASCII Mailbox Address",
        citation: "SBR 7.1.4.2.1, 1.6.1; RFC 5280 4.2.1.6",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "pkix.invalid_email_address_syntax",
            "pkix.rfc822name_domain_part_too_long",
            "cabf.internal_domain_name",
        ],
        zlint: ["e_ext_san_rfc822_format_invalid", "e_single_email_if_present"],
        catalog: ["e_smime_rfc822_name_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_rfc822_name_invalid,
    }
}

/// The SmtpUTF8Mailbox otherName values: `Ok(text)`, or `Err(problem)` when the value is not a
/// readable UTF8String.
fn smtp_utf8_values<'c>(
    names: &'c [GeneralName<'c>],
) -> impl Iterator<Item = Result<&'c str, String>> + 'c {
    names.iter().filter_map(|gn| match gn {
        GeneralName::OtherName { type_id, value } if is_smtp_utf8(type_id) => Some(match value {
            None => Err("SmtpUTF8Mailbox otherName has no [0] value".to_string()),
            Some(v) if v.tag != tag::UTF8_STRING => Err(format!(
                "SmtpUTF8Mailbox is a {}, not a UTF8String",
                smimelint_cert::der_text::tag_name(v.tag)
            )),
            Some(v) => std::str::from_utf8(v.content)
                .map_err(|_| "SmtpUTF8Mailbox is not valid UTF-8".to_string()),
        }),
        _ => None,
    })
}

fn check_smtp_utf8_mailbox_invalid(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let mut bad = Vec::new();
    for value in smtp_utf8_values(names) {
        let s = match value {
            Ok(s) => s,
            Err(why) => {
                bad.push(why);
                continue;
            }
        };
        let problem = if s.starts_with('\u{feff}') {
            Some("starts with a byte order mark".to_string())
        } else {
            match mailbox::parse(s, Charset::Utf8) {
                Err(why) => Some(why),
                Ok(m) => mailbox::smtp_utf8_domain_problem(m.domain),
            }
        };
        if let Some(p) = problem {
            bad.push(format!("SmtpUTF8Mailbox {s:?}: {p}"));
        }
    }
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// Each SmtpUTF8Mailbox otherName is encoded as RFC 9598 §3 requires: a UTF8String without a
    /// byte order mark holding a Mailbox (RFC 5321 as extended by RFC 6531) with no display name
    /// or comments; its domain in ASCII, non-ASCII labels as A-labels (`xn--…`), every label in
    /// lower case and not a reserved `??--` label; at most 253 octets. Whether the local part
    /// needs SmtpUTF8Mailbox at all is `e_smime_smtp_utf8_mailbox_ascii_local_part`'s concern.
    ///
    /// ## Why
    /// SBR 7.1.4.2.1 admits the SmtpUTF8Mailbox otherName only in the encoding RFC 9598 defines;
    /// RFC 9598 fixes one form so that values compare octet for octet in name constraints.
    ///
    /// ## Example
    /// `山田花子` (no domain); `山田花子@bücher.example` (U-label); `山田花子@Example.com`.
    E_SMIME_SMTP_UTF8_MAILBOX_INVALID {
        name: "e_smime_smtp_utf8_mailbox_invalid",
        description: "An SmtpUTF8Mailbox is not encoded as RFC 9598 requires",
        citation: "SBR 7.1.4.2.1; RFC 9598 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC08",
        pkilint: [
            "pkix.smtp_utf8_mailbox_invalid_syntax",
            "pkix.smtputf8mailbox_domain_part_too_long",
            "pkix.smtp_utf8_mailbox_has_bom",
            "pkix.smtp_utf8_mailbox_has_uppercase",
            "pkix.smtp_utf8_mailbox_domain_part_invalid_syntax",
        ],
        zlint: [],
        catalog: ["e_smime_smtp_utf8_mailbox_invalid"],
        applies: Applies::SUBSCRIBER,
        check: check_smtp_utf8_mailbox_invalid,
    }
}

fn check_smtp_utf8_mailbox_ascii_local_part(ctx: &LintContext<'_>) -> Outcome {
    let names = match san(ctx) {
        Ok(n) => n,
        Err(o) => return o,
    };
    let bad: Vec<String> = smtp_utf8_values(names)
        .filter_map(Result::ok)
        .filter(|s| mailbox::parse(s, Charset::Utf8).is_ok_and(|m| m.local_is_ascii()))
        .map(|s| format!("SmtpUTF8Mailbox {s:?} has an ASCII local part; use rfc822Name"))
        .collect();
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// An SmtpUTF8Mailbox has at least one non-ASCII character in its local part.
    ///
    /// ## Why
    /// RFC 9598 §3 (which SBR 7.1.4.2.1 incorporates): SmtpUTF8Mailbox is for addresses whose
    /// local part needs UTF-8; an address whose local part is ASCII MUST use rfc822Name instead
    /// (a non-ASCII domain is written as A-labels, which are ASCII).
    ///
    /// ## Example
    /// `SmtpUTF8Mailbox=alice@example.com`.
    E_SMIME_SMTP_UTF8_MAILBOX_ASCII_LOCAL_PART {
        name: "e_smime_smtp_utf8_mailbox_ascii_local_part",
        description: "An SmtpUTF8Mailbox has an all-ASCII local part and belongs in rfc822Name",
        citation: "SBR 7.1.4.2.1; RFC 9598 3",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC08",
        pkilint: ["pkix.smtp_utf8_mailbox_is_ascii_only"],
        zlint: [],
        catalog: ["e_smime_smtp_utf8_mailbox_ascii_local_part"],
        applies: Applies::SUBSCRIBER,
        check: check_smtp_utf8_mailbox_ascii_local_part,
    }
}

/// Top-level domains and suffixes that are reserved for special use or were never delegated:
/// RFC 2606/6761 (test, example, invalid, localhost), RFC 6762 (local), RFC 7686 (onion),
/// RFC 8375 (home.arpa), RFC 9476 (alt), ICANN's 2024 reservation of internal, and the
/// name-collision strings ICANN deferred indefinitely (corp, home, mail).
const INTERNAL_SUFFIXES: [&str; 12] = [
    "test",
    "example",
    "invalid",
    "localhost",
    "local",
    "onion",
    "home.arpa",
    "alt",
    "internal",
    "corp",
    "home",
    "mail",
];

/// Why a Mailbox Field's domain cannot be a publicly resolvable mail domain, or None.
fn internal_domain_problem(domain: &str) -> Option<String> {
    if domain.starts_with('[') {
        return Some(format!("{domain} is an address literal, not a domain name"));
    }
    if !domain.contains('.') {
        return Some(format!(
            "{domain:?} is a single label, not a fully qualified domain name"
        ));
    }
    let d = domain.as_bytes();
    INTERNAL_SUFFIXES
        .iter()
        .find(|s| {
            let s = s.as_bytes();
            d.len() > s.len()
                && d[d.len() - s.len() - 1] == b'.'
                && d[d.len() - s.len()..].eq_ignore_ascii_case(s)
        })
        .map(|s| format!("{domain:?} is under the reserved or undelegated name .{s}"))
}

fn check_san_mailbox_domain_internal(ctx: &LintContext<'_>) -> Outcome {
    if san(ctx).is_err() {
        return Outcome::NotApplicable;
    }
    let mut bad = Vec::new();
    for m in mailbox::san_mailboxes(ctx.cert) {
        let Some(text) = m.text() else { continue };
        let cs = match m {
            SanMailbox::Rfc822(_) => Charset::Ascii,
            SanMailbox::SmtpUtf8(_) => Charset::Utf8,
        };
        if let Ok(mb) = mailbox::parse(text, cs) {
            if let Some(p) = internal_domain_problem(mb.domain) {
                bad.push(format!("{text:?}: {p}"));
            }
        }
    }
    if bad.is_empty() {
        Outcome::Pass
    } else {
        fail!("{}", bad.join("; "))
    }
}

lint! {
    /// ## What it checks
    /// The domain of each rfc822Name and SmtpUTF8Mailbox is a fully qualified domain name that
    /// can exist in the public DNS: not a single label, not an address literal, and not under a
    /// special-use or undelegated name (`.test`, `.example`, `.invalid`, `.localhost`, `.local`,
    /// `.onion`, `.home.arpa`, `.alt`, `.internal`, `.corp`, `.home`, `.mail`). Letter case does
    /// not matter.
    ///
    /// ## Why
    /// SBR 7.1.4.2: a Mailbox Field may hold only an address verified under 3.2.2, whose methods
    /// resolve the domain in the public DNS (3.2.2.1, 3.2.2.3) or deliver mail to it (3.2.2.2). Such names cannot be validated that way. RFC 5321 does
    /// allow them syntactically, so this is a warning.
    ///
    /// ## Example
    /// `alice@mailserver`; `alice@corp.internal`; `alice@[192.0.2.1]`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.internal_domain_name` for every domain whose suffix the Public Suffix
    /// List does not know; smimelint carries no copy of that list and reports only the names
    /// above. Letter case never makes a domain internal: domain names are case-insensitive
    /// (RFC 4343, RFC 5321 §2.4), so `alice@EXAMPLE.COM` is not reported (pkilint 0.13.3, as
    /// measured, does not report it either).
    W_SMIME_SAN_MAILBOX_DOMAIN_INTERNAL {
        name: "w_smime_san_mailbox_domain_internal",
        description: "A Mailbox Field's domain is not a publicly resolvable domain name",
        citation: "SBR 7.1.4.2, 3.2.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.internal_domain_name"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER,
        check: check_san_mailbox_domain_internal,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_engine::testing::{assert_lint, findings};
    use smimelint_factory::{der, gn, name, name_raw, CertBuilder};

    const UPN: &str = "1.3.6.1.4.1.311.20.2.3";

    fn with_san(t: &str, names: &[Vec<u8>]) -> CertBuilder {
        CertBuilder::subscriber(t).san(names)
    }

    fn mv(names: &[Vec<u8>]) -> Vec<u8> {
        with_san("mailbox-strict", names).build()
    }

    fn alice() -> Vec<u8> {
        gn::rfc822("alice@example.com")
    }

    #[test]
    fn san_no_mailbox() {
        let bad = with_san(
            "mailbox-multipurpose",
            &[gn::other_name(UPN, &der::utf8("alice@example.com"))],
        )
        .build();
        let good = CertBuilder::subscriber("mailbox-multipurpose").build();
        assert_lint(
            "e_smime_san_no_mailbox",
            &bad,
            &good,
            &[
                "e_smime_subject_cn_mailbox_not_in_san",
                "n_smime_san_other_name_unvalidated_type",
            ],
        );
    }

    #[test]
    fn general_name_type_prohibited() {
        for extra in [
            gn::dns("example.com"),
            gn::uri("https://example.com/"),
            der::implicit(7, &[192, 0, 2, 1]),
            der::implicit(8, &[0x2a, 0x03]),
        ] {
            assert_lint(
                "e_smime_san_general_name_type_prohibited",
                &mv(&[alice(), extra]),
                &mv(&[alice()]),
                &[],
            );
        }
    }

    #[test]
    fn other_name_types() {
        let upn = gn::other_name(UPN, &der::utf8("alice@example.com"));
        let bad = with_san("individual-strict", &[alice(), upn.clone()]).build();
        let good = CertBuilder::subscriber("individual-strict").build();
        assert_lint("e_smime_san_other_name_type_strict", &bad, &good, &[]);
        let notice = with_san("individual-multipurpose", &[alice(), upn]).build();
        let good = CertBuilder::subscriber("individual-multipurpose").build();
        assert_lint(
            "n_smime_san_other_name_unvalidated_type",
            &notice,
            &good,
            &[],
        );
    }

    #[test]
    fn subject_mailbox_not_in_san() {
        let subject =
            |email: &'static str| name(&[("CN", "alice@example.com"), ("emailAddress", email)]);
        let bad = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(subject("bob@example.com"))
            .build();
        let good = CertBuilder::subscriber("mailbox-strict")
            .subject_raw(subject("alice@Example.Com"))
            .build();
        assert_lint("e_smime_subject_mailbox_not_in_san", &bad, &good, &[]);
        // Any attribute holding a mailbox counts; the local part is case-sensitive.
        let iv = |sn: &'static str| {
            CertBuilder::subscriber("individual-strict")
                .subject(&[("C", "GB"), ("GN", "Alice"), ("SN", sn)])
                .build()
        };
        assert_lint(
            "e_smime_subject_mailbox_not_in_san",
            &iv("Alice@example.com"),
            &iv("alice@example.com"),
            &[],
        );
    }

    fn dir(attrs: &[(&str, &str)]) -> Vec<u8> {
        gn::directory_name(&name(attrs))
    }

    #[test]
    fn directory_name_mailbox_not_in_san() {
        let bad = mv(&[alice(), dir(&[("CN", "alice@example.net")])]);
        let good = mv(&[alice(), dir(&[("CN", "alice@example.com")])]);
        assert_lint(
            "e_smime_san_directory_name_mailbox_not_in_san",
            &bad,
            &good,
            &[],
        );
    }

    #[test]
    fn directory_name_attribute_prohibited() {
        let bad = mv(&[alice(), dir(&[("O", "Example Ltd")])]);
        let good = mv(&[alice(), dir(&[("serialNumber", "1234")])]);
        assert_lint(
            "e_smime_san_directory_name_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
        let dc = const_oid::ObjectIdentifier::new_unwrap("0.9.2342.19200300.100.1.25");
        let bad = mv(&[
            alice(),
            gn::directory_name(&name_raw(&[(&dc, der::ia5("example"))])),
        ]);
        assert_lint(
            "e_smime_san_directory_name_attribute_prohibited",
            &bad,
            &good,
            &[],
        );
    }

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

    #[test]
    fn rfc822_name_invalid() {
        let long = format!("alice@{}.com", vec!["a".repeat(63); 5].join("."));
        for bad in [
            "alice",
            "Alice <alice@example.com>",
            "@example.com",
            long.as_str(),
        ] {
            let cert = CertBuilder::subscriber("mailbox-strict")
                .subject(&[("serialNumber", "1")])
                .san(&[gn::rfc822(bad), alice()])
                .build();
            assert_lint(
                "e_smime_rfc822_name_invalid",
                &cert,
                &mv(&[alice(), gn::rfc822("ALICE.SMITH@EXAMPLE.COM")]),
                &[],
            );
        }
    }

    #[test]
    fn smtp_utf8_mailbox() {
        let cn = |cn: &'static str, san: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", cn)])
                .san(&[gn::smtp_utf8_mailbox(san)])
                .build()
        };
        let good = cn("山田@example.com", "山田@example.com");
        for (subject_cn, bad) in [
            ("山田@Example.com", "山田@Example.com"),
            ("山田@bücher.com", "山田@bücher.com"),
            ("山田@ab--cd.com", "山田@ab--cd.com"),
        ] {
            assert_lint(
                "e_smime_smtp_utf8_mailbox_invalid",
                &cn(subject_cn, bad),
                &good,
                &[],
            );
        }
        // A U-label in the subject matches its A-label form in the SAN.
        assert_eq!(
            findings(&cn("山田@Bücher.com", "山田@xn--bcher-kva.com")),
            Vec::<&str>::new()
        );
        let no_domain = CertBuilder::subscriber("mailbox-strict")
            .subject(&[("serialNumber", "1")])
            .san(&[alice(), gn::smtp_utf8_mailbox("山田花子")])
            .build();
        assert_lint("e_smime_smtp_utf8_mailbox_invalid", &no_domain, &good, &[]);
        let not_utf8 = CertBuilder::subscriber("mailbox-strict")
            .san(&[
                alice(),
                gn::other_name("1.3.6.1.5.5.7.8.9", &der::ia5("x@example.com")),
            ])
            .build();
        assert_lint("e_smime_smtp_utf8_mailbox_invalid", &not_utf8, &good, &[]);
        assert_lint(
            "e_smime_smtp_utf8_mailbox_ascii_local_part",
            &cn("alice@example.com", "alice@example.com"),
            &good,
            &[],
        );
    }

    #[test]
    fn mailbox_domain_internal() {
        let with = |m: &'static str| {
            CertBuilder::subscriber("mailbox-strict")
                .subject(&[("CN", m)])
                .san(&[gn::rfc822(m)])
                .build()
        };
        for bad in [
            "alice@mailserver",
            "alice@corp.internal",
            "alice@host.local",
            "alice@[192.0.2.1]",
        ] {
            assert_lint(
                "w_smime_san_mailbox_domain_internal",
                &with(bad),
                &with("alice@example.com"),
                &[],
            );
        }
        // Upper case is not an internal name (pkilint reports it).
        assert_eq!(findings(&with("alice@EXAMPLE.COM")), Vec::<&str>::new());
    }
}
