#!/usr/bin/env bash
# Lints 1 GiB of hostile input and reports peak memory: the input is streamed, never loaded.
#   random    1 GiB from /dev/urandom (framed as text, scanned line by line)
#   huge-der  a DER header declaring a ~4 GiB SEQUENCE, then 1 GiB of random bytes
#   pem-flood PEM_MIB (default 64) MiB of one PEM certificate repeated (tens of thousands of records)
# Each must give its records without the resident set growing with the input.
# Usage: scripts/hostile-input.sh [SIZE_MIB]   (SMIMELINT=path/to/binary to choose the build)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
bin=${SMIMELINT:-}
if [ -z "$bin" ]; then
  if [ -x target/release/smimelint ]; then bin=target/release/smimelint; else
    cargo build --quiet --bin smimelint
    bin=target/debug/smimelint
  fi
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/smimelint-hostile.XXXXXX")
trap 'rm -rf "$dir"' EXIT

head -c "${size_mib}M" /dev/urandom > "$dir/random"
{ printf '\x30\x84\xff\xff\xff\xff'; head -c "${size_mib}M" /dev/urandom; } > "$dir/huge-der"
pem=$(sed -n '/BEGIN/,/END/p' testdata/certs/mailbox-strict-rsa2048.pem)
block_bytes=$(( ${#pem} + 1 ))
copies=$(( ${PEM_MIB:-64} * 1024 * 1024 / block_bytes ))
(yes -- "$pem" || true) | head -n $(( copies * $(printf '%s\n' "$pem" | wc -l) )) > "$dir/pem-flood"

echo "binary: $bin"
for name in random huge-der pem-flood; do
  bytes=$(stat -c %s "$dir/$name")
  status=0
  /usr/bin/time -v "$bin" lint -f jsonl "$dir/$name" > "$dir/$name.jsonl" 2> "$dir/$name.time" || status=$?
  records=$(wc -l < "$dir/$name.jsonl")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/$name.time")
  first=$(head -c 200 "$dir/$name.jsonl")
  printf '%-9s %12d bytes  %8d record(s)  peak RSS %7d KiB  wall %s  exit %d\n' \
    "$name" "$bytes" "$records" "$rss" "$wall" "$status"
  printf '          first record: %s\n' "$first"
  rm -f "$dir/$name" "$dir/$name.jsonl"
done
