#!/usr/bin/env python3
"""Finding-level agreement between smimelint and pkilint 0.13.3.

For every certificate of pkilint's test corpus (testdata/pkilint, pkilint's findings from the
.expected.csv files) and of the real-world set (../shared/corpus/realworld, pkilint's findings
from a saved pkilint-oracle run), pkilint's finding codes are mapped to smimelint lints through
the lints' `pkilint` metadata (`smimelint lints --format json`). The script lists, per
certificate, the pkilint findings no smimelint finding answers and the smimelint errors and
warnings no pkilint finding answers, each with its explanation, and writes the tables as the
section "Finding-level agreement with pkilint" at the end of docs/conformance.md.

    scripts/finding_agreement.py [--bin target/debug/smimelint] [--shared ../shared]
                                 [--pkilint-realworld FILE.jsonl] [--write]

Without --pkilint-realworld the oracle is run over the real-world certificates (slow the first
time: it installs pkilint). Without --write the section goes to stdout. Exit status 1 when a
disagreement has no explanation: add one to EXPLAIN_* below (with the SBR section) or fix the lint.

Only file names of the real-world certificates appear in the output: they are real people's.
"""

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Finding-level agreement with pkilint"
BEGIN = "<!-- BEGIN GENERATED: finding-agreement (scripts/finding_agreement.py --write) -->"
END = "<!-- END GENERATED: finding-agreement -->"
# The corpus tests' evaluation time: after every ballot up to SMC012 (tests/pkilint_suite.rs).
CORPUS_EARLIEST = dt.date(2025, 7, 2)
# A fixed "today" for the real-world set, so that the document does not change with the clock.
TODAY = "2026-12-01"
PK_SEVERITIES = ("WARNING", "ERROR", "FATAL")
SL_STATUSES = ("warn", "error", "fatal")

# pkilint codes a lint covers but that smimelint deliberately does not report on these
# certificates. Key: code, or (certificate, code); value: why, with the section that decides.
EXPLAIN_PKILINT = {
    "cabf.internal_domain_name": (
        "the SBR has no Internal Name rule (that is the TLS BRs); pkilint reads the empty host of "
        "an `ldap:///` URI (or a private top-level domain) in CRLDP/AIA as one. SBR 7.1.2.3(b),(c) "
        "ask for an HTTP URL and let Legacy certificates carry other schemes beside it"
    ),
    ("organization/multipurpose/bad_crldp_no_scheme", "cabf.internal_domain_name"): (
        "the URI has no scheme, so pkilint finds an empty host; smimelint reports the URI itself "
        "(e_smime_crldp_non_http_uri, e_smime_crldp_no_http_uri: SBR 7.1.2.3(b)) and the SBR has "
        "no Internal Name rule"
    ),
    "cabf.smime.legacy_generation_certificate_issued_after_prohibition": (
        "SBR 7.1.6.1 (SMC08) forbids issuing with the Legacy policy OIDs 2.23.140.1.5.x.1 from "
        "2025-07-15; this certificate carries none (its generation is a guess), and the missing "
        "reserved OID is reported by its own lint (SBR 7.1.6.4)"
    ),
    ("individual/strict/clientauth_eku_and_othername", "cabf.smime.no_required_reserved_policy_oid"): (
        "the certificate asserts 2.23.140.1.5.4.2 (individual-multipurpose) while its folder names "
        "individual-strict; a reserved OID is present, so SBR 7.1.6.4 holds and only the folder "
        "disagrees with the certificate"
    ),
    ("individual/legacy/rsa_key_no_param", "itu.invalid_asn1_syntax"): (
        "the absent NULL parameters of rsaEncryption are reported once, as the SPKI encoding "
        "finding that answers cabf.smime.prohibited_spki_algorithm_encoding (SBR 7.1.3.1.1 exact "
        "DER); the field itself decodes"
    ),
    ("e4d9d60a89fe3656.pem", "itu.invalid_asn1_syntax"): (
        "BUG (being fixed): subject emailAddress encoded as UTF8String, where RFC 5280 Appendix A "
        "requires IA5String; e_smime_subject_attribute_encoding_invalid is held back until "
        "2023-09-01 though the rule is RFC 5280's"
    ),
    ("e543a9f90b592ca8.pem", "itu.invalid_asn1_syntax"): (
        "BUG (being fixed): subject emailAddress encoded as UTF8String, where RFC 5280 Appendix A "
        "requires IA5String; e_smime_subject_attribute_encoding_invalid is held back until "
        "2023-09-01 though the rule is RFC 5280's"
    ),
    ("182f6caa8cd8698c.pem", "itu.invalid_asn1_syntax"): (
        "BUG (being fixed): domainComponent encoded as PrintableString; RFC 5280 Appendix A / RFC "
        "4519 require IA5String and no smimelint lint reports it yet"
    ),
}

