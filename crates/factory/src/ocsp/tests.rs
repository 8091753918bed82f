use super::*;
use crate::crl::reason;
use crate::test_support::{children, inner, raw, verify_signed};
use crate::{oid, KeyAlg};
use ::der::asn1::{AnyRef, GeneralizedTime, ObjectIdentifier as Oid};
use ::der::{Decode, Encode};
use sha1::{Digest, Sha1};
use smimelint_cert::verify::Verdict;
use smimelint_der::time::date;
use x509_cert::Certificate;

/// (ca, subscriber) for one key algorithm.
fn pair(alg: KeyAlg) -> (CertBuilder, CertBuilder) {
    let ca = CertBuilder::sub_ca(alg);
    let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
    (ca, leaf)
}

/// OCSPResponse → (status value, responseType OID, BasicOCSPResponse DER).
fn unwrap_response(der: &[u8]) -> (u8, Oid, Vec<u8>) {
    let top = children(der);
    assert_eq!(top.len(), 2, "responseBytes present");
    assert_eq!(raw(top[0])[..2], [0x0a, 0x01]);
    let bytes = children(top[1].value());
    let oid = Oid::from_der(&raw(bytes[0])).unwrap();
    let basic = ::der::asn1::OctetString::from_der(&raw(bytes[1])).unwrap();
    (top[0].value()[0], oid, basic.as_bytes().to_vec())
}

fn gen_time(any: AnyRef<'_>) -> u64 {
    GeneralizedTime::from_der(&raw(any))
        .expect("GeneralizedTime")
        .to_unix_duration()
        .as_secs()
}

fn spk_sha1(cert: &[u8]) -> Vec<u8> {
    let c = Certificate::from_der(cert).unwrap();
    let bits = c
        .tbs_certificate()
        .subject_public_key_info()
        .subject_public_key
        .raw_bytes();
    Sha1::digest(bits).to_vec()
}

#[test]
fn default_response_meets_rfc6960_and_sbr_for_every_signing_key() {
    for alg in [
        KeyAlg::Rsa2048,
        KeyAlg::P384,
        KeyAlg::Ed25519,
        KeyAlg::MlDsa65,
    ] {
        let (ca, leaf) = pair(alg);
        let (ca_der, leaf_der) = (ca.build(), leaf.build());
        let (status, rtype, basic) = unwrap_response(&OcspBuilder::new(&ca, &leaf).build());
        assert_eq!(status, 0);
        assert_eq!(rtype, Oid::new_unwrap("1.3.6.1.5.5.7.48.1.1"));
        assert_eq!(
            verify_signed(&basic, ca.subject_key_id()),
            Verdict::Valid,
            "{alg:?}"
        );
        let parts = children(&basic);
        assert_eq!(parts.len(), 3, "no certs when the CA signs");
        let leaf_cert = Certificate::from_der(&leaf_der).unwrap();
        assert_eq!(
            raw(parts[1]),
            leaf_cert.signature_algorithm().to_der().unwrap()
        );

        let data = inner(parts[0]);
        assert_eq!(data.len(), 3, "v1 by default, no responseExtensions");
        // byKey [2] EXPLICIT OCTET STRING of SHA-1 over the key bits.
        assert_eq!(raw(data[0])[0], 0xa2);
        assert_eq!(inner(data[0])[0].value(), spk_sha1(&ca_der));
        let produced = gen_time(data[1]);
        let singles = inner(data[2]);
        assert_eq!(singles.len(), 1);
        let s = inner(singles[0]);
        let id = inner(s[0]);
        assert_eq!(raw(id[0]), der::unhex("300906052b0e03021a0500"));
        let ca_cert = Certificate::from_der(&ca_der).unwrap();
        let name = ca_cert.tbs_certificate().subject().to_der().unwrap();
        assert_eq!(id[1].value(), Sha1::digest(&name).as_slice());
        assert_eq!(id[2].value(), spk_sha1(&ca_der));
        assert_eq!(
            id[3].value(),
            leaf_cert.tbs_certificate().serial_number().as_bytes()
        );
        assert_eq!(raw(s[1]), [0x80, 0x00], "good");
        let this = gen_time(s[2]);
        assert_eq!(raw(s[3])[0], 0xa0);
        let next = gen_time(inner(s[3])[0]);
        assert!(this <= produced);
        assert!((8 * 3600..=10 * 86_400).contains(&(next - this)));
        assert_eq!(s.len(), 4, "no singleExtensions");
    }
}

#[test]
fn delegated_responder() {
    let (ca, leaf) = pair(KeyAlg::P256);
    let responder = responder_cert(&ca);
    let resp = OcspBuilder::delegated(&ca, &leaf);
    let (_, _, basic) = unwrap_response(&resp.build());
    assert_eq!(
        verify_signed(&basic, responder.subject_key_id()),
        Verdict::Valid
    );
    assert_eq!(resp.build_basic(), basic);
    let parts = children(&basic);
    let certs = children(parts[3].value());
    assert_eq!(certs.len(), 1);
    let cert_der = raw(certs[0]);
    assert_eq!(cert_der, responder.build());
    assert_eq!(
        verify_signed(&cert_der, ca.subject_key_id()),
        Verdict::Valid
    );
    let cert = Certificate::from_der(&cert_der).unwrap();
    let ca_cert = Certificate::from_der(&ca.build()).unwrap();
    assert_eq!(
        cert.tbs_certificate().issuer(),
        ca_cert.tbs_certificate().subject()
    );
    let exts = cert.tbs_certificate().extensions().unwrap();
    let get = |o: &ObjectIdentifier| {
        exts.iter()
            .find(|e| &e.extn_id == o)
            .map(|e| e.extn_value.as_bytes())
    };
    let eku = get(&oid::EXT_KEY_USAGE).unwrap();
    assert_eq!(eku, der::seq(&[der::oid("1.3.6.1.5.5.7.3.9")]));
    assert_eq!(get(&NOCHECK), Some(&[0x05, 0x00][..]));
    let data = inner(parts[0]);
    assert_eq!(inner(data[0])[0].value(), spk_sha1(&cert_der));
    assert_ne!(spk_sha1(&cert_der), spk_sha1(&ca.build()));

    let no_nocheck = responder_cert(&ca).without_ext(&NOCHECK);
    let b = OcspBuilder::new(&ca, &leaf)
        .responder(&no_nocheck)
        .build_basic();
    assert_eq!(
        raw(children(children(&b)[3].value())[0]),
        no_nocheck.build()
    );
}

