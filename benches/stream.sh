#!/usr/bin/env bash
# Streaming benchmark: pushes COUNT certificates (the testdata samples, repeated) through
# `smimelint lint` (base64 lines) and `smimelint ct` (get-entries responses, JSON lines) and
# reports throughput and peak RSS (/usr/bin/time -v). Peak RSS should not grow with COUNT.
#
# usage: benches/stream.sh [COUNT...]        default: 10000 1000000
# env:   SMIMELINT=path/to/binary (default target/release/smimelint, built if missing)
#        JOBS=N (passed as -j; default all cores)   TMPDIR (where inputs are generated)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${SMIMELINT:-target/release/smimelint}
if [ ! -x "$bin" ]; then
  cargo build --release --bin smimelint
fi
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(10000 1000000)
jobs=()
[ -z "${JOBS:-}" ] || jobs=(-j "$JOBS")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Base64 lines, one certificate per line, the samples repeated.
b64_lines() {
  python3 - "$1" testdata/certs/*.pem <<'PY'
import base64, re, sys
n = int(sys.argv[1])
pool = []
for p in sys.argv[2:]:
    for body in re.findall(r"-----BEGIN [^-]+-----(.*?)-----END", open(p).read(), re.S):
        pool.append("".join(body.split()))
out = sys.stdout
for i in range(0, n, 1000):
    out.write("".join(pool[(i + j) % len(pool)] + "\n" for j in range(min(1000, n - i))))
PY
}

measure() { # name count input args...
  local name=$1 count=$2 input=$3; shift 3
  /usr/bin/time -v -o "$work/time" "$bin" "$@" -f jsonl --fail-on never "${jobs[@]}" "$input" > /dev/null
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  python3 - "$name" "$count" "$wall" "$rss" <<'PY'
import sys
name, count, wall, rss = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
secs = 0.0
for part in wall.split(":"):
    secs = secs * 60 + float(part)
print(f"{name:<5} {count:>10,} certs  {secs:8.1f} s  {count / secs:10,.0f} certs/s  peak RSS {rss / 1024:7.1f} MB")
PY
}

echo "binary: $bin ($(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
for n in "${counts[@]}"; do
  b64_lines "$n" > "$work/certs.b64"
  measure lint "$n" "$work/certs.b64" lint
  rm -f "$work/certs.b64"
  python3 benches/ct_entries.py "$n" 256 testdata/certs/*.pem > "$work/entries.jsonl"
  measure ct "$n" "$work/entries.jsonl" ct --all-certs
  rm -f "$work/entries.jsonl"
done
