#!/usr/bin/env bash
# Throughput and latency of `smimelint serve` for single-certificate linting (POST /v1/lint),
# on loopback, with keep-alive connections. Not a test: run it by hand on a quiet machine.
#
#   benches/service.sh [CERT.pem]        # env: THREADS=2 CONNECTIONS=8 DURATION=10s
#
# Needs `wrk` (Debian/Ubuntu: apt-get install -y wrk). Prints wrk's report (requests/s and the
# latency distribution incl. p50/p99) and the load average, since other work on the machine
# skews the figures.
set -euo pipefail
cd "$(dirname "$0")/.."

CERT=${1:-testdata/certs/mailbox-strict-rsa2048.pem}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-10s}

command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 2; }
cargo build --release --quiet
BIN=target/release/smimelint

WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# Request logging stays on (as in production), written to a file.
"$BIN" serve --listen 127.0.0.1:0 2>"$WORK/server.log" &
PID=$!
for _ in $(seq 100); do
    ADDR=$(sed -n 's|.*listening on http://||p' "$WORK/server.log")
    [ -n "$ADDR" ] && break
    sleep 0.05
done
[ -n "$ADDR" ] || { echo "server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-pem-file"
local f = assert(io.open("$CERT", "rb"))
wrk.body = f:read("*a")
f:close()
LUA

# Sanity check: the certificate lints to a record, not an error.
curl -sf -H 'Content-Type: application/x-pem-file' --data-binary "@$CERT" "http://$ADDR/v1/lint" >/dev/null

echo "smimelint $("$BIN" --version | awk '{print $2}'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s post.lua http://$ADDR/v1/lint  ($CERT)"
# Warm-up, then the measured run.
wrk -t"$THREADS" -c"$CONNECTIONS" -d2s -s "$WORK/post.lua" "http://$ADDR/v1/lint" >/dev/null
# Server CPU time (utime+stime, clock ticks) around the measured run: CPU per request does not
# depend on what else the machine is doing, unlike requests/s and the latency tail.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
BEFORE=$(cpu_ticks)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/post.lua" "http://$ADDR/v1/lint" | tee "$WORK/wrk.txt"
AFTER=$(cpu_ticks)
REQS=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
HZ=$(getconf CLK_TCK)
awk -v t=$((AFTER - BEFORE)) -v hz="$HZ" -v n="$REQS" \
    'BEGIN { printf "server CPU: %.1f s for %d requests = %.0f us/request\n", t / hz, n, t / hz / n * 1e6 }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
