use super::*;
use crate::test_support::{children, raw, verify_signed};
use crate::{gn, CertBuilder, KeyAlg};
use ::der::{Decode, Encode};
use smimelint_cert::verify::Verdict;
use x509_cert::crl::CertificateList;
use x509_cert::ext::pkix::crl::dp::IssuingDistributionPoint;
use x509_cert::ext::pkix::crl::{BaseCrlNumber, CrlReason};
use x509_cert::ext::pkix::AuthorityKeyIdentifier;
use x509_cert::ext::Extension;
use x509_cert::time::Time;
use x509_cert::Certificate;

const SIGNING_KEYS: [KeyAlg; 9] = [
    KeyAlg::Rsa2048,
    KeyAlg::P256,
    KeyAlg::P384,
    KeyAlg::P521,
    KeyAlg::Ed25519,
    KeyAlg::Ed448,
    KeyAlg::MlDsa44,
    KeyAlg::MlDsa65,
    KeyAlg::MlDsa87,
];

fn parse(der: &[u8]) -> CertificateList {
    CertificateList::from_der(der).expect("x509-cert parses the CRL")
}

fn find<'a>(exts: &'a [Extension], o: &ObjectIdentifier) -> &'a Extension {
    exts.iter()
        .find(|e| &e.extn_id == o)
        .expect("extension present")
}

fn secs(t: &Time) -> u64 {
    t.to_unix_duration().as_secs()
}

#[test]
fn default_crl_meets_rfc5280_and_sbr_for_every_signing_key() {
    for alg in SIGNING_KEYS {
        let ca = CertBuilder::sub_ca(alg);
        let ca_cert = Certificate::from_der(&ca.build()).unwrap();
        let der = CrlBuilder::new(&ca).build();
        let crl = parse(&der);
        let tbs = &crl.tbs_cert_list;
        assert_eq!(tbs.version, x509_cert::Version::V2, "{alg:?}");
        // The algorithm a certificate issued by the same CA names, in both places.
        let leaf = CertBuilder::subscriber("mailbox-strict")
            .issued_by(&ca)
            .build();
        let leaf_alg = Certificate::from_der(&leaf)
            .unwrap()
            .signature_algorithm()
            .clone();
        assert_eq!(tbs.signature, leaf_alg, "{alg:?}");
        assert_eq!(crl.signature_algorithm, leaf_alg, "{alg:?}");
        assert_eq!(tbs.issuer, ca_cert.tbs_certificate().subject().clone());
        let (this, next) = (&tbs.this_update, tbs.next_update.as_ref().unwrap());
        assert!(matches!((this, next), (Time::UtcTime(_), Time::UtcTime(_))));
        assert_eq!(secs(next) - secs(this), 7 * 86_400);
        let entries = tbs.revoked_certificates.as_ref().unwrap();
        assert_eq!(entries.len(), 3);
        for e in entries {
            let exts = e.crl_entry_extensions.as_ref().unwrap();
            let rc = find(exts, &ext::REASON_CODE);
            assert!(!rc.critical);
            let reason = CrlReason::from_der(rc.extn_value.as_bytes()).unwrap();
            assert_ne!(reason, CrlReason::Unspecified);
            assert!(secs(&e.revocation_date) < secs(this));
        }
        let exts = tbs.crl_extensions.as_ref().unwrap();
        let aki = find(exts, &ext::AUTHORITY_KEY_IDENTIFIER);
        assert!(!aki.critical);
        let aki = AuthorityKeyIdentifier::from_der(aki.extn_value.as_bytes()).unwrap();
        let ski = find(
            ca_cert.tbs_certificate().extensions().unwrap(),
            &crate::oid::SUBJECT_KEY_IDENTIFIER,
        );
        let ski = ::der::asn1::OctetString::from_der(ski.extn_value.as_bytes()).unwrap();
        assert_eq!(aki.key_identifier, Some(ski), "{alg:?}");
        assert!(!find(exts, &ext::CRL_NUMBER).critical);
        assert_eq!(exts.len(), 2);
        assert_eq!(verify_signed(&der, ca.subject_key_id()), Verdict::Valid);
    }
}

