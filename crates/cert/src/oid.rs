//! Object identifiers the linter needs, compared by their DER content bytes.

use const_oid::{ObjectIdentifier, ObjectIdentifierRef};

macro_rules! oids {
    ($($(#[doc = $doc:literal])* $name:ident = $dotted:literal;)*) => {
        $( $(#[doc = $doc])* pub static $name: ObjectIdentifier = ObjectIdentifier::new_unwrap($dotted); )*
    };
}

oids! {
    // Extensions
    SUBJECT_DIRECTORY_ATTRIBUTES = "2.5.29.9";
    SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    KEY_USAGE = "2.5.29.15";
    PRIVATE_KEY_USAGE_PERIOD = "2.5.29.16";
    SUBJECT_ALT_NAME = "2.5.29.17";
    ISSUER_ALT_NAME = "2.5.29.18";
    BASIC_CONSTRAINTS = "2.5.29.19";
    NAME_CONSTRAINTS = "2.5.29.30";
    CRL_DISTRIBUTION_POINTS = "2.5.29.31";
    CERTIFICATE_POLICIES = "2.5.29.32";
    POLICY_MAPPINGS = "2.5.29.33";
    AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    POLICY_CONSTRAINTS = "2.5.29.36";
    EXT_KEY_USAGE = "2.5.29.37";
    FRESHEST_CRL = "2.5.29.46";
    INHIBIT_ANY_POLICY = "2.5.29.54";
    AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1";
    QC_STATEMENTS = "1.3.6.1.5.5.7.1.3";
    SUBJECT_INFO_ACCESS = "1.3.6.1.5.5.7.1.11";
    SMIME_CAPABILITIES = "1.2.840.113549.1.9.15";
    LEI = "1.3.6.1.4.1.52266.1";
    LEI_ROLE = "1.3.6.1.4.1.52266.2";
    ADOBE_TIMESTAMP = "1.2.840.113583.1.1.9.1";
    ADOBE_ARCHIVE_REV_INFO = "1.2.840.113583.1.1.9.2";
    /// RFC 6962 precertificate poison.
    CT_POISON = "1.3.6.1.4.1.11129.2.4.3";
    CT_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

    // Policies and qualifiers
    ANY_POLICY = "2.5.29.32.0";
    QT_CPS = "1.3.6.1.5.5.7.2.1";
    QT_UNOTICE = "1.3.6.1.5.5.7.2.2";
    /// The S/MIME BR arc 2.23.140.1.5.
    SMIME_POLICY_ARC = "2.23.140.1.5";

    // Extended key usages
    ANY_EKU = "2.5.29.37.0";
    KP_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    KP_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    KP_CODE_SIGNING = "1.3.6.1.5.5.7.3.3";
    KP_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
    KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";

    // Names
    ON_SMTP_UTF8_MAILBOX = "1.3.6.1.5.5.7.8.9";
    AT_COMMON_NAME = "2.5.4.3";
    AT_SURNAME = "2.5.4.4";
    AT_SERIAL_NUMBER = "2.5.4.5";
    AT_COUNTRY = "2.5.4.6";
    AT_LOCALITY = "2.5.4.7";
    AT_STATE = "2.5.4.8";
    AT_STREET = "2.5.4.9";
    AT_ORGANIZATION = "2.5.4.10";
    AT_ORGANIZATIONAL_UNIT = "2.5.4.11";
    AT_TITLE = "2.5.4.12";
    AT_POSTAL_CODE = "2.5.4.17";
    AT_GIVEN_NAME = "2.5.4.42";
    AT_PSEUDONYM = "2.5.4.65";
    AT_ORGANIZATION_IDENTIFIER = "2.5.4.97";
    AT_EMAIL_ADDRESS = "1.2.840.113549.1.9.1";
    AT_DESCRIPTION = "2.5.4.13";
    AT_BUSINESS_CATEGORY = "2.5.4.15";
    AT_TELEPHONE_NUMBER = "2.5.4.20";
    AT_NAME = "2.5.4.41";
    AT_INITIALS = "2.5.4.43";
    AT_GENERATION_QUALIFIER = "2.5.4.44";
    AT_DN_QUALIFIER = "2.5.4.46";
    AT_UID = "0.9.2342.19200300.100.1.1";
    AT_DOMAIN_COMPONENT = "0.9.2342.19200300.100.1.25";
    AT_JURISDICTION_LOCALITY = "1.3.6.1.4.1.311.60.2.1.1";
    AT_JURISDICTION_STATE = "1.3.6.1.4.1.311.60.2.1.2";
    AT_JURISDICTION_COUNTRY = "1.3.6.1.4.1.311.60.2.1.3";
    DATE_OF_BIRTH = "1.3.6.1.5.5.7.9.1";
    PLACE_OF_BIRTH = "1.3.6.1.5.5.7.9.2";
    GENDER = "1.3.6.1.5.5.7.9.3";
    COUNTRY_OF_CITIZENSHIP = "1.3.6.1.5.5.7.9.4";
    COUNTRY_OF_RESIDENCE = "1.3.6.1.5.5.7.9.5";

    // Subject public key algorithms (SPKI view)
    RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    ED25519 = "1.3.101.112";
    ED448 = "1.3.101.113";
    ML_DSA_44 = "2.16.840.1.101.3.4.3.17";
    ML_DSA_65 = "2.16.840.1.101.3.4.3.18";
    ML_DSA_87 = "2.16.840.1.101.3.4.3.19";
    ML_KEM_512 = "2.16.840.1.101.3.4.4.1";
    ML_KEM_768 = "2.16.840.1.101.3.4.4.2";
    ML_KEM_1024 = "2.16.840.1.101.3.4.4.3";

    // Access methods (authorityInformationAccess)
    AD_OCSP = "1.3.6.1.5.5.7.48.1";
    AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2";
}

/// Dotted form of OID content bytes, or hex when they are not a valid OID.
pub fn dotted(bytes: &[u8]) -> String {
    match ObjectIdentifierRef::from_bytes(bytes) {
        Ok(oid) => oid.to_string(),
        Err(_) => format!("<invalid OID {}>", smimelint_der::walk::hex(bytes)),
    }
}

/// Human name of a well-known extension OID, for messages.
pub fn extension_name(bytes: &[u8]) -> Option<&'static str> {
    let table: [(&ObjectIdentifier, &str); 25] = [
        (&SUBJECT_DIRECTORY_ATTRIBUTES, "subjectDirectoryAttributes"),
        (&SUBJECT_KEY_IDENTIFIER, "subjectKeyIdentifier"),
        (&KEY_USAGE, "keyUsage"),
        (&PRIVATE_KEY_USAGE_PERIOD, "privateKeyUsagePeriod"),
        (&SUBJECT_ALT_NAME, "subjectAltName"),
        (&ISSUER_ALT_NAME, "issuerAltName"),
        (&BASIC_CONSTRAINTS, "basicConstraints"),
        (&NAME_CONSTRAINTS, "nameConstraints"),
        (&CRL_DISTRIBUTION_POINTS, "cRLDistributionPoints"),
        (&CERTIFICATE_POLICIES, "certificatePolicies"),
        (&POLICY_MAPPINGS, "policyMappings"),
        (&AUTHORITY_KEY_IDENTIFIER, "authorityKeyIdentifier"),
        (&POLICY_CONSTRAINTS, "policyConstraints"),
        (&EXT_KEY_USAGE, "extKeyUsage"),
        (&FRESHEST_CRL, "freshestCRL"),
        (&INHIBIT_ANY_POLICY, "inhibitAnyPolicy"),
        (&AUTHORITY_INFO_ACCESS, "authorityInformationAccess"),
        (&QC_STATEMENTS, "qcStatements"),
        (&SUBJECT_INFO_ACCESS, "subjectInformationAccess"),
        (&SMIME_CAPABILITIES, "smimeCapabilities"),
        (&LEI, "legalEntityIdentifier"),
        (&LEI_ROLE, "legalEntityIdentifierRole"),
        (&ADOBE_TIMESTAMP, "adobeTimeStamp"),
        (&ADOBE_ARCHIVE_REV_INFO, "adobeArchiveRevInfo"),
        (&CT_POISON, "ctPrecertificatePoison"),
    ];
    table
        .iter()
        .find(|(oid, _)| oid.as_bytes() == bytes)
        .map(|(_, name)| *name)
}

/// `name (dotted)` or just the dotted form.
pub fn describe_extension(bytes: &[u8]) -> String {
    match extension_name(bytes) {
        Some(name) => format!("{name} ({})", dotted(bytes)),
        None => dotted(bytes),
    }
}

/// Whether `bytes` lies strictly under the arc `arc` (e.g. 2.23.140.1.5.x…).
pub fn is_under(bytes: &[u8], arc: &ObjectIdentifier) -> bool {
    let a = arc.as_bytes();
    bytes.len() > a.len() && bytes.starts_with(a) && a.last().is_some_and(|b| b & 0x80 == 0)
}

oids! {
    /// id-kp-documentSigning (RFC 9336), named in extKeyUsage findings.
    KP_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";
    /// Microsoft Encrypting File System, named in extKeyUsage findings.
    MS_EFS_CRYPTO = "1.3.6.1.4.1.311.10.3.4";
    /// Microsoft Document Signing, named in extKeyUsage findings.
    MS_DOCUMENT_SIGNING = "1.3.6.1.4.1.311.10.3.12";
    /// Adobe Authentic Documents Trust (PDF signing), named in extKeyUsage findings.
    ADOBE_AUTHENTIC_DOCUMENTS_TRUST = "1.2.840.113583.1.1.5";
}

/// Whether smimelint recognises this extension OID: every extension named by
/// [`extension_name`], plus the RFC 6962 SCT list. Used to find critical extensions that a
/// relying party would have to reject (RFC 5280 §4.2).
pub fn is_known_extension(bytes: &[u8]) -> bool {
    extension_name(bytes).is_some() || bytes == CT_SCT_LIST.as_bytes()
}
