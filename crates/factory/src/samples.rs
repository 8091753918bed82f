//! The sample certificates committed under `testdata/certs/`: a clean certificate for every type,
//! generation and key algorithm, and defective ones named for the defect they show.
//! `tests/testdata.rs` checks that the committed files equal what the factory builds and that
//! their findings equal `testdata/expected.json`.

use super::{der, ext, gn, CertBuilder, KeyAlg};
use smimelint_cert::oid;
use smimelint_cert::types::CertType;
use smimelint_der::time::date;

/// One sample: file stem and builder.
pub struct Sample {
    pub name: String,
    pub builder: CertBuilder,
    /// Written as an unsigned TBSCertificate instead of a certificate.
    pub tbs: bool,
}

impl Sample {
    pub fn der(&self) -> Vec<u8> {
        if self.tbs {
            self.builder.build_tbs()
        } else {
            self.builder.build()
        }
    }
    pub fn pem(&self) -> String {
        let label = if self.tbs {
            "TBS CERTIFICATE"
        } else {
            "CERTIFICATE"
        };
        super::pem(label, &self.der())
    }
}

fn sample(name: &str, builder: CertBuilder) -> Sample {
    Sample {
        name: name.to_string(),
        builder,
        tbs: false,
    }
}

/// Every sample, in a stable order.
pub fn samples() -> Vec<Sample> {
    let mut out = Vec::new();
    for t in CertType::all() {
        out.push(sample(
            &format!("{t}-rsa2048"),
            CertBuilder::subscriber_with_key(t, KeyAlg::Rsa2048),
        ));
    }
    let strict: CertType = "mailbox-strict".parse().expect("type");
    for alg in KeyAlg::ALL.into_iter().filter(|a| *a != KeyAlg::Rsa2048) {
        out.push(sample(
            &format!("mailbox-strict-{}", alg.name()),
            CertBuilder::subscriber_with_key(strict, alg),
        ));
    }
    out.push(Sample {
        name: "tbs-organization-strict".into(),
        builder: CertBuilder::subscriber("organization-strict"),
        tbs: true,
    });
    let base = || CertBuilder::subscriber("mailbox-strict");
    let defects: Vec<(&str, CertBuilder)> = vec![
        ("bad-eku-missing", base().without_ext(&oid::EXT_KEY_USAGE)),
        (
            "bad-eku-client-auth-in-strict",
            base().eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_CLIENT_AUTH]),
        ),
        (
            "bad-eku-server-auth",
            base().eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH]),
        ),
        (
            "bad-policies-missing",
            base().without_ext(&oid::CERTIFICATE_POLICIES),
        ),
        (
            "bad-policies-two-reserved",
            base().policies(&["2.23.140.1.5.1.3", "2.23.140.1.5.2.3"]),
        ),
        (
            "bad-policies-cps-ftp",
            base().ext(
                &oid::CERTIFICATE_POLICIES,
                false,
                der::seq(&[ext::policy_info(
                    "2.23.140.1.5.1.3",
                    &[ext::cps_qualifier("ftp://example.com/cps")],
                )]),
            ),
        ),
        (
            "bad-legacy-after-sunset",
            CertBuilder::subscriber("sponsored-legacy")
                .validity(date(2025, 9, 1), date(2026, 9, 1)),
        ),
        ("bad-serial-zero", base().serial_raw(der::int(0))),
        (
            "bad-serial-non-minimal",
            base().serial_raw(der::tlv(0x02, &[0x00, 0x05])),
        ),
        (
            "bad-utctime-without-seconds",
            base().times_raw(der::utc_time("2510010000Z"), der::utc_time("2609300000Z")),
        ),
        (
            "bad-universalstring-cn",
            base().subject_raw(super::name_raw(&[(
                &oid::AT_COMMON_NAME,
                der::universal("alice@example.com"),
            )])),
        ),
        (
            "bad-duplicate-san",
            base().push_ext(
                &oid::SUBJECT_ALT_NAME,
                false,
                ext::general_names(&[gn::rfc822("alice@example.com")]),
            ),
        ),
        (
            "bad-boolean-not-der",
            base().patch(&[0x01, 0x01, 0xff], &[0x01, 0x01, 0x01]),
        ),
        ("bad-version-1-with-extensions", base().version_raw(None)),
    ];
    out.extend(defects.into_iter().map(|(n, b)| sample(n, b)));
    out.extend(ca_samples());
    out
}

