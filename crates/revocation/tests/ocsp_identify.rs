//! Responder and CertID identification, and lenient time fields, on factory-built responses.

use smimelint_cert::Cert;
use smimelint_factory::ocsp::{by_name, responder_cert, OcspBuilder};
use smimelint_factory::{der, CertBuilder, KeyAlg};
use smimelint_revocation::ocsp::{CertIdHash, Ocsp};

fn ca_and_leaf() -> (CertBuilder, CertBuilder) {
    let ca = CertBuilder::sub_ca(KeyAlg::P256);
    let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
    (ca, leaf)
}

#[test]
fn responder_id_designates_the_signer() {
    let (ca, leaf) = ca_and_leaf();
    let ca_der = ca.build();
    let ca_cert = Cert::parse(&ca_der).unwrap();
    let by_key = OcspBuilder::new(&ca, &leaf).build();
    let o = Ocsp::parse(&by_key).unwrap();
    assert!(o.responder_is(&ca_cert));
    assert!(o.responder_cert().is_none(), "certs is omitted");
    let named = OcspBuilder::new(&ca, &leaf)
        .responder_id_raw(by_name(&ca.subject))
        .build();
    assert!(Ocsp::parse(&named).unwrap().responder_is(&ca_cert));
    let delegated = OcspBuilder::delegated(&ca, &leaf).build();
    let o = Ocsp::parse(&delegated).unwrap();
    assert!(!o.responder_is(&ca_cert));
    let found = o
        .responder_cert()
        .expect("the responder certificate is in certs");
    assert_eq!(found.der, responder_cert(&ca).build());
}

#[test]
fn cert_id_hashes_compare_with_the_issuer() {
    let (ca, leaf) = ca_and_leaf();
    let ca_der = ca.build();
    let ca_cert = Cert::parse(&ca_der).unwrap();
    let other_der = CertBuilder::root_ca(KeyAlg::Rsa2048).build();
    let other = Cert::parse(&other_der).unwrap();
    let resp = OcspBuilder::new(&ca, &leaf).build();
    let o = Ocsp::parse(&resp).unwrap();
    let id = o.responses[0].cert_id.unwrap();
    let m = id.matches_issuer(&ca_cert).unwrap();
    assert_eq!((m.hash, m.name, m.key), (CertIdHash::Sha1, true, true));
    let m = id.matches_issuer(&other).unwrap();
    assert_eq!((m.name, m.key), (false, false));
}

#[test]
fn a_utc_time_is_kept_and_recorded_as_a_field_error() {
    let (ca, leaf) = ca_and_leaf();
    let resp = OcspBuilder::new(&ca, &leaf)
        .produced_at_raw(der::time(smimelint_factory::ocsp::PRODUCED_AT))
        .build();
    let o = Ocsp::parse(&resp).unwrap();
    assert_eq!(o.produced_at.as_ref().unwrap().tlv.tag, 0x17);
    assert!(o
        .field_errors
        .iter()
        .any(|e| e.field.contains("producedAt")));
    assert_eq!(o.responses.len(), 1);
    assert!(o.responses[0].errors.is_empty());
}
