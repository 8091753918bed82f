#!/usr/bin/env bash
# Hostile JSON summaries for merge-summaries: counts near 2^64 that used to wrap (2^64-1 + 58
# gave 57), 300,002 issuers that were all kept, and an endless file. Expect: counts saturate at
# 2^64-1, at most 10,000 issuers + "(other issuers)", bounded time and memory.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

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
