"""The Dask example scans the loopback mock log on a two-worker LocalCluster, one worker is
killed mid-run, and the result still holds every entry once and equals a one-process scan.

SMIMELINT_CT_ENTRIES sets the log's size (default 100,000)."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, TESTDATA
from smimelint import ct

distributed = pytest.importorskip(
    "distributed", reason="not run: dask[distributed] is not installed"
)

EXAMPLE = REPO / "python" / "examples" / "ct_scan_dask.py"
MOCK = Path(__file__).with_name("ct_mock_log.py")
ENTRIES = int(os.environ.get("SMIMELINT_CT_ENTRIES", "100000"))
SHARD = max(ENTRIES // 20, 1)
# Every 97th request fails once: the scans go through the fetcher's retries.
FAIL_EVERY = 97
FETCH = ct.FetchOptions(retry_delay_ms=10)


@pytest.fixture(scope="module")
def log_url():
    certs = sorted(str(p) for p in (TESTDATA / "certs").glob("*.pem"))
    assert certs, "testdata/certs holds the log's certificates"
    proc = subprocess.Popen(
        [sys.executable, str(MOCK), "--entries", str(ENTRIES), "--fail-every", str(FAIL_EVERY)]
        + certs,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.kill()
        proc.wait()


def stats(url):
    with urllib.request.urlopen(url + "/stats") as r:
        return json.load(r)


def record_lines(files):
    return [line for f in files for line in f.read_text().splitlines()]


def index_of(line, url):
    name = json.loads(line)["input"]
    assert name.startswith(url + "@"), name
    return int(name[len(url) + 1 :])


def run_example_killing_a_worker(url, out):
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        pids = client.run(os.getpid)
        assert len(pids) == 2
        example = subprocess.Popen(
            [sys.executable, str(EXAMPLE), "--log-url", url, "--end", str(ENTRIES - 1),
             "--shard-size", str(SHARD), "--out", str(out), "--scheduler", cluster.scheduler_address,
             "--retry-delay-ms", "10"],
            stderr=subprocess.PIPE,
            text=True,
        )
        # Kill a worker that is scanning a shard once the first shard is done.
        killed = None
        deadline = time.monotonic() + 600
        while killed is None and time.monotonic() < deadline and example.poll() is None:
            done = list(out.glob("shard-*.summary.json"))
            busy = [w for w, tasks in client.processing().items() if tasks and w in pids]
            if done and busy:
                killed = (busy[0], len(done))
                os.kill(pids[busy[0]], signal.SIGKILL)
            time.sleep(0.05)
        _, err = example.communicate(timeout=max(deadline - time.monotonic(), 1))
        return example.returncode, err, killed
    finally:
        client.close()
        cluster.close()


def test_dask_scan_with_a_killed_worker_counts_every_entry_once(log_url, tmp_path):
    out = tmp_path / "dask"
    began = time.monotonic()
    code, err, killed = run_example_killing_a_worker(log_url, out)
    dask_seconds = time.monotonic() - began
    assert code == 0, err
    shard_count = len(ct.shards(0, ENTRIES - 1, SHARD))
    assert killed is not None, "the scan ended before a worker could be killed"
    assert killed[1] < shard_count, "the worker was killed after the last shard"

    merged = json.loads((out / "summary.json").read_text())
    summaries = sorted(out.glob("shard-*.summary.json"))
    records = sorted(out.glob("shard-*.jsonl"))
    assert len(summaries) == len(records) == shard_count
    assert merged["entries"] == ENTRIES
    assert merged["records"] + sum(merged["skipped"].values()) == ENTRIES
    assert merged["records"] > 0 and merged["skipped"], "the log mixes S/MIME and other certs"

    lines = record_lines(records)
    indexes = [index_of(line, log_url) for line in lines]
    assert len(indexes) == len(set(indexes)) == merged["records"]
    assert all(0 <= i < ENTRIES for i in indexes)
    # The merged summary is the shard summaries merged (merge-summaries), file by file.
    assert ct.merge(json.loads(p.read_text()) for p in summaries) == merged

    # One process, the whole range as one shard: the same records, the same summary.
    single = tmp_path / "single"
    single.mkdir()
    began = time.monotonic()
    whole = ct.scan_shard(log_url, ct.Shard(0, ENTRIES - 1), single, fetch=FETCH)
    single_seconds = time.monotonic() - began
    assert whole == merged
    assert sorted(record_lines(single.glob("shard-*.jsonl"))) == sorted(lines)

    served = stats(log_url)
    assert served["failures"] > 0, "no request failed: the retries were not exercised"
    print(
        f"\n{ENTRIES} entries: dask (2 workers, one killed) {dask_seconds:.1f} s, "
        f"one process {single_seconds:.1f} s; {served['failures']} failed requests retried"
    )


def start_mock(entries, fail_every):
    certs = sorted(str(p) for p in (TESTDATA / "certs").glob("*.pem"))
    proc = subprocess.Popen(
        [sys.executable, str(MOCK), "--entries", str(entries), "--fail-every", str(fail_every)]
        + certs,
        stdout=subprocess.PIPE,
        text=True,
    )
    return proc, proc.stdout.readline().strip()


def example(url, out, *extra):
    return subprocess.run(
        [sys.executable, str(EXAMPLE), "--log-url", url, "--shard-size", "1000", "--workers",
         "2", "--out", str(out), "--retry-delay-ms", "1", *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_shards_of_a_failing_log_are_reported_and_nothing_is_merged(tmp_path):
    proc, url = start_mock(3000, fail_every=1)
    try:
        run = example(url, tmp_path, "--retries", "0", "--max-failures", "2", "--task-retries", "1")
    finally:
        proc.kill()
        proc.wait()
    assert run.returncode == 2, run.stderr
    assert "3 shards failed" in run.stderr
    assert not list(tmp_path.glob("shard-*")) and not (tmp_path / "summary.json").exists()


def test_resume_scans_only_the_missing_shards(tmp_path):
    proc, url = start_mock(3000, fail_every=0)
    try:
        assert example(url, tmp_path).returncode == 0
        first = json.loads((tmp_path / "summary.json").read_text())
        kept = tmp_path / "shard-000000000000-000000000999.summary.json"
        kept_time = kept.stat().st_mtime_ns
        for p in tmp_path.glob("shard-000000001000-*"):
            p.unlink()
        run = example(url, tmp_path, "--resume")
    finally:
        proc.kill()
        proc.wait()
    assert run.returncode == 0, run.stderr
    assert kept.stat().st_mtime_ns == kept_time
    assert len(list(tmp_path.glob("shard-*.summary.json"))) == 3
    assert json.loads((tmp_path / "summary.json").read_text()) == first
    assert first["entries"] == 3000


def test_shards_cover_the_range_once():
    plan = ct.shards(5, 104, 30)
    assert [(s.start, s.end) for s in plan] == [(5, 34), (35, 64), (65, 94), (95, 104)]
    assert sum(s.size for s in plan) == 100
    assert ct.shards(7, 7, 10) == [ct.Shard(7, 7)]
    with pytest.raises(ValueError):
        ct.shards(10, 9, 1)
    with pytest.raises(ValueError):
        ct.shards(0, 9, 0)
