//! Comparing smimelint's verdicts with pkilint's on the generated certificates, and the
//! documented pkilint deviations that explain a disagreement.

use super::mutations::{KEYS, MUTATIONS};
use smimelint::detect::CertType;
use smimelint::engine::{Linter, Options};
use smimelint::registry::Status;
use smimelint_factory::KeyAlg;
use std::collections::BTreeMap;
use std::path::Path;

/// What sets off a documented deviation.
#[derive(Clone, Copy)]
enum Trigger {
    Mutation(&'static str),
    Key(KeyAlg),
}

/// A case where pkilint departs from the SBR text (documented in `docs/conformance.md`): the
/// findings of each side that the disagreement consists of.
struct Deviation {
    trigger: Trigger,
    pkilint: &'static [&'static str],
    smimelint: &'static [&'static str],
    why: &'static str,
}

const DEVIATIONS: &[Deviation] = &[
    Deviation {
        trigger: Trigger::Mutation("unknown_critical_extension"),
        pkilint: &[],
        smimelint: &["w_smime_rfc5280_unknown_critical_extension"],
        why: "RFC 5280 4.2: relying parties MUST reject a certificate with an unrecognised critical extension, and SBR 7.1.2.4 admits unlisted extensions only for a reason; smimelint warns, pkilint is silent",
    },
    Deviation {
        trigger: Trigger::Mutation("subject_directory_attributes_mailbox_legacy"),
        pkilint: &["cabf.smime.subject_directory_attributes_extension_prohibited"],
        smimelint: &["w_smime_subject_directory_attributes_mailbox_validated"],
        why: "SBR 7.1.2.3(j): subjectDirectoryAttributes MAY be present in every Legacy certificate; smimelint warns for Mailbox-validated, pkilint errors",
    },
    Deviation {
        trigger: Trigger::Mutation("policies_explicit_text_visible"),
        pkilint: &["pkix.rfc5280_certificate_policies_invalid_explicit_text_encoding"],
        smimelint: &["w_smime_rfc5280_explicit_text_not_utf8"],
        why: "RFC 6818 3 replaced RFC 5280's MUST NOT for VisibleString/BMPString explicitText by a SHOULD (UTF8String); smimelint warns, pkilint errors",
    },
    Deviation {
        trigger: Trigger::Mutation("org_id_de_not_euid"),
        pkilint: &["cabf.smime.german_ntr_registration_reference_not_euid"],
        // Both report it from 2025-05-14 on; only the dates differ.
        smimelint: &["w_smime_subject_org_identifier_de_ntr_not_euid"],
        why: "SBR 7.1.4.2.2(d) Note 3 came with SMC011 (2025-05-14); a Legacy certificate issued before then is not subject to it, pkilint applies it whatever the date",
    },
    Deviation {
        trigger: Trigger::Mutation("policy_constraints_in_end_entity"),
        pkilint: &["pkix.end_entity_policy_constraints_extension_present"],
        smimelint: &[],
        why: "RFC 5280 4.2.1.11 does not forbid policyConstraints in end-entity certificates and SBR 7.1.2.4 allows unlisted extensions the CA has a reason for; smimelint reports a notice (n_smime_unlisted_extension), pkilint errors",
    },
    Deviation {
        trigger: Trigger::Mutation("crldp_gopher_extra_legacy"),
        pkilint: &[
            "cabf.smime.crldp_fullname_prohibited_uri_scheme",
            "pkix.invalid_uri_syntax",
        ],
        smimelint: &[],
        why: "SBR 7.1.2.3(b): Legacy allows other schemes (\"LDAP, FTP, ...\") beside one HTTP URI; pkilint allows only LDAP and FTP and calls gopher: URIs invalid",
    },
    Deviation {
        trigger: Trigger::Mutation("org_vat_el_with_gr"),
        pkilint: &["cabf.invalid_organization_identifier_country", "cabf.smime.org_identifier_and_country_name_attribute_inconsistent"],
        smimelint: &[],
        why: "SBR 7.1.4.2.2(d) Note 1: VAT may use the Art. 215 prefix EL with countryName GR; pkilint rejects it",
    },
    Deviation {
        trigger: Trigger::Key(KeyAlg::MlDsa44),
        pkilint: &[],
        smimelint: &["e_smime_pqc_key_before_effective_date"],
        why: "SBR 6.1.5 allows ML-DSA and ML-KEM keys from v1.0.11 (SMC013, 2025-08-22); smimelint reports them in certificates issued earlier (the generator's Legacy certificates, notBefore 2025-03-01), pkilint has no dates",
    },
    Deviation {
        trigger: Trigger::Key(KeyAlg::MlKem768),
        pkilint: &[],
        smimelint: &["e_smime_pqc_key_before_effective_date"],
        why: "SBR 6.1.5 allows ML-DSA and ML-KEM keys from v1.0.11 (SMC013, 2025-08-22); smimelint reports them in certificates issued earlier (the generator's Legacy certificates, notBefore 2025-03-01), pkilint has no dates",
    },
    Deviation {
        trigger: Trigger::Key(KeyAlg::P521),
        pkilint: &["cabf.smime.prohibited_spki_algorithm_encoding"],
        smimelint: &[],
        why: "SBR 6.1.5 and 7.1.3.1.2 allow P-521 keys; pkilint rejects them",
    },
    Deviation {
        trigger: Trigger::Mutation("crldp_missing"),
        pkilint: &["cabf.smime.crldp_extension_missing"],
        smimelint: &["e_smime_crldp_missing"],
        why: "SBR 7.1.2.3(b): cRLDistributionPoints SHALL be present; pkilint only warns",
    },
    Deviation {
        trigger: Trigger::Mutation("crldp_critical"),
        pkilint: &["cabf.critical_crldp_extension", "pkix.certificate_crldp_extension_critical"],
        smimelint: &["w_smime_crldp_critical"],
        why: "SBR 7.1.2.3(b): cRLDistributionPoints SHOULD NOT be critical; pkilint errors",
    },
    Deviation {
        trigger: Trigger::Mutation("aia_ocsp_ldap_extra"),
        pkilint: &[],
        smimelint: &["e_smime_aia_ocsp_non_http"],
        why: "SBR 7.1.2.3(c)(1): in Strict and Multipurpose every OCSP URI SHALL be HTTP; pkilint accepts LDAP",
    },
    Deviation {
        trigger: Trigger::Mutation("eku_ocsp_signing"),
        pkilint: &["cabf.smime.prohibited_eku_present"],
        smimelint: &["w_smime_eku_ocsp_signing"],
        why: "SBR 7.1.2.3(f) does not prohibit id-kp-OCSPSigning; smimelint warns, pkilint errors",
    },
    Deviation {
        trigger: Trigger::Mutation("policies_any_policy"),
        pkilint: &["cabf.smime.anypolicy_present"],
        smimelint: &["w_smime_subscriber_any_policy_present"],
        why: "SBR 7.1.6.4 has no SHALL NOT for anyPolicy beside the reserved OID; smimelint warns, pkilint errors",
    },
];

