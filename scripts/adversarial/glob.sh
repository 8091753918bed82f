#!/usr/bin/env bash
# Pathological lint-name globs: stars that made the old recursive matcher exponential, on the
# command line, in smimelint.toml and in the service's query; oversized patterns and lists.
# Expect: each refused (exit 2, "matches no lint" / "at most") or answered, within seconds.
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

adv_glob() {
    local tmp cert stars eku port pid i t0 code
    tmp=$(mktemp -d)
    cert="$_adv_root/testdata/certs/bad-eku-missing.pem"
    stars="$(printf '%*s' 30 '' | tr ' ' '*')#"
    for flag in --include --exclude; do
        adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config "$flag" "$stars" "$cert"
        if [ "$adv_status" -eq 2 ] && grep -q "matches no lint" "$tmp/err"; then
            adv_pass "glob: $flag of 30 stars refused"
        else
            adv_fail "glob: $flag of 30 stars" "exit $adv_status: $(head -c 200 "$tmp/err")"
        fi
    done
    eku="$(printf '%*s' 40 '' | tr ' ' '*')e_smime_eku_missing"
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config -f jsonl --include "$eku" "$cert"
    if [ "$adv_status" -eq 1 ] && grep -q e_smime_eku_missing "$tmp/out"; then
        adv_pass "glob: 40 stars that match select the lint"
    else
        adv_fail "glob: 40 matching stars" "exit $adv_status"
    fi
    printf '[lint]\ninclude = ["%s"]\n' "$stars" >"$tmp/smimelint.toml"
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --config "$tmp/smimelint.toml" "$cert"
    if [ "$adv_status" -eq 2 ] && grep -q "matches no lint" "$tmp/err"; then
        adv_pass "glob: smimelint.toml include of 30 stars refused"
    else
        adv_fail "glob: smimelint.toml stars" "exit $adv_status: $(head -c 200 "$tmp/err")"
    fi
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config --include "e_$(printf '%*s' 200 '' | tr ' ' 'x')" "$cert"
    if [ "$adv_status" -eq 2 ] && grep -q "at most" "$tmp/err"; then
        adv_pass "glob: 202-byte pattern refused"
    else
        adv_fail "glob: long pattern" "exit $adv_status"
    fi
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config --exclude "$(yes 'e_*' | head -n 1000 | paste -sd,)" "$cert"
    if [ "$adv_status" -eq 2 ] && grep -q "at most" "$tmp/err"; then
        adv_pass "glob: 1000 patterns refused"
    else
        adv_fail "glob: many patterns" "exit $adv_status"
    fi
    # The service: two hostile requests (one per core), then /healthz must still answer.
    if command -v curl >/dev/null && "$SMIMELINT" serve --help >/dev/null 2>&1; then
        "$SMIMELINT" serve --listen 127.0.0.1:0 --quiet 2>"$tmp/serve.err" &
        pid=$!
        port=
        for i in $(seq 50); do
            port=$(grep -o 'listening on http://[0-9.]*:[0-9]*' "$tmp/serve.err" | sed 's/.*://')
            [ -n "$port" ] && break
            sleep 0.1
        done
        if [ -z "$port" ]; then
            adv_fail "glob: service" "did not start: $(head -c 200 "$tmp/serve.err")"
        else
            local q="include=$(printf '%*s' 30 '' | tr ' ' '*')%23"
            local curls=()
            for i in 1 2; do
                curl -s -o "$tmp/resp$i" -w '%{http_code}' --max-time 20 -X POST \
                    -H 'Content-Type: application/x-pem-file' --data-binary @"$cert" \
                    "http://127.0.0.1:$port/v1/lint?$q" >"$tmp/code$i" &
                curls+=($!)
            done
            wait "${curls[@]}"
            t0=$(date +%s)
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/healthz")
            if [ "$(cat "$tmp/code1")" = 422 ] && [ "$(cat "$tmp/code2")" = 422 ] && [ "$code" = 200 ] &&
                [ $(($(date +%s) - t0)) -le 5 ]; then
                adv_pass "glob: service refuses ?include=30 stars with 422, /healthz answers"
            else
                adv_fail "glob: service" "codes $(cat "$tmp/code1") $(cat "$tmp/code2"), healthz $code"
            fi
        fi
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_glob
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
