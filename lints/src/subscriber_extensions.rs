//! The smaller parts of the subscriber extension profile (SBR 7.1.2.3(d), (h)–(k), (m), 7.1.2.4):
//! basicConstraints, subjectAltName presence and criticality, smimeCapabilities,
//! subjectDirectoryAttributes, qcStatements, the Adobe extensions, and extensions the SBR does
//! not list.

use super::crldp::show_uri;
use super::prelude::*;
use const_oid::ObjectIdentifier;
use smimelint_cert::GeneralName;

/// `Pass` unless one of the extensions is present.
fn absent(ctx: &LintContext<'_>, exts: &[&ObjectIdentifier]) -> Outcome {
    if !exts.iter().any(|o| ctx.cert.has_extension(o)) {
        return Outcome::Pass;
    }
    let found: Vec<String> = exts
        .iter()
        .filter(|o| ctx.cert.has_extension(o))
        .map(|o| oid::describe_extension(o.as_bytes()))
        .collect();
    fail!(
        "{} present (certificate type {})",
        found.join(" and "),
        ctx.cert_type().map(|t| t.to_string()).unwrap_or_default()
    )
}

fn check_basic_constraints_ca_true(ctx: &LintContext<'_>) -> Outcome {
    let Ext::Present(_, bc) = ctx.cert.basic_constraints() else {
        return Outcome::NotApplicable;
    };
    if !bc.ca {
        return Outcome::Pass;
    }
    if ctx.is_subscriber() {
        return fail!("basicConstraints asserts cA TRUE in a subscriber certificate");
    }
    // smimelint classifies every certificate with cA TRUE as a CA. One whose keyUsage does not
    // allow certificate signing is an end-entity certificate that wrongly asserts cA.
    match ctx.cert.key_usage() {
        Ext::Present(_, ku) if ku.bits & (1 << 5) == 0 => fail!(
            "basicConstraints asserts cA TRUE, but keyUsage ({}) does not include keyCertSign: \
             an end-entity certificate must not be a CA",
            smimelint_cert::ext::KeyUsage::names(ku.bits)
        ),
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// A subscriber certificate does not assert cA TRUE in basicConstraints.
    ///
    /// smimelint treats every certificate with cA TRUE as a CA certificate, so the check also
    /// looks at those: a certificate with cA TRUE whose keyUsage lacks keyCertSign cannot act as a
    /// CA and is reported here as an end-entity certificate that asserts cA.
    ///
    /// ## Why
    /// SBR 7.1.2.3(d): basicConstraints MAY be present, but "The cA field SHALL NOT be true".
    /// A subscriber key must not be usable to issue certificates.
    ///
    /// ## Example
    /// `basicConstraints: cA TRUE` with keyUsage `digitalSignature, keyEncipherment` and
    /// extKeyUsage emailProtection.
    ///
    /// ## Differences from pkilint
    /// pkilint is told the certificate type, so it reports `cabf.smime.is_ca_certificate` for any
    /// cA TRUE. smimelint detects CA certificates by cA TRUE, and reports only those that
    /// cannot sign certificates (no keyCertSign); a certificate with cA TRUE and keyCertSign is
    /// linted as a CA certificate.
    E_SMIME_BASIC_CONSTRAINTS_CA_TRUE {
        name: "e_smime_basic_constraints_ca_true",
        description: "basicConstraints asserts cA in an end-entity S/MIME certificate",
        citation: "SBR 7.1.2.3(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.is_ca_certificate"],
        zlint: [],
        catalog: ["e_smime_basic_constraints_ca_true"],
        applies: Applies::ALL,
        check: check_basic_constraints_ca_true,
    }
}

