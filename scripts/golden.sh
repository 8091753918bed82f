#!/usr/bin/env bash
# Golden outputs: record what a smimelint binary prints for a fixed set of inputs, and later check
# that another binary prints exactly the same bytes. Meant for refactorings that must not change
# behaviour (e.g. splitting the crate into a workspace).
#
# usage: scripts/golden.sh save DIR     write the outputs of $SMIMELINT into DIR
#        scripts/golden.sh check DIR    regenerate into a temporary directory and diff every file
#                                       against DIR byte for byte; exit 1 on any difference
#        ALLOWED_ADDED=catalog scripts/golden.sh check DIR
#                                       the same, after taking the named lint metadata fields out
#                                       of the new lint listings (fields added on purpose)
# env:   SMIMELINT        binary to run (default target/release/smimelint, else target/debug/smimelint);
#                         this script never builds anything
#        SMIMELINT_SHARED reference material (default ../shared as in build.rs, or, in a git
#                         worktree without one, ../shared beside the main checkout); the
#                         real-world set is read from $SMIMELINT_SHARED/corpus/realworld if there
#
# Workflow for a restructuring:
#   git worktree add /tmp/before REV          # REV = the last commit before the change
#   (cd /tmp/before && cargo build --release)
#   SMIMELINT=/tmp/before/target/release/smimelint scripts/golden.sh save target/golden
#   cargo build --release                     # the new tree
#   scripts/golden.sh check target/golden     # must print "same" for every file
# Run save and check with the same copy of this script in the same tree: the inputs (testdata/)
# are read from the tree holding the script, and their relative paths are part of every record
# name, so only the binary may differ between the two runs. If a change moves testdata/, adjust
# the paths below and save again with the old binary.
#
# DIR holds findings about real people's certificates (the real-world set, which never leaves
# ../shared): keep it outside the repository or under the git-ignored target/ (target/golden/
# is the suggestion). Never commit it.
#
# What is recorded (file names in DIR):
#   certs.jsonl           lint --all -f jsonl over every file of testdata/certs (sorted list)
#   certs-dir.jsonl       the same given as a directory (the directory walk and its order)
#   certs.{text,json,csv,github,sarif}   the other output formats over testdata/certs
#   certs.summary.{txt,json}             --summary in both formats
#   pkilint.jsonl         every .pem of testdata/pkilint, type detected
#   pkilint-typed.jsonl   the same, each folder linted as the type it names (as tests/pkilint_suite.rs)
#   realworld.jsonl       the real-world certificates alone ("not run" when the corpus is absent)
#   realworld-issuer.jsonl   each real-world certificate with its issuer from index.tsv
#   realworld.status      "run (N rows of index.tsv)" or "not run: …"
#   malformed.jsonl       every .der of testdata/malformed
#   lints.{json,txt,md}   smimelint lints in every format
#   explain.txt           smimelint explain NAME for every lint, concatenated
#   cli-*.txt             --version, --help of every subcommand, man, completions, config --example
#   *.stderr              what each command wrote to stderr
#   exit-codes.txt        the exit status of every command
# _meta.txt (binary, time, git revision) is written for the reader and not compared, nor are
# code_stats.txt, rebuild.txt and throughput.txt (measurements that may be kept beside).
# Nothing here depends on the clock: effective dates default to each certificate's notBefore,
# and no output format carries a timestamp or an absolute path (checked when this was written).
set -euo pipefail
export LC_ALL=C   # sort order and messages must not depend on the caller's locale
export NO_COLOR=1 # no ANSI colours whatever the terminal

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
[ $# -eq 2 ] || usage
mode=$1
dir=$2

# Resolve everything to absolute paths now: outputs are generated from inside the repository
# (and the corpus directory) with relative paths, so that no absolute path reaches the records.
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${SMIMELINT:-}" ]; then
  bin=$SMIMELINT
elif [ -x "$root/target/release/smimelint" ]; then
  bin=$root/target/release/smimelint
else
  bin=$root/target/debug/smimelint
fi
case $bin in */*) ;; *) bin=$(command -v "$bin" || echo "$bin") ;; esac # a name on the PATH
[ -x "$bin" ] || { echo "no binary at $bin (build it, or set SMIMELINT)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
shared=${SMIMELINT_SHARED:-$root/../shared}
# In a git worktree (e.g. /tmp/before), ../shared is beside the main checkout instead.
if [ -z "${SMIMELINT_SHARED:-}" ] && [ ! -d "$shared" ] \
    && common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
  shared=$(dirname "$common")/../shared
fi
realworld=$shared/corpus/realworld

# run NAME CMD...: stdout to $out/NAME, stderr to $out/NAME.stderr, exit status to
# exit-codes.txt. stdin is /dev/null (a loop reading index.tsv must keep its input). A non-zero
# status is behaviour to record, not a failure of this script.
run() {
  local name=$1
  shift
  local rc=0
  "$@" < /dev/null > "$out/$name" 2> "$out/$name.stderr" || rc=$?
  echo "$name $rc" >> "$out/exit-codes.txt"
}

# Common lint flags: passes too (--all), one thread so order can never depend on scheduling,
# no ./smimelint.toml, no colour. The default --fail-on (error) is kept so exit codes mean something.
lint=(lint --all -j 1 --no-config --color never)

generate() {
  out=$1
  mkdir -p "$out"
  : > "$out/exit-codes.txt"
  cd "$root"

  # Fixed, sorted file lists (find order depends on the file system).
  mapfile -t certs < <(find testdata/certs -type f | sort)
  mapfile -t pkilint < <(find testdata/pkilint -type f -name '*.pem' | sort)
  mapfile -t malformed < <(find testdata/malformed -type f -name '*.der' | sort)

  # (a) the generated samples, in every output format.
  run certs.jsonl "$bin" "${lint[@]}" -f jsonl "${certs[@]}"
  run certs-dir.jsonl "$bin" "${lint[@]}" -f jsonl testdata/certs
  for f in text json csv github sarif; do
    run "certs.$f" "$bin" "${lint[@]}" -f "$f" "${certs[@]}"
  done
  # The summary goes to stderr unless --summary-file; a file keeps it apart from other notes.
  run certs.summary-run.txt "$bin" "${lint[@]}" -f jsonl --summary-format text \
    --summary-file "$out/certs.summary.txt" "${certs[@]}"
  run certs.summary-run.json "$bin" "${lint[@]}" -f jsonl --summary-format json \
    --summary-file "$out/certs.summary.json" "${certs[@]}"

  # (b) pkilint's corpus: type detected, then as the type its folder names (mailbox/strict → mailbox-strict).
  run pkilint.jsonl "$bin" "${lint[@]}" -f jsonl "${pkilint[@]}"
  : > "$out/pkilint-typed.jsonl"
  : > "$out/pkilint-typed.jsonl.stderr"
  for d in $(find testdata/pkilint -mindepth 2 -maxdepth 2 -type d | sort); do
    local t
    t=$(basename "$(dirname "$d")")-$(basename "$d")
    mapfile -t files < <(find "$d" -type f -name '*.pem' | sort)
    local rc=0
    "$bin" "${lint[@]}" -f jsonl --type "$t" "${files[@]}" >> "$out/pkilint-typed.jsonl" \
      2>> "$out/pkilint-typed.jsonl.stderr" || rc=$?
    echo "pkilint-typed.jsonl:$t $rc" >> "$out/exit-codes.txt"
  done

  # (c) the real-world set, run from inside its directory so record names are certs/X.pem.
  if [ -f "$realworld/index.tsv" ]; then
    (
      cd "$realworld"
      mapfile -t rw < <(find certs -type f -name '*.pem' | sort)
      run realworld.jsonl "$bin" "${lint[@]}" -f jsonl "${rw[@]}"
      # With the issuer (chain lints): one process per row of index.tsv, in index order.
      : > "$out/realworld-issuer.jsonl"
      : > "$out/realworld-issuer.jsonl.stderr"
      # awk, not `read` with IFS=tab: tabs count as whitespace there, so an empty issuer
      # column would shift the next column into it. Rows without an issuer are skipped.
      awk -F'\t' 'NR > 1 && $2 != "" && $2 != "-" { print $1 "\t" $2 }' index.tsv \
          | while IFS=$'\t' read -r cert issuer; do
        local rc=0
        "$bin" "${lint[@]}" -f jsonl --issuer "$issuer" "$cert" < /dev/null >> "$out/realworld-issuer.jsonl" \
          2>> "$out/realworld-issuer.jsonl.stderr" || rc=$?
        echo "realworld-issuer.jsonl:$cert $rc" >> "$out/exit-codes.txt"
      done
    )
    echo "run ($(tail -n +2 "$realworld/index.tsv" | wc -l) rows of index.tsv)" > "$out/realworld.status"
  else
    echo "not run: no $realworld/index.tsv" > "$out/realworld.status"
  fi
  echo "realworld: $(cat "$out/realworld.status")" >&2

  # (d) one certificate per encoding defect.
  run malformed.jsonl "$bin" "${lint[@]}" -f jsonl "${malformed[@]}"

  # (e), (f) the lint registry and every lint's documentation.
  run lints.json "$bin" lints --format json
  run lints.txt "$bin" lints --format text
  run lints.md "$bin" lints --format markdown
  : > "$out/explain.txt"
  : > "$out/explain.txt.stderr"
  for name in $(awk '{print $1}' "$out/lints.txt"); do
    echo "===== $name" >> "$out/explain.txt"
    local rc=0
    "$bin" explain "$name" >> "$out/explain.txt" 2>> "$out/explain.txt.stderr" || rc=$?
    echo "explain:$name $rc" >> "$out/exit-codes.txt"
  done

  # (g) the command-line surface: moving code between crates can change what clap derives
  # from Cargo metadata (about, version), so record it too.
  run cli-version.txt "$bin" --version
  run cli-help.txt "$bin" --help
  for sub in lint lints explain config completions man ct merge-summaries serve; do
    run "cli-help-$sub.txt" "$bin" "$sub" --help
  done
  run cli-man.txt "$bin" man
  for sh in bash zsh fish; do
    run "cli-completions-$sh.txt" "$bin" completions "$sh"
  done
  run cli-config-example.txt "$bin" config --example
}

case $mode in
  save)
    if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
      echo "$dir exists and is not empty; choose a new directory" >&2
      exit 2
    fi
    generate "$dir"
    {
      echo "binary: $bin"
      echo "sha256: $(sha256sum "$bin" | cut -d' ' -f1)"
      echo "saved: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "tree: $root at $(git -C "$root" rev-parse HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet 2>/dev/null || echo ' (modified)')"
    } > "$dir/_meta.txt"
    echo "saved $(find "$dir" -type f | wc -l) files to $dir" >&2
    ;;
  check)
    [ -d "$dir" ] || { echo "no saved outputs in $dir" >&2; exit 2; }
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    generate "$tmp/new"
    # ALLOWED_ADDED=field,…: lint metadata fields a change adds on purpose (e.g. `catalog`).
    # They are taken out of the new lint listings (JSON key, `explain` line) before comparing,
    # so every other byte must still match.
    if [ -n "${ALLOWED_ADDED:-}" ]; then
      for f in "$tmp"/new/lints*.json "$tmp"/new/explain*.txt; do
        [ -e "$f" ] || continue
        python3 - "$f" "$ALLOWED_ADDED" <<'PY'
import json, re, sys
path, fields = sys.argv[1], sys.argv[2].split(",")
text = open(path, encoding="utf-8").read()
if path.endswith(".json"):
    data = json.loads(text)
    for lint in data:
        for field in fields:
            lint.pop(field, None)
    text = json.dumps(data, indent=2, ensure_ascii=False) + ("\n" if text.endswith("\n") else "")
else:
    for field in fields:
        text = re.sub(r"(?m)^" + re.escape(field.capitalize()) + r" +.*\n", "", text)
open(path, "w", encoding="utf-8").write(text)
PY
      done
      echo "taking out the added metadata fields: $ALLOWED_ADDED"
    fi
    cd "$dir"
    bad=0
    # Every file of either side, so that a missing or an extra output is a difference too.
    # (code_stats.txt, rebuild.txt, throughput.txt: measurements kept beside the outputs, not outputs.)
    for f in $( (cd "$dir" && find . -type f; cd "$tmp/new" && find . -type f) | sed 's|^\./||' \
        | grep -vxE '_meta\.txt|code_stats\.txt|rebuild\.txt|throughput\.txt' | sort -u); do
      if [ ! -e "$dir/$f" ]; then
        echo "NEW        $f (not in $dir)"; bad=1
      elif [ ! -e "$tmp/new/$f" ]; then
        echo "MISSING    $f (no longer produced)"; bad=1
      elif cmp -s "$dir/$f" "$tmp/new/$f"; then
        echo "same       $f"
      else
        echo "DIFFERENT  $f"; bad=1
        # The first lines of the diff, each cut short: a jsonl record is one very long line.
        diff -u "$dir/$f" "$tmp/new/$f" | head -n 20 | cut -c 1-240 | sed 's/^/    /' || true
      fi
    done
    if [ "$bad" -eq 0 ]; then
      echo "OK: every output identical to $dir"
    else
      echo "FAIL: outputs differ from $dir (see above)"
      exit 1
    fi
    ;;
  *) usage ;;
esac
