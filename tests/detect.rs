//! Kind, type and generation detection.

use smimelint::cert::{oid, Cert};
use smimelint::detect::{detect, DetectOptions, Kind, PolicyMap, TypeSource};
use smimelint_factory::{ext, name, CertBuilder};

fn profile_of(der: &[u8], opts: &DetectOptions<'_>) -> (Kind, Option<String>, Option<TypeSource>) {
    let cert = Cert::parse(der).expect("certificate");
    let p = detect(&cert, opts);
    (p.kind, p.cert_type.map(|t| t.to_string()), p.source)
}

#[test]
fn reserved_policy_oid_decides_type_and_generation() {
    for t in smimelint::detect::CertType::all() {
        let der = CertBuilder::subscriber(&t.to_string()).build();
        let p = profile_of(&der, &DetectOptions::default());
        assert_eq!(
            p,
            (
                Kind::Subscriber,
                Some(t.to_string()),
                Some(TypeSource::Policy)
            )
        );
    }
}

#[test]
fn extra_ca_policies_do_not_hide_the_reserved_one() {
    let der = CertBuilder::subscriber("sponsored-multipurpose")
        .policies(&["1.3.6.1.4.1.99999.7", "2.23.140.1.5.3.2"])
        .build();
    let p = profile_of(&der, &DetectOptions::default());
    assert_eq!(p.1.as_deref(), Some("sponsored-multipurpose"));
}

#[test]
fn guesses_follow_the_subject() {
    let cases = [
        (vec![("CN", "alice@example.com")], "mailbox-legacy"),
        (
            vec![("O", "Example Ltd"), ("CN", "Example Ltd")],
            "organization-legacy",
        ),
        (
            vec![("O", "Example Ltd"), ("GN", "Alice"), ("SN", "Smith")],
            "sponsored-legacy",
        ),
        (
            vec![("O", "Example Ltd"), ("CN", "Alice Smith")],
            "sponsored-legacy",
        ),
        (vec![("GN", "Alice"), ("SN", "Smith")], "individual-legacy"),
        (vec![("pseudonym", "Ace")], "individual-legacy"),
    ];
    for (attrs, expected) in cases {
        let der = CertBuilder::subscriber("mailbox-strict")
            .policies(&["1.3.6.1.4.1.99999.1"])
            .subject(&attrs)
            .build();
        let p = profile_of(&der, &DetectOptions::default());
        assert_eq!(p.1.as_deref(), Some(expected), "{attrs:?}");
        assert_eq!(p.2, Some(TypeSource::Guess));
        let no_guess = DetectOptions {
            guess: false,
            ..Default::default()
        };
        assert_eq!(profile_of(&der, &no_guess), (Kind::Subscriber, None, None));
    }
}

#[test]
fn override_beats_policy_and_map_beats_guess() {
    let der = CertBuilder::subscriber("mailbox-strict").build();
    let opts = DetectOptions {
        override_type: Some("individual-legacy".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(profile_of(&der, &opts).2, Some(TypeSource::Override));
    let custom = CertBuilder::subscriber("mailbox-strict")
        .policies(&["1.2.3.4"])
        .build();
    let map = PolicyMap::parse("1.2.3.4 organization-strict").unwrap();
    let opts = DetectOptions {
        policy_map: Some(&map),
        ..Default::default()
    };
    let p = profile_of(&custom, &opts);
    assert_eq!(
        (p.1.as_deref(), p.2),
        (Some("organization-strict"), Some(TypeSource::Map))
    );
}

#[test]
fn ca_certificates_are_roots_or_subordinates() {
    let ca_name = name(&[("C", "GB"), ("O", "Example CA Ltd"), ("CN", "Example Root")]);
    let bc = ext::basic_constraints(true, None);
    // Self-issued but signed by another key (its AKI names the issuing key): a subordinate CA,
    // e.g. a key-rollover certificate.
    let self_issued = CertBuilder::subscriber("mailbox-strict")
        .subject_raw(ca_name.clone())
        .issuer_raw(ca_name)
        .ext(&oid::BASIC_CONSTRAINTS, true, bc.clone())
        .build();
    assert_eq!(
        profile_of(&self_issued, &DetectOptions::default()).0,
        Kind::SubordinateCa
    );
    // Self-issued and self-signed: a root.
    let root = CertBuilder::root_ca(smimelint_factory::KeyAlg::Rsa2048).build();
    assert_eq!(
        profile_of(&root, &DetectOptions::default()),
        (Kind::RootCa, None, None)
    );
    let sub = CertBuilder::subscriber("mailbox-strict")
        .subject(&[
            ("C", "GB"),
            ("O", "Example CA Ltd"),
            ("CN", "Example Sub CA"),
        ])
        .ext(&oid::BASIC_CONSTRAINTS, true, bc)
        .build();
    assert_eq!(
        profile_of(&sub, &DetectOptions::default()).0,
        Kind::SubordinateCa
    );
    let not_ca = CertBuilder::subscriber("mailbox-strict")
        .ext(
            &oid::BASIC_CONSTRAINTS,
            true,
            ext::basic_constraints(false, None),
        )
        .build();
    assert_eq!(
        profile_of(&not_ca, &DetectOptions::default()).0,
        Kind::Subscriber
    );
}
