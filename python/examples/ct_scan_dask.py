#!/usr/bin/env python3
"""Scans a Certificate Transparency log over a Dask cluster: the index range is split into
shards, each worker fetches and lints whole shards with smimelint's own CT pipeline, and the
shard summaries merge into one.

Writes to OUT: shard-<start>-<end>.jsonl (the records of each shard, as `smimelint ct
--format jsonl`), shard-<start>-<end>.summary.json, and summary.json (the merged summary, as
`smimelint merge-summaries --format json` of the shard summaries). A shard whose worker dies
is run again elsewhere; its files are replaced whole, so every entry is counted once.

  python ct_scan_dask.py --log-url https://ct.example/2026h1 --start 0 --end 999999 \\
      --workers 4 --out scan/                    # a LocalCluster on this machine
  python ct_scan_dask.py ... --scheduler tcp://scheduler:8786   # an existing cluster
"""

import argparse
import json
import sys
import time
from pathlib import Path

from dask.distributed import Client, LocalCluster, as_completed

from smimelint import ct


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--log-url", required=True)
    p.add_argument("--start", type=int, default=0)
    p.add_argument("--end", type=int, help="last index (default: the log's tree size - 1)")
    p.add_argument("--shard-size", type=int, default=50_000)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--scheduler", help="address of a running Dask scheduler")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    p.add_argument("--threads-per-worker", type=int, default=1)
    p.add_argument("--task-retries", type=int, default=3,
                   help="runs of a shard whose log kept failing, after the first")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--concurrency", type=int, default=4)
    p.add_argument("--retries", type=int, default=5)
    p.add_argument("--retry-delay-ms", type=int, default=500)
    p.add_argument("--max-failures", type=int, default=16,
                   help="failures in a row that end a shard's scan (0 = never stop)")
    p.add_argument("--all-certs", action="store_true")
    p.add_argument("--resume", action="store_true",
                   help="keep the shards OUT already holds a summary of; scan the others")
    return p.parse_args(argv)


def scan(client, args):
    fetch = ct.FetchOptions(
        batch_size=args.batch_size,
        concurrency=args.concurrency,
        retries=args.retries,
        retry_delay_ms=args.retry_delay_ms,
        max_failures=args.max_failures,
        all_certs=args.all_certs,
    )
    end = args.end if args.end is not None else ct.last_index(args.log_url, fetch)
    if end is None or end < args.start:
        return ct.merge([]), 0
    plan = ct.shards(args.start, end, args.shard_size)
    summaries, failed = {}, []
    if args.resume:
        for shard in plan:
            done = args.out / f"{shard.name}.summary.json"
            if done.exists():
                summaries[f"ct-{shard.name}"] = json.loads(done.read_text())
    futures = [
        client.submit(
            ct.scan_shard, args.log_url, shard, str(args.out), None, fetch,
            key=f"ct-{shard.name}", retries=args.task_retries,
        )
        for shard in plan
        if f"ct-{shard.name}" not in summaries
    ]
    for future in as_completed(futures):
        try:
            summary = future.result()
        except Exception as e:  # the shard failed on every try: report it, keep the others
            failed.append(future.key)
            print(f"{future.key}: failed: {e}", file=sys.stderr, flush=True)
            continue
        summaries[future.key] = summary
        print(f"{future.key}: {summary['entries']} entries, {summary['records']} records",
              file=sys.stderr, flush=True)
    if failed:
        return None, sorted(failed)
    merged = ct.merge(summaries[f"ct-{shard.name}"] for shard in plan)
    return merged, len(plan)


def main(argv=None):
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        merged, count = scan(client, args)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    seconds = time.monotonic() - began
    if merged is None:
        # No summary.json: a merged summary without these shards would undercount the log.
        print(f"{len(count)} shards failed: {' '.join(count)}; --resume scans only these",
              file=sys.stderr)
        return 2
    (args.out / "summary.json").write_text(json.dumps(merged, indent=2) + "\n")
    rate = merged["entries"] / seconds if seconds > 0 else 0.0
    print(f"{merged['entries']} entries in {count} shards, {merged['records']} records, "
          f"{seconds:.1f} s ({rate:,.0f} entries/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
