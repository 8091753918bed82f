//! The factory's OCSP samples against the OCSP lints: every good sample passes them all, and
//! each single-defect sample is flagged by the lint written for its defect.
//!
//! The samples are built for a mailbox-strict subscriber of the P-256 test sub-CA (the
//! RSA-2048 variant by the RSA-2048 sub-CA; the revoked CA certificate by the RSA-2048 root),
//! so they are linted with that CA as `--issuer` and in subscriber scope, as a CA would lint
//! its own responses.

use smimelint_engine::linter::{CertResult, Options};
use smimelint_engine::revocation_context::Scope;
use smimelint_engine::testing::lint_with;
use smimelint_factory::revocation_samples::{revocation_samples, Kind};
use smimelint_factory::{CertBuilder, KeyAlg};
use std::sync::Arc;

/// The lint meant for each bad sample; "" for the defects no rule of these lints covers.
const EXPECTED: [(&str, &str); 33] = [
    (
        "ocsp-bad-unsuccessful-with-bytes",
        "e_ocsp_error_response_has_bytes",
    ),
    ("ocsp-bad-status-value-4", "e_ocsp_response_status_invalid"),
    (
        "ocsp-bad-successful-without-bytes",
        "e_ocsp_successful_without_bytes",
    ),
    ("ocsp-bad-response-type", "e_ocsp_response_type_not_basic"),
    (
        "ocsp-bad-version-v1-explicit",
        "e_der_default_value_encoded",
    ),
    ("ocsp-bad-version-v2", "e_ocsp_version_not_v1"),
    (
        "ocsp-bad-responder-key-mismatch",
        "e_ocsp_responder_not_authorized",
    ),
    (
        "ocsp-bad-responder-name-mismatch",
        "e_ocsp_responder_not_authorized",
    ),
    (
        "ocsp-bad-responder-key-hash-32",
        "e_ocsp_responder_key_hash_not_sha1",
    ),
    ("ocsp-bad-produced-at-utc", "e_ocsp_time_encoding"),
    ("ocsp-bad-produced-at-no-z", "e_ocsp_time_encoding"),
    ("ocsp-bad-this-update-utc", "e_ocsp_time_encoding"),
    ("ocsp-bad-next-update-absent", "e_ocsp_next_update_missing"),
    ("ocsp-bad-validity-7-hours", "e_ocsp_validity_under_8_hours"),
    ("ocsp-bad-validity-11-days", "e_ocsp_validity_over_10_days"),
    (
        "ocsp-bad-next-update-before-this-update",
        "e_ocsp_next_update_before_this_update",
    ),
    (
        "ocsp-bad-revoked-reason-unspecified",
        "e_ocsp_revocation_reason_not_permitted",
    ),
    (
        "ocsp-bad-revoked-reason-value-7",
        "e_ocsp_revocation_reason_not_permitted",
    ),
    (
        "ocsp-bad-revoked-ca-without-reason",
        "e_ocsp_ca_revocation_reason_missing",
    ),
    (
        "ocsp-bad-single-reason-code",
        "e_ocsp_single_extension_reason_code",
    ),
    (
        "ocsp-bad-single-unknown-critical-extension",
        "e_ocsp_critical_extension_unknown",
    ),
    (
        "ocsp-bad-unknown-critical-extension",
        "e_ocsp_critical_extension_unknown",
    ),
    (
        "ocsp-bad-signature-hash-p256-sha512",
        "e_ocsp_signature_algorithm_not_allowed",
    ),
    (
        "ocsp-bad-signature-algorithm-mismatch",
        "e_ocsp_signature_invalid",
    ),
    ("ocsp-bad-signature-invalid", "e_ocsp_signature_invalid"),
    ("ocsp-bad-certs-empty", "w_ocsp_certs_empty"),
    (
        "ocsp-bad-delegated-without-cert",
        "e_ocsp_responder_not_authorized",
    ),
    (
        "ocsp-bad-responder-without-ocsp-signing",
        "e_ocsp_responder_eku_missing",
    ),
    (
        "ocsp-bad-responder-without-nocheck",
        "n_ocsp_responder_no_check_missing",
    ),
    (
        "ocsp-bad-responder-other-issuer",
        "e_ocsp_responder_not_authorized",
    ),
    (
        "ocsp-bad-cert-id-name-hash",
        "e_ocsp_cert_id_issuer_mismatch",
    ),
    // No rule of these lints covers these two:
    // - thisUpdate after producedAt: RFC 6960 4.2.2.1 describes both times but states no
    //   ordering requirement between them, so there is no rule to cite;
    // - a 33-octet nonce: the nonce's length is set by RFC 8954, whose nonce rules are not
    //   among the OCSP lints (RFC 6960 4.4.1 leaves the nonce's contents open).
    ("ocsp-bad-this-update-after-produced-at", ""),
    ("ocsp-bad-nonce-33-octets", ""),
];

/// Lints one sample with its issuing CA and scope (see the module documentation).
fn lint_sample(name: &str, der: &[u8]) -> CertResult {
    let (issuer, scope) = match name {
        "ocsp-good-rsa2048" => (
            CertBuilder::sub_ca(KeyAlg::Rsa2048),
            Some(Scope::Subscriber),
        ),
        // About a sub-CA certificate: the root as issuer makes the scope CA.
        "ocsp-bad-revoked-ca-without-reason" => (CertBuilder::root_ca(KeyAlg::Rsa2048), None),
        _ => (CertBuilder::sub_ca(KeyAlg::P256), Some(Scope::Subscriber)),
    };
    let opts = Options {
        issuer: Some(Arc::from(issuer.build())),
        scope,
        ..Default::default()
    };
    lint_with(der, opts)
}

/// Errors and warnings of the OCSP lints.
fn ocsp_findings(result: &CertResult) -> Vec<&'static str> {
    result
        .issues()
        .filter(|f| f.lint.starts_with("e_ocsp_") || f.lint.starts_with("w_ocsp_"))
        .map(|f| f.lint)
        .collect()
}

#[test]
fn every_ocsp_sample_gets_the_findings_meant_for_it() {
    let samples: Vec<_> = revocation_samples()
        .into_iter()
        .filter(|s| s.kind == Kind::Ocsp)
        .collect();
    let good = samples.iter().filter(|s| s.is_good()).count();
    assert!(good >= 4, "only {good} good OCSP samples");
    assert!(
        samples.len() - good >= 30,
        "only {} OCSP samples",
        samples.len()
    );
    let mut problems = Vec::new();
    for s in &samples {
        let result = lint_sample(&s.name, &s.der);
        if s.is_good() {
            let findings = ocsp_findings(&result);
            if !findings.is_empty() {
                problems.push(format!("{}: good sample flagged by {findings:?}", s.name));
            }
            continue;
        }
        let Some((_, lint)) = EXPECTED.iter().find(|(n, _)| *n == s.name) else {
            problems.push(format!("{}: no entry in the table", s.name));
            continue;
        };
        if !lint.is_empty() && !result.issues().any(|f| f.lint == *lint) {
            let all: Vec<&str> = result.issues().map(|f| f.lint).collect();
            problems.push(format!(
                "{}: not flagged by {lint} (findings: {all:?})",
                s.name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_table_names_only_existing_samples_and_lints() {
    let names: Vec<String> = revocation_samples().into_iter().map(|s| s.name).collect();
    for (sample, lint) in EXPECTED {
        assert!(names.iter().any(|n| n == sample), "no sample {sample}");
        assert!(
            lint.is_empty() || smimelint_engine::registry::find(lint).is_some(),
            "no lint {lint}"
        );
    }
}
