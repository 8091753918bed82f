#!/usr/bin/env bash
# Hostile file names: ESC sequences and newlines that would rewrite a terminal, and non-UTF-8
# names that used to print alike (U+FFFD). Expect: no ESC byte and one header line per file in
# text output; distinct names in every format; records in = records out.
. "$(dirname "${BASH_SOURCE[0]}")/_standalone.sh"

adv_names() {
    local tmp dir cert fmt n esc distinct
    tmp=$(mktemp -d)
    dir="$tmp/in"
    mkdir "$dir"
    cert="$_adv_root/testdata/certs/bad-eku-missing.pem"
    cp "$cert" "$dir/$(printf 'clear\033[2J\033]0;owned\007.pem')"
    cp "$cert" "$dir/$(printf 'two\nlines.pem')"
    cp "$cert" "$dir/$(printf 'a\377.pem')"
    cp "$cert" "$dir/$(printf 'a\376.pem')"
    cp "$cert" "$dir/$(printf 'a\\xff.pem')"
    n=5
    adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config --color never "$dir"
    esc=$(tr -cd '\033\007' <"$tmp/out" | wc -c)
    local headers
    headers=$(grep -c "^$dir/" "$tmp/out")
    if [ "$adv_status" -eq 1 ] && [ "$esc" -eq 0 ] && [ "$headers" -eq "$n" ]; then
        adv_pass "names: text output has no control bytes, $headers headers for $n files"
    else
        adv_fail "names: text" "exit $adv_status, $esc control bytes, $headers/$n headers"
    fi
    for fmt in jsonl json csv github sarif; do
        adv_run 20 "$tmp/out" "$tmp/err" "$SMIMELINT" lint --no-config -f "$fmt" "$dir"
        if [ "$adv_status" -ne 1 ]; then
            adv_fail "names: $fmt" "exit $adv_status: $(head -c 200 "$tmp/err")"
            continue
        fi
        if grep -q $'\xef\xbf\xbd' "$tmp/out"; then
            adv_fail "names: $fmt" "U+FFFD in the output"
            continue
        fi
        case $fmt in
        jsonl) distinct=$(jq -c '.input' "$tmp/out" | sort -u | wc -l) ;;
        json) distinct=$(jq -c '.[].input' "$tmp/out" | sort -u | wc -l) ;;
        sarif) distinct=$(jq -c '.runs[0].results[].locations[0].physicalLocation.artifactLocation.uri' "$tmp/out" | sort -u | wc -l) ;;
        csv | github)
            # Each distinct escaped name must appear: the three a* names differ in the output.
            distinct=0
            for pat in 'a\\xff.pem' 'a\\xfe.pem' 'a\\\\xff.pem'; do
                grep -qF -- "$(printf '%b' "$pat")" "$tmp/out" && distinct=$((distinct + 1))
            done
            distinct=$((distinct + 2))
            ;;
        esac
        # CSV carries names as data (quoted); every other format must hold no raw ESC.
        esc=$(tr -cd '\033' <"$tmp/out" | wc -c)
        [ "$fmt" = csv ] && esc=0
        if [ "$distinct" -eq "$n" ] && [ "$esc" -eq 0 ]; then
            adv_pass "names: $fmt keeps $n names distinct"
        else
            adv_fail "names: $fmt" "$distinct distinct names of $n, $esc ESC bytes"
        fi
    done
    rm -rf "$tmp"
    return "$_adv_fails"
}

adv_names
_adv_rc=$?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then exit "$_adv_rc"; fi
return "$_adv_rc"
