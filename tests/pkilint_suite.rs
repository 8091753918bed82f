//! pkilint's own S/MIME test suite (`testdata/pkilint`, 97 certificates with the
//! findings pkilint reports): per certificate, smimelint's verdict (error / warn / clean, notices
//! ignored) equals pkilint's, except where the table below says why not.
//!
//! Each certificate is linted as the type its folder names. pkilint applies every rule whatever
//! the issuance date, and most corpus certificates predate SBR 1.0.0, so the evaluation time is
//! the certificate's notBefore or [`EARLIEST_EVALUATION`], whichever is later: after every ballot
//! up to SMC012 and before the Legacy sunset, which pkilint (like smimelint) dates by notBefore.
//!
//! Disagreements are listed in [`SBR_DEVIATIONS`] with the certificate and both verdicts:
//! pkilint contradicts the SBR text and smimelint follows the section named. Each is also
//! described in `docs/conformance.md`.
//!
//! The corpus is committed; a missing file fails the test.

mod common;
use common::{all_stems, corpus};

use smimelint::cert::Cert;
use smimelint::engine::{Linter, Options};
use smimelint::registry::Status;
use smimelint::time::UnixTime;
use std::path::Path;

/// See the module documentation: 2025-07-02 is SMC012 (v1.0.10).
const EARLIEST_EVALUATION: UnixTime = smimelint::time::date(2025, 7, 2);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Clean,
    Warn,
    Error,
}

use Verdict::{Clean, Error, Warn};

/// A certificate on which the two linters are expected to differ.
struct Deviation {
    /// Path below `pkilint-tests/`, without `.pem`.
    file: &'static str,
    pkilint: Verdict,
    smimelint: Verdict,
    /// SBR section that decides (for SBR deviations) or the pending work.
    section: &'static str,
    why: &'static str,
}

const SBR_DEVIATIONS: &[Deviation] = &[
    Deviation {
        file: "individual/legacy/no_crldp_extension",
        pkilint: Warn,
        smimelint: Error,
        section: "SBR 7.1.2.3(b)",
        why: "cRLDistributionPoints \"SHALL be present\" (e_smime_crldp_missing); pkilint \
              reports its absence as a WARNING",
    },
    Deviation {
        file: "organization/multipurpose/int_orgid_with_reference",
        pkilint: Error,
        smimelint: Warn,
        section: "SBR 7.1.4.2.2(d) Note 2",
        why: "INTXG-… with a Registration Reference: Note 2 shows the INT/GOV forms without a \
              reference but has no SHALL NOT, so smimelint warns \
              (w_smime_subject_org_identifier_gov_int_has_reference) where pkilint errors",
    },
    Deviation {
        file: "organization/multipurpose/orgid_ntr_de_mismatched_country_code",
        pkilint: Warn,
        smimelint: Error,
        section: "SBR 7.1.4.2.2(d) Note 3",
        why: "NTRDE-FRR3306.HRB12345 is EUID-shaped with country FR; \"The structure of the EUID \
              SHALL be\" a country code that \"must match the country code used in the leading \
              string 'NTR'\" (e_smime_subject_org_identifier_euid_invalid); pkilint only warns \
              that a German reference is not an EUID",
    },
];

/// pkilint's verdict from an expected-findings CSV (`node_path,validator,severity,code,message`).
fn pkilint_verdict(csv: &str) -> Verdict {
    let severities: Vec<&str> = csv
        .lines()
        .skip(1)
        // The node path and validator never contain commas; the message after the code may.
        .filter_map(|line| line.split(',').nth(2))
        .collect();
    if severities.iter().any(|s| *s == "ERROR" || *s == "FATAL") {
        Error
    } else if severities.contains(&"WARNING") {
        Warn
    } else {
        Clean
    }
}

