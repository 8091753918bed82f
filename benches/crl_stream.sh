#!/usr/bin/env bash
# A CRL of ENTRIES entries (default 1,000,000, about 38 MB of DER), generated as it is written
# by `cargo xtask large-crl`, linted by the release binary as one streamed record, with and
# without its issuer (signature, AKI and issuer-name checks). Reports seconds and peak RSS
# (/usr/bin/time -v) for 1/10, 1/2 and all of the entries, so the memory per entry shows.
#
# usage: benches/crl_stream.sh [ENTRIES]
# env:   SMIMELINT=path/to/binary (default target/release/smimelint, built if missing)
#        TMPDIR  where the CRLs are generated
set -euo pipefail
cd "$(dirname "$0")/.."

entries=${1:-1000000}
bin=${SMIMELINT:-target/release/smimelint}
[ -x "$bin" ] || cargo build --release --bin smimelint
cargo build -q --release -p xtask
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "binary: $bin; $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-12s %-8s %-10s %-10s %s\n' entries bytes issuer seconds "peak RSS" "record"
for n in $((entries / 10)) $((entries / 2)) "$entries"; do
  target/release/xtask large-crl "$work/crl.der" "$n" "$work/ca.pem" 2>/dev/null
  bytes=$(stat -c %s "$work/crl.der")
  for with in no yes; do
    args=()
    [ "$with" = yes ] && args=(--issuer "$work/ca.pem")
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" lint "${args[@]}" -f jsonl "$work/crl.der" > "$work/out.jsonl" || true
    read -r secs rss < "$work/time"
    records=$(wc -l < "$work/out.jsonl")
    worst=$(python3 -c 'import json,sys; r=json.loads(open(sys.argv[1]).readline()); print(r["form"], len(r["findings"]), "findings")' "$work/out.jsonl")
    printf '%-10s %-12s %-8s %-10s %-10s %s\n' "$n" "$bytes" "$with" "$secs" "$((rss / 1024)) MB" "$records record: $worst"
  done
done
