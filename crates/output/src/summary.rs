//! Run summaries: counts per lint and status, per certificate type, per issuer, and the
//! entries a scan skipped. JSON summaries of shards merge into the summary of the whole.

use serde::{Deserialize, Serialize};
use smimelint_cert::{oid, Cert};
use smimelint_engine::linter::CertResult;
use smimelint_engine::registry::Status;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Version of the JSON layout; merging refuses others.
pub const SUMMARY_VERSION: u32 = 1;
/// Distinct issuers kept by name; later ones are counted under [`OTHER_ISSUERS`], so a
/// summary stays small however many certificates flow through.
pub const MAX_ISSUERS: usize = 10_000;
pub const OTHER_ISSUERS: &str = "(other issuers)";
/// Key for records without a certificate to take an issuer from.
pub const NO_ISSUER: &str = "(none)";
/// Largest JSON summary `merge-summaries` reads: one with [`MAX_ISSUERS`] issuers and every
/// lint is a few megabytes.
pub const MAX_SUMMARY_BYTES: u64 = 32 * 1024 * 1024;

// Counts saturate rather than wrap: merged summaries come from files, and a count that wrapped
// would look small and healthy. u64::MAX reads as "at least this many".
fn bump(count: &mut u64, by: u64) {
    *count = count.saturating_add(by);
}

fn total<'a>(counts: impl IntoIterator<Item = &'a u64>) -> u64 {
    counts.into_iter().fold(0, |a, &b| a.saturating_add(b))
}

/// Certificates seen, and how many had at least one error (or fatal) finding.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub certificates: u64,
    pub with_errors: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        bump(&mut self.certificates, other.certificates);
        bump(&mut self.with_errors, other.with_errors);
    }
}

/// Log entries by type (CT scans only).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CtTally {
    pub x509_entries: u64,
    pub precert_entries: u64,
    /// Entries or inputs that could not be decoded (each is a fatal record).
    pub undecodable: u64,
}

/// The summary of one run, or of several merged.
///
/// `entries = records + Σ skipped`: every input is either a result record or counted as
/// skipped by the S/MIME filter.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub summary_version: u32,
    pub entries: u64,
    pub records: u64,
    /// Records with at least one `error` or `fatal` finding.
    pub certificates_with_errors: u64,
    /// Records by their most severe status (`pass` = no finding).
    pub by_worst: BTreeMap<String, u64>,
    /// Entries not linted, by reason (the S/MIME filter of `smimelint ct`).
    pub skipped: BTreeMap<String, u64>,
    /// Lint name → status → number of certificates.
    pub lints: BTreeMap<String, BTreeMap<String, u64>>,
    /// Certificate type (`mailbox-strict` …), or the kind for CA certificates.
    pub types: BTreeMap<String, Tally>,
    pub issuers: BTreeMap<String, Tally>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ct: Option<CtTally>,
    /// Why a scan ended before the end of its range (a CT log that keeps failing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

impl Summary {
    pub fn new() -> Summary {
        Summary {
            summary_version: SUMMARY_VERSION,
            ..Summary::default()
        }
    }

    /// Counts one result record. `issuer` is the issuer's label (see [`issuer_label`]).
    pub fn add(&mut self, r: &CertResult, issuer: Option<&str>) {
        bump(&mut self.entries, 1);
        bump(&mut self.records, 1);
        let worst = r.worst();
        let erroneous = worst >= Status::Error;
        bump(
            self.by_worst.entry(worst.as_str().to_string()).or_default(),
            1,
        );
        if erroneous {
            bump(&mut self.certificates_with_errors, 1);
        }
        for f in &r.findings {
            let statuses = self.lints.entry(f.lint.to_string()).or_default();
            bump(
                statuses.entry(f.status.as_str().to_string()).or_default(),
                1,
            );
        }
        let tally = Tally {
            certificates: 1,
            with_errors: u64::from(erroneous),
        };
        self.types.entry(type_label(r)).or_default().add(tally);
        self.add_issuer(issuer.unwrap_or(NO_ISSUER), tally);
    }

    /// Counts `tally` under `issuer`, or under [`OTHER_ISSUERS`] once [`MAX_ISSUERS`] distinct
    /// issuers are kept.
    fn add_issuer(&mut self, issuer: &str, tally: Tally) {
        let key = if self.issuers.contains_key(issuer) || self.issuers.len() < MAX_ISSUERS {
            issuer
        } else {
            OTHER_ISSUERS
        };
        match self.issuers.get_mut(key) {
            Some(t) => t.add(tally),
            None => {
                self.issuers.insert(key.to_string(), tally);
            }
        }
    }