/// Root and S/MIME sub-CA certificates of the test hierarchies, and defective CAs.
fn ca_samples() -> Vec<Sample> {
    let mut out = Vec::new();
    for alg in [KeyAlg::Rsa2048, KeyAlg::P384, KeyAlg::MlDsa65] {
        let h = super::Hierarchy::new(alg);
        out.push(sample(&format!("root-ca-{}", alg.name()), h.root));
        out.push(sample(&format!("sub-ca-{}", alg.name()), h.sub_ca));
    }
    let sub = || CertBuilder::sub_ca(KeyAlg::Rsa2048);
    let defects: Vec<(&str, CertBuilder)> = vec![
        (
            "bad-root-eku-present",
            CertBuilder::root_ca(KeyAlg::Rsa2048).eku(&[&oid::KP_EMAIL_PROTECTION]),
        ),
        (
            "bad-subca-eku-server-auth",
            sub().eku(&[&oid::KP_EMAIL_PROTECTION, &oid::KP_SERVER_AUTH]),
        ),
        (
            "bad-subca-policies-missing",
            sub().without_ext(&oid::CERTIFICATE_POLICIES),
        ),
    ];
    out.extend(defects.into_iter().map(|(n, b)| sample(n, b)));
    out.extend(key_defects().into_iter().map(|(n, b)| sample(n, b)));
    out
}

/// Keys, algorithms, validity and serial numbers.
fn key_defects() -> Vec<(&'static str, CertBuilder)> {
    use super::keys::{rsa_key_of_size, rsa_public_key, spki_algorithm};
    use super::{KeyPair, SUBJECT_SEED};
    let strict: CertType = "mailbox-strict".parse().expect("type");
    let with_key = |alg| CertBuilder::subscriber_with_key(strict, alg);
    let key = |alg| KeyPair::get(alg, SUBJECT_SEED).public_key_bytes();
    let rsa = |n: &[u8], e: &[u8]| {
        with_key(KeyAlg::Rsa2048).subject_key_raw(
            spki_algorithm(KeyAlg::Rsa2048),
            0,
            &rsa_public_key(n, e),
        )
    };
    let real = KeyPair::get(KeyAlg::Rsa2048, SUBJECT_SEED)
        .rsa_parts()
        .expect("RSA");
    let small = rsa_key_of_size(1024, 1);
    let mut off_curve = key(KeyAlg::P256);
    if let Some(last) = off_curve.last_mut() {
        *last ^= 1;
    }
    let nb = super::DEFAULT_NOT_BEFORE;
    let early = date(2025, 6, 1);
    vec![
        (
            "bad-spki-rsa-without-null",
            with_key(KeyAlg::Rsa2048).subject_key_raw(
                &der::unhex("300b06092a864886f70d010101"),
                0,
                &key(KeyAlg::Rsa2048),
            ),
        ),
        (
            "bad-spki-x25519",
            with_key(KeyAlg::Ed25519).subject_key_raw(
                &der::unhex("300506032b656e"),
                0,
                &key(KeyAlg::Ed25519),
            ),
        ),
        (
            "bad-signature-sha1-rsa",
            with_key(KeyAlg::Rsa2048)
                .tbs_signature_raw(der::unhex("300d06092a864886f70d0101050500")),
        ),
        ("bad-rsa-1024-bit-modulus", rsa(&small.n, &small.e)),
        ("bad-rsa-exponent-3", rsa(&real.n, &[3])),
        (
            "bad-ec-point-off-curve",
            with_key(KeyAlg::P256).subject_key_raw(spki_algorithm(KeyAlg::P256), 0, &off_curve),
        ),
        (
            "bad-mldsa-before-smc013",
            with_key(KeyAlg::MlDsa65).validity(early, early + 365 * 86_400 - 1),
        ),
        (
            "bad-validity-826-days",
            with_key(KeyAlg::Rsa2048).validity(nb, nb + 825 * 86_400),
        ),
        (
            "bad-serial-63-bits",
            with_key(KeyAlg::Rsa2048).serial_raw(der::uint(&[0x7f, 1, 2, 3, 4, 5, 6, 7])),
        ),
    ]
}