#[test]
fn signature_knobs() {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let other = CrlBuilder::new(&ca).signing_key(KeyAlg::P256, 7).build();
    assert!(matches!(
        verify_signed(&other, ca.subject_key_id()),
        Verdict::Invalid(_)
    ));
    let crl = CrlBuilder::new(&ca)
        .tbs_signature_raw(SigAlg::EcdsaSha384.der().to_vec())
        .signature_algorithm_raw(SigAlg::EcdsaSha512.der().to_vec());
    let der = crl.build();
    let parts = children(&der);
    assert_eq!(raw(children(&raw(parts[0]))[1]), SigAlg::EcdsaSha384.der());
    assert_eq!(raw(parts[1]), SigAlg::EcdsaSha512.der());
    assert_eq!(raw(parts[0]), crl.build_tbs());
    let pss =
        CrlBuilder::new(&CertBuilder::sub_ca(KeyAlg::Rsa2048)).sign_with(SigAlg::RsaPssSha256);
    assert_eq!(verify_signed(&pss.build(), pss.signer), Verdict::Valid);
    let pem = pss.build_pem();
    assert!(pem.starts_with("-----BEGIN X509 CRL-----\n"));
}

#[test]
fn field_knobs() {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let base = || CrlBuilder::new(&ca);
    let tbs = base().version_raw(None).build_tbs();
    assert_eq!(raw(children(&tbs)[0]), SigAlg::EcdsaSha256.der());
    let tbs = base().issuer_raw(der::seq(&[])).build_tbs();
    assert_eq!(raw(children(&tbs)[2]), [0x30, 0]);

    let crl = parse(&base().next_update(None).build());
    assert_eq!(crl.tbs_cert_list.next_update, None);
    let crl = parse(&base().this_update(date(2050, 1, 1)).build());
    assert!(matches!(
        crl.tbs_cert_list.this_update,
        Time::GeneralTime(_)
    ));
    let tbs = base()
        .this_update_raw(der::generalized_time("20251015000000Z"))
        .build_tbs();
    assert_eq!(
        raw(children(&tbs)[3]),
        der::generalized_time("20251015000000Z")
    );

    let crl = parse(&base().entries(Vec::new()).build());
    assert_eq!(crl.tbs_cert_list.revoked_certificates, None);
    let crl = parse(&base().empty_revoked().build());
    assert_eq!(crl.tbs_cert_list.revoked_certificates, Some(Vec::new()));
    let crl = parse(&base().extensions_raw(Some(Vec::new())).build());
    assert_eq!(crl.tbs_cert_list.crl_extensions, None);
}

#[test]
fn entry_knobs() {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let names = [gn::directory_name(&ca.subject)];
    let entry = Entry::new(&[0x80, 1], THIS_UPDATE - 86_400)
        .reason(reason::CERTIFICATE_HOLD, true)
        .invalidity_date(date(2025, 10, 1))
        .certificate_issuer(&names, true);
    let crl = parse(&CrlBuilder::new(&ca).entries(vec![entry]).build());
    let e = &crl.tbs_cert_list.revoked_certificates.unwrap()[0];
    assert_eq!(e.serial_number.as_bytes(), [0, 0x80, 1]);
    let exts = e.crl_entry_extensions.as_ref().unwrap();
    let rc = find(exts, &ext::REASON_CODE);
    assert!(rc.critical);
    let reason = CrlReason::from_der(rc.extn_value.as_bytes()).unwrap();
    assert_eq!(reason, CrlReason::CertificateHold);
    let inv = find(exts, &ext::INVALIDITY_DATE).extn_value.as_bytes();
    let inv = ::der::asn1::GeneralizedTime::from_der(inv).unwrap();
    assert_eq!(inv.to_unix_duration().as_secs(), date(2025, 10, 1) as u64);
    let ci = find(exts, &ext::CERTIFICATE_ISSUER);
    assert_eq!(ci.extn_value.as_bytes(), der::seq(&names));

    let odd = Entry::new(&[1], THIS_UPDATE)
        .serial_raw(&[0xff, 0xfe])
        .date_raw(der::generalized_time("20251001000000Z"));
    assert_eq!(
        odd.der(),
        der::seq(&[
            vec![2, 2, 0xff, 0xfe],
            der::generalized_time("20251001000000Z")
        ])
    );
    let mut empty = Entry::new(&[1], THIS_UPDATE);
    empty.empty_extensions = true;
    assert_eq!(children(&empty.der()).len(), 3);
}

