"""The pkilint-shaped results against pkilint 0.13.3's own findings for its test corpus
(testdata/pkilint/**/*.expected.csv, written by pkilint) and the REST mapping table."""

import csv
from pathlib import Path

import smimelint
from smimelint import pkilint

from conftest import REPO, TESTDATA


def pkilint_rows(pem: Path):
    expected = pem.with_name(pem.stem + ".expected.csv")
    with expected.open(newline="") as f:
        return list(csv.DictReader(f))


def corpus_pems():
    pems = sorted((TESTDATA / "pkilint").rglob("*.pem"))
    return [p for p in pems if p.with_name(p.stem + ".expected.csv").is_file()]


def report(results):
    """A line per finding, as a script written around pkilint's objects prints them."""
    return [
        (r.node.path, str(r.validator), str(fd.finding.severity), fd.finding.code, fd.message)
        for r in results
        for fd in r.finding_descriptions
    ]


def test_mapped_codes_carry_pkilints_validator_severity_and_node():
    pems = corpus_pems()
    assert len(pems) > 50, "pkilint corpus missing from testdata/pkilint"
    linter = smimelint.Linter()
    confirmed = 0
    for pem in pems:
        theirs = {}
        for row in pkilint_rows(pem):
            theirs.setdefault(row["code"], []).append(row)
        for node, validator, severity, code, _ in report(pkilint.validate(linter, pem.read_bytes())):
            if code not in theirs:
                continue
            confirmed += 1
            rows = theirs[code]
            assert (validator, severity) in {(r["validator"], r["severity"]) for r in rows}, pem
            if node != "certificate":
                assert node in {r["node_path"] for r in rows}, (pem, code)
    # 16 of the 19 mapped findings smimelint reports on this corpus are in pkilint's answers.
    assert confirmed >= 16


def test_a_prohibited_key_algorithm_reads_as_pkilint_reports_it():
    pem = TESTDATA / "pkilint" / "organization" / "strict" / "x25519_disallowed.pem"
    ours = report(pkilint.validate(smimelint.Linter(), pem.read_bytes()))
    code = "cabf.smime.prohibited_spki_algorithm_encoding"
    theirs = [r for r in pkilint_rows(pem) if r["code"] == code]
    assert len(theirs) == 1
    assert [o[:4] for o in ours if o[3] == code] == [
        (theirs[0]["node_path"], theirs[0]["validator"], theirs[0]["severity"], code)
    ]


def test_rows_follow_the_rest_table():
    table = {}
    for line in (REPO / "docs" / "xref" / "pkilint-rest.txt").read_text().splitlines():
        words = line.split()
        if words and not line.startswith("#"):
            table.setdefault(words[0], []).append(words)
    eku = table["e_smime_eku_missing"][0]
    result = smimelint.Linter().lint((TESTDATA / "certs" / "bad-eku-missing.pem").read_bytes())
    (only,) = result.pkilint()
    assert (only.finding_descriptions[0].finding.code, only.validator) == (eku[1], eku[2])
    assert only.node.path == eku[4]
    assert only.finding_descriptions[0].message == result.issues()[0].details


def test_lints_without_a_pkilint_code_keep_their_name_and_severity():
    results = pkilint.validate(smimelint.Linter(), b"junk")
    (fd,) = results[0].finding_descriptions
    assert fd.finding.code == "e_input_not_certificate"
    assert fd.finding.severity is pkilint.ValidationFindingSeverity.FATAL
    assert results[0].node.path == "certificate"
