//! Hostile CRLs and OCSP responses: every factory sample truncated, byte-flipped and mutated
//! structurally (the fuzzers' mutator) gives exactly one record, never the internal-error
//! finding (a panic inside the engine), whether linted from memory or streamed.

use smimelint::engine::Linter;
use smimelint_factory::mutate::mutate;
use smimelint_factory::revocation_samples::revocation_samples;

fn check(linter: &Linter, what: &str, data: &[u8]) {
    for result in [
        linter.lint_der(what.into(), data),
        linter.lint_crl_reader(what.into(), data),
        linter.lint_ocsp_der(what.into(), data),
    ] {
        assert!(
            result.findings.iter().all(|f| f.lint != "e_internal_error"),
            "{what}: {:?}",
            result.findings
        );
        assert_eq!(result.input, what);
    }
}

#[test]
fn mutated_samples_never_panic() {
    let linter = Linter::default();
    let samples = revocation_samples();
    assert!(samples.len() >= 90, "{} samples", samples.len());
    let mut inputs = 0;
    for s in &samples {
        let der = &s.der;
        let step = (der.len() / 12).max(1);
        for cut in (0..der.len()).step_by(step) {
            check(&linter, &format!("{} cut {cut}", s.name), &der[..cut]);
            let mut flipped = der.clone();
            flipped[cut] ^= 0xff;
            check(&linter, &format!("{} flip {cut}", s.name), &flipped);
            inputs += 2;
        }
        for seed in 0u8..10 {
            let script = [
                seed,
                seed.wrapping_mul(7),
                seed.wrapping_add(3),
                0x5a ^ seed,
            ];
            check(
                &linter,
                &format!("{} mutation {seed}", s.name),
                &mutate(der, &script),
            );
            inputs += 1;
        }
    }
    assert!(inputs > 2500, "{inputs} inputs");
}