/// smimelint's verdict and the lints behind it.
fn smimelint_verdict(root: &Path, stem: &str) -> (Verdict, Vec<&'static str>) {
    let cert_type = Path::new(stem)
        .parent()
        .expect("type folder")
        .to_string_lossy()
        .replace('/', "-")
        .parse()
        .expect("the folder names a type");
    let bytes = std::fs::read(root.join(format!("{stem}.pem"))).expect("read certificate");
    let item = smimelint::input::frame(stem, &bytes[..], Default::default())
        .next()
        .expect("one certificate");
    let der = item.der.as_ref().expect("PEM decodes").clone();
    let not_before = Cert::parse(&der)
        .ok()
        .and_then(|c| c.not_before_time())
        .unwrap_or(EARLIEST_EVALUATION);
    let linter = Linter::new(Options {
        override_type: Some(cert_type),
        at: Some(not_before.max(EARLIEST_EVALUATION)),
        ..Default::default()
    });
    let result = linter.lint_item(item);
    let worst = result.issues().map(|f| f.status).max();
    let verdict = match worst {
        Some(Status::Error | Status::Fatal) => Error,
        Some(Status::Warn) => Warn,
        _ => Clean,
    };
    let lints = result
        .issues()
        .filter(|f| f.status >= Status::Warn)
        .map(|f| f.lint)
        .collect();
    (verdict, lints)
}

#[test]
fn verdicts_agree_with_pkilint_except_documented_deviations() {
    let root = corpus();
    let stems = all_stems(&root);
    let mut problems = Vec::new();
    let mut agree = 0;
    for stem in &stems {
        let csv = std::fs::read_to_string(root.join(format!("{stem}.expected.csv")))
            .expect("expected findings");
        let theirs = pkilint_verdict(&csv);
        let (ours, lints) = smimelint_verdict(&root, stem);
        let listed = SBR_DEVIATIONS.iter().find(|d| d.file == stem);
        match listed {
            None if theirs == ours => agree += 1,
            None => problems.push(format!(
                "{stem}: pkilint {theirs:?}, smimelint {ours:?} {lints:?}: fix the lint, or list \
                 the certificate with the SBR section that decides"
            )),
            Some(d) if theirs == ours => problems.push(format!(
                "{stem}: now agrees ({ours:?}); delete its entry ({})",
                d.section
            )),
            Some(d) if d.pkilint != theirs || d.smimelint != ours => problems.push(format!(
                "{stem}: listed as pkilint {:?} / smimelint {:?}, got {theirs:?} / {ours:?} \
                 {lints:?}",
                d.pkilint, d.smimelint
            )),
            Some(_) => {}
        }
    }
    for d in SBR_DEVIATIONS {
        if !stems.iter().any(|s| s == d.file) {
            problems.push(format!("{}: listed but not in the corpus", d.file));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    println!(
        "{} corpus certificates: {agree} agree, {} SBR deviations",
        stems.len(),
        SBR_DEVIATIONS.len()
    );
}

/// Every SBR deviation is explained in `docs/conformance.md` with its section.
#[test]
fn sbr_deviations_are_documented() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/conformance.md"))
            .expect("docs/conformance.md");
    for d in SBR_DEVIATIONS {
        let row = doc
            .lines()
            .find(|l| l.contains(&format!("`{}`", d.file)))
            .unwrap_or_else(|| panic!("docs/conformance.md does not list {}", d.file));
        assert!(
            row.contains(d.section),
            "docs/conformance.md's row for {} does not name {}",
            d.file,
            d.section
        );
        assert!(!d.why.is_empty());
    }
}

#[test]
fn verdict_from_csv() {
    let head = "node_path,validator,severity,code,message\n";
    assert_eq!(pkilint_verdict(head), Clean);
    assert_eq!(pkilint_verdict(&format!("{head}a,V,INFO,x,\n")), Clean);
    assert_eq!(
        pkilint_verdict(&format!("{head}a,V,WARNING,x,\"m, n\"\n")),
        Warn
    );
    assert_eq!(
        pkilint_verdict(&format!("{head}a,V,NOTICE,x,\nb,V,FATAL,y,\n")),
        Error
    );
}