fn check_basic_constraints_path_len(ctx: &LintContext<'_>) -> Outcome {
    match ctx.cert.basic_constraints() {
        Ext::Present(_, bc) => match bc.path_len {
            Some(p) => fail!(
                "basicConstraints has pathLenConstraint {}",
                smimelint_cert::int_value(p.content).map_or_else(
                    || smimelint_cert::der_text::hex(p.content),
                    |v| v.to_string()
                )
            ),
            None => Outcome::Pass,
        },
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// basicConstraints in a subscriber certificate has no pathLenConstraint.
    ///
    /// ## Why
    /// SBR 7.1.2.3(d): "pathLenConstraint field SHALL NOT be present". RFC 5280 §4.2.1.9 allows
    /// it only with cA TRUE and keyCertSign.
    ///
    /// ## Example
    /// `basicConstraints: SEQUENCE { INTEGER 0 }`.
    E_SMIME_BASIC_CONSTRAINTS_PATH_LEN_PRESENT {
        name: "e_smime_basic_constraints_path_len_present",
        description: "Subscriber basicConstraints has a pathLenConstraint",
        citation: "SBR 7.1.2.3(d)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.basic_constraints_has_pathlen_for_non_ca"],
        zlint: [],
        catalog: ["e_smime_basic_constraints_path_len_present"],
        applies: Applies::SUBSCRIBER,
        check: check_basic_constraints_path_len,
    }
}

fn check_san_missing(ctx: &LintContext<'_>) -> Outcome {
    require_extension(ctx, &oid::SUBJECT_ALT_NAME)
}

lint! {
    /// ## What it checks
    /// A subscriber certificate has a subjectAltName extension (2.5.29.17).
    ///
    /// ## Why
    /// SBR 7.1.2.3(h) and 7.1.4.2.1: subjectAltName SHALL be present. It carries the mailbox
    /// addresses that make the certificate an S/MIME certificate; mail clients match the sender
    /// against it.
    ///
    /// ## Example
    /// A certificate with the mailbox only in the subject's emailAddress attribute.
    E_SMIME_SAN_MISSING {
        name: "e_smime_san_missing",
        description: "Subscriber certificate has no subjectAltName extension",
        citation: "SBR 7.1.2.3(h); SBR 7.1.4.2.1",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.san_extension_missing"],
        zlint: ["e_san_shall_be_present"],
        catalog: ["e_smime_san_missing"],
        applies: Applies::SUBSCRIBER,
        check: check_san_missing,
    }
}

/// The subject is present and an empty SEQUENCE.
fn subject_is_empty(cert: &Cert<'_>) -> Option<bool> {
    cert.subject.map(|s| s.content.is_empty())
}

fn check_san_critical_with_subject(ctx: &LintContext<'_>) -> Outcome {
    let Some(san) = ctx.cert.extension(&oid::SUBJECT_ALT_NAME) else {
        return Outcome::NotApplicable;
    };
    match subject_is_empty(ctx.cert) {
        Some(false) if san.critical => {
            fail!("subjectAltName is marked critical although the subject is not empty")
        }
        Some(false) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// When the subject is not empty, subjectAltName is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(h): "This extension SHOULD NOT be marked critical unless the subject field is
    /// an empty sequence" (RFC 5280 §4.2.1.6 says the same).
    ///
    /// ## Example
    /// Subject `CN=alice@example.com` with a critical subjectAltName.
    W_SMIME_SAN_CRITICAL_WITH_SUBJECT {
        name: "w_smime_san_critical_with_subject",
        description: "subjectAltName is critical although the subject is not empty",
        citation: "SBR 7.1.2.3(h)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.san_extension_is_critical_non_empty_subject"],
        zlint: ["w_san_should_not_be_critical"],
        catalog: ["w_smime_san_critical_with_subject"],
        applies: Applies::SUBSCRIBER,
        check: check_san_critical_with_subject,
    }
}

fn check_san_not_critical_empty_subject(ctx: &LintContext<'_>) -> Outcome {
    let Some(san) = ctx.cert.extension(&oid::SUBJECT_ALT_NAME) else {
        return Outcome::NotApplicable;
    };
    match subject_is_empty(ctx.cert) {
        Some(true) if !san.critical => {
            fail!("the subject is an empty sequence but subjectAltName is not critical")
        }
        Some(true) => Outcome::Pass,
        _ => Outcome::NotApplicable,
    }
}

