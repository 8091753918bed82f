//! The malformed-certificate suite committed under `testdata/malformed/`: one encoding or
//! structure defect per certificate, each built from the clean `mailbox-strict` certificate and
//! paired with the lint whose finding names the defect. `tests/malformed.rs` checks the committed
//! files against the factory, that each yields exactly one record, and that the named lint fires.

use super::{der, ext, gn, name_raw, CertBuilder, ExtSpec};
use const_oid::ObjectIdentifier;
use smimelint_cert::oid;

/// One malformed certificate.
pub struct Malformed {
    /// File stem under `testdata/malformed/`.
    pub name: &'static str,
    /// The defect, in words.
    pub defect: &'static str,
    /// The lint whose finding names the defect.
    pub lint: &'static str,
    pub der: Vec<u8>,
}

fn base() -> CertBuilder {
    CertBuilder::subscriber("mailbox-strict")
}

/// The clean certificate's validity, as UTCTime strings.
const NOT_BEFORE: &str = "251001000000Z";
const NOT_AFTER: &str = "260930235959Z";
const MAILBOX: &str = "alice@example.com";

fn with_cn(value: Vec<u8>) -> CertBuilder {
    base().subject_raw(name_raw(&[(&oid::AT_COMMON_NAME, value)]))
}

fn with_times(not_before: Vec<u8>, not_after: Vec<u8>) -> CertBuilder {
    base().times_raw(not_before, not_after)
}

fn with_not_before(t: Vec<u8>) -> CertBuilder {
    with_times(t, der::utc_time(NOT_AFTER))
}

fn with_not_after(t: Vec<u8>) -> CertBuilder {
    with_times(der::utc_time(NOT_BEFORE), t)
}

/// The subject with the CN attribute type written as these raw OID bytes.
fn with_cn_oid(oid_tlv: Vec<u8>) -> CertBuilder {
    let rdn = der::set(&[der::seq(&[oid_tlv, der::utf8(MAILBOX)])]);
    base().subject_raw(der::seq(&[rdn]))
}

/// The extensions field with each extension encoded by `encode` (None: the usual encoding).
fn with_ext_encoding(b: CertBuilder, encode: impl Fn(&ExtSpec) -> Option<Vec<u8>>) -> CertBuilder {
    let items: Vec<Vec<u8>> = b
        .extensions
        .iter()
        .map(|e| {
            encode(e).unwrap_or_else(|| {
                let mut parts = vec![der::tlv(0x06, &e.oid)];
                if e.critical {
                    parts.push(der::boolean(true));
                }
                parts.push(der::octets(&e.value));
                der::seq(&parts)
            })
        })
        .collect();
    let mut b = b;
    b.extensions_raw = Some(der::explicit(3, &der::seq(&items)));
    b
}

fn san_value() -> Vec<u8> {
    ext::general_names(&[gn::rfc822(MAILBOX)])
}

/// A SEQUENCE with the indefinite length form.
fn indefinite(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut v = vec![tag, 0x80];
    v.extend_from_slice(content);
    v.extend_from_slice(&[0, 0]);
    v
}

/// A TLV whose length uses `n` length octets (non-minimal when shorter would do).
fn long_len(tag: u8, content: &[u8], n: usize) -> Vec<u8> {
    let mut v = vec![tag, 0x80 | n as u8];
    let be = (content.len() as u64).to_be_bytes();
    v.extend_from_slice(&be[8 - n..]);
    v.extend_from_slice(content);
    v
}

const SERIAL: [u8; 16] = [
    0x41, 0x12, 0x23, 0x34, 0x45, 0x56, 0x67, 0x78, 0x89, 0x9a, 0xab, 0xbc, 0xcd, 0xde, 0xef, 0x01,
];

fn ext_oid(o: &ObjectIdentifier) -> Vec<u8> {
    o.as_bytes().to_vec()
}

/// sha256WithRSAEncryption AlgorithmIdentifier with these raw parameters.
fn sha256_rsa(params: &[u8]) -> Vec<u8> {
    let mut content = der::oid("1.2.840.113549.1.1.11");
    content.extend_from_slice(params);
    der::tlv(0x30, &content)
}

