//! Cross-references between smimelint's lints, the other S/MIME linters and the SBR rules, and the
//! generated Markdown built from them (`docs/lints.md`, the coverage table in
//! `docs/conformance.md`).
//!
//! Which lint covers a pkilint code, a zlint lint or a rules-catalog rule comes from the lints' own
//! metadata ([`Lint::pkilint`](crate::registry::Lint), [`Lint::zlint`](crate::registry::Lint),
//! [`Lint::catalog`](crate::registry::Lint)). The data files under `docs/xref/` only list the
//! other linters' complete inventories and the catalog's rules and, for entries no lint covers,
//! the reason why; [`problems`] keeps the two consistent.

use crate::meta::LintInfo;
use crate::registry::{self, Lint};
use std::fmt::Write;

/// pkilint 0.13.3's S/MIME finding codes: `SEVERITY CODE [-- reason]` per line.
pub const PKILINT_DATA: &str = include_str!("../data/pkilint.txt");
/// How the pkilint-compatible REST answers report each lint (`docs/xref/pkilint-rest.txt`),
/// shared by the service and the Python package.
pub const PKILINT_REST_DATA: &str = include_str!("../data/pkilint-rest.txt");
/// pkilint's CRL and OCSP finding codes (`lint_crl`, `lint_ocsp_response`), same format.
pub const PKILINT_REVOCATION_DATA: &str = include_str!("../data/pkilint-revocation.txt");
/// zlint's CRL lints (`NAME | source | citation | what fails`).
pub const ZLINT_CRL_DATA: &str = include_str!("../data/zlint-crl-lints.txt");
/// zlint's `cabf_smime_br` lint names: `NAME [-- reason]` per line.
pub const ZLINT_DATA: &str = include_str!("../data/zlint.txt");
/// The rules catalog: `NUMBER RULE_ID | SECTION [| -- reason]` per line.
pub const SBR_RULES_DATA: &str = include_str!("../data/sbr-rules.txt");

/// One pkilint code or zlint lint and the smimelint lints that report the same defect.
#[derive(Clone, Debug)]
pub struct Foreign {
    pub id: &'static str,
    /// pkilint's severity (`ERROR`, `WARNING`, …); `None` for zlint (the prefix says it).
    pub severity: Option<&'static str>,
    /// Why no lint covers it, or a note.
    pub reason: Option<&'static str>,
    /// Lints whose metadata names this entry, sorted.
    pub lints: Vec<&'static str>,
}

/// One rule of the rules catalog, or an SBR requirement that leaves no trace in a certificate.
#[derive(Clone, Debug)]
pub struct Rule {
    /// Catalog number (`"42"`) or `P1`… for process-only requirements.
    pub number: &'static str,
    pub id: &'static str,
    pub section: &'static str,
    /// Lints whose `catalog` metadata names this rule, sorted.
    pub lints: Vec<&'static str>,
    /// Why no lint checks it, or a note.
    pub reason: Option<&'static str>,
    /// Text of the third column other than the reason, e.g. a hand-kept `=> lints` list (reported
    /// by [`problems`]: the lints come from their metadata).
    pub stray: Option<&'static str>,
}

fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn split_reason(line: &'static str) -> (&'static str, Option<&'static str>) {
    if let Some(reason) = line.strip_prefix("-- ") {
        return ("", Some(reason.trim()));
    }
    match line.split_once(" -- ") {
        Some((head, reason)) => (head.trim(), Some(reason.trim())),
        None => (line.trim(), None),
    }
}

fn covering(id: &str, field: fn(&Lint) -> &'static [&'static str]) -> Vec<&'static str> {
    covering_in(id, field, |_| true)
}

fn covering_in(
    id: &str,
    field: fn(&Lint) -> &'static [&'static str],
    checks: fn(&Lint) -> bool,
) -> Vec<&'static str> {
    registry::all()
        .iter()
        .filter(|l| checks(l) && field(l).contains(&id))
        .map(|l| l.name)
        .collect()
}

fn checks_revocation(l: &Lint) -> bool {
    l.crl.is_some() || l.ocsp.is_some()
}

fn pkilint_codes(data: &'static str, checks: fn(&Lint) -> bool) -> Vec<Foreign> {
    data_lines(data)
        .map(|line| {
            let (head, reason) = split_reason(line);
            let (severity, id) = head.split_once(' ').unwrap_or(("?", head));
            Foreign {
                id,
                severity: Some(severity),
                reason,
                lints: covering_in(id, |l| l.pkilint, checks),
            }
        })
        .collect()
}

/// Every pkilint S/MIME finding code with the certificate lints that cover it.
pub fn pkilint() -> Vec<Foreign> {
    pkilint_codes(PKILINT_DATA, Lint::checks_certificates)
}

/// Every pkilint CRL and OCSP finding code with the CRL and OCSP lints that cover it.
pub fn pkilint_revocation() -> Vec<Foreign> {
    pkilint_codes(PKILINT_REVOCATION_DATA, checks_revocation)
}

