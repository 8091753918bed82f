"""Every binding, checked against independent expectations: testdata/expected.json (the
findings each sample was built to have) and the specified behaviour."""

import datetime as dt
import json

import pytest

import smimelint
from smimelint import Finding, Linter, Result, Status

from conftest import REPO, TESTDATA, certs

EKU_MISSING = (TESTDATA / "certs" / "bad-eku-missing.pem").read_bytes()
GOOD = (TESTDATA / "certs" / "mailbox-strict-rsa2048.pem").read_bytes()


def test_every_sample_has_its_expected_findings():
    expected = json.loads((TESTDATA / "expected.json").read_text())
    paths = certs()
    assert len(paths) == len(expected) > 0
    linter = Linter()
    for path in paths:
        result = linter.lint(path.read_bytes())
        got = sorted(f"{f.status} {f.lint}" for f in result.issues())
        assert got == expected[path.stem], path.name


def test_lint_many_keeps_input_order_and_names():
    paths = certs()
    results = Linter().lint_many(p.read_bytes() for p in paths)
    assert [r.input for r in results] == [f"#{i}" for i in range(1, len(paths) + 1)]
    expected = json.loads((TESTDATA / "expected.json").read_text())
    for path, result in zip(paths, results):
        assert sorted(f"{f.status} {f.lint}" for f in result.issues()) == expected[path.stem]


def test_named_inputs_and_several_documents_per_input():
    two = GOOD + EKU_MISSING
    results = Linter().lint_many([("pair.pem", two), ("one.pem", GOOD)])
    assert [r.input for r in results] == ["pair.pem#1", "pair.pem#2", "one.pem"]
    assert [f.lint for f in results[1].issues()] == ["e_smime_eku_missing"]
    with pytest.raises(ValueError, match="2 documents.*lint_many"):
        Linter().lint(two)


def test_result_fields_worst_and_issues():
    result = Linter().lint(EKU_MISSING, name="upload.pem")
    assert isinstance(result, Result)
    assert (result.input, result.form, result.kind) == ("upload.pem", "certificate", "subscriber")
    assert result.type == "mailbox-strict" and result.type_source == "policy"
    assert len(result.sha256) == 64
    assert result.worst is Status.ERROR
    assert [f.lint for f in result.issues()] == ["e_smime_eku_missing"]
    finding = result.issues()[0]
    assert isinstance(finding, Finding)
    assert finding.citation == "SBR 7.1.2.3(f)"
    assert finding.to_dict()["status"] == "error"
    clean = Linter().lint(GOOD)
    assert clean.worst is Status.PASS and clean.issues() == []


def test_include_passes_lists_pass_na_ne():
    result = Linter(include_passes=True).lint(GOOD)
    statuses = {f.status for f in result.findings}
    assert Status.PASS in statuses and Status.NA in statuses
    certificate_lints = [i for i in smimelint.lints() if "certificate" in i["documents"]]
    assert len(result.findings) == len(certificate_lints)
    assert result.issues() == []


def test_include_and_exclude_select_lints():
    only = Linter(include="e_smime_eku_*", include_passes=True).lint(EKU_MISSING)
    assert only.findings and all(f.lint.startswith("e_smime_eku_") for f in only.findings)
    without = Linter(exclude=["e_smime_eku_missing"]).lint(EKU_MISSING)
    assert "e_smime_eku_missing" not in [f.lint for f in without.findings]


def test_type_override_and_policy_map():
    forced = Linter(type="organization-legacy").lint(GOOD)
    assert (forced.type, forced.type_source) == ("organization-legacy", "override")
    with pytest.raises(ValueError):
        Linter(policy_map={"1.2.3.4": "no-such-type"})
    mapped = Linter(policy_map={"1.2.3.4": "mailbox-legacy"})
    assert mapped.lint(GOOD).type == "mailbox-strict"  # SBR policy OIDs decide first