/// The certificate with the unused-bits octet of its signatureValue (or, with `spki`, of its
/// subjectPublicKey) BIT STRING set to 8.
fn bit_string_unused_8(mut d: Vec<u8>, spki: bool) -> Vec<u8> {
    let at = {
        let (cert, _) = smimelint_der::walk::read_tlv(&d, 0).expect("certificate");
        let mut top = cert.children();
        let tbs = top.next().and_then(Result::ok).expect("tbsCertificate");
        let bits = if spki {
            // version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo
            let info = tbs.children().nth(6).and_then(Result::ok).expect("SPKI");
            info.children().nth(1)
        } else {
            top.nth(1)
        };
        let bits = bits.and_then(Result::ok).expect("BIT STRING");
        bits.offset + (bits.raw.len() - bits.content.len())
    };
    d[at] = 8;
    d
}

/// A malformed certificate built directly.
fn m(name: &'static str, defect: &'static str, lint: &'static str, b: CertBuilder) -> Malformed {
    Malformed {
        name,
        defect,
        lint,
        der: b.build(),
    }
}

/// A malformed certificate made by rewriting the encoding of the compliant baseline.
fn post(
    name: &'static str,
    defect: &'static str,
    lint: &'static str,
    f: &dyn Fn(Vec<u8>) -> Vec<u8>,
) -> Malformed {
    Malformed {
        name,
        defect,
        lint,
        der: f(base().build()),
    }
}

/// Every malformed certificate, in a stable order.
pub fn malformed() -> Vec<Malformed> {
    [
        primitives(),
        times_and_strings(),
        structure(),
        values_and_forms(),
        defaults_and_validity(),
        tags_and_names(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// BOOLEAN, lengths, tags and INTEGER encodings.
fn primitives() -> Vec<Malformed> {
    let mut deep = der::null();
    for _ in 0..80 {
        deep = der::seq(&[deep]);
    }
    vec![
        // BOOLEAN
        m(
            "boolean-true-not-ff",
            "criticality TRUE encoded as 0x01",
            "e_der_boolean_not_canonical",
            base().patch(&[0x01, 0x01, 0xff], &[0x01, 0x01, 0x01]),
        ),
        m(
            "boolean-two-octets",
            "criticality BOOLEAN with two content octets",
            "e_der_boolean_not_canonical",
            with_ext_encoding(base(), |e| {
                (e.oid == ext_oid(&oid::KEY_USAGE)).then(|| {
                    der::seq(&[
                        der::tlv(0x06, &e.oid),
                        der::tlv(0x01, &[0x00, 0xff]),
                        der::octets(&e.value),
                    ])
                })
            }),
        ),
        // Lengths and tags
        m(
            "length-long-form-for-short",
            "serialNumber length 16 in the long form 81 10",
            "e_der_length_not_minimal",
            base().serial_raw(long_len(0x02, &SERIAL, 1)),
        ),
        m(
            "length-leading-zero-octet",
            "subject length with a leading zero octet (82 00 xx)",
            "e_der_length_not_minimal",
            base().subject_raw(long_len(
                0x30,
                &der::set(&[der::seq(&[
                    der::oid_of(&oid::AT_COMMON_NAME),
                    der::utf8(MAILBOX),
                ])]),
                2,
            )),
        ),
        m(
            "indefinite-length-subject",
            "subject Name with the BER indefinite length",
            "e_der_indefinite_length",
            base().subject_raw(indefinite(
                0x30,
                &der::set(&[der::seq(&[
                    der::oid_of(&oid::AT_COMMON_NAME),
                    der::utf8(MAILBOX),
                ])]),
            )),
        ),
        m(
            "indefinite-length-extn-value",
            "subjectAltName value with the indefinite length",
            "e_der_indefinite_length",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                indefinite(0x30, &gn::rfc822(MAILBOX)),
            ),
        ),
        post(
            "indefinite-length-certificate",
            "outer Certificate SEQUENCE with the indefinite length",
            "e_der_indefinite_length",
            &|d| {
                let (tlv, _) = smimelint_der::walk::read_tlv(&d, 0).expect("certificate");
                indefinite(0x30, tlv.content)
            },
        ),
        m(
            "tag-not-minimal",
            "serialNumber tag in the high-tag-number form 1f 02",
            "e_der_tag_not_minimal",
            base().serial_raw([&[0x1f, 0x02, 0x10][..], &SERIAL].concat()),
        ),
        m(
            "length-reserved-ff",
            "subjectAltName value with the reserved length octet 0xFF",
            "e_der_truncated",
            base().ext(&oid::SUBJECT_ALT_NAME, false, vec![0x30, 0xff, 0x81, 0x01]),
        ),
        m(
            "truncated-extn-value",
            "subjectAltName value whose GeneralName runs past the end of the value",
            "e_der_truncated",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                der::seq(&[vec![0x81, 0x40, b'a', b'@']]),
            ),
        ),
        post(
            "certificate-cut-short",
            "the certificate file cut 40 bytes before its end",
            "e_input_not_certificate",
            &|mut d| {
                d.truncate(d.len() - 40);
                d
            },
        ),
        post(
            "trailing-data-after-certificate",
            "bytes after the Certificate SEQUENCE",
            "e_der_trailing_data",
            &|mut d| {
                d.extend_from_slice(b"\x05\x00junk");
                d
            },
        ),
        m(
            "trailing-data-in-extn-value",
            "subjectAltName extnValue with a byte after the GeneralNames",
            "e_der_trailing_data",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                [san_value(), vec![0x00]].concat(),
            ),
        ),
        m(
            "nesting-too-deep",
            "an extension value nested 80 levels deep",
            "e_der_nesting_too_deep",
            base().ext(
                &ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.1"),
                false,
                deep,
            ),
        ),
        // INTEGER
        m(
            "integer-leading-zero",
            "version INTEGER 2 with a redundant leading 00",
            "e_der_integer_not_minimal",
            base().version_raw(Some(der::explicit(0, &der::tlv(0x02, &[0x00, 0x02])))),
        ),
        m(
            "integer-leading-ff",
            "serialNumber with a redundant leading FF",
            "e_der_integer_not_minimal",
            base().serial_raw(der::tlv(0x02, &[0xff, 0x80, 0x01])),
        ),
        m(
            "integer-empty",
            "serialNumber INTEGER with no content octets",
            "e_der_integer_not_minimal",
            base().serial_raw(der::tlv(0x02, &[])),
        ),
        m(
            "serial-negative",
            "negative serialNumber",
            "e_smime_serial_number_not_positive",
            base().serial_raw(der::tlv(0x02, &[0x85, 0x12, 0x34])),
        ),
        m(
            "serial-21-octets",
            "serialNumber of 21 octets",
            "e_smime_serial_number_too_large",
            base().serial_raw(der::uint(&[0x7f; 21])),
        ),
    ]
}