/// zlint's CRL lints with the lints that cover them.
pub fn zlint_crl() -> Vec<Foreign> {
    data_lines(ZLINT_CRL_DATA)
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let id = line.split('|').next()?.trim();
            let lints = covering(id, |l| l.zlint);
            let reason = lints
                .is_empty()
                .then(|| line.rsplit('|').next().unwrap_or("").trim());
            Some(Foreign {
                id,
                severity: None,
                reason,
                lints,
            })
        })
        .collect()
}

/// Every zlint `cabf_smime_br` lint with the lints that cover it.
pub fn zlint() -> Vec<Foreign> {
    data_lines(ZLINT_DATA)
        .map(|line| {
            let (id, reason) = split_reason(line);
            Foreign {
                id,
                severity: None,
                reason,
                lints: covering(id, |l| l.zlint),
            }
        })
        .collect()
}

/// The rules catalog with the lints that check each rule.
pub fn sbr_rules() -> Vec<Rule> {
    data_lines(SBR_RULES_DATA)
        .map(|line| {
            let mut cols = line.splitn(3, '|').map(str::trim);
            let head = cols.next().unwrap_or_default();
            let section = cols.next().unwrap_or_default();
            let (stray, reason) = split_reason(cols.next().unwrap_or_default());
            let (number, id) = head.split_once(' ').unwrap_or((head, ""));
            let id = id.trim();
            Rule {
                number,
                id,
                section,
                lints: covering(id, |l| l.catalog),
                reason,
                stray: (!stray.is_empty()).then_some(stray),
            }
        })
        .collect()
}

/// Inconsistencies between the lint metadata and the data files, as messages. Empty when the
/// cross-reference is complete: every metadata code is a known one, every known code is covered
/// or explained, and no explanation contradicts a covering lint.
pub fn problems() -> Vec<String> {
    let mut out = Vec::new();
    let pk = pkilint();
    let pkr = pkilint_revocation();
    let zl = zlint();
    let rules = sbr_rules();
    for l in registry::all() {
        for code in l.pkilint {
            let known_cert = pk.iter().any(|f| f.id == *code);
            let known_rev = pkr.iter().any(|f| f.id == *code);
            if l.checks_certificates() && !known_cert && !(checks_revocation(l) && known_rev) {
                out.push(format!(
                    "{}: pkilint code {code} is not in docs/xref/pkilint.txt",
                    l.name
                ));
            }
            if !l.checks_certificates() && !known_rev {
                out.push(format!(
                    "{}: pkilint code {code} is not in docs/xref/pkilint-revocation.txt",
                    l.name
                ));
            }
        }
        for id in l.catalog {
            if !rules.iter().any(|r| r.id == *id) {
                out.push(format!(
                    "{}: catalog rule {id} is not in docs/xref/sbr-rules.txt",
                    l.name
                ));
            }
        }
        if rules.iter().any(|r| r.id == l.name) && !l.catalog.contains(&l.name) {
            out.push(format!(
                "{}: the catalog rule of this name is missing from the lint's `catalog` metadata",
                l.name
            ));
        }
    }
    for (list, file) in [
        (&pk, "pkilint.txt"),
        (&pkr, "pkilint-revocation.txt"),
        (&zl, "zlint.txt"),
    ] {
        for f in list.iter() {
            match (f.lints.is_empty(), f.reason) {
                (true, None) => out.push(format!(
                    "{}: no lint lists it and docs/xref/{file} gives no reason",
                    f.id
                )),
                (false, Some(r)) if !r.starts_with("(former name)") => out.push(format!(
                    "{}: covered by {} but docs/xref/{file} still explains its absence",
                    f.id,
                    f.lints.join(", ")
                )),
                _ => {}
            }
        }
    }
    for r in &rules {
        if let Some(text) = r.stray {
            out.push(format!(
                "rule {} {}: '{text}' in docs/xref/sbr-rules.txt: the lints that check a rule are \
                 the ones whose `catalog` metadata names it",
                r.number, r.id
            ));
        }
        if r.lints.is_empty() && r.reason.is_none() {
            out.push(format!("rule {} {}: no lint and no reason", r.number, r.id));
        }
    }
    out
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn code_list(v: &[&str]) -> String {
    if v.is_empty() {
        "–".into()
    } else {
        v.iter()
            .map(|s| format!("`{s}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn effective(i: &LintInfo) -> String {
    // Structural lints are effective from the epoch: show that as "always".
    let start = if i.effective == "1970-01-01" {
        "always"
    } else {
        i.effective.as_str()
    };
    match &i.ineffective {
        Some(end) => format!("{start} – {end}"),
        None => start.to_string(),
    }
}

/// `docs/lints.md`: every lint with its metadata and equivalents, then the migration tables.
pub fn lints_markdown() -> String {
    let infos = crate::meta::all();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# smimelint lints\n\n\
         Generated from the lint registry and `docs/xref/` by `smimelint lints --format markdown`;\n\
         do not edit by hand (`SMIMELINT_BLESS=1 cargo test --test docs` rewrites it).\n\n\
         {} lints, in one section per document (a lint that checks several is in each).\n\
         Level: `error` = SHALL/MUST, `warn` = SHOULD, `notice` = informational.\n\
         `smimelint explain NAME` prints a lint's full documentation.\n",
        infos.len()
    );
    let sections = [
        (
            "certificate",
            "Certificates",
            "certificates and TBSCertificates",
        ),
        (
            "crl",
            "CRLs",
            "CRLs and TBSCertLists (RFC 5280 §5, SBR 4.9.7 and 7.2)",
        ),
        (
            "ocsp",
            "OCSP responses",
            "OCSP responses (RFC 6960, SBR 4.9.10 and 7.3)",
        ),
    ];
    for (document, title, what) in sections {
        let listed: Vec<&LintInfo> = infos
            .iter()
            .filter(|i| i.documents.contains(&document))
            .collect();
        let _ = writeln!(s, "\n## {title}\n\n{} lints check {what}.\n", listed.len());
        s.push_str("| lint | level | citation | ballot | effective | pkilint | zlint |\n");
        s.push_str("|---|---|---|---|---|---|---|\n");
        for i in listed {
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} | {} | {} |",
                i.name,
                i.level.as_str(),
                cell(i.citation),
                i.ballot.unwrap_or("–"),
                effective(i),
                code_list(i.pkilint),
                code_list(i.zlint),
            );
        }
    }
    s.push_str(
        "\n## Migration\n\n\
         ### From pkilint\n\n\
         Every finding code pkilint 0.13.3 can report for an S/MIME subscriber certificate, with \
         the smimelint lints that report the same defect, or why there is none.\n\n\
         | pkilint code | severity | smimelint | note |\n|---|---|---|---|\n",
    );
    for f in pkilint() {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.id,
            f.severity.unwrap_or(""),
            code_list(&f.lints),
            cell(f.reason.unwrap_or(""))
        );
    }
    s.push_str(
        "\n### From zlint\n\n\
         Every lint in zlint's `cabf_smime_br` package (and former names), with the smimelint \
         lints that cover it.\n\n\
         | zlint lint | smimelint | note |\n|---|---|---|\n",
    );
    for f in zlint() {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} |",
            f.id,
            code_list(&f.lints),
            cell(f.reason.unwrap_or(""))
        );
    }
    s.push_str(
        "\n### From pkilint's lint_crl and lint_ocsp_response\n\n\
         Every finding code pkilint 0.13.3 can report for a CRL (profiles PKIX and BR, CRL and \
         ARL) or an OCSP response, with the smimelint lints that report the same defect, or why \
         there is none.\n\n\
         | pkilint code | severity | smimelint | note |\n|---|---|---|---|\n",
    );
    for f in pkilint_revocation() {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.id,
            f.severity.unwrap_or(""),
            code_list(&f.lints),
            cell(f.reason.unwrap_or(""))
        );
    }
    s.push_str(
        "\n### From zlint's CRL lints\n\n\
         Every CRL lint of zlint v3 (zlint has no OCSP lints), with the smimelint lints that \
         cover it; where none does, what zlint checks.\n\n\
         | zlint lint | smimelint | zlint checks |\n|---|---|---|\n",
    );
    for f in zlint_crl() {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} |",
            f.id,
            code_list(&f.lints),
            cell(f.reason.unwrap_or(""))
        );
    }
    s
}

