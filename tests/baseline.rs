//! The factory's baseline certificates satisfy every lint: the starting point of every
//! lint test is clean, so a test's violation is the only thing it shows.

use smimelint::detect::CertType;
use smimelint_engine::testing::findings;
use smimelint_factory::{CertBuilder, KeyAlg};

#[test]
fn every_type_and_generation_is_clean() {
    for t in CertType::all() {
        let der = CertBuilder::subscriber_with_key(t, KeyAlg::Rsa2048).build();
        assert_eq!(findings(&der), Vec::<&str>::new(), "{t}");
    }
}

#[test]
fn every_key_algorithm_is_clean() {
    for alg in KeyAlg::ALL {
        let t: CertType = "mailbox-strict".parse().unwrap();
        let der = CertBuilder::subscriber_with_key(t, alg).build();
        assert_eq!(findings(&der), Vec::<&str>::new(), "{alg:?}");
    }
}

#[test]
fn tbs_is_linted_too() {
    let tbs = CertBuilder::subscriber("organization-strict").build_tbs();
    assert_eq!(findings(&tbs), Vec::<&str>::new());
    let r = smimelint_engine::testing::lint_all(&tbs);
    assert_eq!(r.form, Some("tbs"));
}