# smimelint errors and warnings that pkilint has no finding for. Key: lint, or (certificate,
# lint); value: why, with the section that decides.
EXPLAIN_SMIMELINT = {
    "e_smime_subject_cn_mv_not_mailbox": (
        "SBR 7.1.4.2.2(a): a Mailbox-validated commonName SHALL be a Mailbox Address; pkilint "
        "reports the commonName through cabf.smime.common_name_value_unknown_source only when it "
        "matches no SAN value at all"
    ),
    ("individual/multipurpose/mixed_pseudonym_and_name", "e_smime_subject_cn_pseudonym_mismatch"): (
        "the same subject defect pkilint reports as cabf.smime.mixed_name_and_pseudonym_attributes "
        "(answered by e_smime_subject_pseudonym_with_given_name_or_surname): a commonName holding "
        "a Personal Name beside a pseudonym attribute, SBR 7.1.4.2.2(a)"
    ),
    "w_smime_subject_cn_personal_name_without_name_attributes": (
        "FALSE POSITIVE (being fixed): SBR 7.1.4.2.2(a) SHOULD present a Personal Name as "
        "givenName/surname, but 7.1.4.2.5/7.1.4.2.6 Note 1 let Legacy certificates carry only the "
        "commonName; pkilint has no such check"
    ),
}


# Why smimelint's verdict at TODAY differs from pkilint's, per lint.
TODAY_WHY = {
    "e_smime_legacy_generation_after_sunset": (
        "the certificate asserts a Legacy policy OID; `--at` stands for the issuance date, which "
        "falls after the 2025-07-15 sunset (SBR 7.1.6.1), while pkilint dates it by notBefore"
    ),
    "w_smime_subject_cn_personal_name_without_name_attributes": (
        "false positive being fixed (SBR 7.1.4.2.5 Note 1)"
    ),
}


