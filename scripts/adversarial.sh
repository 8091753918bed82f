#!/usr/bin/env bash
# Replays every known attack on smimelint (scripts/adversarial/*.sh) against a built binary and
# checks each ends bounded: time, peak RSS, records in = records out, status codes.
#
#   scripts/adversarial.sh [NAME...]      all attack families, or only the named ones
#
# SMIMELINT selects the binary (default: target/release/smimelint if present, else
# target/debug/smimelint, built when missing). Budgets are generous ceilings, not timings.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SMIMELINT:-}" ]; then
  if [ -x target/release/smimelint ]; then
    SMIMELINT=target/release/smimelint
  else
    cargo build --locked --quiet --bin smimelint || exit 2
    SMIMELINT=target/debug/smimelint
  fi
fi
SMIMELINT=$(realpath "$SMIMELINT")
export SMIMELINT

if [ $# -gt 0 ]; then
  scripts=()
  for name in "$@"; do scripts+=("scripts/adversarial/$name.sh"); done
else
  # Files starting with _ are shared helpers, sourced by the others.
  scripts=(scripts/adversarial/[!_]*.sh)
fi

passed=0
failed=0
for script in "${scripts[@]}"; do
  name=$(basename "$script" .sh)
  log=$(mktemp)
  start=$(date +%s)
  # Each family has its own ceilings; this one only stops a runaway script.
  timeout 300 bash "$script" >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  grep -E '^(PASS|FAIL) ' "$log"
  # A family that checked nothing has not passed.
  if [ $rc -eq 0 ] && ! grep -q '^FAIL ' "$log" && grep -q '^PASS ' "$log"; then
    passed=$((passed + 1))
    echo "adversarial: $name ok (${secs}s)"
  else
    failed=$((failed + 1))
    echo "adversarial: $name FAILED (exit $rc, ${secs}s); its output:"
    sed 's/^/    /' "$log" | tail -40
  fi
  rm -f "$log"
done
echo "adversarial: $passed passed, $failed failed"
[ $failed -eq 0 ]
