#!/usr/bin/env bash
# Hostile JSON summaries for merge-summaries: counts near 2^64 that used to wrap (2^64-1 + 58
# gave 57), 300,002 issuers that were all kept, and an endless file. Expect: counts saturate at
# 2^64-1, at most 10,000 issuers + "(other issuers)", bounded time and memory.
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

adv_merge_summaries() {
    local tmp max issuers entries other
    tmp=$(mktemp -d)
    max=18446744073709551615
    local head='"summary_version":1,"certificates_with_errors":0,"skipped":{},"lints":{},"types":{}'
    printf '{%s,"entries":%s,"records":%s,"by_worst":{"pass":%s},"issuers":{"CN=A":{"certificates":%s,"with_errors":0}}}' \
        "$head" "$max" "$max" "$max" "$max" >"$tmp/big.json"
    printf '{%s,"entries":58,"records":58,"by_worst":{"pass":58},"issuers":{"CN=A":{"certificates":58,"with_errors":0}}}' \
        "$head" >"$tmp/small.json"
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" merge-summaries "$tmp/big.json" "$tmp/small.json"
    # jq reads numbers as doubles: compare the text.
    entries=$(grep -o '"entries": *[0-9]*' "$tmp/out" | grep -o '[0-9]*$')
    if [ "$adv_status" -eq 0 ] && [ "$entries" = "$max" ] &&
        [ "$(grep -c "\"certificates\": *$max" "$tmp/out")" -eq 1 ]; then
        adv_pass "merge_summaries: 2^64-1 + 58 saturates"
    else
        adv_fail "merge_summaries: saturation" "exit $adv_status, entries $entries"
    fi
    {
        printf '{%s,"entries":300002,"records":300002,"by_worst":{"pass":300002},"issuers":{' "$head"
        seq 1 300002 | awk '{ printf "%s\"CN=issuer %d\":{\"certificates\":1,\"with_errors\":0}", (NR > 1 ? "," : ""), $1 }'
        printf '}}'
    } >"$tmp/wide.json"
    adv_run 60 "$tmp/out" "$tmp/err" "$SMIMELINT" merge-summaries "$tmp/wide.json"
    issuers=$(jq '.issuers | length' "$tmp/out" 2>/dev/null)
    other=$(jq '.issuers["(other issuers)"].certificates' "$tmp/out" 2>/dev/null)
    if [ "$adv_status" -eq 0 ] && [ "$issuers" = 10001 ] && [ "$other" = 290002 ] &&
        adv_rss_below "merge_summaries: issuer cap" 1024; then
        adv_pass "merge_summaries: 300,002 issuers kept as 10,000 + (other issuers) ${other} (${adv_rss_kb:-?} kB)"
    elif [ "$adv_status" -ne 0 ] || [ "$issuers" != 10001 ] || [ "$other" != 290002 ]; then
        adv_fail "merge_summaries: issuer cap" "exit $adv_status, $issuers issuers, other $other"
    fi
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" merge-summaries /dev/zero
    if [ "$adv_status" -eq 2 ] && grep -q "larger than" "$tmp/err" && adv_rss_below "merge_summaries: /dev/zero" 256; then
        adv_pass "merge_summaries: /dev/zero refused (${adv_rss_kb:-?} kB)"
    elif [ "$adv_status" -ne 2 ] || ! grep -q "larger than" "$tmp/err"; then
        adv_fail "merge_summaries: /dev/zero" "exit $adv_status: $(head -c 200 "$tmp/err")"
    fi
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_merge_summaries
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
