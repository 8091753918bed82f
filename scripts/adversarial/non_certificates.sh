#!/usr/bin/env bash
# Non-certificates handed to `smimelint lint`: a PKCS#10 request, a PKCS#8 key, a SEC1 key and an
# RSA key (PKCS#1), made with openssl, in DER and in PEM. Each must give exactly one record with
# one fatal e_input_not_certificate naming what it is, never any key material, and
# `--fail-on fatal` must exit 1 for them (0 for a certificate made from the same key). A CRL made
# by `openssl ca -gencrl` is a document smimelint lints: one record of form "crl", not fatal, and
# (openssl's default CRL has no crlExtensions section) the missing authorityKeyIdentifier that
# RFC 5280 5.2.1 requires is reported.
# Prints `PASS name` or `FAIL name: why`; exits 1 when anything failed.
# SMIMELINT selects the binary (default target/release/smimelint, else target/debug/smimelint).
set -uo pipefail
cd "$(dirname "$0")/../.."

. scripts/adversarial/_binary.sh
bin=$SMIMELINT
if [ ! -x "$bin" ]; then
  echo "FAIL setup: $bin is not an executable"
  exit 1
fi
if ! command -v openssl > /dev/null; then
  echo "FAIL setup: openssl not found"
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/smimelint-noncert.XXXXXX")
trap 'rm -rf "$dir"' EXIT
failed=0
fail() { echo "FAIL $1: $2"; failed=1; }

make_inputs() {
  cd "$dir" || return 1
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem &&
  openssl pkcs8 -topk8 -nocrypt -in key.pem -outform DER -out key.der &&
  openssl ec -in key.pem -out ec.pem &&
  openssl ec -in key.pem -outform DER -out ec.der &&
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa8.pem &&
  openssl rsa -in rsa8.pem -traditional -out rsa.pem &&
  openssl rsa -in rsa8.pem -traditional -outform DER -out rsa.der &&
  openssl req -new -key key.pem -subj "/CN=alice@example.com" -out csr.pem &&
  openssl req -in csr.pem -outform DER -out csr.der &&
  openssl req -x509 -new -key key.pem -subj "/CN=Example CA" -days 30 -out ca.pem &&
  openssl x509 -in ca.pem -outform DER -out ca.der &&
  : > index.txt && echo 01 > crlnumber &&
  printf '%s\n' '[ca]' 'default_ca = d' '[d]' 'database = index.txt' \
    'crlnumber = crlnumber' 'default_md = sha256' 'default_crl_days = 30' > ca.cnf &&
  openssl ca -config ca.cnf -gencrl -keyfile key.pem -cert ca.pem -out crl.pem &&
  openssl crl -in crl.pem -outform DER -out crl.der &&
  : > ocsp-index.txt &&
  openssl ocsp -issuer ca.pem -cert ca.pem -no_nonce -reqout ocsp-req.der &&
  openssl ocsp -index ocsp-index.txt -rsigner ca.pem -rkey key.pem -CA ca.pem \
    -reqin ocsp-req.der -respout ocsp.der -ndays 4
}
if ! (make_inputs) > "$dir/openssl.log" 2>&1; then
  echo "FAIL setup: openssl could not build the inputs: $(tail -3 "$dir/openssl.log")"
  exit 1
fi

# The base64 of every private key, in pieces, to look for in the output.
secrets=$(for f in key.pem ec.pem rsa.pem rsa8.pem; do
  grep -v -- '-----' "$dir/$f" | cut -c1-24
done)

# check NAME FILE KIND: one record, one fatal e_input_not_certificate naming KIND, exit 1.
check() {
  local name=$1 file=$2 kind=$3 out status=0
  out=$("$bin" lint --fail-on fatal -f jsonl "$dir/$file" 2> "$dir/stderr") || status=$?
  local records lints
  records=$(printf '%s\n' "$out" | grep -c '^{')
  lints=$(printf '%s' "$out" | grep -o '"lint":"[a-z_0-9]*"' | sort -u | tr '\n' ' ')
  if [ "$records" != 1 ]; then fail "$name" "$records records, expected 1"
  elif [ "$lints" != '"lint":"e_input_not_certificate" ' ]; then fail "$name" "findings: $lints"
  elif [ "$(printf '%s' "$out" | grep -o '"lint":' | wc -l)" != 1 ]; then
    fail "$name" "more than one finding"
  elif ! printf '%s' "$out" | grep -q '"status":"fatal"'; then fail "$name" "not fatal: $out"
  elif ! printf '%s' "$out" | grep -qF "$kind"; then fail "$name" "does not name '$kind': $out"
  elif [ "$status" != 1 ]; then fail "$name" "exit status $status with --fail-on fatal, expected 1"
  elif printf '%s\n' "$secrets" | grep -qF -f - <(printf '%s' "$out"; cat "$dir/stderr"); then
    fail "$name" "key material in the output"
  else echo "PASS $name"
  fi
}

