"""Shared paths and the CLI the equivalence tests compare with."""

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TESTDATA = REPO / "testdata"


def certs():
    """The factory's samples, one certificate (or TBSCertificate) per file."""
    return sorted((TESTDATA / "certs").glob("*.pem"))


def corpus():
    """Every file of testdata/ the CLI lints: samples, malformed DER, pkilint's test files
    (certificates, CRLs and OCSP responses)."""
    files = [p for p in sorted(TESTDATA.rglob("*")) if p.is_file()]
    return [p for p in files if p.suffix not in (".json", ".tsv", ".md", ".csv") and p.name != "LICENSE"]


@pytest.fixture(scope="session")
def cli():
    """The smimelint binary: $SMIMELINT, else the workspace's debug build."""
    path = os.environ.get("SMIMELINT") or str(REPO / "target" / "debug" / "smimelint")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)) and not shutil.which(path):
        pytest.skip(f"not run: no smimelint binary at {path} (cargo build, or set SMIMELINT)")
    return path
