#!/usr/bin/env bash
# Hostile or mistaken configuration files: a typo in include/exclude, values `lint` refuses
# (fail_on, at, sources, type), and an endless file. Expect: `smimelint config` and `lint`
# both refuse each with exit 2 and the setting's name; `--config /dev/zero` fails within
# seconds in bounded memory.
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

adv_config() {
    local tmp cert i text expect cmd
    tmp=$(mktemp -d)
    cert="$_adv_root/testdata/certs/bad-eku-missing.pem"
    local cases=(
        'include = ["e_smime_eku_mising"]|matches no lint'
        'exclude = ["e_smime_eku_mising"]|matches no lint'
        'fail_on = "sometimes"|lint.fail_on'
        'at = "yesterday"|lint.at'
        'include_sources = ["SBR9"]|unknown source'
        'type = "mailbox"|lint.type'
    )
    i=0
    for c in "${cases[@]}"; do
        text=${c%%|*}
        expect=${c##*|}
        i=$((i + 1))
        printf '[lint]\n%s\n' "$text" >"$tmp/$i.toml"
        for cmd in config lint; do
            if [ "$cmd" = config ]; then
                adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" config --config "$tmp/$i.toml"
            else
                adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --config "$tmp/$i.toml" "$cert"
            fi
            if [ "$adv_status" -eq 2 ] && grep -q "$expect" "$tmp/err" && [ ! -s "$tmp/out" ]; then
                adv_pass "config: '$text' refused by $cmd"
            else
                adv_fail "config: '$text' ($cmd)" "exit $adv_status: $(head -c 200 "$tmp/err")"
            fi
        done
    done
    for args in "config --config /dev/zero" "lint --config /dev/zero -" "lint --no-config --policy-map /dev/zero -"; do
        # shellcheck disable=SC2086
        adv_run 10 "$tmp/out" "$tmp/err" "$SMIMELINT" $args </dev/null
        if [ "$adv_status" -eq 2 ] && grep -q "larger than" "$tmp/err" && adv_rss_below "config: $args" 64; then
            adv_pass "config: $args fails fast (${adv_rss_kb:-?} kB)"
        elif [ "$adv_status" -ne 2 ] || ! grep -q "larger than" "$tmp/err"; then
            adv_fail "config: $args" "exit $adv_status: $(head -c 200 "$tmp/err")"
        fi
    done
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_config
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