/// One pkilint warning or error.
#[derive(Clone, Debug)]
struct PkFinding {
    severity: String,
    code: String,
    node: String,
}

/// pkilint findings whose smimelint lints are not written yet: the codes docs/xref/pkilint.txt
/// marks "pending", and decoding failures of the SPKI parameters.
fn pending_work(f: &PkFinding, pending_codes: &[&str]) -> bool {
    pending_codes.contains(&f.code.as_str())
        || (f.code == "itu.invalid_asn1_syntax" && f.node.contains("subjectPublicKeyInfo"))
}

fn pk_verdict<'a>(findings: impl Iterator<Item = &'a PkFinding>) -> Verdict {
    findings
        .map(|f| match f.severity.as_str() {
            "ERROR" | "FATAL" => Verdict::Error,
            _ => Verdict::Warn,
        })
        .max()
        .unwrap_or(Verdict::Clean)
}

fn our_verdict<'a>(findings: impl Iterator<Item = &'a (&'static str, Status)>) -> Verdict {
    findings
        .map(|(_, s)| {
            if *s >= Status::Error {
                Verdict::Error
            } else {
                Verdict::Warn
            }
        })
        .max()
        .unwrap_or(Verdict::Clean)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Clean,
    Warn,
    Error,
}

/// pkilint-oracle output per file: `None` when pkilint could not load the file, else its
/// warnings and errors.
fn read_oracle(path: &Path) -> BTreeMap<String, Option<Vec<PkFinding>>> {
    let text = std::fs::read_to_string(path).expect("pkilint output");
    let mut out = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        let file = v["file"].as_str().unwrap_or_default().to_string();
        if v["verdict"] == "unparsed" {
            out.insert(file, None);
            continue;
        }
        let findings = v["findings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|f| matches!(f["severity"].as_str(), Some("ERROR" | "FATAL" | "WARNING")))
            .map(|f| PkFinding {
                severity: f["severity"].as_str().unwrap_or_default().into(),
                code: f["code"].as_str().unwrap_or_default().into(),
                node: f["node"].as_str().unwrap_or_default().into(),
            })
            .collect();
        out.insert(file, Some(findings));
    }
    out
}

