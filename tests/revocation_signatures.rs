//! CRL and OCSP signatures verified with the issuing CA's key for every algorithm the SBR allows
//! (SBR 7.1.3.2): RSA, ECDSA P-256/384/521, Ed25519, Ed448, ML-DSA-44/65/87. Each document
//! signed by its CA passes; the same document signed by another key of that algorithm fails.

use smimelint::engine::{Linter, Options};
use smimelint::registry::Status;
use smimelint_factory::crl::CrlBuilder;
use smimelint_factory::ocsp::OcspBuilder;
use smimelint_factory::{CertBuilder, KeyAlg};

const ALGS: [KeyAlg; 9] = [
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

fn status(der: &[u8], issuer: &[u8], lint: &str) -> Status {
    let opts = Options {
        issuer: Some(issuer.into()),
        include_passes: true,
        ..Default::default()
    };
    let r = Linter::new(opts).lint_der("doc".into(), der);
    r.findings
        .iter()
        .find(|f| f.lint == lint)
        .unwrap_or_else(|| panic!("{lint} not run: {r:#?}"))
        .status
}

#[test]
fn crl_signatures_of_every_algorithm() {
    for alg in ALGS {
        let ca = CertBuilder::sub_ca(alg);
        let issuer = ca.build();
        let good = CrlBuilder::new(&ca).build();
        let forged = CrlBuilder::new(&ca).signing_key(alg, 991).build();
        assert_eq!(
            status(&good, &issuer, "e_crl_signature_invalid"),
            Status::Pass,
            "{alg:?}"
        );
        assert_eq!(
            status(&forged, &issuer, "e_crl_signature_invalid"),
            Status::Error,
            "{alg:?}"
        );
    }
}

#[test]
fn ocsp_signatures_of_every_algorithm() {
    for alg in ALGS {
        let ca = CertBuilder::sub_ca(alg);
        let issuer = ca.build();
        let leaf = CertBuilder::subscriber("mailbox-strict").issued_by(&ca);
        let good = OcspBuilder::new(&ca, &leaf).build();
        let forged = OcspBuilder::new(&ca, &leaf).signing_key(alg, 991).build();
        assert_eq!(
            status(&good, &issuer, "e_ocsp_signature_invalid"),
            Status::Pass,
            "{alg:?}"
        );
        assert_eq!(
            status(&forged, &issuer, "e_ocsp_signature_invalid"),
            Status::Error,
            "{alg:?}"
        );
    }
}
