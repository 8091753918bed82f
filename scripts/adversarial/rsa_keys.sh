#!/usr/bin/env bash
# Crafted RSA moduli cost bounded time: a 16,384-bit modulus that passes every cheap
# perfect-power filter is reported (n_smime_rsa_modulus_too_large_to_examine), not examined, and 8192 bits,
# the largest size examined, stays within a generous per-certificate ceiling.
. "$(dirname "$0")/_common.sh"

gen rsa 16384 "$WORK/rsa16384.pem"
gen rsa 8192 "$WORK/rsa8192.pem"
# 250 copies of the 16,384-bit certificate in one file, as in the reported attack.
for _ in $(seq 250); do cat "$WORK/rsa16384.pem"; done > "$WORK/rsa16384x250.pem"

if run_bounded 20 200000 -- "$SMIMELINT" lint --format jsonl "$WORK/rsa16384x250.pem"; then
    n=$(grep -c '"n_smime_rsa_modulus_too_large_to_examine"' "$WORK/out")
    if [ "$n" -eq 250 ]; then
        pass "rsa_keys 16384-bit x250 in ${ELAPSED}s, ${RSS_KIB} KiB, 250 records with the finding"
    else
        fail rsa_keys "expected 250 n_smime_rsa_modulus_too_large_to_examine findings, got $n"
    fi
else
    fail rsa_keys "16384-bit x250: rc $RC after ${ELAPSED}s, ${RSS_KIB} KiB"
fi

# Per-certificate ceiling for the largest examined size (generous: a debug build is slow).
if run_bounded 60 200000 -- "$SMIMELINT" lint --format jsonl "$WORK/rsa8192.pem"; then
    pass "rsa_keys 8192-bit crafted modulus in ${ELAPSED}s"
else
    fail rsa_keys "8192-bit: rc $RC after ${ELAPSED}s, ${RSS_KIB} KiB"
fi
finish
