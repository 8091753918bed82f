#!/usr/bin/env bash
# End-to-end throughput of the release binary: COUNT PEM certificates (the testdata samples
# repeated) in ONE file, linted to `--format jsonl` on 1 and on 2 threads, then the cost of a
# fresh process linting one certificate (what a pre-issuance hook pays per call).
# Reports certificates/s and peak RSS (/usr/bin/time -v). For 1,000,000 streamed certificates
# see benches/stream.sh.
#
# usage: benches/throughput.sh [COUNT]        default: 100000
# env:   SMIMELINT=path/to/binary (default target/release/smimelint, built if missing)
#        RUNS=N  runs per thread count, alternating -j 1 and -j 2 (default 5)
#        TMPDIR  where the input is generated
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-100000}
runs=${RUNS:-5}
bin=${SMIMELINT:-target/release/smimelint}
if [ ! -x "$bin" ]; then
  cargo build --release --bin smimelint
fi
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One file of COUNT PEM blocks, the samples repeated in order.
python3 - "$count" testdata/certs/*.pem > "$work/corpus.pem" <<'PY'
import re, sys
n = int(sys.argv[1])
pool = []
for p in sys.argv[2:]:
    pool += re.findall(r"-----BEGIN [^-]+-----.*?-----END [^-]+-----\n", open(p).read(), re.S)
out = sys.stdout
for i in range(0, n, 1000):
    out.write("".join(pool[(i + j) % len(pool)] for j in range(min(1000, n - i))))
PY

echo "binary: $bin; $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $count PEM certificates, $(( $(stat -c %s "$work/corpus.pem") / 1048576 )) MB, one file"

# Prints "SECONDS RSS_KB" for one run. `-j 1` reads, lints and writes on one thread; `-j 2`
# adds a reader thread and lints on two pool threads while the main thread writes.
run_once() { # jobs
  /usr/bin/time -v -o "$work/time" "$bin" lint -j "$1" -f jsonl --fail-on never "$work/corpus.pem" > "$work/out.jsonl"
  local lines
  lines=$(wc -l < "$work/out.jsonl")
  [ "$lines" -eq "$count" ] || { echo "expected $count records, got $lines" >&2; exit 1; }
  python3 - "$work/time" <<'PY'
import sys
t = dict(l.strip().split(": ", 1) for l in open(sys.argv[1]) if ": " in l)
secs = 0.0
for part in t["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
    secs = secs * 60 + float(part)
print(secs, t["Maximum resident set size (kbytes)"])
PY
}

# -j 1 and -j 2 alternate, so that a slower spell of the machine (it is a VM) hits both.
: > "$work/runs"
for _ in $(seq "$runs"); do
  for jobs in 1 2; do
    read -r secs rss < <(run_once "$jobs")
    echo "$jobs $secs $rss" >> "$work/runs"
  done
done
python3 - "$count" "$work/runs" <<'PY'
import statistics, sys
count = int(sys.argv[1])
runs = {1: [], 2: []}
rss = {1: 0, 2: 0}
for line in open(sys.argv[2]):
    jobs, secs, kb = line.split()
    runs[int(jobs)].append(float(secs))
    rss[int(jobs)] = max(rss[int(jobs)], int(kb))
for jobs in (1, 2):
    best, med = min(runs[jobs]), statistics.median(runs[jobs])
    print(f"-j {jobs}: {count:,} certs, best {best:.2f} s = {count / best:,.0f} certs/s, "
          f"median {med:.2f} s = {count / med:,.0f} certs/s ({len(runs[jobs])} runs), "
          f"peak RSS {rss[jobs] / 1024:.1f} MB")
pairs = [a / b for a, b in zip(runs[1], runs[2])]
print(f"2 threads / 1 thread: best/best {min(runs[1]) / min(runs[2]):.2f}x, "
      f"median/median {statistics.median(runs[1]) / statistics.median(runs[2]):.2f}x, "
      f"median of the {len(pairs)} back-to-back pairs {statistics.median(pairs):.2f}x")
PY
# Fresh process, one certificate: wall time per invocation.
one=testdata/certs/mailbox-strict-rsa2048.pem
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 20 --runs 300 --export-json "$work/hf.json" \
    "$bin lint --fail-on never $one" > /dev/null
  python3 - "$work/hf.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ts = sorted(r["times"])
print(f"fresh process, one certificate: mean {r['mean']*1e3:.2f} ms, median {r['median']*1e3:.2f} ms, "
      f"min {r['min']*1e3:.2f} ms (hyperfine, {len(ts)} runs)")
PY
else
  # No hyperfine (apt-get install -y hyperfine): a loop, the mean of 300 runs.
  start=$(date +%s.%N)
  for _ in $(seq 300); do "$bin" lint --fail-on never "$one" > /dev/null; done
  end=$(date +%s.%N)
  python3 -c "print(f'fresh process, one certificate: mean {($end - $start) / 300 * 1e3:.2f} ms (shell loop, 300 runs)')"
fi
