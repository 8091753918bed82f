#!/usr/bin/env python3
"""Run the revocation oracle on pkilint's own CRL/OCSP test files and compare with their expectations.

    scripts/pkilint_revocation_check.py [--write]

Each file of testdata/pkilint-revocation/expected.json is linted with the profile and CRL type
that pkilint's test used; the oracle's findings are compared as the entry's "match" says (see
expected.json). --write stores the oracle's lines in testdata/pkilint-revocation/oracle.jsonl.
Prints one line per file and the counts; exits 1 on any disagreement.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "testdata", "pkilint-revocation")
ORACLE = os.path.join(ROOT, "scripts", "pkilint_revocation_oracle.py")
FIELDS = ("node", "validator", "severity", "code", "message")


def run_oracle(rel, entry):
    kind = rel.split("/")[0]
    cmd = [sys.executable, ORACLE, "--kind", kind]
    if kind == "crl":
        cmd += ["--profile", entry["profile"], "--crl-type", entry["crl_type"]]
    out = subprocess.run(cmd + [rel], cwd=DATA, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def compare(entry, line):
    """Return None when the oracle agrees with the expectation, else what differs."""
    if entry["match"] == "none stated":
        return None if line["verdict"] != "unparsed" else "unparsed"
    actual = {tuple(f.get(k) for k in FIELDS) for f in line["findings"]}
    if entry["match"] == "exact":
        expected = {tuple(f.get(k) for k in FIELDS) for f in entry["findings"]}
        missing, unexpected = expected - actual, actual - expected
        return None if not missing and not unexpected else f"missing {missing} unexpected {unexpected}"
    problems = []
    for want in entry["findings"]:
        if not any(all(f.get(k) == v for k, v in want.items()) for f in line["findings"]):
            problems.append(f"missing {want}")
    if "results_with_findings" in entry:
        nodes = {(f["node"], f["validator"]) for f in line["findings"]}
        if len(nodes) != entry["results_with_findings"]:
            problems.append(f"{len(nodes)} results with findings, expected {entry['results_with_findings']}")
    return "; ".join(problems) or None


def main():
    with open(os.path.join(DATA, "expected.json")) as f:
        expected = json.load(f)["files"]
    lines, agreed, disagreed = [], 0, 0
    for rel, entry in expected.items():
        if not os.path.exists(os.path.join(DATA, rel)):
            print(f"MISSING {rel}")
            disagreed += 1
            continue
        line = run_oracle(rel, entry)
        lines.append(line)
        problem = compare(entry, line)
        codes = ",".join(sorted({f["code"] for f in line["findings"]})) or "-"
        print(f"{'DISAGREE' if problem else 'agree':8} {rel} [{entry['match']}] {line['verdict']} {codes}"
              + (f": {problem}" if problem else ""))
        disagreed += bool(problem)
        agreed += not problem
    if "--write" in sys.argv[1:]:
        with open(os.path.join(DATA, "oracle.jsonl"), "w") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{agreed} passed, {disagreed} failed")
    return 1 if disagreed else 0


if __name__ == "__main__":
    sys.exit(main())