#[test]
fn extension_knobs() {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let idp = Idp {
        only_ca_certs: true,
        only_some_reasons: Some(vec![1, 2]),
        indirect_crl: true,
        only_attribute_certs: true,
        ..Idp::uris(&["http://crl.example.com/a.crl"])
    };
    let unknown = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.99999.1");
    let der = CrlBuilder::new(&ca)
        .aki_issuer_serial(&[gn::directory_name(&ca.subject)], &[0x2a])
        .critical(&ext::CRL_NUMBER, true)
        .delta_crl_indicator(&[0x0f])
        .idp(&idp, true)
        .ext(&unknown, true, der::null())
        .build();
    let crl = parse(&der);
    let exts = crl.tbs_cert_list.crl_extensions.unwrap();
    let aki = find(&exts, &ext::AUTHORITY_KEY_IDENTIFIER)
        .extn_value
        .as_bytes();
    let aki = AuthorityKeyIdentifier::from_der(aki).unwrap();
    assert_eq!(aki.key_identifier, None);
    assert_eq!(aki.authority_cert_serial_number.unwrap().as_bytes(), [0x2a]);
    assert!(find(&exts, &ext::CRL_NUMBER).critical);
    let delta = find(&exts, &ext::DELTA_CRL_INDICATOR);
    assert!(delta.critical);
    let base = BaseCrlNumber::from_der(delta.extn_value.as_bytes()).unwrap();
    assert_eq!(base.0.as_bytes(), [0x0f]);
    let e = find(&exts, &ext::ISSUING_DISTRIBUTION_POINT);
    assert!(e.critical);
    let parsed = IssuingDistributionPoint::from_der(e.extn_value.as_bytes()).unwrap();
    assert!(parsed.distribution_point.is_some());
    assert!(!parsed.only_contains_user_certs && parsed.only_contains_ca_certs);
    assert!(parsed.indirect_crl && parsed.only_contains_attribute_certs);
    let reasons = parsed.only_some_reasons.unwrap().to_der().unwrap();
    // Bits 1 and 2 (keyCompromise, cACompromise): 0110 0000, five unused bits.
    assert_eq!(reasons, [0x03, 0x02, 0x05, 0x60]);
    assert!(find(&exts, &unknown).critical);
    let dup = CrlBuilder::new(&ca).push_ext(&ext::CRL_NUMBER, false, ext::crl_number(&[1]));
    assert_eq!(dup.extensions.len(), 3);
    let none = CrlBuilder::new(&ca).without_ext(&ext::CRL_NUMBER);
    assert_eq!(none.extensions.len(), 1);
}

fn large(ca: &CertBuilder, n: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let written = write_large_crl(&mut out, ca, n).unwrap();
    assert_eq!(written, out.len() as u64);
    out
}

#[test]
fn large_crl_parses_and_verifies() {
    for alg in [KeyAlg::Rsa2048, KeyAlg::P384] {
        let ca = CertBuilder::sub_ca(alg);
        let der = large(&ca, 1000);
        let crl = parse(&der);
        let entries = crl.tbs_cert_list.revoked_certificates.unwrap();
        assert_eq!(entries.len(), 1000);
        let serials: Vec<&[u8]> = entries.iter().map(|e| e.serial_number.as_bytes()).collect();
        assert!(serials.iter().all(|s| s.len() == 16));
        assert!(serials.windows(2).all(|w| w[0] < w[1]), "increasing");
        let with_reason = entries
            .iter()
            .filter(|e| e.crl_entry_extensions.is_some())
            .count();
        assert_eq!(with_reason, 250);
        assert_eq!(
            verify_signed(&der, ca.subject_key_id()),
            Verdict::Valid,
            "{alg:?}"
        );
        // The fields around the entries are those of the default CRL.
        let small = parse(&CrlBuilder::new(&ca).build()).tbs_cert_list;
        assert_eq!(crl.tbs_cert_list.crl_extensions, small.crl_extensions);
        assert_eq!(crl.tbs_cert_list.next_update, small.next_update);
    }
}

#[test]
fn large_crl_without_entries_is_the_default_crl_without_entries() {
    for alg in [KeyAlg::Rsa2048, KeyAlg::P256] {
        let ca = CertBuilder::sub_ca(alg);
        // PKCS#1 v1.5 and RFC 6979 ECDSA are deterministic, so the bytes must agree.
        assert_eq!(
            large(&ca, 0),
            CrlBuilder::new(&ca).entries(Vec::new()).build()
        );
    }
    let ed = CertBuilder::sub_ca(KeyAlg::Ed25519);
    assert!(write_large_crl(&mut Vec::new(), &ed, 10).is_err());
}

#[test]
#[ignore = "timing: cargo test --release -p smimelint-factory -- --ignored --nocapture"]
fn large_crl_million_entries() {
    let ca = CertBuilder::sub_ca(KeyAlg::Rsa2048);
    let start = std::time::Instant::now();
    let mut w = std::io::BufWriter::new(std::io::sink());
    let size = write_large_crl(&mut w, &ca, 1_000_000).unwrap();
    println!("1,000,000 entries: {size} octets in {:?}", start.elapsed());
    assert!((35_000_000..45_000_000).contains(&size));
}
