#!/usr/bin/env bash
# Differential testing against pkilint: generate certificates with the test factory, lint them
# with pkilint (../shared/tools/pkilint-oracle) and with smimelint, report disagreements by rule
# family. Usage: scripts/differential.sh [COUNT] [SEED]   (defaults: 3000 certificates, seed 1)
# Environment: OUT (work directory, default target/differential), PKILINT_ORACLE (oracle path).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-3000}"
seed="${2:-1}"
out="${OUT:-target/differential}"
oracle="${PKILINT_ORACLE:-../shared/tools/pkilint-oracle}"
if [ ! -x "$oracle" ]; then
  echo "differential: pkilint oracle not found at $oracle (set PKILINT_ORACLE)" >&2
  exit 2
fi
rm -rf "$out"
mkdir -p "$out"
# `cargo xtask differential` (xtask/src/differential.rs); built once, then only run.
cargo build -q -p xtask
differential() { cargo xtask differential "$@"; }
differential generate "$out" "$count" "$seed"
# One oracle process per certificate type: the type is forced, as smimelint's is.
: > "$out/pkilint.jsonl"
for dir in "$out"/*/; do
  type="$(basename "$dir")"
  find "$dir" -name '*.pem' -print0 | sort -z |
    xargs -0 "$oracle" --type "${type^^}" >> "$out/pkilint.jsonl"
done
differential compare "$out" "$out/pkilint.jsonl"
