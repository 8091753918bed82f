#!/usr/bin/env bash
# Hostile or mistaken configuration files: a typo in include/exclude, values `lint` refuses
# (fail_on, at, sources, type), and an endless file. Expect: `smimelint config` and `lint`
# both refuse each with exit 2 and the setting's name; `--config /dev/zero` fails within
# seconds in bounded memory.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

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