/// Time and string encodings.
fn times_and_strings() -> Vec<Malformed> {
    vec![
        // Times
        m(
            "utctime-without-seconds",
            "UTCTime YYMMDDhhmmZ",
            "e_smime_rfc5280_validity_time_encoding",
            with_times(der::utc_time("2510010000Z"), der::utc_time("2609302359Z")),
        ),
        m(
            "utctime-with-offset",
            "UTCTime with a +0100 offset instead of Z",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_before(der::utc_time("251001000000+0100")),
        ),
        m(
            "utctime-1950s-not-after",
            "notAfter 2050 written as UTCTime 50…, which reads as 1950",
            "e_smime_rfc5280_validity_not_after_before_not_before",
            with_not_after(der::utc_time("500930235959Z")),
        ),
        m(
            "utctime-february-30",
            "UTCTime on 30 February",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_before(der::utc_time("250230000000Z")),
        ),
        m(
            "utctime-hour-24",
            "UTCTime at hour 24",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_before(der::utc_time("251001240000Z")),
        ),
        m(
            "utctime-non-digit",
            "UTCTime with a letter among the digits",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_before(der::utc_time("2510010a0000Z")),
        ),
        m(
            "generalizedtime-before-2050",
            "GeneralizedTime for a date before 2050",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_before(der::generalized_time("20251001000000Z")),
        ),
        m(
            "generalizedtime-fraction",
            "GeneralizedTime with fractional seconds",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_after(der::generalized_time("20500930235959.5Z")),
        ),
        m(
            "generalizedtime-without-z",
            "GeneralizedTime without the Z (local time)",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_after(der::generalized_time("20500930235959")),
        ),
        m(
            "generalizedtime-with-offset",
            "GeneralizedTime with a -0500 offset",
            "e_smime_rfc5280_validity_time_encoding",
            with_not_after(der::generalized_time("20500930235959-0500")),
        ),
        m(
            "time-wrong-type",
            "notBefore encoded as an INTEGER",
            "e_asn1_field_invalid",
            with_not_before(der::int(1_759_276_800)),
        ),
        // Strings
        m(
            "universalstring-cn",
            "commonName as UniversalString",
            "e_smime_subject_attribute_encoding_invalid",
            with_cn(der::universal(MAILBOX)),
        ),
        m(
            "bmpstring-odd-length",
            "commonName BMPString of an odd number of octets",
            "e_der_string_invalid",
            with_cn(der::tlv(0x1e, &[0x00, 0x61, 0x00])),
        ),
        m(
            "utf8string-invalid",
            "commonName UTF8String holding invalid UTF-8",
            "e_der_string_invalid",
            with_cn(der::tlv(0x0c, b"alice\xff\xfe@example.com")),
        ),
        m(
            "utf8string-overlong",
            "commonName UTF8String with an overlong encoding of '/'",
            "e_der_string_invalid",
            with_cn(der::tlv(0x0c, b"alice\xc0\xafexample.com")),
        ),
        m(
            "printablestring-invalid-char",
            "commonName PrintableString containing '@'",
            "e_der_string_invalid",
            with_cn(der::printable(MAILBOX)),
        ),
        m(
            "ia5string-8bit",
            "emailAddress IA5String with an 8-bit octet",
            "e_der_string_invalid",
            base().subject_raw(name_raw(&[
                (&oid::AT_COMMON_NAME, der::utf8(MAILBOX)),
                (
                    &oid::AT_EMAIL_ADDRESS,
                    der::tlv(0x16, b"al\xe9ce@example.com"),
                ),
            ])),
        ),
        m(
            "unknown-universal-tag",
            "commonName value with the reserved universal tag 15",
            "e_der_unknown_tag",
            with_cn(der::tlv(0x0f, MAILBOX.as_bytes())),
        ),
    ]
}

