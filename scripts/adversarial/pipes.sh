#!/usr/bin/env bash
# Closed pipes: `explain NAME | head -1` used to panic (exit 101) and `lints --format json |
# head -1` printed "Broken pipe" and exited 2. Expect: smimelint exits 0 with nothing on stderr
# whenever its reader goes away, for every command that writes to stdout.
# The service writes its log to stderr: a log reader that goes away must not stop it.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

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
    # The service's log goes to a pipe whose reader has gone (a dead log collector): it keeps
    # answering requests instead of dying on its first log line.
    local port=$((20000 + RANDOM % 20000)) answer
    ( timeout -k 5 8 "$SMIMELINT" serve --no-config --listen "127.0.0.1:$port" 2>&1 >/dev/null \
        | true; echo "${PIPESTATUS[0]}" >"$tmp/serve_status" ) &
    answer=000
    for i in $(seq 40); do
        answer=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)
        [ "$answer" = 200 ] && break
        sleep 0.1
    done
    wait
    status=$(cat "$tmp/serve_status")
    # 124: still serving when timeout stopped it; 101 would be a panic.
    if [ "$answer" = 200 ] && [ "$status" -eq 124 ]; then
        adv_pass "pipes: serve 2>&1 | true"
    else
        adv_fail "pipes: serve 2>&1 | true" "healthz $answer, exit $status"
    fi
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_pipes
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