lint! {
    /// ## What it checks
    /// When the subject is an empty sequence, subjectAltName is marked critical.
    ///
    /// ## Why
    /// RFC 5280 §4.2.1.6: "If the subject field contains an empty sequence, then the issuing CA
    /// MUST include a subjectAltName extension that is marked as critical." SBR 7.1.2.4 makes
    /// RFC 5280 binding; a Mailbox-validated certificate may have an empty subject.
    ///
    /// ## Example
    /// Subject `30 00` with a non-critical subjectAltName holding only the rfc822Name.
    E_SMIME_SAN_NOT_CRITICAL_EMPTY_SUBJECT {
        name: "e_smime_san_not_critical_empty_subject",
        description: "subjectAltName is not critical although the subject is empty",
        citation: "RFC 5280 4.2.1.6; SBR 7.1.2.3(h), 7.1.2.4",
        source: Source::Rfc5280,
        effective: dates::RFC_5280,
        ballot: "SMC01",
        pkilint: ["pkix.san_extension_not_critical_empty_subject"],
        zlint: [],
        catalog: ["e_smime_san_not_critical_empty_subject"],
        applies: Applies::SUBSCRIBER,
        check: check_san_not_critical_empty_subject,
    }
}

fn check_smime_capabilities_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SMIME_CAPABILITIES)
}

lint! {
    /// ## What it checks
    /// The smimeCapabilities extension (1.2.840.113549.1.9.15) is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(i): it "MAY be present and SHALL NOT be marked critical"; RFC 4262 §2 says the
    /// same. It only advertises algorithm preferences.
    ///
    /// ## Example
    /// smimeCapabilities listing aes256-CBC, with critical TRUE.
    E_SMIME_SMIME_CAPABILITIES_CRITICAL {
        name: "e_smime_smime_capabilities_critical",
        description: "smimeCapabilities is marked critical",
        citation: "SBR 7.1.2.3(i)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.smime_capabilities_extension_critical"],
        zlint: [],
        catalog: ["e_smime_smime_capabilities_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_smime_capabilities_critical,
    }
}

fn check_sda_prohibited(ctx: &LintContext<'_>) -> Outcome {
    absent(ctx, &[&oid::SUBJECT_DIRECTORY_ATTRIBUTES])
}

lint! {
    /// ## What it checks
    /// Strict and Multipurpose certificates have no subjectDirectoryAttributes extension
    /// (2.5.29.9).
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) table: "Prohibited" for Strict and Multipurpose. Only Legacy certificates
    /// may carry verified attributes such as dateOfBirth this way.
    ///
    /// ## Example
    /// A Strict certificate with subjectDirectoryAttributes `countryOfCitizenship GB`.
    E_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_PROHIBITED {
        name: "e_smime_subject_directory_attributes_prohibited",
        description: "subjectDirectoryAttributes in a Strict or Multipurpose certificate",
        citation: "SBR 7.1.2.3(j)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.subject_directory_attributes_extension_prohibited"],
        zlint: ["e_strict_multipurpose_smime_ext_subject_directory_attr"],
        catalog: ["e_smime_subject_directory_attributes_prohibited"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict, Generation::Multipurpose]),
        check: check_sda_prohibited,
    }
}

fn check_sda_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::SUBJECT_DIRECTORY_ATTRIBUTES)
}

