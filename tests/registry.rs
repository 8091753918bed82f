//! Every registered lint carries complete metadata; names are unique, well-formed public API.

use smimelint::registry::{self, Level};
use std::collections::HashSet;

#[test]
fn names_are_unique_snake_case_with_a_level_prefix() {
    let mut seen = HashSet::new();
    for l in registry::all() {
        assert!(seen.insert(l.name), "duplicate lint name {}", l.name);
        assert!(
            l.name.starts_with("e_") || l.name.starts_with("w_") || l.name.starts_with("n_"),
            "{} lacks an e_/w_/n_ prefix",
            l.name
        );
        assert!(
            l.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{} is not snake_case",
            l.name
        );
        let expected = match &l.name[..2] {
            "w_" => Level::Warn,
            "n_" => Level::Notice,
            _ => Level::Error,
        };
        assert_eq!(l.level(), expected);
    }
    assert!(registry::find("e_der_unknown_tag").is_some());
    assert!(registry::find("e_nope").is_none());
}

#[test]
fn metadata_and_documentation_are_complete() {
    for l in registry::all() {
        assert!(!l.description.is_empty(), "{}: description", l.name);
        if l.name != "e_internal_error" {
            assert!(!l.citation.is_empty(), "{}: citation", l.name);
        }
        for section in ["## What it checks", "## Why"] {
            assert!(
                l.docs.contains(section),
                "{}: docs lack '{section}'",
                l.name
            );
        }
        if l.ineffective.is_some() {
            assert!(l.ineffective > Some(l.effective), "{}: dates", l.name);
        }
        if l.source == registry::Source::Sbr {
            assert!(
                l.ballot.is_some(),
                "{}: SBR lints name their ballot",
                l.name
            );
            assert!(
                l.citation.starts_with("SBR"),
                "{}: citation names the SBR",
                l.name
            );
        }
    }
}

/// Rules of RFCs and X.690 take their own publication dates, never the SBR's: a certificate
/// issued before the SBR took effect is still held to them.
#[test]
fn rfc_and_x690_lints_are_effective_from_their_own_publication() {
    use smimelint::registry::Source;
    use smimelint::time::date;
    let mut checked = 0;
    for l in registry::all() {
        let latest = match l.source {
            Source::Rfc5280 => date(2008, 5, 1),
            Source::X690 => date(2008, 5, 1),
            Source::Rfc6818 => date(2013, 1, 1),
            Source::Rfc9598 => date(2024, 5, 1),
            Source::Rfc6960 => date(2013, 6, 1),
            Source::Sbr | Source::Smimelint => continue,
        };
        assert!(
            l.effective <= latest,
            "{} ({}) takes effect after its source was published",
            l.name,
            l.source.as_str()
        );
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} RFC/X.690 lints found");
}

/// A certificate issued in 2019, long before the SBR, evaluated at its notBefore (the default):
/// its RFC 5280 and X.690 violations are reported, its SBR-only rules are not yet in force.
#[test]
fn rfc5280_and_x690_violations_of_a_2019_certificate_are_reported() {
    use smimelint::cert::oid;
    use smimelint::registry::Status;
    use smimelint::time::date;
    use smimelint_factory::{der, name_raw, CertBuilder};

    let subject = name_raw(&[
        (&oid::AT_COMMON_NAME, der::utf8("Alice Example")),
        // RFC 5280 Appendix A: emailAddress is an IA5String.
        (&oid::AT_EMAIL_ADDRESS, der::utf8("alice@example.com")),
    ]);
    let cert = CertBuilder::subscriber("mailbox-legacy")
        .validity(date(2019, 3, 1), date(2020, 3, 1))
        .subject_raw(subject)
        // RFC 5280 4.2.1.4: a policy OID appears at most once.
        .policies(&["1.3.6.1.4.1.99999.1.1", "1.3.6.1.4.1.99999.1.1"])
        // RFC 5280 4.1.2.2: the serial number is positive; X.690 8.3.2: an INTEGER has no
        // redundant leading octet.
        .serial_raw(der::tlv(0x02, &[0x00, 0x00]))
        .build();
    let result = smimelint_engine::testing::lint_all(&cert);
    let status = |name: &str| {
        result
            .findings
            .iter()
            .find(|f| f.lint == name)
            .map(|f| f.status)
            .unwrap_or_else(|| panic!("{name} reports no result"))
    };
    for lint in [
        "e_smime_rfc5280_name_attribute_type_invalid",
        "e_smime_rfc5280_duplicate_policy_oid",
        "e_smime_serial_number_not_positive",
        "e_der_integer_not_minimal",
    ] {
        assert_eq!(status(lint), Status::Error, "{lint}: {result:#?}");
    }
    // An SBR rule is not in force at a 2019 notBefore.
    assert_eq!(
        status("e_smime_reserved_policy_oid_missing"),
        Status::NotEffective
    );
}
