//! DER structures that are not certificates, CRLs or OCSP responses (requests, keys, CMS messages) get
//! one fatal `e_input_not_certificate` record naming what they look like, in the library and
//! in the CLI, while certificates and TBSCertificates, even damaged ones, are still linted.
//!
//! The inputs are built here from their ASN.1 definitions (RFC 2986, RFC 5280 5.1, RFC 5958,
//! RFC 5915, RFC 8017, RFC 6960, RFC 5652, RFC 7292), with factory keys and DER helpers; the
//! private key bytes are a fixed pattern that must never appear in any output.

use smimelint::engine::{Linter, NOT_A_CERTIFICATE};
use smimelint::registry::Status;
use smimelint_factory::der::{bits, explicit, int, octets, oid, seq, set, tlv, uint, utc_time};
use smimelint_factory::{name, pem, CertBuilder, KeyAlg, KeyPair, SigAlg};
use std::path::PathBuf;
use std::process::Command;

/// Stand-in private key bytes: distinctive, so a leak into any output is easy to find.
const SECRET: &[u8] = b"\x5e\xc7\xe7\x00PRIVATE-KEY-BYTES-MUST-NOT-LEAK";

const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const P256: &str = "1.2.840.10045.3.1.7";

fn key() -> &'static KeyPair {
    KeyPair::get(KeyAlg::P256, 1)
}

fn signed(tbs: Vec<u8>) -> Vec<u8> {
    let sig = key().sign(SigAlg::EcdsaSha256, &tbs).expect("sign");
    seq(&[tbs, SigAlg::EcdsaSha256.der().to_vec(), bits(&sig)])
}

fn ec_algorithm() -> Vec<u8> {
    seq(&[oid(EC_PUBLIC_KEY), oid(P256)])
}

fn request_info() -> Vec<u8> {
    seq(&[
        int(0),
        name(&[("CN", "alice@example.com")]),
        key().spki_der(),
        explicit(0, &[]),
    ])
}

fn csr() -> Vec<u8> {
    signed(request_info())
}

fn tbs_cert_list(with_version: bool) -> Vec<u8> {
    let mut fields = Vec::new();
    if with_version {
        fields.push(int(1));
    }
    fields.extend([
        SigAlg::EcdsaSha256.der().to_vec(),
        name(&[("CN", "Example CA")]),
        utc_time("250101000000Z"),
        utc_time("250201000000Z"),
        seq(&[seq(&[int(4711), utc_time("241231000000Z")])]),
    ]);
    if with_version {
        // crlNumber 7
        fields.push(explicit(
            0,
            &seq(&[seq(&[oid("2.5.29.20"), octets(&int(7))])]),
        ));
    }
    seq(&fields)
}

fn crl() -> Vec<u8> {
    signed(tbs_cert_list(true))
}

fn sec1_key() -> Vec<u8> {
    seq(&[
        int(1),
        octets(SECRET),
        explicit(0, &oid(P256)),
        explicit(1, &bits(&key().public_key_bytes())),
    ])
}

fn pkcs8_key() -> Vec<u8> {
    // The SEC1 key inside omits the curve: the AlgorithmIdentifier names it.
    let inner = seq(&[
        int(1),
        octets(SECRET),
        explicit(1, &bits(&key().public_key_bytes())),
    ]);
    seq(&[int(0), ec_algorithm(), octets(&inner)])
}

fn ocsp_response() -> Vec<u8> {
    let basic = seq(&[seq(&[explicit(2, &octets(&[0x11; 20]))])]);
    seq(&[
        tlv(0x0a, &[0]),
        explicit(0, &seq(&[oid("1.3.6.1.5.5.7.48.1.1"), octets(&basic)])),
    ])
}

fn cms_signed_data() -> Vec<u8> {
    let signed_data = seq(&[
        int(1),
        set(&[]),
        seq(&[oid("1.2.840.113549.1.7.1")]),
        set(&[]),
    ]);
    seq(&[oid("1.2.840.113549.1.7.2"), explicit(0, &signed_data)])
}

fn ocsp_request() -> Vec<u8> {
    let sha1 = seq(&[oid("1.3.14.3.2.26"), tlv(0x05, &[])]);
    let cert_id = seq(&[sha1, octets(&[1; 20]), octets(&[2; 20]), int(4711)]);
    seq(&[seq(&[seq(&[seq(&[cert_id])])])])
}

fn rsa_private_key() -> Vec<u8> {
    let mut fields = vec![int(0)];
    fields.extend((0..8).map(|i| uint(&[SECRET[i], 1, 2, 3])));
    seq(&fields)
}

fn pkcs12() -> Vec<u8> {
    let auth_safe = seq(&[oid("1.2.840.113549.1.7.1"), explicit(0, &octets(SECRET))]);
    let mac = seq(&[
        seq(&[seq(&[oid("2.16.840.1.101.3.4.2.1")]), octets(&[3; 32])]),
        octets(&[4; 8]),
        int(2048),
    ]);
    seq(&[int(3), auth_safe, mac])
}