lint! {
    /// ## What it checks
    /// In Legacy certificates, subjectDirectoryAttributes is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) table: for Legacy it "MAY be present and SHALL NOT be marked critical"
    /// (RFC 5280 §4.2.1.8 says the same).
    ///
    /// ## Example
    /// A Legacy certificate with a critical subjectDirectoryAttributes.
    E_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_CRITICAL {
        name: "e_smime_subject_directory_attributes_critical",
        description: "subjectDirectoryAttributes is marked critical",
        citation: "SBR 7.1.2.3(j)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["pkix.subject_directory_attributes_extension_critical"],
        zlint: [],
        catalog: ["e_smime_subject_directory_attributes_critical"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Legacy]),
        check: check_sda_critical,
    }
}

lint! {
    /// ## What it checks
    /// A Mailbox-validated Legacy certificate has no subjectDirectoryAttributes extension.
    ///
    /// ## Why
    /// SBR 7.1.2.3(j) allows the extension in Legacy certificates to hold *verified* attributes
    /// of the subject (dateOfBirth, countryOfCitizenship, …). Mailbox validation (SBR 3.2.2)
    /// verifies only control of the mailbox, so an MV certificate has nothing verified to put
    /// there. The SBR does not prohibit the extension for MV in so many words, hence a warning.
    ///
    /// ## Example
    /// A `mailbox-legacy` certificate with subjectDirectoryAttributes `dateOfBirth`.
    ///
    /// ## Differences from pkilint
    /// pkilint reports `cabf.smime.subject_directory_attributes_extension_prohibited` as an
    /// error for every Mailbox-validated certificate, reading the table as a prohibition.
    /// smimelint reports an error only where the SBR table says "Prohibited" (Strict and
    /// Multipurpose, `e_smime_subject_directory_attributes_prohibited`) and warns here.
    W_SMIME_SUBJECT_DIRECTORY_ATTRIBUTES_MAILBOX_VALIDATED {
        name: "w_smime_subject_directory_attributes_mailbox_validated",
        description: "subjectDirectoryAttributes in a Mailbox-validated Legacy certificate",
        citation: "SBR 7.1.2.3(j); SBR 3.2",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.subject_directory_attributes_extension_prohibited"],
        zlint: [],
        catalog: ["w_smime_subject_directory_attributes_mailbox_validated"],
        applies: Applies::SUBSCRIBER
            .validations(&[Validation::Mailbox])
            .generations(&[Generation::Legacy]),
        check: check_sda_prohibited,
    }
}

fn check_qc_statements_critical(ctx: &LintContext<'_>) -> Outcome {
    forbid_critical(ctx, &oid::QC_STATEMENTS)
}

lint! {
    /// ## What it checks
    /// The qcStatements extension (1.3.6.1.5.5.7.1.3) is not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(k): qcStatements "MAY be present and SHALL NOT be marked critical".
    ///
    /// ## Example
    /// qcStatements with QcCompliance, marked critical.
    E_SMIME_QC_STATEMENTS_CRITICAL {
        name: "e_smime_qc_statements_critical",
        description: "qcStatements is marked critical",
        citation: "SBR 7.1.2.3(k)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: ["cabf.smime.qc_statements_extension_critical"],
        zlint: ["e_smime_qc_statements_must_not_be_critical"],
        catalog: ["e_smime_qc_statements_critical"],
        applies: Applies::SUBSCRIBER,
        check: check_qc_statements_critical,
    }
}

fn check_adobe_strict(ctx: &LintContext<'_>) -> Outcome {
    absent(ctx, &[&oid::ADOBE_TIMESTAMP, &oid::ADOBE_ARCHIVE_REV_INFO])
}

lint! {
    /// ## What it checks
    /// Strict certificates contain neither the Adobe Time-stamp extension
    /// (1.2.840.113583.1.1.9.1) nor the Adobe ArchiveRevInfo extension (1.2.840.113583.1.1.9.2).
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) table: Adobe extensions are "Prohibited" in Strict. They serve document
    /// signing, which the Strict generation excludes.
    ///
    /// ## Example
    /// An Organization-validated Strict certificate with the Adobe Time-stamp extension.
    E_SMIME_ADOBE_EXTENSIONS_STRICT {
        name: "e_smime_adobe_extensions_strict",
        description: "Adobe extension in a Strict certificate",
        citation: "SBR 7.1.2.3(m)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.adobe_timestamp_extension_prohibited",
            "cabf.smime.adobe_archive_revinfo_extension_prohibited"
        ],
        zlint: ["e_adobe_extensions_strict_presence"],
        catalog: ["e_smime_adobe_extensions_strict"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Strict]),
        check: check_adobe_strict,
    }
}