/// Fields, SIZE (1..MAX) collections and OBJECT IDENTIFIERs.
fn structure() -> Vec<Malformed> {
    vec![
        // Version and fields
        m(
            "version-4",
            "version INTEGER 3 (v4)",
            "e_smime_certificate_not_v3",
            base().version_raw(Some(der::explicit(0, &der::int(3)))),
        ),
        m(
            "version-1-with-extensions",
            "v1 certificate (version absent) with extensions",
            "e_smime_rfc5280_extensions_in_non_v3_certificate",
            base().version_raw(None),
        ),
        m(
            "version-2-with-extensions",
            "v2 certificate with extensions",
            "e_smime_rfc5280_extensions_in_non_v3_certificate",
            base().version_raw(Some(der::explicit(0, &der::int(1)))),
        ),
        m(
            "issuer-unique-id",
            "issuerUniqueID present",
            "e_smime_rfc5280_unique_identifier_present",
            {
                let mut b = base();
                b.issuer_unique_id = Some(der::tlv(0x81, &[0x00, 0xab, 0xcd]));
                b
            },
        ),
        m(
            "subject-unique-id",
            "subjectUniqueID present",
            "e_smime_rfc5280_unique_identifier_present",
            {
                let mut b = base();
                b.subject_unique_id = Some(der::tlv(0x82, &[0x00, 0xab, 0xcd]));
                b
            },
        ),
        m(
            "signature-algorithm-mismatch",
            "signatureAlgorithm differs from tbsCertificate.signature",
            "e_smime_signature_algorithm_fields_mismatch",
            base().signature_algorithm_raw(der::seq(&[
                der::oid("1.2.840.113549.1.1.12"),
                der::null(),
            ])),
        ),
        // Empty SEQUENCE / SET where SIZE (1..MAX)
        m(
            "issuer-empty",
            "issuer Name with no RDNs",
            "e_smime_rfc5280_issuer_empty",
            base().issuer_raw(der::seq(&[])),
        ),
        m(
            "empty-rdn-set",
            "subject RDN that is an empty SET",
            "e_smime_rfc5280_empty_sequence",
            base().subject_raw(der::seq(&[
                der::set(&[der::seq(&[
                    der::oid_of(&oid::AT_COMMON_NAME),
                    der::utf8(MAILBOX),
                ])]),
                der::set(&[]),
            ])),
        ),
        m(
            "empty-extensions",
            "extensions field holding an empty SEQUENCE",
            "e_smime_rfc5280_empty_sequence",
            {
                let mut b = base();
                b.extensions_raw = Some(der::explicit(3, &der::seq(&[])));
                b
            },
        ),
        m(
            "empty-san",
            "subjectAltName with no GeneralName",
            "e_smime_rfc5280_empty_sequence",
            base().ext(&oid::SUBJECT_ALT_NAME, false, der::seq(&[])),
        ),
        m(
            "empty-eku",
            "extKeyUsage with no KeyPurposeId",
            "e_smime_rfc5280_empty_sequence",
            base().ext(&oid::EXT_KEY_USAGE, false, der::seq(&[])),
        ),
        m(
            "empty-certificate-policies",
            "certificatePolicies with no PolicyInformation",
            "e_smime_rfc5280_empty_sequence",
            base().ext(&oid::CERTIFICATE_POLICIES, false, der::seq(&[])),
        ),
        m(
            "unsorted-set-of",
            "multi-valued RDN whose SET OF is not sorted",
            "e_der_set_not_sorted",
            base().subject_raw(der::seq(&[der::set_unsorted(&[
                der::seq(&[der::oid_of(&oid::AT_EMAIL_ADDRESS), der::ia5(MAILBOX)]),
                der::seq(&[der::oid_of(&oid::AT_COMMON_NAME), der::utf8(MAILBOX)]),
            ])])),
        ),
        // OBJECT IDENTIFIER
        m(
            "oid-non-minimal-arc",
            "attribute type OID with a 0x80 padding octet in an arc",
            "e_der_oid_invalid",
            with_cn_oid(der::tlv(0x06, &[0x55, 0x80, 0x04, 0x03])),
        ),
        m(
            "oid-truncated-arc",
            "attribute type OID whose last arc has the continuation bit set",
            "e_der_oid_invalid",
            with_cn_oid(der::tlv(0x06, &[0x55, 0x04, 0x83])),
        ),
        m(
            "oid-empty",
            "attribute type OID with no content octets",
            "e_der_oid_invalid",
            with_cn_oid(der::tlv(0x06, &[])),
        ),
    ]
}