    /// Counts one entry skipped for `reason`.
    pub fn skip(&mut self, reason: &str) {
        bump(&mut self.entries, 1);
        bump(self.skipped.entry(reason.to_string()).or_default(), 1);
    }

    /// Adds `other` into `self`.
    pub fn merge(&mut self, other: &Summary) -> Result<(), String> {
        if other.summary_version != SUMMARY_VERSION {
            return Err(format!(
                "summary_version {} is not {SUMMARY_VERSION}",
                other.summary_version
            ));
        }
        self.summary_version = SUMMARY_VERSION;
        bump(&mut self.entries, other.entries);
        bump(&mut self.records, other.records);
        bump(
            &mut self.certificates_with_errors,
            other.certificates_with_errors,
        );
        add_counts(&mut self.by_worst, &other.by_worst);
        add_counts(&mut self.skipped, &other.skipped);
        for (lint, statuses) in &other.lints {
            add_counts(self.lints.entry(lint.clone()).or_default(), statuses);
        }
        for (k, t) in &other.types {
            self.types.entry(k.clone()).or_default().add(*t);
        }
        for (k, t) in &other.issuers {
            self.add_issuer(k, *t);
        }
        if let Some(o) = other.ct {
            let ct = self.ct.get_or_insert_with(CtTally::default);
            bump(&mut ct.x509_entries, o.x509_entries);
            bump(&mut ct.precert_entries, o.precert_entries);
            bump(&mut ct.undecodable, o.undecodable);
        }
        if self.stopped.is_none() {
            self.stopped.clone_from(&other.stopped);
        }
        Ok(())
    }

    /// Human-readable rendering; long lists show the largest [`TEXT_ROWS`] rows.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let skipped = total(self.skipped.values());
        let _ = writeln!(
            s,
            "Summary: {} entries, {} linted, {} skipped; {} certificate(s) with at least one error",
            self.entries, self.records, skipped, self.certificates_with_errors
        );
        if let Some(ct) = self.ct {
            let _ = writeln!(
                s,
                "CT entries: {} x509, {} precert, {} undecodable",
                ct.x509_entries, ct.precert_entries, ct.undecodable
            );
        }
        if let Some(why) = &self.stopped {
            let _ = writeln!(s, "Stopped early: {why}");
        }
        section(
            &mut s,
            "Skipped",
            self.skipped
                .iter()
                .map(|(k, v)| (k.clone(), *v, String::new())),
        );
        section(
            &mut s,
            "By worst status",
            self.by_worst
                .iter()
                .map(|(k, v)| (k.clone(), *v, String::new())),
        );
        section(&mut s, "By type", tallies(&self.types));
        section(&mut s, "By issuer", tallies(&self.issuers));
        section(
            &mut s,
            "By lint",
            self.lints.iter().map(|(lint, statuses)| {
                let total = total(statuses.values());
                let detail = statuses
                    .iter()
                    .map(|(st, n)| format!("{st} {n}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                (lint.clone(), total, detail)
            }),
        );
        s
    }
}

/// Rows shown per list in text summaries (JSON has them all).
pub const TEXT_ROWS: usize = 25;

fn tallies(m: &BTreeMap<String, Tally>) -> impl Iterator<Item = (String, u64, String)> + '_ {
    m.iter().map(|(k, t)| {
        (
            k.clone(),
            t.certificates,
            format!("{} with errors", t.with_errors),
        )
    })
}

/// Writes one titled list, largest counts first.
fn section(s: &mut String, title: &str, rows: impl Iterator<Item = (String, u64, String)>) {
    let mut rows: Vec<_> = rows.collect();
    if rows.is_empty() {
        return;
    }
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(s, "{title}:");
    for (key, n, detail) in rows.iter().take(TEXT_ROWS) {
        let sep = if detail.is_empty() { "" } else { "  " };
        // Issuer labels come from certificates: keep their control characters off the terminal.
        let key = crate::terminal_safe(key);
        let _ = writeln!(s, "  {n:>10}  {key}{sep}{detail}");
    }
    if rows.len() > TEXT_ROWS {
        let _ = writeln!(s, "  … {} more", rows.len() - TEXT_ROWS);
    }
}