def load_lints(binary):
    out = subprocess.run([binary, "lints", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    lints = {l["name"]: l for l in json.loads(out)}
    by_code = defaultdict(list)
    for l in lints.values():
        for code in l.get("pkilint") or []:
            by_code[code].append(l["name"])
    return lints, by_code


def load_xref():
    """pkilint code -> why no lint lists it (docs/xref/pkilint.txt)."""
    why = {}
    for line in (ROOT / "docs/xref/pkilint.txt").read_text().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        head, _, reason = line.partition(" -- ")
        parts = head.split()
        if len(parts) == 2:
            why[parts[1]] = reason.strip()
    return why


def not_before(path):
    out = subprocess.run(["openssl", "x509", "-noout", "-startdate", "-in", str(path)],
                         capture_output=True, text=True)
    text = out.stdout.strip().partition("=")[2]
    try:
        return dt.datetime.strptime(text, "%b %d %H:%M:%S %Y %Z").date()
    except ValueError:
        return None


def smimelint(binary, path, extra):
    out = subprocess.run([binary, "lint", "--format", "jsonl", "--all", *extra, str(path)],
                         capture_output=True, text=True).stdout
    records = [json.loads(l) for l in out.splitlines() if l.strip()]
    assert len(records) == 1, f"{path}: {len(records)} records"
    return records[0]


def verdict_sl(rec):
    st = {f["status"] for f in rec["findings"]}
    return "error" if st & {"error", "fatal"} else "warn" if "warn" in st else "clean"


def compare(name, pk_findings, rec, lints, by_code, xref):
    """Rows (side, item, explanation, explained) for one certificate, and match counts."""
    status = {f["lint"]: f["status"] for f in rec["findings"]}
    fired = {l for l, s in status.items() if s in ("notice", *SL_STATUSES)}
    pk_codes = {f["code"] for f in pk_findings}
    rows, counts = [], Counter()
    for code in sorted({f["code"] for f in pk_findings if f["severity"] in PK_SEVERITIES}):
        ours = by_code.get(code, [])
        if set(ours) & fired:
            counts["pk_matched"] += 1
            continue
        counts["pk_unmatched"] += 1
        sev = next(f["severity"] for f in pk_findings if f["code"] == code)
        item = f"{sev} `{code}`"
        manual = EXPLAIN_PKILINT.get((name, code)) or EXPLAIN_PKILINT.get(code)
        ne = [l for l in ours if status.get(l) == "NE"]
        if manual:
            rows.append(("pkilint only", item, manual, True))
        elif not ours:
            reason = xref.get(code)
            rows.append(("pkilint only", item,
                         f"no lint covers it: {reason}" if reason else "no lint covers it, and "
                         "docs/xref/pkilint.txt gives no reason", bool(reason)))
        elif ne:
            eff = ", ".join(f"`{l}` from {lints[l]['effective']}" for l in ne[:2])
            eff += ", ..." if len(ne) > 2 else ""
            text = (f"not yet effective at notBefore {rec_date(rec)}: {eff}; pkilint applies "
                    "every rule whatever the date")
            if code.startswith(("pkix.", "itu.")):
                # RFC 5280 and X.690 rules hold whatever the date; only SBR rules take SBR dates.
                text = f"BUG (being fixed): an RFC 5280/X.690 rule held back by an SBR date; {text}"
            rows.append(("pkilint only", item, text, True))
        else:
            said = ", ".join(f"`{l}` {status.get(l, '-')}" for l in ours)
            rows.append(("pkilint only", item, f"UNEXPLAINED: {said}", False))
    for f in rec["findings"]:
        if f["status"] not in SL_STATUSES:
            continue
        lint = f["lint"]
        codes = set(lints[lint].get("pkilint") or []) if lint in lints else set()
        if codes & pk_codes:
            counts["sl_matched"] += 1
            continue
        counts["sl_unmatched"] += 1
        item = f"{f['status']} `{lint}`"
        manual = EXPLAIN_SMIMELINT.get((name, lint)) or EXPLAIN_SMIMELINT.get(lint)
        if manual:
            rows.append(("smimelint only", item, manual, True))
        else:
            rows.append(("smimelint only", item,
                         f"UNEXPLAINED ({f['citation']}; pkilint codes: "
                         f"{', '.join(sorted(codes)) or 'none'})", False))
    return rows, counts


def rec_date(rec):
    return rec.get("_not_before") or "?"


def corpus_run(binary, lints, by_code, xref):
    root = ROOT / "testdata/pkilint"
    results = []
    for pem in sorted(root.glob("*/*/*.pem")):
        stem = pem.relative_to(root).with_suffix("").as_posix()
        ctype = "-".join(stem.split("/")[:2])
        nb = not_before(pem) or CORPUS_EARLIEST
        at = max(nb, CORPUS_EARLIEST).isoformat()
        rec = smimelint(binary, pem, ["--type", ctype, "--at", at])
        rec["_not_before"] = nb.isoformat()
        with open(pem.with_suffix(".expected.csv"), newline="") as fh:
            pk = [{"severity": r["severity"], "code": r["code"]} for r in csv.DictReader(fh)]
        rows, counts = compare(stem, pk, rec, lints, by_code, xref)
        results.append((stem, rows, counts, None))
    assert len(results) == 97, f"{len(results)} corpus certificates, expected 97"
    return results


def realworld_run(binary, shared, pk_file, lints, by_code, xref):
    base = shared / "corpus/realworld"
    certs = sorted((base / "certs").glob("*.pem"))
    if pk_file is None:
        oracle = shared / "tools/pkilint-oracle"
        out = subprocess.run([str(oracle), *map(str, certs)], check=True,
                             capture_output=True, text=True).stdout
        lines = out.splitlines()
    else:
        lines = Path(pk_file).read_text().splitlines()
    pk = {}
    for l in lines:
        r = json.loads(l)
        pk[Path(r["file"]).name] = r
    results = []
    for pem in certs:
        rec = smimelint(binary, pem, [])
        nb = not_before(pem)
        rec["_not_before"] = nb.isoformat() if nb else "?"
        theirs = pk[pem.name]
        rows, counts = compare(pem.name, theirs["findings"], rec, lints, by_code, xref)
        today = smimelint(binary, pem, ["--at", TODAY])
        info = {
            "pk_verdict": theirs["verdict"], "sl_verdict": verdict_sl(rec),
            "today_verdict": verdict_sl(today),
            "today_lints": sorted({f["lint"] for f in today["findings"]
                                   if f["status"] in SL_STATUSES}),
            "pk_type": theirs.get("type", "-").lower(), "sl_type": rec.get("type") or "-",
            "not_before": rec["_not_before"],
        }
        results.append((pem.name, rows, counts, info))
    assert len(results) == 138, f"{len(results)} real-world certificates, expected 138"
    return results


def table(results):
    """One row per disagreement; a certificate's findings held back by SBR dates share a row."""
    out = ["| certificate | side | finding | explanation |", "|---|---|---|---|"]
    for name, rows, _, _ in results:
        dated = [r for r in rows if r[2].startswith("not yet effective")]
        for side, item, why, _ in rows:
            if not why.startswith("not yet effective"):
                out.append(f"| `{name}` | {side} | {item} | {why} |")
        if dated:
            codes = ", ".join(item for _, item, _, _ in dated)
            lints = sorted({l for *_, why, _ in dated for l in why.split("`")[1::2]})
            out.append(f"| `{name}` | pkilint only | {codes} | SBR rules not yet effective at "
                       f"notBefore {dated[0][2].split()[5].rstrip(':')} "
                       f"({', '.join(f'`{l}`' for l in lints)}); pkilint applies every rule "
                       "whatever the date |")
    return out


def summary(results, what):
    c = Counter()
    for _, _, counts, _ in results:
        c.update(counts)
    return (f"{len(results)} {what}: of pkilint's warnings and errors, {c['pk_matched']} have a "
            f"smimelint counterpart and {c['pk_unmatched']} do not; of smimelint's, "
            f"{c['sl_matched']} have a pkilint counterpart and {c['sl_unmatched']} do not.")


def verdict_reason(info, rows):
    pk, sl = info["pk_verdict"], info["sl_verdict"]
    rank = {"clean": 0, "warn": 1, "error": 2, "unparsed": 3}
    side = "pkilint only" if rank[pk] > rank[sl] else "smimelint only"
    kinds = Counter()
    for s, _, text, _ in rows:
        if s != side:
            continue
        if text.startswith("BUG") or text.startswith("FALSE POSITIVE"):
            kinds["bugs (see the table)"] += 1
        elif text.startswith("not yet effective"):
            kinds["SBR rules not yet effective at notBefore (v1.0.0: 2023-09-01)"] += 1
        else:
            kinds["deliberate differences (see the table)"] += 1
    parts = "; ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
    who = "pkilint's" if side == "pkilint only" else "smimelint's"
    return f"{who} unanswered findings: {parts or 'none'}"


def render(corpus, real):
    out = [HEADING, "", BEGIN, "",
           "Generated by `scripts/finding_agreement.py --write`. pkilint's finding codes map to "
           "lints through each lint's `pkilint` metadata (`smimelint lints --format json`, "
           "`docs/xref/pkilint.txt`). Only pkilint's WARNING/ERROR/FATAL findings and smimelint's "
           "warn/error/fatal findings are compared; a finding counts as answered when the other "
           "tool reports any finding mapped to it. Every row below is a disagreement with the "
           "reason: the SBR section that decides, the effective date (smimelint evaluates at "
           "notBefore, pkilint applies every rule whatever the date), or the xref entry saying "
           "why no lint covers the code.", ""]
    out += ["### pkilint's test corpus", "",
            "Each certificate linted as the type its folder names at its notBefore or "
            f"{CORPUS_EARLIEST.isoformat()}, whichever is later (as `tests/pkilint_suite.rs` does).",
            "", summary(corpus, "corpus certificates"), ""]
    out += table(corpus) + [""]
    out += ["### Real-world certificates", "",
            "`../shared/corpus/realworld/certs/` (file names only: these are real people's "
            "certificates), smimelint with its defaults (type detected or guessed, evaluation "
            "at notBefore, no issuer) against pkilint-oracle (type detected or guessed by "
            "pkilint).", "", summary(real, "real-world certificates"), ""]
    out += table(real) + [""]
    out += ["#### Where smimelint's and pkilint's verdict differ, why", "",
            "| certificate | notBefore | type (smimelint / pkilint) | pkilint | smimelint | why |",
            "|---|---|---|---|---|---|"]
    differ, why_all = 0, Counter()
    for name, rows, _, info in real:
        if info["pk_verdict"] == info["sl_verdict"]:
            continue
        differ += 1
        reason = verdict_reason(info, rows)
        if "bugs" in reason:
            why_all["involve a bug listed above"] += 1
        elif "deliberate" in reason:
            why_all["involve a deliberate difference (and possibly SBR dates)"] += 1
        else:
            why_all["differ only because SBR rules were not yet effective at notBefore"] += 1
        out.append(f"| `{name}` | {info['not_before']} | {info['sl_type']} / {info['pk_type']} | "
                   f"{info['pk_verdict']} | {info['sl_verdict']} | {verdict_reason(info, rows)} |")
    out += ["", f"{differ} of {len(real)} verdicts differ: "
            + "; ".join(f"{n} {k}" for k, n in sorted(why_all.items(), key=lambda kv: -kv[1]))
            + "."]
    today_differ = [(n, i) for n, _, _, i in real if i["today_verdict"] != i["pk_verdict"]]
    out += ["", f"Evaluated at a fixed present (`--at {TODAY}`), smimelint applies every rule in "
            f"force then, as pkilint applies every rule it knows: {len(real) - len(today_differ)} "
            f"of {len(real)} verdicts agree."]
    if today_differ:
        out += ["The others:", "", "| certificate | pkilint | smimelint | smimelint's errors and "
                "warnings | why |", "|---|---|---|---|---|"]
        for n, i in today_differ:
            why = "; ".join(TODAY_WHY.get(l, "UNEXPLAINED") for l in i["today_lints"])
            out.append(f"| `{n}` | {i['pk_verdict']} | {i['today_verdict']} | "
                       f"{', '.join(f'`{l}`' for l in i['today_lints'])} | {why} |")
    out += ["", END, ""]
    return "\n".join(out)


def write(section):
    path = ROOT / "docs/conformance.md"
    text = path.read_text()
    if HEADING in text:
        head, _, rest = text.partition(HEADING)
        _, _, tail = rest.partition(END)
        text = head.rstrip("\n") + "\n\n" + section.rstrip("\n") + "\n" + tail.lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/debug/smimelint"))
    ap.add_argument("--shared", default=os.environ.get("SMIMELINT_SHARED", str(ROOT / "../shared")))
    ap.add_argument("--pkilint-realworld", help="saved pkilint-oracle output (JSON lines)")
    ap.add_argument("--write", action="store_true", help="update docs/conformance.md")
    args = ap.parse_args()
    lints, by_code = load_lints(args.bin)
    xref = load_xref()
    corpus = corpus_run(args.bin, lints, by_code, xref)
    real = realworld_run(args.bin, Path(args.shared), args.pkilint_realworld, lints, by_code, xref)
    section = render(corpus, real)
    if args.write:
        write(section)
    else:
        sys.stdout.write(section)
    unexplained = [(n, r) for n, rows, _, _ in corpus + real for r in rows if not r[3]]
    for name, (side, item, why, _) in unexplained:
        print(f"unexplained: {name}: {side} {item}: {why}", file=sys.stderr)
    return 1 if unexplained or "UNEXPLAINED" in section else 0


if __name__ == "__main__":
    sys.exit(main())