fn check_adobe_critical(ctx: &LintContext<'_>) -> Outcome {
    let critical: Vec<String> = [&oid::ADOBE_TIMESTAMP, &oid::ADOBE_ARCHIVE_REV_INFO]
        .into_iter()
        .filter_map(|o| ctx.cert.extension(o))
        .filter(|e| e.critical)
        .map(|e| oid::describe_extension(e.oid))
        .collect();
    if critical.is_empty() {
        Outcome::Pass
    } else {
        fail!("marked critical: {}", critical.join(", "))
    }
}

lint! {
    /// ## What it checks
    /// In Multipurpose and Legacy certificates, the Adobe Time-stamp and ArchiveRevInfo
    /// extensions are not marked critical.
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) table: for Multipurpose and Legacy they "MAY be present and SHALL NOT be
    /// marked critical". Mail clients do not process them.
    ///
    /// ## Example
    /// Adobe ArchiveRevInfo with critical TRUE.
    E_SMIME_ADOBE_EXTENSIONS_CRITICAL {
        name: "e_smime_adobe_extensions_critical",
        description: "Adobe extension is marked critical",
        citation: "SBR 7.1.2.3(m)",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC01",
        pkilint: [
            "cabf.smime.adobe_timestamp_extension_critical",
            "cabf.smime.adobe_archive_revinfo_extension_critical"
        ],
        zlint: ["e_adobe_extensions_legacy_multipurpose_criticality"],
        catalog: ["e_smime_adobe_extensions_critical"],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_adobe_critical,
    }
}

/// What is wrong with an Adobe time-stamp extension value.
fn adobe_timestamp_problem(value: &[u8], base: usize) -> Option<String> {
    let location = match smimelint_cert::ext::decode_adobe_timestamp(value, base) {
        Ok(location) => location,
        Err(why) => return Some(why.into()),
    };
    match location {
        GeneralName::Uri(u) if smimelint_cert::der_text::string_problem(22, u).is_none() => None,
        GeneralName::Uri(u) => Some(format!("location {} is not an IA5String", show_uri(u))),
        other => Some(format!(
            "location is a {}; version 1 allows only uniformResourceIdentifier",
            other.kind()
        )),
    }
}

fn check_adobe_timestamp_invalid(ctx: &LintContext<'_>) -> Outcome {
    let Some(e) = ctx.cert.extension(&oid::ADOBE_TIMESTAMP) else {
        return Outcome::NotApplicable;
    };
    match adobe_timestamp_problem(e.value, e.value_offset) {
        None => Outcome::Pass,
        Some(p) => fail!("Adobe Time-stamp extension: {p}"),
    }
}

lint! {
    /// ## What it checks
    /// The Adobe Time-stamp extension value is `SEQUENCE { version INTEGER, location GeneralName,
    /// requiresAuth BOOLEAN DEFAULT FALSE }` and its location is a uniformResourceIdentifier.
    ///
    /// ## Why
    /// SBR 7.1.2.3(m) allows the extension in Multipurpose and Legacy certificates, and SBR
    /// 7.1.2.4(iii) requires an extension defined by an open specification to conform to it.
    /// Adobe's definition (Acrobat DC digital signature OIDs) says that in version 1 the location
    /// can only be a uniformResourceIdentifier: the URL of the time-stamp server.
    ///
    /// ## Example
    /// location `dNSName timestamp.example.com`.
    E_SMIME_ADOBE_TIMESTAMP_INVALID {
        name: "e_smime_adobe_timestamp_invalid",
        description: "Adobe Time-stamp extension value is malformed or its location is not a URI",
        citation: "SBR 7.1.2.3(m), 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SMC06,
        ballot: "SMC06",
        pkilint: ["adbe.invalid_timestamp_location_type"],
        zlint: [],
        catalog: [],
        applies: Applies::SUBSCRIBER.generations(&[Generation::Multipurpose, Generation::Legacy]),
        check: check_adobe_timestamp_invalid,
    }
}