check csr-der csr.der "a PKCS#10 certificate request"
check pkcs8-der key.der "a private key (PKCS#8)"
check sec1-der ec.der "a private key (SEC1)"
check pkcs1-der rsa.der "a private key (PKCS#1 RSA)"
check csr-pem csr.pem "a PKCS#10 certificate request"
check pkcs8-pem key.pem "a private key (PKCS#8)"
check sec1-pem ec.pem "a private key (SEC1)"
check pkcs1-pem rsa.pem "a private key (PKCS#1 RSA)"

# check_crl NAME FILE: one record of form crl, no fatal finding, e_crl_aki_missing reported.
check_crl() {
  local name=$1 file=$2 out status=0
  out=$("$bin" lint --fail-on fatal -f jsonl "$dir/$file" 2> /dev/null) || status=$?
  if [ "$(printf '%s\n' "$out" | grep -c '^{')" != 1 ]; then fail "$name" "not one record: $out"
  elif ! printf '%s' "$out" | grep -q '"form":"crl"'; then fail "$name" "not read as a CRL: $out"
  elif printf '%s' "$out" | grep -q '"status":"fatal"'; then fail "$name" "fatal: $out"
  elif ! printf '%s' "$out" | grep -q '"lint":"e_crl_aki_missing"'; then
    fail "$name" "no e_crl_aki_missing: $out"
  elif [ "$status" != 0 ]; then fail "$name" "exit status $status with --fail-on fatal, expected 0"
  else echo "PASS $name"
  fi
}
check_crl crl-der crl.der
check_crl crl-pem crl.pem

# openssl's OCSP response signed by the (root) CA: read as one, signature and CertID verified
# against the CA, no finding.
status=0
out=$("$bin" lint --fail-on notice --all -f jsonl --issuer "$dir/ca.pem" "$dir/ocsp.der" 2> /dev/null) || status=$?
if ! printf '%s' "$out" | grep -q '"form":"ocsp"'; then fail ocsp "not read as an OCSP response: $out"
elif ! printf '%s' "$out" | grep -q '"lint":"e_ocsp_signature_invalid","status":"pass"'; then
  fail ocsp "signature not verified: $out"
elif ! printf '%s' "$out" | grep -q '"lint":"e_ocsp_cert_id_issuer_mismatch","status":"pass"'; then
  fail ocsp "CertID not checked: $out"
elif [ "$status" != 0 ]; then fail ocsp "exit status $status with --fail-on notice, expected 0"
else echo "PASS ocsp-openssl"
fi

# All of them in one run: one record each, in order (the CRL linted as one), and exit 1.
status=0
out=$("$bin" lint --fail-on fatal -f jsonl "$dir"/{key,csr,crl,ec,rsa}.der 2> /dev/null) || status=$?
records=$(printf '%s\n' "$out" | grep -c '^{')
fatal=$(printf '%s\n' "$out" | grep -c '"lint":"e_input_not_certificate"')
third=$(printf '%s\n' "$out" | sed -n 3p)
if [ "$records" != 5 ] || [ "$fatal" != 4 ]; then
  fail batch "$records records, $fatal not-a-certificate, expected 5 and 4"
elif ! printf '%s' "$third" | grep -q '"form":"crl"'; then fail batch "third record not the CRL: $third"
elif [ "$status" != 1 ]; then fail batch "exit status $status, expected 1"
else echo "PASS batch"
fi

# The certificate made from the same key is linted, and not fatal.
status=0
out=$("$bin" lint --fail-on fatal -f jsonl "$dir/ca.der" 2> /dev/null) || status=$?
if ! printf '%s' "$out" | grep -q '"form":"certificate"'; then fail control "not linted: $out"
elif printf '%s' "$out" | grep -q '"status":"fatal"'; then fail control "fatal: $out"
elif [ "$status" != 0 ]; then fail control "exit status $status, expected 0"
else echo "PASS control-certificate"
fi

exit "$failed"
