//! The factory's CRL samples (one good CRL and variants, then one per single defect) linted
//! with every lint: the good ones get no CRL finding, and each bad one is flagged by the lint
//! written for its defect. The samples are linted with their issuing CA as `--issuer` and, so
//! that the scope-dependent rules run, in an explicit scope.

use crate::crl::testing::*;
use smimelint_engine::linter::Options;
use smimelint_engine::revocation_context::Scope;
use smimelint_engine::testing::lint_with;
use smimelint_factory::revocation_samples::{revocation_samples, Kind, RevocationSample};

/// Bad sample → the lint meant for its defect.
const FLAGGED_BY: [(&str, &str); 47] = [
    ("crl-bad-version-absent", "e_crl_version_not_v2"),
    ("crl-bad-version-v1-explicit", "e_crl_version_not_v2"),
    ("crl-bad-version-v3", "e_crl_version_not_v2"),
    (
        "crl-bad-signature-algorithm-mismatch",
        "e_crl_signature_algorithm_mismatch",
    ),
    (
        "crl-bad-signature-hash-p256-sha512",
        "e_crl_signature_algorithm_key_mismatch",
    ),
    ("crl-bad-signature-invalid", "e_crl_signature_invalid"),
    ("crl-bad-issuer-empty", "e_crl_issuer_empty"),
    ("crl-bad-issuer-other-ca", "e_crl_issuer_name_mismatch"),
    (
        "crl-bad-this-update-generalized",
        "e_crl_update_time_encoding",
    ),
    (
        "crl-bad-next-update-generalized",
        "e_crl_update_time_encoding",
    ),
    (
        "crl-bad-this-update-no-seconds",
        "e_crl_update_time_encoding",
    ),
    ("crl-bad-next-update-absent", "e_crl_next_update_missing"),
    (
        "crl-bad-next-update-11-days",
        "e_crl_next_update_over_10_days",
    ),
    (
        "crl-bad-next-update-before-this-update",
        "e_crl_next_update_before_this_update",
    ),
    ("crl-bad-revoked-empty", "e_crl_revoked_certificates_empty"),
    (
        "crl-bad-entry-reason-critical",
        "e_crl_reason_code_critical",
    ),
    (
        "crl-bad-entry-reason-unspecified",
        "e_crl_reason_code_unspecified",
    ),
    ("crl-bad-entry-reason-value-7", "e_crl_reason_code_invalid"),
    (
        "crl-bad-entry-serial-negative",
        "e_crl_entry_serial_not_positive",
    ),
    (
        "crl-bad-entry-serial-zero",
        "e_crl_entry_serial_not_positive",
    ),
    // X.690's minimal-INTEGER rule, a lint of the encoding topic.
    (
        "crl-bad-entry-serial-not-minimal",
        "e_der_integer_not_minimal",
    ),
    (
        "crl-bad-entry-serial-21-octets",
        "e_crl_entry_serial_too_long",
    ),
    (
        "crl-bad-entry-serial-duplicate",
        "e_crl_entry_serial_duplicate",
    ),
    (
        "crl-bad-entry-date-generalized",
        "e_crl_revocation_date_encoding",
    ),
    (
        "crl-bad-entry-invalidity-date-utc",
        "e_crl_invalidity_date_not_generalized",
    ),
    (
        "crl-bad-entry-certificate-issuer-non-critical",
        "e_crl_certificate_issuer_not_critical",
    ),
    (
        "crl-bad-entry-extensions-empty",
        "e_crl_entry_extensions_empty",
    ),
    (
        "crl-bad-entry-unknown-critical-extension",
        "e_crl_entry_critical_extension_unknown",
    ),
    ("crl-bad-aki-missing", "e_crl_aki_missing"),
    ("crl-bad-aki-critical", "e_crl_aki_critical"),
    ("crl-bad-aki-issuer-serial", "e_crl_aki_key_id_missing"),
    ("crl-bad-aki-key-id-mismatch", "e_crl_aki_issuer_mismatch"),
    ("crl-bad-crl-number-missing", "e_crl_number_missing"),
    ("crl-bad-crl-number-critical", "e_crl_number_critical"),
    ("crl-bad-crl-number-negative", "e_crl_number_out_of_range"),
    ("crl-bad-crl-number-21-octets", "e_crl_number_out_of_range"),
    ("crl-bad-crl-number-duplicate", "e_crl_extension_duplicate"),
    (
        "crl-bad-delta-indicator-non-critical",
        "e_crl_delta_indicator_not_critical",
    ),
    ("crl-bad-idp-non-critical", "e_crl_idp_not_critical"),
    ("crl-bad-idp-empty", "e_crl_idp_empty"),
    (
        "crl-bad-idp-user-and-ca",
        "e_crl_idp_only_contains_multiple",
    ),
    (
        "crl-bad-idp-attribute-certs",
        "e_crl_idp_only_attribute_certs",
    ),
    (
        "crl-bad-unknown-critical-extension",
        "e_crl_critical_extension_unknown",
    ),
    // SIZE (1..MAX) of crlExtensions is the structure topic's rule.
    ("crl-bad-extensions-empty", "e_smime_rfc5280_empty_sequence"),
    (
        "crl-bad-freshest-crl-in-delta",
        "e_crl_freshest_crl_in_delta",
    ),
    // An empty signature cannot verify with the CA's key.
    ("crl-bad-signature-value-empty", "e_crl_signature_invalid"),
    // A DEFAULT FALSE written out is X.690 11.5's rule, for the encoding topic.
    ("crl-bad-idp-false-encoded", "e_der_default_value_encoded"),
];

