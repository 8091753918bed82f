#!/usr/bin/env python3
"""Differential check of smimelint's CRL and OCSP lints against pkilint 0.13.3's lint_crl and
lint_ocsp_response (an independent implementation), on the factory's good and single-defect
samples and on pkilint's own CRL/OCSP test files.

    scripts/revocation_differential.py [--smimelint BIN] [--markdown] [--check]

For every input both tools lint it: pkilint through scripts/pkilint_revocation_oracle.py
(profile BR, CRL type from the IDP), smimelint with the matching --scope (subscriber for a
pkilint "crl", ca for an "arl"). smimelint's findings become pkilint codes through each lint's
`pkilint` metadata (`smimelint lints --format json`). Compared per input:

- verdict: whether each tool reports an error (pkilint ERROR/FATAL, smimelint error/fatal);
- codes: the pkilint codes pkilint reports, against the codes smimelint's findings map to.
  Only codes some smimelint lint maps to count as comparable; the others are listed apart.

Every disagreement is printed with the reason in EXPLAINED (the SBR or RFC text that decides
it), or marked UNEXPLAINED. --check exits 1 on an unexplained difference. --markdown prints
the summary table for docs/conformance.md.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Why pkilint and smimelint disagree, keyed by (input, code or lint) or, for every input, by the
# code or lint alone: the SBR or RFC text (or a pkilint defect) that decides it.
TLS_ALLOWLIST = (
    "pkilint's BR profile applies the TLS BR reason allowlist; SBR 7.2.2 forbids only "
    "unspecified (0), and certificateHold (6) for CA and Strict certificates"
)
STOPS_AT_DECODING = (
    "pkilint's decoder refuses the document (itu.invalid_asn1_syntax, or it cannot load it) "
    "and reports nothing else; smimelint reads on and names the field"
)
EXPLAINED = {
    "cabf.crl_prohibited_reason_code": TLS_ALLOWLIST,
    "e_crl_signature_algorithm_mismatch": (
        "RFC 5280 5.1.1.2 requires signatureAlgorithm to equal tbsCertList.signature; pkilint "
        "0.13.3 registers its SignatureAlgorithmMatchValidator for the path `signatureAlgorithm`, "
        "which no CRL node has (the root is `certificateList`), so the check never runs"
    ),
    ("crl-bad-crl-number-negative.crl", "itu.invalid_asn1_syntax"): (
        "pkilint's schema declares CRLNumber INTEGER (0..MAX) and its decoder refuses the value; "
        "smimelint reports the same defect as e_crl_number_out_of_range (RFC 5280 5.2.3)"
    ),
    ("crl-bad-crl-number-negative.crl", "e_crl_number_out_of_range"): (
        "the same defect pkilint reports as itu.invalid_asn1_syntax (its decoder refuses a "
        "negative CRLNumber)"
    ),
    ("crl-bad-extensions-empty.crl", "e_crl_aki_missing"): STOPS_AT_DECODING,
    ("crl-bad-extensions-empty.crl", "e_crl_number_missing"): STOPS_AT_DECODING,
    ("crl-bad-idp-false-encoded.crl", "itu.invalid_asn1_syntax"): (
        "a DEFAULT FALSE written out (X.690 11.5): pkilint's DER decoder refuses it, smimelint "
        "reports it as e_der_default_value_encoded, which has no pkilint code of its own"
    ),
    ("ocsp-bad-version-v1-explicit.ocsp", "itu.invalid_asn1_syntax"): (
        "version v1 written out (X.690 11.5): pkilint's DER decoder refuses it, smimelint "
        "reports it as e_der_default_value_encoded, which has no pkilint code of its own"
    ),
    ("ocsp-bad-produced-at-utc.ocsp", "e_ocsp_time_encoding"): STOPS_AT_DECODING,
    ("ocsp-bad-this-update-utc.ocsp", "e_ocsp_time_encoding"): STOPS_AT_DECODING,
}


def explained(name: str, key: str):
    return EXPLAINED.get((name, key)) or EXPLAINED.get(key)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw).stdout


def samples(work: Path) -> list[Path]:
    out = work / "samples"
    subprocess.run(
        ["cargo", "run", "-q", "-p", "xtask", "--", "revocation-samples", str(out)],
        check=True,
        cwd=ROOT,
    )
    files = sorted(p for p in out.iterdir() if p.suffix in (".crl", ".ocsp"))
    own = sorted((ROOT / "testdata/pkilint-revocation").glob("*/*.pem"))
    return files + own


def lint_map(binary: str) -> dict[str, list[str]]:
    infos = json.loads(run([binary, "lints", "--format", "json"]))
    return {i["name"]: i["pkilint"] for i in infos}


def pkilint(files: list[Path]) -> list[dict]:
    out = run([sys.executable, str(ROOT / "scripts/pkilint_revocation_oracle.py")] + [str(f) for f in files])
    return [json.loads(line) for line in out.splitlines()]


def smimelint(binary: str, path: Path, scope: str | None) -> dict:
    cmd = [binary, "lint", "--format", "jsonl", "--no-config", str(path)]
    if scope:
        cmd += ["--scope", scope]
    lines = subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()
    return json.loads(lines[0])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--smimelint", default=str(ROOT / "target/debug/smimelint"))
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    mapping = lint_map(args.smimelint)
    comparable = {code for codes in mapping.values() for code in codes}
    with tempfile.TemporaryDirectory() as tmp:
        files = samples(Path(tmp))
        oracle = pkilint(files)
        rows = []
        for path, pk in zip(files, oracle):
            scope = None
            if pk["kind"] == "crl":
                scope = "ca" if pk.get("crl_type") == "arl" else "subscriber"
            ours = smimelint(args.smimelint, path, scope)
            rows.append((path, pk, ours))

    verdict_agree = 0
    pk_codes_total = pk_codes_found = 0
    our_mapped_total = our_mapped_confirmed = 0
    unparsed = 0
    differences = []
    for path, pk, ours in rows:
        name = path.name
        if pk["verdict"] == "unparsed":
            unparsed += 1
        pk_all = {f["code"] for f in pk["findings"]}
        pk_error = any(f["severity"] in ("ERROR", "FATAL") for f in pk["findings"])
        issues = [f for f in ours["findings"] if f["status"] in ("error", "fatal", "warn", "notice")]
        our_error = any(f["status"] in ("error", "fatal") for f in issues)
        verdict_agree += pk_error == our_error
        # pkilint's codes that some smimelint lint maps to, each found when one of our findings
        # maps to it.
        pk_set = {c for c in pk_all if c in comparable}
        our_codes = {c for f in issues for c in mapping.get(f["lint"], [])}
        pk_codes_total += len(pk_set)
        pk_codes_found += len(pk_set & our_codes)
        for code in sorted(pk_set - our_codes):
            differences.append((name, f"`{code}`", "pkilint", explained(name, code)))
        # Our findings with a pkilint equivalent, each confirmed when pkilint reports one of its
        # codes.
        for f in issues:
            codes = mapping.get(f["lint"], [])
            if not codes:
                continue
            our_mapped_total += 1
            if pk_all & set(codes):
                our_mapped_confirmed += 1
            else:
                why = explained(name, f["lint"])
                differences.append((name, f"`{f['lint']}` ({', '.join(codes)})", "smimelint", why))
        # An error only one side reports, from a rule the other has no code for.
        if our_error and not pk_error:
            for f in issues:
                if f["status"] in ("error", "fatal") and not mapping.get(f["lint"]):
                    citation = f.get("citation") or "smimelint"
                    differences.append((name, f"`{f['lint']}`", "smimelint",
                                        f"{citation}; pkilint 0.13.3 has no check for this rule"))
        if pk_error and not our_error:
            codes = sorted(c for c in pk_all if c not in comparable)
            for code in codes:
                differences.append((name, f"`{code}`", "pkilint", explained(name, code)))

    n = len(rows)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    summary = [
        ("inputs (factory samples + pkilint's own test files)", str(n)),
        ("read by pkilint", f"{n - unparsed}/{n}"),
        ("error verdict agrees", f"{verdict_agree}/{n} ({pct(verdict_agree, n)})"),
        ("pkilint's comparable codes that smimelint reports", f"{pk_codes_found}/{pk_codes_total} ({pct(pk_codes_found, pk_codes_total)})"),
        ("smimelint's findings with a pkilint code that pkilint confirms", f"{our_mapped_confirmed}/{our_mapped_total} ({pct(our_mapped_confirmed, our_mapped_total)})"),
    ]
    if args.markdown:
        print("| measure | result |\n|---|---|")
        for k, v in summary:
            print(f"| {k} | {v} |")
        print("\n| input | finding | only in | why |\n|---|---|---|---|")
        for name, code, side, why in differences:
            print(f"| {name} | {code} | {side} | {why or 'UNEXPLAINED'} |")
    else:
        for k, v in summary:
            print(f"{k}: {v}")
        for name, code, side, why in differences:
            print(f"  {name}: {code} only in {side}: {why or 'UNEXPLAINED'}")
    unexplained = [d for d in differences if not d[3]]
    if args.check and unexplained:
        print(f"{len(unexplained)} unexplained difference(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
