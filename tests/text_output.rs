//! The text output's notes about lints not yet in effect, with the whole rulebook linked: how
//! many lints were NE at notBefore and how to apply today's rules.

use smimelint::engine::{Linter, Options};
use smimelint::output::{sink, Format, RunStats};
use smimelint::time::date;
use smimelint_factory::CertBuilder;

fn text(linter: &Linter, certs: &[Vec<u8>]) -> String {
    let mut buf = Vec::new();
    {
        let mut s = sink(Format::Text, Box::new(&mut buf), false);
        s.begin().unwrap();
        for (i, c) in certs.iter().enumerate() {
            s.write(&linter.lint_der(format!("c{i}"), c)).unwrap();
        }
        let stats = RunStats {
            records: certs.len(),
            ..Default::default()
        };
        s.end(&stats).unwrap();
    }
    String::from_utf8(buf).unwrap()
}

#[test]
fn text_says_how_many_lints_were_not_yet_in_effect_and_how_to_apply_todays_rules() {
    // Issued by an early adopter before SBR 1.0.0 took effect: clean at its notBefore,
    // but not silently so.
    let old = CertBuilder::subscriber("mailbox-legacy")
        .validity(date(2023, 3, 1), date(2024, 3, 1))
        .build();
    let out = text(&Linter::new(Options::default()), std::slice::from_ref(&old));
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("c0  mailbox-legacy (policy)  ok  ("),
        "{out}"
    );
    assert!(
        first.contains("lint(s) NE: not yet in effect at notBefore"),
        "{out}"
    );
    assert!(first.contains("--at now"), "{out}");
    let summary = out.lines().last().unwrap();
    assert!(summary.starts_with("1 certificate(s): "), "{out}");
    assert!(
        summary.contains("; 1 with lints not yet in effect at their notBefore ("),
        "{out}"
    );
    assert!(summary.contains("--at now applies today's rules"), "{out}");

    // A certificate issued after every ballot has nothing to point out.
    let new = CertBuilder::subscriber("mailbox-strict").build();
    let out = text(&Linter::new(Options::default()), &[new]);
    assert_eq!(
        out.lines().next(),
        Some("c0  mailbox-strict (policy)  ok"),
        "{out}"
    );
    assert!(!out.contains("NE"), "{out}");

    // Under --at the count refers to the requested time, with no advice to use --at.
    let at = Options {
        at: Some(date(2023, 6, 1)),
        ..Default::default()
    };
    let out = text(&Linter::new(at), &[old]);
    assert!(
        out.contains("NE: not yet in effect at the requested time"),
        "{out}"
    );
    assert!(!out.contains("--at now"), "{out}");
}
