//! Level-two decoding: each field and each known extension value decoded on its own with the
//! strict x509-cert/der types. A rejection becomes a [`FieldError`] (reported by the lint
//! `e_asn1_field_invalid`) unless the walker already reported an encoding violation inside the
//! same bytes, so one defect is reported once, by the most specific lint.

use super::{oid, Cert, FieldError};
use der::asn1::BitString;
use der::Decode;
use smimelint_der::walk::Tlv;
use x509_cert::certificate::Version;
use x509_cert::ext::pkix;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::Validity;

fn decode<T: for<'x> Decode<'x>>(bytes: &[u8]) -> Result<(), String> {
    T::from_der(bytes).map(|_| ()).map_err(|e| e.to_string())
}

type Decoder = fn(&[u8]) -> Result<(), String>;

/// Extension OIDs whose values x509-cert can decode, and the decoder to use.
fn extension_decoder(oid_bytes: &[u8]) -> Option<Decoder> {
    let table: [(&const_oid::ObjectIdentifier, Decoder); 15] = [
        (&oid::BASIC_CONSTRAINTS, decode::<pkix::BasicConstraints>),
        (&oid::KEY_USAGE, decode::<pkix::KeyUsage>),
        (&oid::EXT_KEY_USAGE, decode::<pkix::ExtendedKeyUsage>),
        (
            &oid::CERTIFICATE_POLICIES,
            decode::<pkix::CertificatePolicies>,
        ),
        (&oid::SUBJECT_ALT_NAME, decode::<pkix::SubjectAltName>),
        (&oid::ISSUER_ALT_NAME, decode::<pkix::IssuerAltName>),
        (
            &oid::AUTHORITY_KEY_IDENTIFIER,
            decode::<pkix::AuthorityKeyIdentifier>,
        ),
        (
            &oid::SUBJECT_KEY_IDENTIFIER,
            decode::<pkix::SubjectKeyIdentifier>,
        ),
        (
            &oid::CRL_DISTRIBUTION_POINTS,
            decode::<pkix::CrlDistributionPoints>,
        ),
        (
            &oid::AUTHORITY_INFO_ACCESS,
            decode::<pkix::AuthorityInfoAccessSyntax>,
        ),
        (
            &oid::SUBJECT_INFO_ACCESS,
            decode::<pkix::SubjectInfoAccessSyntax>,
        ),
        (&oid::NAME_CONSTRAINTS, decode::<pkix::NameConstraints>),
        (&oid::POLICY_CONSTRAINTS, decode::<pkix::PolicyConstraints>),
        (&oid::POLICY_MAPPINGS, decode::<pkix::PolicyMappings>),
        (
            &oid::SUBJECT_DIRECTORY_ATTRIBUTES,
            decode::<pkix::SubjectDirectoryAttributes>,
        ),
    ];
    table
        .iter()
        .find(|(o, _)| o.as_bytes() == oid_bytes)
        .map(|(_, d)| *d)
}

/// Runs every strict decoder and records the rejections in `cert.field_errors`.
pub(super) fn check(cert: &mut Cert<'_>) {
    let mut errors = Vec::new();
    // The field name is built only for a rejection: formatting it for every field and
    // extension cost more than a third of this function.
    let mut field =
        |name: &dyn Fn() -> String, tlv: Option<Tlv<'_>>, bytes: Option<&[u8]>, d: Decoder| {
            let (Some(tlv), Some(bytes)) = (tlv, bytes) else {
                return;
            };
            if let Err(message) = d(bytes) {
                errors.push(FieldError {
                    field: name(),
                    message,
                    range: Some((tlv.offset, tlv.offset + tlv.raw.len())),
                });
            }
        };
    field(
        &|| "tbsCertificate.version".into(),
        cert.version,
        cert.version.map(|v| v.content),
        decode::<Version>,
    );
    field(
        &|| "tbsCertificate.serialNumber".into(),
        cert.serial,
        cert.serial.map(|t| t.raw),
        decode::<SerialNumber>,
    );
    field(
        &|| "tbsCertificate.signature".into(),
        cert.tbs_signature,
        cert.tbs_signature.map(|t| t.raw),
        decode::<AlgorithmIdentifierOwned>,
    );
    field(
        &|| "tbsCertificate.issuer".into(),
        cert.issuer,
        cert.issuer.map(|t| t.raw),
        decode::<Name>,
    );
    field(
        &|| "tbsCertificate.validity".into(),
        cert.validity,
        cert.validity.map(|t| t.raw),
        decode::<Validity>,
    );
    field(
        &|| "tbsCertificate.subject".into(),
        cert.subject,
        cert.subject.map(|t| t.raw),
        decode::<Name>,
    );
    field(
        &|| "tbsCertificate.subjectPublicKeyInfo".into(),
        cert.spki,
        cert.spki.map(|t| t.raw),
        decode::<SubjectPublicKeyInfoOwned>,
    );
    field(
        &|| "signatureAlgorithm".into(),
        cert.signature_algorithm,
        cert.signature_algorithm.map(|t| t.raw),
        decode::<AlgorithmIdentifierOwned>,
    );
    field(
        &|| "signatureValue".into(),
        cert.signature_value,
        cert.signature_value.map(|t| t.raw),
        decode::<BitString>,
    );
    for e in &cert.extensions {
        let name = || {
            format!(
                "tbsCertificate.extensions[{}] {}",
                e.index,
                oid::describe_extension(e.oid)
            )
        };
        field(
            &name,
            Some(e.raw),
            Some(e.raw.raw),
            decode::<x509_cert::ext::Extension>,
        );
        if let Some(d) = extension_decoder(e.oid) {
            field(&name, Some(e.raw), Some(e.value), d);
        }
    }
    let violations = &cert.violations;
    errors.retain(|err| {
        let (start, end) = err.range.unwrap_or((0, usize::MAX));
        // A time's DER form is reported only outside the validity, whose strict rejection
        // therefore still counts.
        !violations.iter().any(|v| {
            v.kind != smimelint_der::walk::ViolationKind::InvalidTime
                && v.offset >= start
                && v.offset < end
        })
    });
    cert.field_errors.extend(errors);
}