def test_at_accepts_strings_dates_and_datetimes():
    # ML-DSA keys are allowed from SMC013's effective date on: linted later, the sample passes.
    sample = (TESTDATA / "certs" / "bad-mldsa-before-smc013.pem").read_bytes()
    late = [f.lint for f in Linter(at="2030-01-01").lint(sample).issues()]
    for at in (dt.date(2030, 1, 1), dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)):
        assert [f.lint for f in Linter(at=at).lint(sample).issues()] == late
    assert [f.lint for f in Linter().lint(sample).issues()] != late


def test_issuer_feeds_chain_lints():
    ca = (TESTDATA / "certs" / "sub-ca-rsa2048.pem").read_bytes()
    linter = Linter(issuer=ca, include_passes=True)
    without = Linter(include_passes=True)
    chain = [f for f in linter.lint(GOOD).findings if f.status is not Status.NA]
    assert len(chain) > len([f for f in without.lint(GOOD).findings if f.status is not Status.NA])


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (dict(type="mailbox"), "type"),
        (dict(at="yesterday"), "at: expected 'now' or YYYY-MM-DD"),
        (dict(policy_map="1.2.3.4 nothing"), "policy_map: line 1"),
        (dict(issuer=b"junk"), "issuer"),
        (dict(issuer=EKU_MISSING[:200]), "issuer"),
        (dict(include=["x" * 5000]), "include"),
    ],
)
def test_bad_arguments_raise_value_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Linter(**kwargs)


@pytest.mark.parametrize(
    "kwargs",
    [dict(type=3), dict(at=1.5), dict(issuer="text"), dict(include=[1]), dict(policy_map=[1])],
)
def test_wrong_argument_types_raise_type_error(kwargs):
    with pytest.raises(TypeError):
        Linter(**kwargs)


def test_data_must_be_bytes():
    with pytest.raises(TypeError, match="data: expected bytes"):
        Linter().lint("-----BEGIN CERTIFICATE-----")
    with pytest.raises(TypeError, match="input 2"):
        Linter().lint_many([GOOD, 42])
    # One bytes object is not a list of inputs (it would be linted byte by byte).
    for wrong in (GOOD, None):
        with pytest.raises(TypeError, match="inputs: expected an iterable"):
            Linter().lint_many(wrong)


@pytest.mark.parametrize(
    "data", [b"", b"junk", b"\x30\x00", b"-----BEGIN CERTIFICATE-----\n", GOOD[: len(GOOD) // 2]]
)
def test_bad_bytes_give_a_fatal_record_not_an_exception(data):
    result = Linter().lint(data)
    assert result.worst is Status.FATAL
    assert result.issues()[0].status is Status.FATAL


def test_status_orders_by_severity():
    order = [Status.parse(w) for w in ["pass", "NA", "NE", "notice", "warn", "error", "fatal"]]
    assert order == sorted(order) and len(set(order)) == 7
    assert Status.FATAL > Status.ERROR > Status.WARN > Status.NOTICE
    assert [str(s) for s in order] == ["pass", "NA", "NE", "notice", "warn", "error", "fatal"]
    with pytest.raises(ValueError):
        Status.parse("bad")


def test_lints_metadata_and_explain():
    infos = smimelint.lints()
    names = [i["name"] for i in infos]
    assert "e_smime_eku_missing" in names and len(names) == len(set(names))
    eku = next(i for i in infos if i["name"] == "e_smime_eku_missing")
    assert eku["citation"] == "SBR 7.1.2.3(f)" and eku["level"] == "error"
    text = smimelint.explain("e_smime_eku_missing")
    assert text.startswith("e_smime_eku_missing\n") and "SBR 7.1.2.3(f)" in text
    with pytest.raises(KeyError, match="no lint named 'e_nope'"):
        smimelint.explain("e_nope")


def test_package_is_typed():
    pkg = REPO / "python" / "python" / "smimelint"
    assert (pkg / "py.typed").is_file() and (pkg / "_smimelint.pyi").is_file()
    assert smimelint.__version__.count(".") == 2
