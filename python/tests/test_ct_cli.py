"""The shard helpers against the command line tool: a shard's records and summary are what
`smimelint ct --log-url` writes for the same range, and `ct.merge` is `smimelint
merge-summaries`."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TESTDATA
from smimelint import ct

MOCK = Path(__file__).with_name("ct_mock_log.py")
ENTRIES = 3000


@pytest.fixture(scope="module")
def log_url():
    certs = sorted(str(p) for p in (TESTDATA / "certs").glob("*.pem"))
    proc = subprocess.Popen(
        [sys.executable, str(MOCK), "--entries", str(ENTRIES), "--fail-every", "7"] + certs,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.kill()
        proc.wait()


def cli_scan(cli, url, start, end, summary_file):
    run = subprocess.run(
        [cli, "ct", "--log-url", url, "--start", str(start), "--end", str(end), "--format",
         "jsonl", "--summary-format", "json", "--summary-file", str(summary_file), "--quiet",
         "--retry-delay-ms", "10"],
        capture_output=True,
        text=True,
    )
    # 1 = findings at or above --fail-on; anything else is a failed scan.
    assert run.returncode in (0, 1), run.stderr
    return run.stdout.splitlines()


def test_shard_equals_the_cli_scan_of_its_range(cli, log_url, tmp_path):
    shard = ct.Shard(1000, 2499)
    summary = ct.scan_shard(log_url, shard, tmp_path, fetch=ct.FetchOptions(retry_delay_ms=10))
    lines = cli_scan(cli, log_url, shard.start, shard.end, tmp_path / "cli.json")
    assert summary == json.loads((tmp_path / "cli.json").read_text())
    assert (tmp_path / f"{shard.name}.jsonl").read_text().splitlines() == lines
    assert json.loads((tmp_path / f"{shard.name}.summary.json").read_text()) == summary
    assert summary["entries"] == shard.size


def test_merge_equals_merge_summaries(cli, log_url, tmp_path):
    files = []
    for shard in ct.shards(0, ENTRIES - 1, 1000):
        path = tmp_path / f"{shard.name}.cli.json"
        cli_scan(cli, log_url, shard.start, shard.end, path)
        files.append(path)
    run = subprocess.run([cli, "merge-summaries", *map(str, files)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    expected = json.loads(run.stdout)
    assert ct.merge(json.loads(p.read_text()) for p in files) == expected
    assert ct.merge(p.read_text() for p in files) == expected
    assert expected["entries"] == ENTRIES


def test_merge_refuses_other_summary_versions():
    with pytest.raises(ValueError, match="summary_version"):
        ct.merge([{**ct.merge([]), "summary_version": 99}])
    with pytest.raises(ValueError, match="not a smimelint JSON summary"):
        ct.merge(["{}"])