/// BIT STRING and NULL contents, constructed/primitive forms, extension values and keys.
fn values_and_forms() -> Vec<Malformed> {
    let san = oid::SUBJECT_ALT_NAME.as_bytes().to_vec();
    let eku = oid::EXT_KEY_USAGE.as_bytes().to_vec();
    vec![
        // BIT STRING, NULL
        m(
            "bit-string-unused-bits-8",
            "keyUsage BIT STRING claiming 8 unused bits",
            "e_der_bit_string_invalid",
            base().ext(&oid::KEY_USAGE, true, der::tlv(0x03, &[0x08, 0x80])),
        ),
        m(
            "bit-string-unused-bits-set",
            "keyUsage BIT STRING with a 1 in an unused bit",
            "e_der_bit_string_invalid",
            base().ext(&oid::KEY_USAGE, true, der::tlv(0x03, &[0x05, 0xa1])),
        ),
        m(
            "bit-string-empty-with-unused",
            "empty BIT STRING with a non-zero unused-bits count",
            "e_der_bit_string_invalid",
            base().ext(&oid::KEY_USAGE, true, der::tlv(0x03, &[0x03])),
        ),
        m(
            "named-bits-trailing-zero",
            "keyUsage named bit list with a trailing zero octet",
            "e_der_named_bit_list_trailing_zeros",
            base().ext(&oid::KEY_USAGE, true, der::tlv(0x03, &[0x05, 0xa0, 0x00])),
        ),
        m(
            "null-not-empty",
            "algorithm parameters NULL with a content octet",
            "e_der_null_not_empty",
            base()
                .tbs_signature_raw(sha256_rsa(&[0x05, 0x01, 0x00]))
                .signature_algorithm_raw(sha256_rsa(&[0x05, 0x01, 0x00])),
        ),
        // Forms
        m(
            "constructed-octet-string",
            "extnValue OCTET STRING in the constructed form",
            "e_der_wrong_form",
            with_ext_encoding(base(), |e| {
                (e.oid == san).then(|| {
                    der::seq(&[
                        der::tlv(0x06, &e.oid),
                        der::tlv(0x24, &der::octets(&e.value)),
                    ])
                })
            }),
        ),
        m(
            "primitive-sequence",
            "GeneralNames SEQUENCE in the primitive form",
            "e_der_wrong_form",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                der::tlv(0x10, &gn::rfc822(MAILBOX)),
            ),
        ),
        // Extension values of the wrong type
        m(
            "key-usage-octet-string",
            "keyUsage value an OCTET STRING instead of a BIT STRING",
            "e_asn1_field_invalid",
            base().ext(&oid::KEY_USAGE, true, der::octets(&[0x05, 0xa0])),
        ),
        m(
            "eku-integer",
            "extKeyUsage value an INTEGER",
            "e_asn1_field_invalid",
            base().ext(&oid::EXT_KEY_USAGE, false, der::int(1)),
        ),
        m(
            "san-as-set",
            "subjectAltName value a SET instead of a SEQUENCE",
            "e_asn1_field_invalid",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                der::set(&[gn::rfc822(MAILBOX)]),
            ),
        ),
        m(
            "extension-critical-not-boolean",
            "extension critical field an INTEGER",
            "e_asn1_field_invalid",
            with_ext_encoding(base(), |e| {
                (e.oid == eku).then(|| {
                    der::seq(&[der::tlv(0x06, &e.oid), der::int(1), der::octets(&e.value)])
                })
            }),
        ),
        m(
            "basic-constraints-negative-path-len",
            "basicConstraints pathLenConstraint of -1",
            "e_asn1_field_invalid",
            base().ext(&oid::BASIC_CONSTRAINTS, true, der::seq(&[der::int(-1)])),
        ),
        // Keys
        m(
            "public-key-garbage",
            "rsaEncryption subjectPublicKey that is not an RSAPublicKey",
            "e_smime_rsa_public_key_invalid",
            base().spki_raw(der::seq(&[
                der::seq(&[der::oid_of(&oid::RSA_ENCRYPTION), der::null()]),
                der::bits(b"\x30\x0a\x02\x03garbage-key"),
            ])),
        ),
        m(
            "public-key-not-a-bit-string",
            "subjectPublicKey an OCTET STRING",
            "e_asn1_field_invalid",
            base().spki_raw(der::seq(&[
                der::seq(&[der::oid_of(&oid::RSA_ENCRYPTION), der::null()]),
                der::octets(&[0u8; 32]),
            ])),
        ),
    ]
}