/// Every non-certificate and the words its finding must contain.
fn non_certificates() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        ("csr", csr(), "a PKCS#10 certificate request"),
        (
            "csr-unsigned",
            request_info(),
            "a PKCS#10 certificate request",
        ),
        ("pkcs8", pkcs8_key(), "a private key (PKCS#8)"),
        ("sec1", sec1_key(), "a private key (SEC1)"),
        (
            "rsa-private",
            rsa_private_key(),
            "a private key (PKCS#1 RSA)",
        ),
        (
            "pkcs8-encrypted",
            seq(&[
                seq(&[oid("1.2.840.113549.1.5.13"), seq(&[])]),
                octets(SECRET),
            ]),
            "an encrypted private key (PKCS#8)",
        ),
        ("pkcs12", pkcs12(), "a PKCS#12 file"),
        (
            "spki",
            key().spki_der(),
            "a public key (SubjectPublicKeyInfo)",
        ),
        (
            "rsa-public",
            seq(&[uint(&[0xc5; 256]), int(65537)]),
            "a public key (PKCS#1 RSA)",
        ),
        ("ocsp-request", ocsp_request(), "an OCSP request"),
        ("cms", cms_signed_data(), "a CMS/PKCS#7 message"),
    ]
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn assert_no_secret(text: &str) {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&SECRET[..30]);
    for needle in [
        hex(SECRET),
        hex(SECRET).to_uppercase(),
        "PRIVATE-KEY-BYTES".to_string(),
        b64[..24].to_string(),
    ] {
        assert!(!text.contains(&needle), "key material in output: {text}");
    }
}

#[test]
fn each_non_certificate_is_one_fatal_record_naming_its_kind() {
    let linter = Linter::default();
    for (what, der, kind) in non_certificates() {
        let r = linter.lint_der(what.into(), &der);
        assert_eq!(r.findings.len(), 1, "{what}: {r:#?}");
        let f = &r.findings[0];
        assert_eq!(f.lint, NOT_A_CERTIFICATE, "{what}: {r:#?}");
        assert_eq!(f.status, Status::Fatal, "{what}");
        let details = f.details.as_deref().unwrap_or("");
        assert!(details.contains(kind), "{what}: {details}");
        assert_eq!(r.form, None, "{what}");
        assert_no_secret(&serde_json::to_string(&r).unwrap());
    }
}

/// CRLs and OCSP responses are documents smimelint lints: each is one record of its own form,
/// not a refused certificate.
#[test]
fn crls_and_ocsp_responses_are_linted_as_such() {
    let linter = Linter::default();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("crl", crl(), "crl"),
        ("crl-v1", signed(tbs_cert_list(false)), "crl"),
        ("crl-unsigned", tbs_cert_list(true), "tbs-crl"),
        ("crl-v1-unsigned", tbs_cert_list(false), "tbs-crl"),
        ("ocsp-response", ocsp_response(), "ocsp"),
        ("ocsp-unsuccessful", seq(&[tlv(0x0a, &[6])]), "ocsp"),
    ];
    for (what, der, form) in cases {
        let r = linter.lint_der(what.into(), &der);
        assert_eq!(r.form, Some(form), "{what}: {r:#?}");
        assert!(
            r.findings.iter().all(|f| f.lint != NOT_A_CERTIFICATE),
            "{what}: {r:#?}"
        );
    }
}

