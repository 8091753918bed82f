//! Certificates that `x509_cert::Certificate::from_der` rejects outright still have every
//! reachable field linted, each defect reported by the lint that names it.

use der::Decode;
use smimelint::cert::oid;
use smimelint_engine::testing::findings;
use smimelint_factory::{der as enc, name_raw, CertBuilder};

fn rejected_by_x509_cert(der: &[u8]) -> bool {
    x509_cert::Certificate::from_der(der).is_err()
}

#[test]
fn utctime_without_seconds_does_not_hide_a_universal_string() {
    let der = CertBuilder::subscriber("mailbox-strict")
        .times_raw(enc::utc_time("2510010000Z"), enc::utc_time("2609300000Z"))
        .subject_raw(name_raw(&[(
            &oid::AT_COMMON_NAME,
            enc::universal("alice@example.com"),
        )]))
        .build();
    assert!(rejected_by_x509_cert(&der));
    let f = findings(&der);
    assert!(f.contains(&"e_asn1_field_invalid"), "{f:?}");
    assert!(f.contains(&"e_der_unknown_tag"), "{f:?}");
}

#[test]
fn each_encoding_defect_is_found_where_it_is() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "e_der_boolean_not_canonical",
            CertBuilder::subscriber("mailbox-strict")
                .patch(&[0x01, 0x01, 0xff], &[0x01, 0x01, 0x01])
                .build(),
        ),
        (
            "e_der_integer_not_minimal",
            CertBuilder::subscriber("mailbox-strict")
                .serial_raw(enc::tlv(0x02, &[0x00, 0x05]))
                .build(),
        ),
        (
            "e_der_trailing_data",
            [
                CertBuilder::subscriber("mailbox-strict").build(),
                vec![0x00],
            ]
            .concat(),
        ),
    ];
    for (lint, der) in cases {
        assert!(
            rejected_by_x509_cert(&der),
            "{lint}: x509-cert should reject this"
        );
        let f = findings(&der);
        assert!(f.contains(&lint), "{lint} not in {f:?}");
        assert!(
            !f.contains(&"e_input_not_certificate"),
            "{lint}: still linted, {f:?}"
        );
    }
}

#[test]
fn a_non_minimal_length_inside_an_extension_value_is_reported_once() {
    // The SAN value SEQUENCE re-encoded with a long-form length.
    let san = enc::tlv(0x30, &smimelint_factory::gn::rfc822("alice@example.com"));
    let mut long = vec![0x30, 0x81, san[1]];
    long.extend_from_slice(&san[2..]);
    // Certificate::from_der leaves extension values opaque; decoding the value is what fails.
    assert!(x509_cert::ext::pkix::SubjectAltName::from_der(&long).is_err());
    let der = CertBuilder::subscriber("mailbox-strict")
        .ext(&oid::SUBJECT_ALT_NAME, false, long)
        .build();
    let f = findings(&der);
    assert_eq!(
        f,
        ["e_der_length_not_minimal"],
        "the strict decoder's complaint is not repeated"
    );
}
