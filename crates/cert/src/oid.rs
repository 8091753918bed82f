//! Object identifiers the linter needs, compared by their DER content bytes.

use const_oid::{ObjectIdentifier, ObjectIdentifierRef};

/// What an OID identifies; names are looked up per kind, so one table serves every message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OidKind {
    Extension,
    Policy,
    Qualifier,
    Purpose,
    OtherName,
    Attribute,
    Algorithm,
    AccessMethod,
}

/// One entry of the registry: the OID, its kind and the name findings use for it.
#[derive(Debug)]
pub struct Registered {
    pub oid: &'static ObjectIdentifier,
    pub kind: OidKind,
    pub name: &'static str,
}

/// Declares each OID as a static and lists it, with its kind and name, in [`REGISTRY`].
macro_rules! oids {
    ($($(#[doc = $doc:literal])* $id:ident = $dotted:literal, $kind:ident, $name:literal;)*) => {
        $( $(#[doc = $doc])* pub static $id: ObjectIdentifier = ObjectIdentifier::new_unwrap($dotted); )*
        /// Every OID smimelint knows, with the name messages give it.
        pub static REGISTRY: &[Registered] = &[
            $( Registered { oid: &$id, kind: OidKind::$kind, name: $name }, )*
        ];
    };
}

oids! {
    // Extensions
    SUBJECT_DIRECTORY_ATTRIBUTES = "2.5.29.9", Extension, "subjectDirectoryAttributes";
    SUBJECT_KEY_IDENTIFIER = "2.5.29.14", Extension, "subjectKeyIdentifier";
    KEY_USAGE = "2.5.29.15", Extension, "keyUsage";
    PRIVATE_KEY_USAGE_PERIOD = "2.5.29.16", Extension, "privateKeyUsagePeriod";
    SUBJECT_ALT_NAME = "2.5.29.17", Extension, "subjectAltName";
    ISSUER_ALT_NAME = "2.5.29.18", Extension, "issuerAltName";
    BASIC_CONSTRAINTS = "2.5.29.19", Extension, "basicConstraints";
    NAME_CONSTRAINTS = "2.5.29.30", Extension, "nameConstraints";
    CRL_DISTRIBUTION_POINTS = "2.5.29.31", Extension, "cRLDistributionPoints";
    CERTIFICATE_POLICIES = "2.5.29.32", Extension, "certificatePolicies";
    POLICY_MAPPINGS = "2.5.29.33", Extension, "policyMappings";
    AUTHORITY_KEY_IDENTIFIER = "2.5.29.35", Extension, "authorityKeyIdentifier";
    POLICY_CONSTRAINTS = "2.5.29.36", Extension, "policyConstraints";
    EXT_KEY_USAGE = "2.5.29.37", Extension, "extKeyUsage";
    FRESHEST_CRL = "2.5.29.46", Extension, "freshestCRL";
    INHIBIT_ANY_POLICY = "2.5.29.54", Extension, "inhibitAnyPolicy";
    CRL_NUMBER = "2.5.29.20", Extension, "cRLNumber";
    REASON_CODE = "2.5.29.21", Extension, "reasonCode";
    HOLD_INSTRUCTION_CODE = "2.5.29.23", Extension, "holdInstructionCode";
    INVALIDITY_DATE = "2.5.29.24", Extension, "invalidityDate";
    DELTA_CRL_INDICATOR = "2.5.29.27", Extension, "deltaCRLIndicator";
    ISSUING_DISTRIBUTION_POINT = "2.5.29.28", Extension, "issuingDistributionPoint";
    CERTIFICATE_ISSUER = "2.5.29.29", Extension, "certificateIssuer";
    EXPIRED_CERTS_ON_CRL = "2.5.29.60", Extension, "expiredCertsOnCRL";
    OCSP_NONCE = "1.3.6.1.5.5.7.48.1.2", Extension, "id-pkix-ocsp-nonce";
    OCSP_CRL_ID = "1.3.6.1.5.5.7.48.1.3", Extension, "id-pkix-ocsp-crl";
    OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5", Extension, "id-pkix-ocsp-nocheck";
    OCSP_ARCHIVE_CUTOFF = "1.3.6.1.5.5.7.48.1.6", Extension, "id-pkix-ocsp-archive-cutoff";
    OCSP_SERVICE_LOCATOR = "1.3.6.1.5.5.7.48.1.7", Extension, "id-pkix-ocsp-service-locator";
    OCSP_EXTENDED_REVOKE = "1.3.6.1.5.5.7.48.1.9", Extension, "id-pkix-ocsp-extended-revoke";
    OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1", Algorithm, "id-pkix-ocsp-basic";
    SHA1 = "1.3.14.3.2.26", Algorithm, "id-sha1";
    AUTHORITY_INFO_ACCESS = "1.3.6.1.5.5.7.1.1", Extension, "authorityInformationAccess";
    QC_STATEMENTS = "1.3.6.1.5.5.7.1.3", Extension, "qcStatements";
    SUBJECT_INFO_ACCESS = "1.3.6.1.5.5.7.1.11", Extension, "subjectInformationAccess";
    SMIME_CAPABILITIES = "1.2.840.113549.1.9.15", Extension, "smimeCapabilities";
    LEI = "1.3.6.1.4.1.52266.1", Extension, "legalEntityIdentifier";
    LEI_ROLE = "1.3.6.1.4.1.52266.2", Extension, "legalEntityIdentifierRole";
    ADOBE_TIMESTAMP = "1.2.840.113583.1.1.9.1", Extension, "adobeTimeStamp";
    ADOBE_ARCHIVE_REV_INFO = "1.2.840.113583.1.1.9.2", Extension, "adobeArchiveRevInfo";
    /// RFC 6962 precertificate poison.
    CT_POISON = "1.3.6.1.4.1.11129.2.4.3", Extension, "ctPrecertificatePoison";
    CT_SCT_LIST = "1.3.6.1.4.1.11129.2.4.2", Extension, "signedCertificateTimestampList";

    // Policies and qualifiers
    ANY_POLICY = "2.5.29.32.0", Policy, "anyPolicy";
    QT_CPS = "1.3.6.1.5.5.7.2.1", Qualifier, "id-qt-cps";
    QT_UNOTICE = "1.3.6.1.5.5.7.2.2", Qualifier, "id-qt-unotice";
    /// The S/MIME BR arc 2.23.140.1.5.
    SMIME_POLICY_ARC = "2.23.140.1.5", Policy, "S/MIME BR policy arc";

    // Extended key usages
    ANY_EKU = "2.5.29.37.0", Purpose, "anyExtendedKeyUsage";
    KP_SERVER_AUTH = "1.3.6.1.5.5.7.3.1", Purpose, "id-kp-serverAuth";
    KP_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2", Purpose, "id-kp-clientAuth";
    KP_CODE_SIGNING = "1.3.6.1.5.5.7.3.3", Purpose, "id-kp-codeSigning";
    KP_EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4", Purpose, "id-kp-emailProtection";
    KP_TIME_STAMPING = "1.3.6.1.5.5.7.3.8", Purpose, "id-kp-timeStamping";
    KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9", Purpose, "id-kp-OCSPSigning";

    /// id-kp-documentSigning (RFC 9336), named in extKeyUsage findings.
    KP_DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36", Purpose, "id-kp-documentSigning";
    /// Microsoft Encrypting File System, named in extKeyUsage findings.
    MS_EFS_CRYPTO = "1.3.6.1.4.1.311.10.3.4", Purpose, "Microsoft Encrypting File System";
    /// Microsoft Document Signing, named in extKeyUsage findings.
    MS_DOCUMENT_SIGNING = "1.3.6.1.4.1.311.10.3.12", Purpose, "Microsoft Document Signing";
    /// Adobe Authentic Documents Trust (PDF signing), named in extKeyUsage findings.
    ADOBE_AUTHENTIC_DOCUMENTS_TRUST = "1.2.840.113583.1.1.5", Purpose, "Adobe Authentic Documents Trust";

    // Names
    ON_SMTP_UTF8_MAILBOX = "1.3.6.1.5.5.7.8.9", OtherName, "id-on-SmtpUTF8Mailbox";
    ON_UPN = "1.3.6.1.4.1.311.20.2.3", OtherName, "userPrincipalName";
    AT_COMMON_NAME = "2.5.4.3", Attribute, "commonName";
    AT_SURNAME = "2.5.4.4", Attribute, "surname";
    AT_SERIAL_NUMBER = "2.5.4.5", Attribute, "serialNumber";
    AT_COUNTRY = "2.5.4.6", Attribute, "countryName";
    AT_LOCALITY = "2.5.4.7", Attribute, "localityName";
    AT_STATE = "2.5.4.8", Attribute, "stateOrProvinceName";
    AT_STREET = "2.5.4.9", Attribute, "streetAddress";
    AT_ORGANIZATION = "2.5.4.10", Attribute, "organizationName";
    AT_ORGANIZATIONAL_UNIT = "2.5.4.11", Attribute, "organizationalUnitName";
    AT_TITLE = "2.5.4.12", Attribute, "title";
    AT_POSTAL_CODE = "2.5.4.17", Attribute, "postalCode";
    AT_GIVEN_NAME = "2.5.4.42", Attribute, "givenName";
    AT_PSEUDONYM = "2.5.4.65", Attribute, "pseudonym";
    AT_ORGANIZATION_IDENTIFIER = "2.5.4.97", Attribute, "organizationIdentifier";
    AT_EMAIL_ADDRESS = "1.2.840.113549.1.9.1", Attribute, "emailAddress";
    AT_DESCRIPTION = "2.5.4.13", Attribute, "description";
    AT_BUSINESS_CATEGORY = "2.5.4.15", Attribute, "businessCategory";
    AT_TELEPHONE_NUMBER = "2.5.4.20", Attribute, "telephoneNumber";
    AT_NAME = "2.5.4.41", Attribute, "name";
    AT_INITIALS = "2.5.4.43", Attribute, "initials";
    AT_GENERATION_QUALIFIER = "2.5.4.44", Attribute, "generationQualifier";
    AT_DN_QUALIFIER = "2.5.4.46", Attribute, "dnQualifier";
    AT_UID = "0.9.2342.19200300.100.1.1", Attribute, "uid";
    AT_DOMAIN_COMPONENT = "0.9.2342.19200300.100.1.25", Attribute, "domainComponent";
    AT_JURISDICTION_LOCALITY = "1.3.6.1.4.1.311.60.2.1.1", Attribute, "jurisdictionLocalityName";
    AT_JURISDICTION_STATE = "1.3.6.1.4.1.311.60.2.1.2", Attribute, "jurisdictionStateOrProvinceName";
    AT_JURISDICTION_COUNTRY = "1.3.6.1.4.1.311.60.2.1.3", Attribute, "jurisdictionCountryName";
    DATE_OF_BIRTH = "1.3.6.1.5.5.7.9.1", Attribute, "dateOfBirth";
    PLACE_OF_BIRTH = "1.3.6.1.5.5.7.9.2", Attribute, "placeOfBirth";
    GENDER = "1.3.6.1.5.5.7.9.3", Attribute, "gender";
    COUNTRY_OF_CITIZENSHIP = "1.3.6.1.5.5.7.9.4", Attribute, "countryOfCitizenship";
    COUNTRY_OF_RESIDENCE = "1.3.6.1.5.5.7.9.5", Attribute, "countryOfResidence";

    // Subject public key algorithms (SPKI view)
    RSA_ENCRYPTION = "1.2.840.113549.1.1.1", Algorithm, "rsaEncryption";
    EC_PUBLIC_KEY = "1.2.840.10045.2.1", Algorithm, "id-ecPublicKey";
    ED25519 = "1.3.101.112", Algorithm, "id-Ed25519";
    ED448 = "1.3.101.113", Algorithm, "id-Ed448";
    ML_DSA_44 = "2.16.840.1.101.3.4.3.17", Algorithm, "ML-DSA-44";
    ML_DSA_65 = "2.16.840.1.101.3.4.3.18", Algorithm, "ML-DSA-65";
    ML_DSA_87 = "2.16.840.1.101.3.4.3.19", Algorithm, "ML-DSA-87";
    ML_KEM_512 = "2.16.840.1.101.3.4.4.1", Algorithm, "ML-KEM-512";
    ML_KEM_768 = "2.16.840.1.101.3.4.4.2", Algorithm, "ML-KEM-768";
    ML_KEM_1024 = "2.16.840.1.101.3.4.4.3", Algorithm, "ML-KEM-1024";

    // Access methods (authorityInformationAccess)
    AD_OCSP = "1.3.6.1.5.5.7.48.1", AccessMethod, "id-ad-ocsp";
    AD_CA_ISSUERS = "1.3.6.1.5.5.7.48.2", AccessMethod, "id-ad-caIssuers";
}

/// Dotted form of OID content bytes, or hex when they are not a valid OID.
pub fn dotted(bytes: &[u8]) -> String {
    match ObjectIdentifierRef::from_bytes(bytes) {
        Ok(oid) => oid.to_string(),
        Err(_) => format!("<invalid OID {}>", smimelint_der::walk::hex(bytes)),
    }
}

/// The registry's name for an OID of the given kind.
pub fn name_of(kind: OidKind, bytes: &[u8]) -> Option<&'static str> {
    REGISTRY
        .iter()
        .find(|r| r.kind == kind && r.oid.as_bytes() == bytes)
        .map(|r| r.name)
}

/// Human name of a well-known extension OID, for messages.
pub fn extension_name(bytes: &[u8]) -> Option<&'static str> {
    name_of(OidKind::Extension, bytes)
}

/// Name of an extended key usage purpose (`id-kp-emailProtection`, …), for messages.
pub fn purpose_name(bytes: &[u8]) -> Option<&'static str> {
    name_of(OidKind::Purpose, bytes)
}

/// Name of a Name attribute type (`commonName`, …), for messages.
pub fn attribute_name(o: &ObjectIdentifier) -> &'static str {
    name_of(OidKind::Attribute, o.as_bytes()).unwrap_or("an unnamed attribute")
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

/// Whether smimelint recognises this extension OID: every extension of the registry. Used to
/// find critical extensions that a relying party would have to reject (RFC 5280 §4.2).
pub fn is_known_extension(bytes: &[u8]) -> bool {
    extension_name(bytes).is_some()
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn every_oid_is_registered_once() {
        for (i, r) in REGISTRY.iter().enumerate() {
            assert!(
                REGISTRY[..i].iter().all(|o| o.oid != r.oid),
                "{} twice",
                r.oid
            );
        }
        assert_eq!(extension_name(KEY_USAGE.as_bytes()), Some("keyUsage"));
        assert_eq!(purpose_name(KEY_USAGE.as_bytes()), None);
        assert_eq!(attribute_name(&AT_COMMON_NAME), "commonName");
    }
}
