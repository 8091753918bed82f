#!/usr/bin/env bash
# Side by side with pkilint 0.13.3 on the same machine, same run, same corpus (the testdata
# samples: every type and generation, every key family, CA certificates, clean and defective).
# All single-threaded, one after the other in one run:
#  - pkilint in-process: validators built once (as ../shared/tools/pkilint-oracle does), then
#    for each certificate: decode the DER document, detect (or guess) the type, validate. Only
#    that loop is timed, after a warm-up pass.
#  - smimelint in-process (`examples/lint_rate.rs`, release build): `Linter::lint_der` on each
#    certificate (parse, type detection, every lint, the result record), after a warm-up
#    pass; the corpus repeated REPEAT_INPROCESS times. This pair is the like-for-like ratio.
#  - smimelint end to end: the release binary, `-j 1 -f jsonl`, on the corpus repeated
#    REPEAT_SMIMELINT times in one file (process start-up, PEM framing and output included).
# Prints the rates and both ratios.
#
# usage: benches/vs_pkilint.sh
# env:   REPEAT_PKILINT=40 REPEAT_INPROCESS=2000 REPEAT_SMIMELINT=2000
#        PKILINT_VENV (default: the pkilint-oracle's venv, installed on first use)
#        SMIMELINT=path/to/binary (default target/release/smimelint, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

rep_py=${REPEAT_PKILINT:-40}
rep_rs=${REPEAT_SMIMELINT:-2000}
rep_in=${REPEAT_INPROCESS:-2000}
bin=${SMIMELINT:-target/release/smimelint}
venv="${PKILINT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/smimelint-pkilint-venv}"
if [ ! -x "$bin" ]; then
  cargo build --release --bin smimelint
fi
cargo build -q --release --example lint_rate
rate=target/release/examples/lint_rate
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pkilint' 2>/dev/null; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install -q 'pkilint==0.13.3' >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples=(testdata/certs/*.pem)

echo "$(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')); load average $(cut -d' ' -f1-3 /proc/loadavg)"

"$venv/bin/python" - "$rep_py" "${samples[@]}" > "$work/pkilint.txt" <<'PY'
import base64, re, sys, time
from pkilint import loader
from pkilint.cabf import smime
from pkilint.pkix import certificate

rep = int(sys.argv[1])
ders = []
for p in sys.argv[2:]:
    for body in re.findall(r"-----BEGIN [^-]+-----(.*?)-----END", open(p).read(), re.S):
        ders.append(base64.b64decode("".join(body.split())))
ld = loader.RFC5280CertificateDocumentLoader()
validators = {}
def validator(vl, gen):
    if (vl, gen) not in validators:
        validators[(vl, gen)] = certificate.create_pkix_certificate_validator_container(
            smime.create_decoding_validators(), smime.create_subscriber_validators(vl, gen))
    return validators[(vl, gen)]

def lint(i, der):
    doc = ld.load_der_document(der, f"cert{i}")
    t = smime.determine_validation_level_and_generation(doc) or smime.guess_validation_level_and_generation(doc)
    return sum(len(r.finding_descriptions) for r in validator(*t).validate(doc.root))

# Warm-up: build every validator the corpus needs, outside the timed loop.
for i, der in enumerate(ders):
    try:
        lint(i, der)
    except Exception:
        pass
# Certificates pkilint cannot lint (it raises, e.g. no type for a CA certificate under the
# subscriber validators) are timed apart: they fail fast and would flatter its rate.
failed, failed_secs = 0, 0.0
start = time.perf_counter()
for _ in range(rep):
    for i, der in enumerate(ders):
        t = time.perf_counter()
        try:
            lint(i, der)
        except Exception:
            failed += 1
            failed_secs += time.perf_counter() - t
secs = time.perf_counter() - start
n = rep * len(ders)
print(n, secs, failed, failed_secs)
PY
read -r n_py secs_py failed_py failed_secs_py < "$work/pkilint.txt"
read -r n_in secs_in < <("$rate" "$rep_in" "${samples[@]}")

python3 - "$rep_rs" "${samples[@]}" > "$work/corpus.pem" <<'PY'
import re, sys
rep = int(sys.argv[1])
pool = []
for p in sys.argv[2:]:
    pool += re.findall(r"-----BEGIN [^-]+-----.*?-----END [^-]+-----\n", open(p).read(), re.S)
for _ in range(rep):
    sys.stdout.write("".join(pool))
PY
n_rs=$(grep -c -- '-----BEGIN' "$work/corpus.pem")
start=$(date +%s.%N)
"$bin" lint -j 1 -f jsonl --fail-on never "$work/corpus.pem" > /dev/null
end=$(date +%s.%N)

python3 - "$n_py" "$secs_py" "$failed_py" "$failed_secs_py" "$n_rs" "$start" "$end" "$n_in" "$secs_in" <<'PY'
import sys
n_py, secs_py, failed, failed_secs = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
n_rs, secs_rs = int(sys.argv[5]), float(sys.argv[7]) - float(sys.argv[6])
n_in, secs_in = int(sys.argv[8]), float(sys.argv[9])
ok, ok_secs = n_py - failed, secs_py - failed_secs
py_all, py_ok, rs, rs_in = n_py / secs_py, ok / ok_secs, n_rs / secs_rs, n_in / secs_in
print(f"pkilint 0.13.3, in-process, 1 thread: {n_py:,} certs in {secs_py:.2f} s = {py_all:,.0f} certs/s; "
      f"the {ok:,} it lints: {py_ok:,.0f} certs/s ({ok_secs / ok * 1e3:.2f} ms/cert); {failed:,} raised at once")
print(f"smimelint, in-process, 1 thread:       {n_in:,} certs in {secs_in:.2f} s = {rs_in:,.0f} certs/s"
      f" ({secs_in / n_in * 1e6:.1f} us/cert)")
print(f"smimelint, release binary -j 1:        {n_rs:,} certs in {secs_rs:.2f} s = {rs:,.0f} certs/s"
      f" ({secs_rs / n_rs * 1e6:.1f} us/cert, start-up, framing and output included)")
print(f"ratio in-process / in-process: {rs_in / py_ok:,.0f}x (on the certificates pkilint lints; "
      f"{rs_in / py_all:,.0f}x counting its failures)")
print(f"ratio binary end to end / pkilint in-process: {rs / py_ok:,.0f}x ({rs / py_all:,.0f}x counting its failures)")
PY