/// CRL findings that come with a sample's defect besides the lint meant for it.
const ALSO: [(&str, &[&str]); 3] = [
    // The outer algorithm is SHA-384 for a P-256 key, and the signature was made with SHA-256.
    (
        "crl-bad-signature-algorithm-mismatch",
        &[
            "e_crl_signature_algorithm_key_mismatch",
            "e_crl_signature_invalid",
        ],
    ),
    // An empty Name is not the CA's subject.
    ("crl-bad-issuer-empty", &["e_crl_issuer_name_mismatch"]),
    // Without crlExtensions there is no authorityKeyIdentifier and no cRLNumber.
    (
        "crl-bad-extensions-empty",
        &["e_crl_aki_missing", "e_crl_number_missing"],
    ),
];

/// Bad samples no lint of this topic is written for:
/// - `crl-bad-entry-reason-remove-from-crl`: RFC 5280 §5.3.1 and §5.2.4 use removeFromCRL (8)
///   in delta CRLs; it is a defined CRLReason, and an entry lint sees the entry, not whether
///   the CRL is a delta CRL.
/// - `crl-bad-entry-date-after-this-update`: neither RFC 5280 §5.1.2.6 nor the SBR bounds
///   revocationDate by thisUpdate (zlint's `e_crl_revocation_time_after_this_update` infers it).
const NOT_OURS: [&str; 2] = [
    "crl-bad-entry-reason-remove-from-crl",
    "crl-bad-entry-date-after-this-update",
];

fn crl_samples() -> Vec<RevocationSample> {
    let all: Vec<RevocationSample> = revocation_samples()
        .into_iter()
        .filter(|s| s.kind == Kind::Crl)
        .collect();
    assert!(all.len() >= 50, "only {} CRL samples", all.len());
    all
}

/// The lints reporting a finding on `sample`, linted with its CA as issuer in `scope`.
fn findings(sample: &RevocationSample, scope: Option<Scope>) -> Vec<&'static str> {
    findings_of(&sample.der, sample.name.contains("rsa2048"), scope)
}

/// The lints reporting a finding on a CRL of the P-256 (or RSA) test sub-CA, linted with that
/// CA as issuer in `scope`.
fn findings_of(der: &[u8], rsa_ca: bool, scope: Option<Scope>) -> Vec<&'static str> {
    let issuer = if rsa_ca {
        CertBuilder::sub_ca(KeyAlg::Rsa2048).build()
    } else {
        ca_der()
    };
    let opts = Options {
        issuer: Some(issuer.into()),
        scope,
        ..Default::default()
    };
    lint_with(der, opts).issues().map(|f| f.lint).collect()
}

fn is_crl_rule(lint: &str) -> bool {
    lint.starts_with("e_crl_") || lint.starts_with("w_crl_")
}

#[test]
fn good_crls_have_no_crl_finding_in_any_scope() {
    let good: Vec<RevocationSample> = crl_samples().into_iter().filter(|s| s.is_good()).collect();
    assert!(good.len() >= 5);
    for s in &good {
        for scope in [None, Some(Scope::Subscriber), Some(Scope::Ca)] {
            let found: Vec<&str> = findings(s, scope)
                .into_iter()
                .filter(|l| is_crl_rule(l))
                .collect();
            assert!(found.is_empty(), "{} ({scope:?}): {found:?}", s.name);
        }
    }
}

#[test]
fn every_bad_crl_is_flagged_by_its_lint() {
    let bad: Vec<RevocationSample> = crl_samples().into_iter().filter(|s| !s.is_good()).collect();
    for s in &bad {
        let meant: Vec<&str> = FLAGGED_BY
            .iter()
            .filter(|(name, _)| *name == s.name)
            .map(|(_, lint)| *lint)
            .collect();
        if NOT_OURS.contains(&s.name.as_str()) {
            assert!(meant.is_empty(), "{} is in both tables", s.name);
            continue;
        }
        assert!(!meant.is_empty(), "{} has no lint in the table", s.name);
        let found = findings(s, Some(Scope::Subscriber));
        for lint in &meant {
            assert!(
                smimelint_engine::registry::find(lint).is_some(),
                "no lint {lint}"
            );
            assert!(found.contains(lint), "{}: {lint} not in {found:?}", s.name);
        }
        // No other CRL rule fires: each sample has one defect.
        let also = ALSO
            .iter()
            .find(|(name, _)| *name == s.name)
            .map_or(&[][..], |(_, l)| *l);
        let mut expected: Vec<&str> = meant
            .iter()
            .copied()
            .filter(|l| is_crl_rule(l))
            .chain(also.iter().copied())
            .collect();
        expected.sort_unstable();
        let mut crl_found: Vec<&str> = found.into_iter().filter(|l| is_crl_rule(l)).collect();
        crl_found.sort_unstable();
        assert_eq!(crl_found, expected, "{}", s.name);
    }
    // Every table row names a sample that exists.
    for (name, _) in FLAGGED_BY {
        assert!(bad.iter().any(|s| s.name == name), "no sample {name}");
    }
}

/// The samples are linted as subscriber CRLs; the CA rules of SBR 7.2.2 need the CA scope.
#[test]
fn ca_rules_flag_ca_crls() {
    let hold = with_entry(entry().reason(reason::CERTIFICATE_HOLD, false));
    let found = findings_of(&hold, false, Some(Scope::Ca));
    assert!(found.contains(&"e_crl_ca_certificate_hold"), "{found:?}");
    let bare = with_entry(entry().without_ext(&ext::REASON_CODE));
    let found = findings_of(&bare, false, Some(Scope::Ca));
    assert!(found.contains(&"e_crl_ca_reason_code_missing"), "{found:?}");
}