/// The SBR coverage table of `docs/conformance.md` (between its generated-section markers).
pub fn sbr_coverage_markdown() -> String {
    let rules = sbr_rules();
    let lintable: Vec<&Rule> = rules
        .iter()
        .filter(|r| !r.number.starts_with('P'))
        .collect();
    let covered = lintable.iter().filter(|r| !r.lints.is_empty()).count();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} catalogued rules: {covered} checked by a lint, {} not checkable from one \
         certificate.\n",
        lintable.len(),
        lintable.len() - covered
    );
    s.push_str("| # | rule | SBR section | smimelint | note |\n|---|---|---|---|---|\n");
    for r in &rules {
        let _ = writeln!(
            s,
            "| {} | `{}` | {} | {} | {} |",
            r.number,
            r.id,
            cell(r.section),
            code_list(&r.lints),
            cell(r.reason.unwrap_or(""))
        );
    }
    s
}

/// Marker lines around the generated part of `docs/conformance.md`.
pub const COVERAGE_BEGIN: &str =
    "<!-- BEGIN GENERATED: sbr-coverage (SMIMELINT_BLESS=1 cargo test --test docs) -->";
pub const COVERAGE_END: &str = "<!-- END GENERATED: sbr-coverage -->";

/// `doc` with the text between the coverage markers replaced by [`sbr_coverage_markdown`];
/// `None` when the markers are missing.
pub fn with_coverage(doc: &str) -> Option<String> {
    let start = doc.find(COVERAGE_BEGIN)? + COVERAGE_BEGIN.len();
    let end = doc[start..].find(COVERAGE_END)? + start;
    Some(format!(
        "{}\n{}{}",
        &doc[..start],
        sbr_coverage_markdown(),
        &doc[end..]
    ))
}
