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

# Why a pkilint code and smimelint disagree on an input, keyed by (code, side): side "pkilint"
# when only pkilint reports the code, "smimelint" when only smimelint's mapped findings do.
EXPLAINED = {
    ("cabf.crl_prohibited_reason_code", "pkilint"): (
        "pkilint's BR profile applies the TLS BR reason allowlist; SBR 7.2.2 forbids only "
        "unspecified (0), and certificateHold (6) for CA and Strict certificates"
    ),
    ("pkix.crl_revoked_certificates_empty", "smimelint"): None,
}

# Inputs whose defect pkilint 0.13.3 does not check at all (docs/xref/pkilint-revocation-codes.txt,
# "Not checked by pkilint"): a finding of ours there is not a disagreement about a shared rule.
NOT_CHECKED_BY_PKILINT = (
    "signatures, responder certificates, IDP consistency, delta CRLs, entry extensions other "
    "than reasonCode criticality, OCSP extensions, the SBR 4.9.10 interval"
)


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
    our_codes_total = our_codes_confirmed = 0
    unparsed = 0
    differences = []
    for path, pk, ours in rows:
        name = path.name
        if pk["verdict"] == "unparsed":
            unparsed += 1
        pk_error = any(f["severity"] in ("ERROR", "FATAL") for f in pk["findings"])
        our_error = any(f["status"] in ("error", "fatal") for f in ours["findings"])
        verdict_agree += pk_error == our_error
        pk_set = {f["code"] for f in pk["findings"] if f["code"] in comparable}
        our_set = {
            code
            for f in ours["findings"]
            if f["status"] in ("error", "fatal", "warn", "notice")
            for code in mapping.get(f["lint"], [])
        }
        pk_codes_total += len(pk_set)
        pk_codes_found += len(pk_set & our_set)
        our_codes_total += len(our_set)
        our_codes_confirmed += len(our_set & pk_set)
        for code in sorted(pk_set - our_set):
            differences.append((name, code, "pkilint", EXPLAINED.get((code, "pkilint"))))
        for code in sorted(our_set - pk_set):
            differences.append((name, code, "smimelint", EXPLAINED.get((code, "smimelint"))))
        if pk_error != our_error and not (pk_set ^ our_set):
            ours_names = sorted({f["lint"] for f in ours["findings"] if f["status"] in ("error", "fatal")})
            differences.append((name, "verdict", "pkilint" if pk_error else "smimelint",
                                f"smimelint: {', '.join(ours_names) or 'no error'}; pkilint: "
                                f"{', '.join(sorted({f['code'] for f in pk['findings']})) or 'no finding'}"))

    n = len(rows)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    summary = [
        ("inputs (factory samples + pkilint's own test files)", str(n)),
        ("read by pkilint", f"{n - unparsed}/{n}"),
        ("error verdict agrees", f"{verdict_agree}/{n} ({pct(verdict_agree, n)})"),
        ("pkilint's comparable codes that smimelint reports", f"{pk_codes_found}/{pk_codes_total} ({pct(pk_codes_found, pk_codes_total)})"),
        ("smimelint's mapped codes that pkilint confirms", f"{our_codes_confirmed}/{our_codes_total} ({pct(our_codes_confirmed, our_codes_total)})"),
    ]
    if args.markdown:
        print("| measure | result |\n|---|---|")
        for k, v in summary:
            print(f"| {k} | {v} |")
        print("\n| input | code | only in | why |\n|---|---|---|---|")
        for name, code, side, why in differences:
            print(f"| {name} | `{code}` | {side} | {why or 'UNEXPLAINED'} |")
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