/// Extensions SBR 7.1.2.3 specifies for subscriber certificates. subjectDirectoryAttributes,
/// the LEI pair and the Adobe pair are listed too: where they are not allowed, more specific
/// lints report them.
const LISTED: [&ObjectIdentifier; 16] = [
    &oid::CERTIFICATE_POLICIES,
    &oid::CRL_DISTRIBUTION_POINTS,
    &oid::AUTHORITY_INFO_ACCESS,
    &oid::BASIC_CONSTRAINTS,
    &oid::KEY_USAGE,
    &oid::EXT_KEY_USAGE,
    &oid::AUTHORITY_KEY_IDENTIFIER,
    &oid::SUBJECT_ALT_NAME,
    &oid::SMIME_CAPABILITIES,
    &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
    &oid::QC_STATEMENTS,
    &oid::LEI,
    &oid::LEI_ROLE,
    &oid::ADOBE_TIMESTAMP,
    &oid::ADOBE_ARCHIVE_REV_INFO,
    &oid::SUBJECT_KEY_IDENTIFIER,
];

fn is_listed(e: &Extension<'_>) -> bool {
    LISTED.iter().any(|o| e.is(o))
}

fn check_unlisted_extension(ctx: &LintContext<'_>) -> Outcome {
    if ctx.cert.extensions.iter().all(is_listed) {
        return Outcome::Pass;
    }
    let found: Vec<String> = ctx
        .cert
        .extensions
        .iter()
        .filter(|e| !is_listed(e))
        .map(|e| {
            let mut s = oid::describe_extension(e.oid);
            if e.critical {
                s.push_str(" [critical]");
            }
            s
        })
        .collect();
    fail!(
        "extension(s) not specified by SBR 7.1.2.3: {}",
        found.join(", ")
    )
}

lint! {
    /// ## What it checks
    /// Every extension of a subscriber certificate is one SBR 7.1.2.3 specifies:
    /// certificatePolicies, cRLDistributionPoints, authorityInformationAccess, basicConstraints,
    /// keyUsage, extKeyUsage, authorityKeyIdentifier, subjectAltName, smimeCapabilities,
    /// subjectDirectoryAttributes, qcStatements, the LEI and LEI Role extensions, the Adobe
    /// Time-stamp and ArchiveRevInfo extensions, and subjectKeyIdentifier. Anything else is
    /// reported: nameConstraints, policyConstraints, subjectInfoAccess, privateKeyUsagePeriod,
    /// issuerAltName, private OIDs, and the RFC 6962 precertificate poison and SCT list.
    ///
    /// ## Why
    /// SBR 7.1.2.4: the CA SHALL NOT include an extension not specified in 7.1.2.3 unless it is
    /// aware of a reason for including it, and it SHALL document how it validates it in its CP
    /// or CPS. A linter cannot see that reason, so this is a notice for review.
    ///
    /// The precertificate poison is expected in a precertificate and is critical by design
    /// (RFC 6962 §3.1); it is reported here as a notice like the SCT list, and smimelint knows
    /// it, so it does not count as an unknown critical extension.
    ///
    /// ## Example
    /// A subscriber certificate with subjectInfoAccess; a precertificate with
    /// 1.3.6.1.4.1.11129.2.4.3.
    N_SMIME_UNLISTED_EXTENSION {
        name: "n_smime_unlisted_extension",
        description: "Extension that SBR 7.1.2.3 does not specify for subscriber certificates",
        citation: "SBR 7.1.2.4",
        source: Source::Sbr,
        effective: dates::SBR_1_0_0,
        ballot: "SMC06",
        pkilint: [],
        zlint: [],
        catalog: ["n_smime_unlisted_extension"],
        applies: Applies::SUBSCRIBER,
        check: check_unlisted_extension,
    }
}