/// Encoded DEFAULT values and times outside the validity period.
fn defaults_and_validity() -> Vec<Malformed> {
    vec![
        // DEFAULT values (X.690 11.5)
        m(
            "critical-false-encoded",
            "extension criticality FALSE written out although it is the DEFAULT",
            "e_der_default_value_encoded",
            with_ext_encoding(base(), |e| {
                (e.oid == ext_oid(&oid::SUBJECT_ALT_NAME)).then(|| {
                    der::seq(&[
                        der::tlv(0x06, &e.oid),
                        der::boolean(false),
                        der::octets(&e.value),
                    ])
                })
            }),
        ),
        m(
            "basic-constraints-ca-false-encoded",
            "basicConstraints cA FALSE written out",
            "e_der_default_value_encoded",
            base().ext(
                &oid::BASIC_CONSTRAINTS,
                true,
                der::seq(&[der::boolean(false)]),
            ),
        ),
        m(
            "version-1-encoded",
            "version v1 written out as [0] INTEGER 0",
            "e_der_default_value_encoded",
            base().version_raw(Some(der::explicit(0, &der::int(0)))),
        ),
        m(
            "name-constraints-minimum-zero",
            "sub-CA nameConstraints GeneralSubtree with minimum 0 written out",
            "e_der_default_value_encoded",
            CertBuilder::sub_ca(super::KeyAlg::P256).ext(
                &oid::NAME_CONSTRAINTS,
                true,
                der::seq(&[der::explicit(
                    0,
                    &der::seq(&[[gn::rfc822("example.com"), der::implicit(0, &[0])].concat()]),
                )]),
            ),
        ),
        m(
            "name-relative-to-crl-issuer-unsorted",
            "freshestCRL nameRelativeToCRLIssuer whose implicitly tagged SET OF is not sorted",
            "e_der_set_not_sorted",
            base().ext(
                &oid::FRESHEST_CRL,
                false,
                der::seq(&[der::seq(&[der::explicit(
                    0,
                    &der::explicit(
                        1,
                        &[
                            der::seq(&[der::oid_of(&oid::AT_ORGANIZATION), der::utf8("Example")]),
                            der::seq(&[der::oid_of(&oid::AT_COMMON_NAME), der::utf8("CRL")]),
                        ]
                        .concat(),
                    ),
                )])]),
            ),
        ),
        m(
            "context-tag-wrong-form",
            "subjectAltName rfc822Name [1] in the constructed form",
            "e_asn1_field_invalid",
            base().ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[
                    gn::rfc822(MAILBOX),
                    der::tlv(0xa1, &der::ia5("bob@example.com")),
                ]),
            ),
        ),
        // Times outside the validity (X.690 11.7, 11.8)
        m(
            "generalizedtime-fraction-trailing-zero",
            "issuer dateOfBirth GeneralizedTime with a trailing zero in its fraction",
            "e_der_time_invalid",
            base().issuer_raw(name_raw(&[
                (&oid::AT_COMMON_NAME, der::utf8("CA")),
                (
                    &oid::DATE_OF_BIRTH,
                    der::generalized_time("19700101000000.50Z"),
                ),
            ])),
        ),
    ]
}

