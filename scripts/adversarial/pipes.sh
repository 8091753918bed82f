#!/usr/bin/env bash
# Closed pipes: `explain NAME | head -1` used to panic (exit 101) and `lints --format json |
# head -1` printed "Broken pipe" and exited 2. Expect: smimelint exits 0 with nothing on stderr
# whenever its reader goes away, for every command that writes to stdout.
# --- common preamble (each script stands alone; sourced, it returns instead of exiting) ---
_adv_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -z "${SMIMELINT:-}" ]; then
    SMIMELINT="$_adv_root/target/release/smimelint"
    [ -x "$SMIMELINT" ] || SMIMELINT="$_adv_root/target/debug/smimelint"
fi
_adv_fails=0
adv_pass() { echo "PASS $1"; }
adv_fail() { echo "FAIL $1: $2"; _adv_fails=$((_adv_fails + 1)); }
# adv_run SECONDS OUT ERR CMD...: runs CMD with a time ceiling; sets adv_status (124 = timed
# out) and adv_rss_kb (peak RSS, empty when /usr/bin/time is missing).
adv_run() {
    local secs=$1 out=$2 err=$3 rss
    shift 3
    rss=$(mktemp)
    if [ -x /usr/bin/time ]; then
        timeout -k 5 "$secs" /usr/bin/time -f '%M' -o "$rss" "$@" >"$out" 2>"$err"
        adv_status=$?
        adv_rss_kb=$(tail -n 1 "$rss" 2>/dev/null | tr -dc 0-9)
    else
        timeout -k 5 "$secs" "$@" >"$out" 2>"$err"
        adv_status=$?
        adv_rss_kb=
    fi
    rm -f "$rss"
}
# adv_rss_below NAME MB: fails NAME when the last run's peak RSS exceeded MB megabytes.
adv_rss_below() {
    if [ -n "$adv_rss_kb" ] && [ "$adv_rss_kb" -gt $(($2 * 1024)) ]; then
        adv_fail "$1" "peak RSS ${adv_rss_kb} kB above $2 MB"
        return 1
    fi
    return 0
}
# ---

adv_pipes() {
    local tmp i status lines
    tmp=$(mktemp -d)
    for i in $(seq 200); do cat "$_adv_root"/testdata/certs/*.pem; done >"$tmp/many.pem"
    local cases=(
        "explain e_smime_eku_missing"
        "lints"
        "lints --format json"
        "lints --format markdown"
        "config --example"
        "completions bash"
        "man"
        "lint --no-config $tmp/many.pem"
        "lint --no-config -f jsonl -j 1 $tmp/many.pem"
        "lint --no-config -f json -j 2 $tmp/many.pem"
        "lint --no-config -f sarif $tmp/many.pem"
    )
    for c in "${cases[@]}"; do
        # shellcheck disable=SC2086
        timeout -k 5 60 "$SMIMELINT" $c 2>"$tmp/err" </dev/null | head -n 1 >/dev/null
        status=${PIPESTATUS[0]}
        if [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ]; then
            adv_pass "pipes: ${c/$tmp\//} | head -1"
        else
            adv_fail "pipes: ${c/$tmp\//} | head -1" "exit $status: $(head -c 200 "$tmp/err")"
        fi
    done
    # No stdout at all (std drops writes to a closed descriptor): still no panic, no message.
    for c in "explain e_smime_eku_missing" "lint --no-config --fail-on never $tmp/many.pem"; do
        # shellcheck disable=SC2086
        timeout -k 5 60 "$SMIMELINT" $c 2>"$tmp/err" </dev/null >&-
        status=$?
        if [ "$status" -eq 0 ] && [ ! -s "$tmp/err" ]; then
            adv_pass "pipes: ${c/$tmp\//} >&-"
        else
            lines=$(head -c 200 "$tmp/err")
            adv_fail "pipes: ${c/$tmp\//} >&-" "exit $status: $lines"
        fi
    done
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_pipes
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