#[test]
fn status_knobs() {
    let (ca, leaf) = pair(KeyAlg::P256);
    let base = || OcspBuilder::new(&ca, &leaf);
    assert_eq!(
        base().unsuccessful(status::TRY_LATER).build(),
        der::unhex("30030a0103")
    );
    let with_bytes = base().status_raw(der::tlv(0x0a, &[1])).build();
    assert_eq!(children(&with_bytes).len(), 2);
    let without = base().response_bytes(false).build();
    assert_eq!(without, der::unhex("30030a0100"));
    let other = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.99");
    let (_, rtype, _) = unwrap_response(&base().response_type(&other).build());
    assert_eq!(rtype.to_string(), "1.3.6.1.5.5.7.48.1.99");
    assert!(base()
        .build_pem()
        .starts_with("-----BEGIN OCSP RESPONSE-----\n"));
}

#[test]
fn response_data_knobs() {
    let (ca, leaf) = pair(KeyAlg::P256);
    let base = || OcspBuilder::new(&ca, &leaf);
    let data = base()
        .version_raw(Some(der::explicit(0, &der::int(0))))
        .build_tbs();
    assert_eq!(raw(children(&data)[0]), der::unhex("a003020100"));
    let data = base().responder_id_raw(by_name(&ca.subject)).build_tbs();
    assert_eq!(raw(children(&data)[0]), der::explicit(1, &ca.subject));
    let data = base()
        .produced_at_raw(der::utc_time("251015120000Z"))
        .build_tbs();
    assert_eq!(raw(children(&data)[1]), der::utc_time("251015120000Z"));
    let data = base().produced_at(date(2025, 10, 16)).build_tbs();
    assert_eq!(gen_time(children(&data)[1]), date(2025, 10, 16) as u64);
    let data = base().nonce(&[7; 16]).build_tbs();
    let exts = children(&data)[3];
    assert_eq!(raw(exts)[0], 0xa1);
    let nonce = inner(inner(exts)[0])[0];
    assert_eq!(raw(inner(nonce)[0]), der::oid("1.3.6.1.5.5.7.48.1.2"));
    assert_eq!(inner(nonce)[1].value(), der::octets(&[7; 16]));

    let bad_alg = SigAlg::EcdsaSha512.der().to_vec();
    let basic = base()
        .signature_algorithm_raw(bad_alg.clone())
        .build_basic();
    assert_eq!(raw(children(&basic)[1]), bad_alg);
    let basic = base()
        .certs_raw(Some(der::explicit(0, &der::seq(&[]))))
        .build_basic();
    assert_eq!(raw(children(&basic)[3]), [0xa0, 0x02, 0x30, 0x00]);
    let wrong_key = base().signing_key(KeyAlg::P256, 9).build_basic();
    assert!(matches!(
        verify_signed(&wrong_key, ca.subject_key_id()),
        Verdict::Invalid(_)
    ));
}

#[test]
fn single_response_knobs() {
    let (ca, leaf) = pair(KeyAlg::P256);
    let one = |f: fn(SingleResponse) -> SingleResponse| {
        let data = OcspBuilder::new(&ca, &leaf).each_response(f).build_tbs();
        let singles = inner(children(&data)[2])[0];
        inner(singles).into_iter().map(raw).collect::<Vec<_>>()
    };
    let revoked = one(|s| s.revoked(date(2025, 10, 1), Some(reason::KEY_COMPROMISE)));
    let mut want = der::generalized_time("20251001000000Z");
    want.extend([0xa0, 0x03, 0x0a, 0x01, 0x01]);
    assert_eq!(revoked[1], der::explicit(1, &want));
    let no_reason = one(|s| s.revoked(date(2025, 10, 1), None));
    assert_eq!(
        no_reason[1],
        der::explicit(1, &der::generalized_time("20251001000000Z"))
    );
    assert_eq!(one(|s| s.status(CertStatus::Unknown))[1], [0x82, 0x00]);
    let no_next = one(|s| s.next_update(None));
    assert_eq!(no_next.len(), 3);
    let raw_times = one(|s| {
        s.this_update_raw(der::utc_time("251015120000Z"))
            .next_update_raw(Some(der::utc_time("251019120000Z")))
    });
    assert_eq!(raw_times[2], der::utc_time("251015120000Z"));
    assert_eq!(
        raw_times[3],
        der::explicit(0, &der::utc_time("251019120000Z"))
    );
    let with_ext = one(|s| s.reason_code_ext(reason::SUPERSEDED));
    let ext = der::seq(&[der::oid("2.5.29.21"), der::octets(&[0x0a, 0x01, 0x04])]);
    assert_eq!(with_ext[4], der::explicit(1, &der::seq(&[ext])));
}
