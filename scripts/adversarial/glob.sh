#!/usr/bin/env bash
# Pathological lint-name globs: stars that made the old recursive matcher exponential, on the
# command line, in smimelint.toml and in the service's query; oversized patterns and lists.
# Expect: each refused (exit 2, "matches no lint" / "at most") or answered, within seconds.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

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