/// How one certificate's verdicts relate.
enum Outcome {
    Agree,
    /// Equal once pkilint's findings for pending work are set aside.
    Pending,
    /// Equal once the findings of these documented deviations are set aside too.
    Deviation(Vec<&'static str>),
    Unexplained,
}

fn classify(
    pk: &[PkFinding],
    ours: &[(&'static str, Status)],
    names: &[&str],
    key: Option<KeyAlg>,
    pending_codes: &[&str],
) -> Outcome {
    if pk_verdict(pk.iter()) == our_verdict(ours.iter()) {
        return Outcome::Agree;
    }
    // Deviations that account for at least one finding on either side.
    let applicable: Vec<&Deviation> = DEVIATIONS
        .iter()
        .filter(|d| match d.trigger {
            Trigger::Mutation(m) => names.contains(&m),
            Trigger::Key(k) => key == Some(k),
        })
        .filter(|d| {
            pk.iter().any(|f| d.pkilint.contains(&f.code.as_str()))
                || ours.iter().any(|(l, _)| d.smimelint.contains(l))
        })
        .collect();
    let pk_left: Vec<&PkFinding> = pk
        .iter()
        .filter(|f| {
            !applicable
                .iter()
                .any(|d| d.pkilint.contains(&f.code.as_str()))
        })
        .collect();
    let ours_left: Vec<&(&str, Status)> = ours
        .iter()
        .filter(|(l, _)| !applicable.iter().any(|d| d.smimelint.contains(l)))
        .collect();
    let ours_verdict = our_verdict(ours_left.iter().copied());
    if !applicable.is_empty() && pk_verdict(pk_left.iter().copied()) == ours_verdict {
        return Outcome::Deviation(applicable.iter().map(|d| d.why).collect());
    }
    let pk_rest = pk_left
        .iter()
        .copied()
        .filter(|f| !pending_work(f, pending_codes));
    if pk_verdict(pk_rest) == ours_verdict {
        Outcome::Pending
    } else {
        Outcome::Unexplained
    }
}

pub(super) fn compare(dir: &Path, oracle: &Path) -> bool {
    let pk = read_oracle(oracle);
    let pending_codes: Vec<&str> = smimelint::xref::pkilint()
        .into_iter()
        .filter(|f| f.lints.is_empty() && f.reason.is_some_and(|r| r.starts_with("pending")))
        .map(|f| f.id)
        .collect();
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv")).expect("manifest.tsv");
    let (mut total, mut agree, mut pending, mut deviations, mut unparsed) = (0, 0, 0, 0, 0);
    let mut unexplained: BTreeMap<&str, (usize, Vec<String>)> = BTreeMap::new();
    let mut explained: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_family: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // Finding level: pkilint codes no smimelint finding claims, and smimelint lints with pkilint
    // equivalents none of which pkilint reported (certificates each).
    let mut pk_only: BTreeMap<String, usize> = BTreeMap::new();
    let mut ours_only: BTreeMap<&str, usize> = BTreeMap::new();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [rel, type_name, key, muts] = cols[..] else {
            continue;
        };
        let Some(theirs) = pk
            .iter()
            .find(|(f, _)| Path::new(f).ends_with(rel))
            .map(|(_, v)| v)
        else {
            eprintln!("{rel}: no pkilint result");
            continue;
        };
        let Some(theirs) = theirs else {
            unparsed += 1;
            eprintln!("{rel}: pkilint could not load it; skipped");
            continue;
        };
        let t: CertType = type_name.parse().expect("type");
        let linter = Linter::new(Options {
            override_type: Some(t),
            ..Default::default()
        });
        let bytes = std::fs::read(dir.join(rel)).expect("certificate");
        let item = smimelint::input::frame(rel, &bytes[..], Default::default())
            .next()
            .expect("item");
        let ours: Vec<(&'static str, Status)> = linter
            .lint_item(item)
            .issues()
            .filter(|f| f.status >= Status::Warn)
            .map(|f| (f.lint, f.status))
            .collect();
        for f in theirs {
            let claimed = ours.iter().any(|(l, _)| {
                smimelint::registry::find(l)
                    .is_some_and(|lint| lint.pkilint.contains(&f.code.as_str()))
            });
            if !claimed {
                *pk_only
                    .entry(format!("{} {}", f.severity, f.code))
                    .or_default() += 1;
            }
        }
        for (l, _) in &ours {
            let lint = smimelint::registry::find(l).expect("registered lint");
            if !lint.pkilint.is_empty()
                && !theirs
                    .iter()
                    .any(|f| lint.pkilint.contains(&f.code.as_str()))
            {
                *ours_only.entry(l).or_default() += 1;
            }
        }
        let names: Vec<&str> = muts.split(',').filter(|s| !s.is_empty()).collect();
        let family = names
            .iter()
            .filter_map(|n| MUTATIONS.iter().find(|m| m.name == *n))
            .find(|m| !m.compliant)
            .map_or("clean", |m| m.family);
        let key_alg = KEYS.iter().find(|k| format!("{k:?}") == key).copied();
        total += 1;
        let entry = by_family.entry(family).or_default();
        entry.0 += 1;
        match classify(theirs, &ours, &names, key_alg, &pending_codes) {
            Outcome::Agree => {
                agree += 1;
                continue;
            }
            Outcome::Pending => {
                pending += 1;
                *explained
                    .entry(format!("pending: lints not written yet ({family})"))
                    .or_default() += 1;
            }
            Outcome::Deviation(why) => {
                deviations += 1;
                // A certificate may show several deviations; each is counted.
                for w in why {
                    *explained
                        .entry(format!("pkilint deviation: {w}"))
                        .or_default() += 1;
                }
            }
            Outcome::Unexplained => {
                let e = unexplained.entry(family).or_default();
                e.0 += 1;
                if e.1.len() < 5 {
                    let codes: Vec<String> = theirs
                        .iter()
                        .map(|f| format!("{} {}", f.severity, f.code))
                        .collect();
                    e.1.push(format!(
                        "{rel} [{key}; {muts}] pkilint {codes:?} / smimelint {ours:?}"
                    ));
                }
            }
        }
        entry.1 += 1;
    }
    let unexplained_n: usize = unexplained.values().map(|v| v.0).sum();
    let pct = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
    println!("certificates compared: {total} (not loadable by pkilint, skipped: {unparsed})");
    println!("verdicts agree: {agree} ({:.1}%)", pct(agree, total));
    println!(
        "disagree: {}: pending lints {pending}, documented pkilint deviations {deviations}, unexplained {unexplained_n}",
        total - agree
    );
    println!(
        "agreement where both sides have the checks (excluding pending work): {:.1}%",
        pct(agree, total - pending)
    );
    println!(
        "agreement or documented deviation, excluding pending work: {:.1}%",
        pct(agree + deviations, total - pending)
    );
    println!("\nby family of the first violation (certificates, disagreements):");
    for (f, (n, d)) in &by_family {
        println!("  {f:<18} {n:>5} {d:>5}");
    }
    if !explained.is_empty() {
        println!("\nexplained disagreements (a certificate may show several deviations):");
        for (why, n) in &explained {
            println!("  {n:>5}  {why}");
        }
    }
    println!("\nfinding level, pkilint codes that no smimelint finding lists (certificates):");
    for (code, n) in &pk_only {
        println!("  {n:>5}  {code}");
    }
    println!("\nfinding level, smimelint lints whose pkilint equivalents pkilint did not report (certificates):");
    for (lint, n) in &ours_only {
        println!("  {n:>5}  {lint}");
    }
    if !unexplained.is_empty() {
        println!("\nUNEXPLAINED disagreements by family:");
        for (f, (n, examples)) in &unexplained {
            println!("  {f}: {n}");
            for e in examples {
                println!("    {e}");
            }
        }
    }
    unexplained.is_empty()
}
