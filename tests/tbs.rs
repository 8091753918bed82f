//! Pre-issuance linting: an unsigned TBSCertificate gets the findings its signed certificate
//! gets, except from the lints that read the outer signature (NA on a TBS).

use smimelint::engine::{Linter, Options};
use smimelint::registry::Status;
use smimelint_factory::samples::samples;

/// Lints that look at `signatureAlgorithm` / `signatureValue`, which a TBS does not have.
const SIGNATURE_LINTS: &[&str] = &["e_smime_signature_algorithm_fields_mismatch"];

fn statuses(linter: &Linter, der: &[u8]) -> Vec<(&'static str, Status)> {
    linter
        .lint_der("x".into(), der)
        .findings
        .iter()
        .map(|f| (f.lint, f.status))
        .collect()
}

#[test]
fn tbs_findings_equal_certificate_findings_except_signature_lints() {
    let linter = Linter::new(Options {
        include_passes: true,
        ..Options::default()
    });
    let mut compared = 0;
    for sample in samples() {
        let cert = sample.builder.build();
        let tbs = sample.builder.build_tbs();
        let on_cert = statuses(&linter, &cert);
        let on_tbs = statuses(&linter, &tbs);
        assert_eq!(on_cert.len(), on_tbs.len(), "{}", sample.name);
        for ((lint, cert_status), (lint2, tbs_status)) in on_cert.iter().zip(&on_tbs) {
            assert_eq!(lint, lint2);
            if SIGNATURE_LINTS.contains(lint) {
                assert_eq!(*tbs_status, Status::NotApplicable, "{} {lint}", sample.name);
            } else {
                assert_eq!(cert_status, tbs_status, "{} {lint}", sample.name);
            }
        }
        compared += 1;
    }
    assert!(compared > 20);
}
