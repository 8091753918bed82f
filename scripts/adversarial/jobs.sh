#!/usr/bin/env bash
# Huge and zero thread counts. Expect: `-j 0` refused (exit 2); `-j 20000` and `-j 100000`
# clamped with a note on stderr, every record written, bounded time and memory.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

adv_jobs() {
    local tmp n records want
    tmp=$(mktemp -d)
    for i in 1 2 3 4 5 6 7 8; do cat "$_adv_root"/testdata/certs/*.pem; done >"$tmp/in.pem"
    want=$(grep -c -- '-----BEGIN' "$tmp/in.pem")
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config -j 0 "$tmp/in.pem"
    if [ "$adv_status" -eq 2 ] && grep -q "at least 1" "$tmp/err" && [ ! -s "$tmp/out" ]; then
        adv_pass "jobs: -j 0 refused"
    else
        adv_fail "jobs: -j 0" "exit $adv_status: $(head -c 200 "$tmp/err")"
    fi
    for n in 20000 100000; do
        adv_run 60 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config -f jsonl -j "$n" --fail-on never "$tmp/in.pem"
        records=$(wc -l <"$tmp/out")
        if [ "$adv_status" -eq 0 ] && [ "$records" -eq "$want" ] && grep -q "using" "$tmp/err" &&
            adv_rss_below "jobs: -j $n" 512; then
            adv_pass "jobs: -j $n clamped ($(head -n 1 "$tmp/err" | sed 's/^smimelint: //'); $records/$want records, ${adv_rss_kb:-?} kB)"
        elif [ "$adv_status" -ne 0 ] || [ "$records" -ne "$want" ] || ! grep -q "using" "$tmp/err"; then
            adv_fail "jobs: -j $n" "exit $adv_status, $records/$want records: $(head -c 200 "$tmp/err")"
        fi
    done
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_jobs
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