/// Tags, BIT STRINGs of the signature and key, IA5Strings and attribute value types.
fn tags_and_names() -> Vec<Malformed> {
    vec![
        // Forms and tags
        m(
            "indefinite-length-primitive",
            "OCTET STRING in an extension value with the indefinite length",
            "e_der_indefinite_length",
            base().push_ext(
                &ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.2"),
                false,
                vec![0x04, 0x80, 0x00, 0x00],
            ),
        ),
        m(
            "real-value",
            "a REAL (universal tag 9) in an extension value",
            "e_der_unknown_tag",
            base().push_ext(
                &ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.3"),
                false,
                der::tlv(0x09, &[0x80, 0x01, 0x01]),
            ),
        ),
        // BIT STRINGs of the signature and the key
        post(
            "signature-bit-string-unused-bits-8",
            "signatureValue BIT STRING claiming 8 unused bits",
            "e_der_bit_string_invalid",
            &|d| bit_string_unused_8(d, false),
        ),
        post(
            "spki-bit-string-unused-bits-8",
            "subjectPublicKey BIT STRING claiming 8 unused bits",
            "e_der_bit_string_invalid",
            &|d| bit_string_unused_8(d, true),
        ),
        // Implicitly tagged IA5Strings
        m(
            "crldp-uri-8bit",
            "cRLDistributionPoints URI with an 8-bit octet",
            "e_der_string_invalid",
            base().ext(
                &oid::CRL_DISTRIBUTION_POINTS,
                false,
                super::ext_values::crldp_full_names(&[vec![der::implicit(
                    6,
                    b"http://crl.example.com/\xe9.crl",
                )]]),
            ),
        ),
        // Attribute value types in every Name
        m(
            "domain-component-printable",
            "issuer domainComponent as PrintableString (IA5String required)",
            "e_smime_rfc5280_name_attribute_type_invalid",
            base().issuer_raw(name_raw(&[
                (&oid::AT_DOMAIN_COMPONENT, der::printable("com")),
                (&oid::AT_COMMON_NAME, der::utf8("CA")),
            ])),
        ),
        m(
            "issuer-cn-oid",
            "issuer commonName as an OBJECT IDENTIFIER",
            "e_smime_rfc5280_name_attribute_type_invalid",
            base().issuer_raw(name_raw(&[(&oid::AT_COMMON_NAME, der::oid("2.5.4.3"))])),
        ),
        m(
            "issuer-country-context-tag",
            "issuer countryName as a context-specific [0]",
            "e_smime_rfc5280_name_attribute_type_invalid",
            base().issuer_raw(name_raw(&[
                (&oid::AT_COUNTRY, der::implicit(0, b"GB")),
                (&oid::AT_COMMON_NAME, der::utf8("CA")),
            ])),
        ),
        m(
            "ca-subject-country-generalizedtime",
            "sub-CA subject countryName as GeneralizedTime",
            "e_smime_rfc5280_name_attribute_type_invalid",
            CertBuilder::sub_ca(super::KeyAlg::P256).subject_raw(name_raw(&[
                (&oid::AT_COUNTRY, der::generalized_time("20250101000000Z")),
                (&oid::AT_ORGANIZATION, der::utf8("Example CA")),
                (&oid::AT_COMMON_NAME, der::utf8("Example S/MIME CA")),
            ])),
        ),
    ]
}
