#!/bin/sh
# Per-input lint cost of the fuzz corpora (committed and working) in an optimised build without
# sanitizer: libFuzzer's -timeout only reports whole seconds. Lists every input over 10 ms with
# the lint or decoder that spent the time. Run from the repository root.
set -eu
opt="--config profile.dev.package.smimelint.opt-level=3"
opt="$opt --config profile.dev.package.smimelint.debug-assertions=false"
opt="$opt --config profile.dev.package.smimelint.overflow-checks=false"
# shellcheck disable=SC2086
cargo build --quiet --example replay_costs $opt
bin=${CARGO_TARGET_DIR:-target}/debug/examples/replay_costs
dirs() { for d in "$@"; do [ -d "$d" ] && printf '%s\n' "$d"; done; }
# shellcheck disable=SC2046
"$bin" --ms "${MS:-10}" $(dirs fuzz/corpus/lint_der fuzz/corpus/walk fuzz/corpus-work/lint_der)
# shellcheck disable=SC2046
"$bin" --mutate --ms "${MS:-10}" $(dirs fuzz/corpus/mutate_cert fuzz/corpus-work/mutate_cert)
