"""The package's records are the CLI's: `smimelint lint --format jsonl` over testdata/, line for
line, with the same options; `lints` and `explain` print the same metadata."""

import json
import subprocess

import pytest

import smimelint
from smimelint import Linter, Result

from conftest import REPO, TESTDATA, corpus

OPTION_SETS = [
    ({}, []),
    ({"include_passes": True}, ["--all"]),
    ({"at": "2030-01-01", "type": "mailbox-strict"}, ["--at", "2030-01-01", "--type", "mailbox-strict"]),
    ({"exclude": ["e_smime_*"]}, ["--exclude", "e_smime_*"]),
    (
        {"issuer": (TESTDATA / "certs" / "sub-ca-rsa2048.pem").read_bytes(), "include_passes": True},
        ["--issuer", "testdata/certs/sub-ca-rsa2048.pem", "--all"],
    ),
]


def cli_lines(cli, args, paths):
    run = subprocess.run(
        [cli, "lint", "--no-config", "--format", "jsonl", "--fail-on", "never", *args,
         *[str(p.relative_to(REPO)) for p in paths]],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    return run.stdout.splitlines()


@pytest.mark.parametrize("kwargs, args", OPTION_SETS, ids=lambda v: str(v)[:40])
def test_lint_many_writes_the_clis_jsonl(cli, kwargs, args):
    paths = corpus()
    assert len(paths) > 100, "testdata/ corpus missing"
    expected = cli_lines(cli, args, paths)
    results = Linter(**kwargs).lint_many((str(p.relative_to(REPO)), p.read_bytes()) for p in paths)
    assert len(results) == len(expected)
    for line, result in zip(expected, results):
        assert result.to_dict() == json.loads(line), result.input
        assert result.to_json() == line, result.input
        assert Result.from_json(line).to_dict() == result.to_dict()


def test_lint_writes_the_clis_record_for_one_file(cli):
    path = TESTDATA / "certs" / "bad-eku-missing.pem"
    rel = str(path.relative_to(REPO))
    (line,) = cli_lines(cli, [], [path])
    assert Linter().lint(path.read_bytes(), name=rel).to_json() == line


def test_lints_and_explain_match_the_cli(cli):
    run = subprocess.run([cli, "lints", "--format", "json"], capture_output=True, text=True, check=True)
    assert smimelint.lints() == json.loads(run.stdout)
    infos = smimelint.lints()
    for name in [infos[0]["name"], "e_smime_eku_missing", infos[-1]["name"]]:
        out = subprocess.run([cli, "explain", name], capture_output=True, text=True, check=True)
        assert smimelint.explain(name).rstrip("\n") == out.stdout.rstrip("\n")
