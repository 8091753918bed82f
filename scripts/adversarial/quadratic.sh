#!/usr/bin/env bash
# Certificates with tens of thousands of entries in one collection are linted in bounded
# time (the reported cases: 60,000 policies took 2.6 s, 40,000 extensions 1.9 s) and get the
# findings their duplicates call for.
. "$(dirname "$0")/_common.sh"

# kind count expected-lint (or - for none in particular)
while read -r kind count lint; do
    f="$WORK/$kind-$count.pem"
    gen "$kind" "$count" "$f" || { fail "quadratic $kind" "generating"; continue; }
    # Ceiling: a generous multiple of the linear cost, far below the quadratic one.
    if run_bounded 20 500000 -- "$SMIMELINT" lint --format jsonl "$f"; then
        if [ "$lint" != - ] && ! grep -q "\"$lint\"" "$WORK/out"; then
            fail "quadratic $kind" "no $lint finding"
        elif [ "$(wc -l < "$WORK/out")" -ne 1 ]; then
            fail "quadratic $kind" "expected one record"
        else
            pass "quadratic $kind x$count in ${ELAPSED}s, ${RSS_KIB} KiB"
        fi
    else
        fail "quadratic $kind" "rc $RC after ${ELAPSED}s, ${RSS_KIB} KiB"
    fi
done <<'LIST'
extensions 40000 e_smime_rfc5280_duplicate_extension
policies 60000 e_smime_rfc5280_duplicate_policy_oid
qualifiers 20000 -
san 20000 -
rdns 20000 e_smime_subject_attribute_prohibited
eku 20000 e_smime_eku_strict_extra_purpose
crldp 20000 -
aia 20000 -
nc 20000 -
names 10000 -
LIST
finish
