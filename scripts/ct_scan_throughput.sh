#!/usr/bin/env bash
# CT scan throughput on the loopback mock log (README "Scaling past one machine"): the CLI, the
# Python package in one process, and the Dask example on LocalClusters of 1 and 2 workers.
#   PYTHON=venv/bin/python SMIMELINT=target/release/smimelint N=500000 scripts/ct_scan_throughput.sh
# PYTHON's environment needs the smimelint package and dask[distributed].
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
SMIMELINT=${SMIMELINT:-target/release/smimelint}
N=${N:-500000}
work=$(mktemp -d)
"$PYTHON" python/tests/ct_mock_log.py --entries "$N" testdata/certs/*.pem > "$work/url" &
mock=$!
trap 'kill $mock; rm -rf "$work"' EXIT
until [ -s "$work/url" ]; do sleep 0.1; done
url=$(head -1 "$work/url")
echo "$N entries from $url, $(nproc) cores"

timed() {
  local label=$1; shift
  local began ended
  began=$(date +%s.%N)
  "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; return 1; }
  ended=$(date +%s.%N)
  "$PYTHON" -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{sys.argv[3]:<48} {n / s:>9,.0f} entries/s ({s:.1f} s)')" \
    "$N" "$(echo "$ended - $began" | bc)" "$label"
}

# The CLI exits 1 when it finds errors: expected here.
timed "smimelint ct (CLI)" sh -c "'$SMIMELINT' ct --log-url $url --end $((N - 1)) -q -f jsonl \
  --summary-format json --summary-file $work/cli.json; [ \$? -le 1 ]"
timed "ct.scan_shard, one Python process" "$PYTHON" -c \
  "from smimelint import ct; ct.scan_shard('$url', ct.Shard(0, $N - 1), '$work')"
for workers in 1 2; do
  rm -rf "$work/dask"
  timed "Dask LocalCluster, $workers worker process(es)" "$PYTHON" python/examples/ct_scan_dask.py \
    --log-url "$url" --end $((N - 1)) --shard-size $((N / 20)) --workers "$workers" --out "$work/dask"
  "$PYTHON" -c "import json, sys; a, b = (json.load(open(p)) for p in sys.argv[1:]); \
print('  merged summary equals the CLI summary:', a == b)" "$work/cli.json" "$work/dask/summary.json"
done