fn add_counts(into: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        bump(into.entry(k.clone()).or_default(), *v);
    }
}

/// The certificate type, else the kind (CA certificates), else why there is neither.
fn type_label(r: &CertResult) -> String {
    match (r.cert_type, r.kind) {
        (Some(t), _) => t.to_string(),
        (None, Some(k)) if k.as_str() == "subscriber" => "subscriber (type unknown)".into(),
        (None, Some(k)) => k.as_str().to_string(),
        (None, None) => r
            .revocation_label()
            .unwrap_or_else(|| "not a certificate".into()),
    }
}

/// Short names for the attributes issuer names are usually made of.
const SHORT_NAMES: &[(&const_oid::ObjectIdentifier, &str)] = &[
    (&oid::AT_COMMON_NAME, "CN"),
    (&oid::AT_COUNTRY, "C"),
    (&oid::AT_ORGANIZATION, "O"),
    (&oid::AT_ORGANIZATIONAL_UNIT, "OU"),
];
/// Longest issuer label kept.
const MAX_LABEL: usize = 256;

/// A readable label for the issuer: its CN, OU, O and C attributes in encoding order, e.g.
/// `C=US, O=Example CA, CN=Example S/MIME CA 1`; other attributes are left out.
pub fn issuer_label(cert: &Cert<'_>) -> String {
    let Some(Ok(name)) = cert.issuer_name() else {
        return NO_ISSUER.to_string();
    };
    let mut label = String::new();
    for a in &name.attributes {
        let Some((_, short)) = SHORT_NAMES.iter().find(|(o, _)| a.is(o)) else {
            continue;
        };
        let value = a.text().unwrap_or_default();
        if !label.is_empty() {
            label.push_str(", ");
        }
        let _ = write!(label, "{short}={value}");
        if label.len() > MAX_LABEL {
            let cut = (0..=MAX_LABEL).rev().find(|&i| label.is_char_boundary(i));
            label.truncate(cut.unwrap_or(0));
            label.push('…');
            break;
        }
    }
    if label.is_empty() {
        NO_ISSUER.to_string()
    } else {
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use smimelint_engine::linter::Finding;

    fn record(findings: &[(&'static str, Status)]) -> CertResult {
        CertResult {
            input: "x".into(),
            sha256: None,
            form: None,
            kind: None,
            cert_type: None,
            type_source: None,
            scope: None,
            not_yet_effective: 0,
            at_requested: false,
            findings: findings
                .iter()
                .map(|&(lint, status)| Finding {
                    lint,
                    status,
                    citation: "",
                    details: None,
                })
                .collect(),
        }
    }

    #[test]
    fn counts_add_up_and_merge() {
        let mut a = Summary::new();
        a.add(
            &record(&[("e_a", Status::Error), ("w_b", Status::Warn)]),
            Some("CN=CA 1"),
        );
        a.add(&record(&[("w_b", Status::Warn)]), Some("CN=CA 1"));
        a.skip("not_smime_no_marker");
        assert_eq!(a.entries, 3);
        assert_eq!(a.records, 2);
        assert_eq!(a.certificates_with_errors, 1);
        assert_eq!(a.lints["w_b"]["warn"], 2);
        assert_eq!(
            a.issuers["CN=CA 1"],
            Tally {
                certificates: 2,
                with_errors: 1
            }
        );
        assert_eq!(a.types["not a certificate"].certificates, 2);

        let mut b = Summary::new();
        b.add(&record(&[]), None);
        b.skip("not_smime_no_marker");
        b.ct = Some(CtTally {
            x509_entries: 2,
            ..CtTally::default()
        });
        let json = serde_json::to_string(&b).unwrap();
        let b: Summary = serde_json::from_str(&json).unwrap();
        a.merge(&b).unwrap();
        assert_eq!(a.entries, 5);
        assert_eq!(a.records, 3);
        assert_eq!(a.skipped["not_smime_no_marker"], 2);
        assert_eq!(a.by_worst["pass"], 1);
        assert_eq!(a.issuers[NO_ISSUER].certificates, 1);
        assert_eq!(a.ct.unwrap().x509_entries, 2);
        let skipped: u64 = a.skipped.values().sum();
        assert_eq!(a.entries, a.records + skipped);

        let mut wrong = b.clone();
        wrong.summary_version = 99;
        assert!(a.merge(&wrong).is_err());
    }

    #[test]
    fn issuers_beyond_the_cap_are_pooled() {
        let mut s = Summary::new();
        for i in 0..MAX_ISSUERS + 5 {
            s.add(&record(&[]), Some(&format!("CN={i}")));
        }
        assert_eq!(s.issuers.len(), MAX_ISSUERS + 1);
        assert_eq!(s.issuers[OTHER_ISSUERS].certificates, 5);
        // A known issuer keeps its own row after the cap is reached.
        s.add(&record(&[]), Some("CN=0"));
        assert_eq!(s.issuers["CN=0"].certificates, 2);
    }

    #[test]
    fn merged_counts_saturate() {
        let mut a = Summary::new();
        a.add(&record(&[("e_a", Status::Error)]), Some("CN=CA"));
        a.skip("r");
        let mut b = a.clone();
        b.entries = u64::MAX;
        b.records = u64::MAX - 1;
        b.certificates_with_errors = u64::MAX;
        b.skipped.insert("r".into(), u64::MAX);
        b.by_worst.insert("error".into(), u64::MAX);
        b.lints
            .get_mut("e_a")
            .unwrap()
            .insert("error".into(), u64::MAX);
        b.issuers.get_mut("CN=CA").unwrap().certificates = u64::MAX;
        b.types.get_mut("not a certificate").unwrap().with_errors = u64::MAX;
        b.ct = Some(CtTally {
            undecodable: u64::MAX,
            ..CtTally::default()
        });
        a.merge(&b).unwrap();
        a.merge(&b).unwrap();
        assert_eq!(a.entries, u64::MAX);
        assert_eq!(a.records, u64::MAX);
        assert_eq!(a.certificates_with_errors, u64::MAX);
        assert_eq!(a.skipped["r"], u64::MAX);
        assert_eq!(a.by_worst["error"], u64::MAX);
        assert_eq!(a.lints["e_a"]["error"], u64::MAX);
        assert_eq!(a.issuers["CN=CA"].certificates, u64::MAX);
        assert_eq!(a.types["not a certificate"].with_errors, u64::MAX);
        assert_eq!(a.ct.unwrap().undecodable, u64::MAX);
        // Sums over saturated rows saturate too.
        b.skipped.insert("s".into(), 7);
        a.merge(&b).unwrap();
        assert!(a.to_text().contains(&format!("{} skipped", u64::MAX)));
    }

    #[test]
    fn merging_applies_the_issuer_cap() {
        let mut big = Summary::new();
        for i in 0..MAX_ISSUERS + 300 {
            let tally = Tally {
                certificates: 2,
                with_errors: 1,
            };
            big.issuers.insert(format!("CN={i:06}"), tally);
        }
        let mut merged = Summary::new();
        merged.merge(&big).unwrap();
        assert_eq!(merged.issuers.len(), MAX_ISSUERS + 1);
        assert_eq!(merged.issuers[OTHER_ISSUERS].certificates, 600);
        assert_eq!(merged.issuers[OTHER_ISSUERS].with_errors, 300);
        // Merging again keeps the same rows and adds into them.
        merged.merge(&big).unwrap();
        assert_eq!(merged.issuers.len(), MAX_ISSUERS + 1);
        assert_eq!(merged.issuers["CN=000000"].certificates, 4);
        assert_eq!(merged.issuers[OTHER_ISSUERS].certificates, 1200);
        let sum = merged.issuers.values().map(|t| t.certificates).sum::<u64>();
        assert_eq!(sum, 2 * 2 * (MAX_ISSUERS as u64 + 300));
    }

    #[test]
    fn text_lists_the_largest_rows() {
        let mut s = Summary::new();
        s.add(&record(&[("e_a", Status::Error)]), Some("CN=CA"));
        let text = s.to_text();
        assert!(
            text.contains("1 certificate(s) with at least one error"),
            "{text}"
        );
        assert!(text.contains("e_a  error 1"), "{text}");
        assert!(text.contains("CN=CA  1 with errors"), "{text}");
        s.add(&record(&[]), Some("CN=\x1b[2J"));
        let text = s.to_text();
        assert!(text.contains("CN=\\x1b[2J  0 with errors"), "{text}");
        assert!(!text.contains('\x1b'), "{text}");
    }
}