/// Certificates and TBSCertificates, also ones whose first fields resemble another structure,
/// are linted as such.
#[test]
fn certificates_are_still_linted() {
    let linter = Linter::default();
    let b = || CertBuilder::subscriber("mailbox-strict");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("certificate", b().build(), "certificate"),
        ("tbs", b().build_tbs(), "tbs"),
        // v1 with serial 0 or 1: the version and serial PKCS#8 and SEC1 keys start with.
        (
            "v1-serial-0",
            b().version_raw(None).serial_raw(int(0)).build(),
            "certificate",
        ),
        (
            "v1-serial-1-tbs",
            b().version_raw(None).serial_raw(int(1)).build_tbs(),
            "tbs",
        ),
        // A missing signature algorithm puts the issuer Name where a request has its subject.
        (
            "v1-no-tbs-signature",
            b().version_raw(None)
                .serial_raw(int(0))
                .tbs_signature_raw(Vec::new())
                .build(),
            "certificate",
        ),
        // Validity times without their SEQUENCE, where a CRL has its thisUpdate and
        // nextUpdate.
        (
            "validity-unwrapped",
            {
                let mut c = b();
                c.validity_raw =
                    Some([utc_time("250101000000Z"), utc_time("260101000000Z")].concat());
                c.build()
            },
            "certificate",
        ),
        // Validity times of the wrong type.
        (
            "times-as-integers",
            b().times_raw(int(1), int(2)).build(),
            "certificate",
        ),
        (
            "sub-ca",
            CertBuilder::sub_ca(KeyAlg::P256).build(),
            "certificate",
        ),
    ];
    for (what, der, form) in cases {
        let r = linter.lint_der(what.into(), &der);
        assert_eq!(r.form, Some(form), "{what}: {r:#?}");
        assert!(
            r.findings.iter().all(|f| f.lint != NOT_A_CERTIFICATE),
            "{what}: {r:#?}"
        );
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smimelint-noncert-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lint_files(
    dir: &std::path::Path,
    files: &[(&str, Vec<u8>)],
) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let mut paths = Vec::new();
    for (file, data) in files {
        let p = dir.join(file);
        std::fs::write(&p, data).unwrap();
        paths.push(p);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_smimelint"))
        .args(["lint", "--fail-on", "fatal", "--format", "jsonl"])
        .args(&paths)
        .output()
        .expect("run smimelint");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let records = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let all = format!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    (out.status.code(), records, all)
}

#[test]
fn cli_fails_on_fatal_for_der_non_certificates() {
    let dir = temp_dir("der");
    let files = [
        ("key.der", pkcs8_key()),
        ("csr.der", csr()),
        ("ec.der", sec1_key()),
        ("ocsp-request.der", ocsp_request()),
        ("cms.der", cms_signed_data()),
    ];
    let kinds = [
        "a private key (PKCS#8)",
        "a PKCS#10 certificate request",
        "a private key (SEC1)",
        "an OCSP request",
        "a CMS/PKCS#7 message",
    ];
    let (code, records, all) = lint_files(&dir, &files);
    assert_eq!(code, Some(1), "{all}");
    assert_eq!(records.len(), files.len(), "{all}");
    for ((r, (file, _)), kind) in records.iter().zip(&files).zip(kinds) {
        assert!(r["input"].as_str().unwrap().ends_with(file), "{r}");
        let findings = r["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{r}");
        assert_eq!(findings[0]["lint"], NOT_A_CERTIFICATE, "{r}");
        assert_eq!(findings[0]["status"], "fatal", "{r}");
        assert!(
            findings[0]["details"].as_str().unwrap().contains(kind),
            "{r}"
        );
    }
    assert_no_secret(&all);

    // The same run on a certificate passes the fatal threshold.
    let (code, records, all) = lint_files(
        &dir,
        &[(
            "cert.der",
            CertBuilder::subscriber("mailbox-strict").build(),
        )],
    );
    assert_eq!(code, Some(0), "{all}");
    assert_eq!(records.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cli_names_the_kind_of_pem_blocks() {
    let dir = temp_dir("pem");
    let text = [
        pem("PRIVATE KEY", &pkcs8_key()),
        pem("EC PRIVATE KEY", &sec1_key()),
        pem("CERTIFICATE REQUEST", &csr()),
        pem("PKCS7", &cms_signed_data()),
    ]
    .concat();
    let (code, records, all) = lint_files(&dir, &[("mixed.pem", text.into_bytes())]);
    assert_eq!(code, Some(1), "{all}");
    let kinds = [
        "a private key (PKCS#8)",
        "a private key (SEC1)",
        "a PKCS#10 certificate request",
        "a CMS/PKCS#7 message",
    ];
    assert_eq!(records.len(), kinds.len(), "{all}");
    for (r, kind) in records.iter().zip(kinds) {
        let findings = r["findings"].as_array().unwrap();
        assert_eq!(findings.len(), 1, "{r}");
        assert_eq!(findings[0]["lint"], NOT_A_CERTIFICATE, "{r}");
        assert!(
            findings[0]["details"].as_str().unwrap().contains(kind),
            "{r}"
        );
    }
    assert_no_secret(&all);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_secret_pattern_is_findable() {
    // The leak check above would be vacuous if it could not see the key bytes.
    let dump = format!("{}{}", hex(SECRET), String::from_utf8_lossy(SECRET));
    let caught = std::panic::catch_unwind(|| assert_no_secret(&dump));
    assert!(caught.is_err());
}

/// Structure-aware mutants of certificates (the fuzzer's mutator) are never taken for a request,
/// a CRL, a private key or a message: only a public key can come out of a certificate, when a
/// mutation moves its key (or the signature algorithm and value) to the top.
#[test]
fn certificate_mutants_are_not_taken_for_other_structures() {
    let bases = smimelint_factory::mutate::bases();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut refused = 0;
    for i in 0..20_000 {
        let len = 3 + (next() % 24) as usize;
        let script: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let mutant = smimelint_factory::mutate::mutate(&bases[i % bases.len()], &script);
        if let Err(e) = smimelint::cert::Cert::parse(&mutant) {
            if e.0.contains("looks like") {
                refused += 1;
                assert!(e.0.contains("a public key"), "mutant {i}: {}", e.0);
            }
        }
    }
    // The sweep reaches the recogniser (about 1 in 1,000 mutants is a bare public key).
    assert!(refused > 0);
}