#[cfg(test)]
mod tests {
    use smimelint_cert::oid;
    use smimelint_engine::testing::assert_lint;
    use smimelint_factory::{der, ext, ext_values, gn, CertBuilder};

    fn base() -> CertBuilder {
        CertBuilder::subscriber("mailbox-strict")
    }
    /// subjectDirectoryAttributes with countryOfCitizenship GB.
    fn sda() -> Vec<u8> {
        der::seq(&[der::seq(&[
            der::oid("1.3.6.1.5.5.7.9.4"),
            der::set(&[der::printable("GB")]),
        ])])
    }
    fn qc() -> Vec<u8> {
        der::seq(&[der::seq(&[der::oid("0.4.0.1862.1.1")])])
    }
    fn adobe_ts(location: Vec<u8>) -> Vec<u8> {
        ext_values::adobe_timestamp(location)
    }

    #[test]
    fn basic_constraints_ca_true() {
        assert_lint(
            "e_smime_basic_constraints_ca_true",
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(true, None),
                )
                .build(),
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    true,
                    ext::basic_constraints(false, None),
                )
                .build(),
            // cA TRUE makes it a CA certificate, so the CA profile applies too: its keyUsage
            // lacks keyCertSign/cRLSign and its subject lacks O and C.
            &[
                "e_smime_ca_key_usage_invalid",
                "e_smime_ca_subject_required_attribute_missing",
            ],
        );
    }

    #[test]
    fn basic_constraints_path_len_present() {
        assert_lint(
            "e_smime_basic_constraints_path_len_present",
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    false,
                    ext::basic_constraints(false, Some(0)),
                )
                .build(),
            &base()
                .ext(
                    &oid::BASIC_CONSTRAINTS,
                    false,
                    ext::basic_constraints(false, None),
                )
                .build(),
            &[],
        );
    }

    #[test]
    fn san_missing() {
        assert_lint(
            "e_smime_san_missing",
            &base().without_ext(&oid::SUBJECT_ALT_NAME).build(),
            &base().build(),
            &["e_smime_subject_cn_mailbox_not_in_san"],
        );
    }

    #[test]
    fn san_critical_with_subject() {
        assert_lint(
            "w_smime_san_critical_with_subject",
            &base().critical(&oid::SUBJECT_ALT_NAME, true).build(),
            &base().build(),
            &[],
        );
    }

    #[test]
    fn san_not_critical_empty_subject() {
        let empty = || base().subject_raw(der::seq(&[]));
        assert_lint(
            "e_smime_san_not_critical_empty_subject",
            &empty().build(),
            &empty().critical(&oid::SUBJECT_ALT_NAME, true).build(),
            &[],
        );
    }

    #[test]
    fn smime_capabilities_critical() {
        let caps = der::seq(&[der::seq(&[der::oid("2.16.840.1.101.3.4.1.42")])]);
        assert_lint(
            "e_smime_smime_capabilities_critical",
            &base()
                .ext(&oid::SMIME_CAPABILITIES, true, caps.clone())
                .build(),
            &base().ext(&oid::SMIME_CAPABILITIES, false, caps).build(),
            &[],
        );
    }

    #[test]
    fn sda_prohibited() {
        for t in ["mailbox-strict", "individual-multipurpose"] {
            let b = || CertBuilder::subscriber(t);
            assert_lint(
                "e_smime_subject_directory_attributes_prohibited",
                &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
                    .build(),
                &b().build(),
                &[],
            );
        }
    }

    #[test]
    fn sda_critical() {
        let b = || CertBuilder::subscriber("individual-legacy");
        assert_lint(
            "e_smime_subject_directory_attributes_critical",
            &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, true, sda())
                .build(),
            &b().ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
                .build(),
            &[],
        );
    }

    #[test]
    fn sda_mailbox_validated() {
        let with = |t: &str| {
            CertBuilder::subscriber(t).ext(&oid::SUBJECT_DIRECTORY_ATTRIBUTES, false, sda())
        };
        assert_lint(
            "w_smime_subject_directory_attributes_mailbox_validated",
            &with("mailbox-legacy").build(),
            &CertBuilder::subscriber("mailbox-legacy").build(),
            &[],
        );
        assert_eq!(
            smimelint_engine::testing::findings(&with("sponsored-legacy").build()),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn qc_statements_critical() {
        assert_lint(
            "e_smime_qc_statements_critical",
            &base().ext(&oid::QC_STATEMENTS, true, qc()).build(),
            &base().ext(&oid::QC_STATEMENTS, false, qc()).build(),
            &[],
        );
    }

    #[test]
    fn adobe_extensions_strict() {
        let b = || CertBuilder::subscriber("organization-strict");
        let ts = adobe_ts(gn::uri("http://tsa.example.com"));
        assert_lint(
            "e_smime_adobe_extensions_strict",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts.clone()).build(),
            &b().build(),
            &[],
        );
        assert_lint(
            "e_smime_adobe_extensions_strict",
            &b().ext(
                &oid::ADOBE_ARCHIVE_REV_INFO,
                false,
                ext_values::adobe_archive_rev_info(),
            )
            .build(),
            &b().build(),
            &[],
        );
    }

    #[test]
    fn adobe_extensions_critical() {
        let b = || CertBuilder::subscriber("organization-multipurpose");
        let ts = adobe_ts(gn::uri("http://tsa.example.com"));
        let arc = ext_values::adobe_archive_rev_info();
        assert_lint(
            "e_smime_adobe_extensions_critical",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts.clone())
                .ext(&oid::ADOBE_ARCHIVE_REV_INFO, true, arc.clone())
                .build(),
            &b().ext(&oid::ADOBE_TIMESTAMP, false, ts)
                .ext(&oid::ADOBE_ARCHIVE_REV_INFO, false, arc)
                .build(),
            &[],
        );
    }

    #[test]
    fn adobe_timestamp_invalid() {
        let b = || CertBuilder::subscriber("organization-legacy");
        assert_lint(
            "e_smime_adobe_timestamp_invalid",
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::dns("tsa.example.com")),
            )
            .build(),
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::uri("http://tsa.example.com")),
            )
            .build(),
            &[],
        );
        assert_lint(
            "e_smime_adobe_timestamp_invalid",
            &b().ext(&oid::ADOBE_TIMESTAMP, false, der::null()).build(),
            &b().ext(
                &oid::ADOBE_TIMESTAMP,
                false,
                adobe_ts(gn::uri("http://tsa.example.com")),
            )
            .build(),
            &[],
        );
    }

    #[test]
    fn unlisted_extension() {
        // A precertificate: the poison is critical, and reported only as unlisted.
        assert_lint(
            "n_smime_unlisted_extension",
            &base().ext(&oid::CT_POISON, true, der::null()).build(),
            &base().build(),
            &[],
        );
        assert_lint(
            "n_smime_unlisted_extension",
            &base()
                .ext(
                    &oid::SUBJECT_INFO_ACCESS,
                    false,
                    smimelint_factory::ext::aia(&[(
                        "1.3.6.1.5.5.7.48.5",
                        "http://repo.example.com/",
                    )]),
                )
                .build(),
            &base()
                .ext(
                    &oid::SMIME_CAPABILITIES,
                    false,
                    der::seq(&[der::seq(&[der::oid("2.16.840.1.101.3.4.1.42")])]),
                )
                .build(),
            &[],
        );
    }
}
