#!/usr/bin/env python3
"""Certificates per second: `Linter.lint_many` in this process, the `smimelint` CLI on the same
certificates (one PEM file, output to /dev/null), and pkilint 0.13.3's S/MIME validator in this
process (when pkilint is installed).

The certificates are testdata/certs and pkilint's test corpus (testdata/pkilint), repeated up
to --count. Install a release wheel first (`maturin build --release`, then pip install it) for
figures worth quoting; a debug build (`maturin develop`) is several times slower.

Usage: python python/bench.py --smimelint target/release/smimelint [--count 50000]
"""

import argparse
import os
import subprocess
import tempfile
import time
from pathlib import Path

import smimelint

REPO = Path(__file__).resolve().parents[1]


def certificates():
    paths = sorted((REPO / "testdata" / "certs").glob("*.pem"))
    paths += sorted((REPO / "testdata" / "pkilint").rglob("*.pem"))
    return [p.read_bytes() for p in paths]


def best_of(runs, work):
    """The fastest of `runs` timings: the figure least disturbed by other work on the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def pkilint_rate(pems, seconds=10.0):
    try:
        from pkilint import loader
        from pkilint.cabf import smime
        from pkilint.pkix import certificate
    except ImportError:
        return None
    cert_loader = loader.RFC5280CertificateDocumentLoader()
    validators = {}
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        pem = pems[done % len(pems)].decode()
        try:
            cert = cert_loader.load_pem_document(pem, "cert")
            level_generation = smime.guess_validation_level_and_generation(cert)
            validator = validators.get(level_generation)
            if validator is None:
                validator = certificate.create_pkix_certificate_validator_container(
                    smime.create_decoding_validators(),
                    smime.create_subscriber_validators(*level_generation),
                )
                validators[level_generation] = validator
            validator.validate(cert.root)
        except Exception:  # pkilint refuses some corpus files; they still took their time
            pass
        done += 1
    return done / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smimelint", default=str(REPO / "target" / "release" / "smimelint"))
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    pems = certificates()
    batch = (pems * (args.count // len(pems) + 1))[: args.count]
    linter = smimelint.Linter()
    print(f"{len(batch)} certificates ({len(pems)} distinct), {os.cpu_count()} CPUs")

    seconds = best_of(args.runs, lambda: linter.lint_many(batch))
    print(f"lint_many:       {len(batch) / seconds:10.0f} certificates/s")

    with tempfile.NamedTemporaryFile(suffix=".pem") as f:
        f.write(b"".join(batch))
        f.flush()
        cmd = [args.smimelint, "lint", "--no-config", "--format", "jsonl", "--fail-on", "never",
               f.name]
        seconds = best_of(
            args.runs, lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        )
    print(f"CLI (jsonl):     {len(batch) / seconds:10.0f} certificates/s")

    one = best_of(args.runs, lambda: [linter.lint(p) for p in batch[:5000]])
    print(f"lint, one by one:{5000 / one:10.0f} certificates/s")

    rate = pkilint_rate(pems)
    if rate is None:
        print("pkilint:         not run (pkilint not installed)")
    else:
        print(f"pkilint:         {rate:10.0f} certificates/s (one thread)")


if __name__ == "__main__":
    main()
