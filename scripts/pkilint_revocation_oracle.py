#!/usr/bin/env python3
"""Lint CRLs and OCSP responses with pkilint 0.13.3, an independent implementation, for comparison.

    pkilint_revocation_oracle.py [--kind crl|ocsp] [--crl-type crl|arl] [--profile br|pkix] FILE...

Prints one JSON line per input file, in input order:

    {"file", "kind", "verdict": "clean|info|warn|error|unparsed",
     "findings": [{"code", "severity", "message", "node", "validator"}], ...}

CRL lines also carry "profile" and "crl_type"; OCSP lines "profile": "pkix". A file that cannot
be read or decoded still gets its line: verdict "unparsed" and one finding with code "load"
whose message is the error. The verdict is the worst severity found: FATAL/ERROR -> error,
WARNING -> warn, NOTICE/INFO -> info, none -> clean (DEBUG findings are dropped, as pkilint's
CLI does at its default threshold).

Input: PEM (label "X509 CRL" or "OCSP RESPONSE"; any other label is decoded all the same),
DER, or bare base64 of the DER. Without --kind the kind is read from the PEM label, else from
the DER shape: an OCSPResponse starts with an ENUMERATED responseStatus, a CertificateList with
the tbsCertList SEQUENCE.

What pkilint offers, and the choice made here
---------------------------------------------
`lint_crl` takes two required options: --profile PKIX|BR and --type CRL|ARL.
  PKIX  RFC 5280 checks only; the type changes nothing (no validator reads it).
  BR    PKIX plus two CA/Browser Forum *TLS* Baseline Requirements checks:
        - cabf.crl_invalid_validity_period (CRL: nextUpdate - thisUpdate <= 10 days) or
          cabf.arl_invalid_validity_period (ARL: <= 365 days);
        - cabf.crl_prohibited_reason_code: CRL entry reasons limited to keyCompromise,
          affiliationChanged, superseded, cessationOfOperation, privilegeWithdrawn, and for an
          ARL also cACompromise.
pkilint has no S/MIME CRL profile. Default here: BR. Its validity limits are the S/MIME BR 4.9.7
limits (ten days for CRLs covering subscriber certificates; twelve months for CRLs covering
CA certificates, which pkilint counts as 365 days). Its reason-code allowlist is the TLS BR one
and is stricter than S/MIME BR 7.2.2, which only forbids unspecified (0) and, for Strict
certificates and CA certificates, certificateHold (6): a cabf.crl_prohibited_reason_code finding
for any reason other than unspecified is a TLS-only judgement, not an S/MIME one. Use
--profile pkix for RFC 5280 alone.

pkilint never decides CRL vs ARL itself (the CLI flag is required). Without --crl-type this
script takes "arl" when the CRL's issuingDistributionPoint says onlyContainsCACerts TRUE, else
"crl"; the line's "crl_type" says which was used.

`lint_ocsp_response` has one profile (RFC 6960) and no options; so has this script.

The validator containers are built exactly as pkilint/bin/lint_crl.py and
pkilint/bin/lint_ocsp_response.py build them in 0.13.3.

pkilint is installed on first use into a private virtualenv: $PKILINT_VENV, default
~/.cache/smimelint-pkilint-venv (or $XDG_CACHE_HOME/smimelint-pkilint-venv).
"""
import argparse
import base64
import binascii
import json
import os
import re
import subprocess
import sys

PKILINT_VERSION = "0.13.3"
PEM_BLOCK = re.compile(
    rb"-----BEGIN ([A-Z0-9 ]+)-----\s*(.*?)\s*-----END \1-----", re.DOTALL
)
PEM_KIND = {b"X509 CRL": "crl", b"OCSP RESPONSE": "ocsp"}
REPORTED_SEVERITIES = ("FATAL", "ERROR", "WARNING", "NOTICE", "INFO")


def venv_dir():
    if os.environ.get("PKILINT_VENV"):
        return os.environ["PKILINT_VENV"]
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "smimelint-pkilint-venv")


def has_pkilint(python):
    probe = "import importlib.metadata as m, sys; sys.exit(m.version('pkilint') != sys.argv[1])"
    return (
        os.path.exists(python)
        and subprocess.run([python, "-c", probe, PKILINT_VERSION], capture_output=True).returncode
        == 0
    )


def ensure_pkilint():
    """Re-run this script under a virtualenv python that has pkilint, creating it when missing."""
    try:
        import importlib.metadata

        if importlib.metadata.version("pkilint") == PKILINT_VERSION:
            return
    except Exception:
        pass
    if os.environ.get("_PKILINT_ORACLE_REEXEC"):
        sys.exit(f"pkilint {PKILINT_VERSION} is not importable from {sys.executable}")
    venv = venv_dir()
    python = os.path.join(venv, "bin", "python")
    if not has_pkilint(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True, stdout=sys.stderr)
        subprocess.run(
            [python, "-m", "pip", "install", "-q", f"pkilint=={PKILINT_VERSION}"],
            check=True,
            stdout=sys.stderr,
        )
    os.environ["_PKILINT_ORACLE_REEXEC"] = "1"
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def read_der(data):
    """Return (der, kind from the PEM label or None); raises ValueError when nothing decodes."""
    if not data.strip():
        raise ValueError("empty input")
    block = PEM_BLOCK.search(data)
    if block:
        label, body = block.group(1), block.group(2)
        try:
            return base64.b64decode(body, validate=False), PEM_KIND.get(label)
        except (binascii.Error, ValueError) as e:
            raise ValueError(f"invalid base64 in PEM block {label.decode()}: {e}")
    if data[:1] == b"\x30":
        return data, None
    if b"-----BEGIN" in data:
        raise ValueError("PEM header without a matching footer")
    try:
        text = b"".join(data.split())
        der = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("neither PEM, DER nor base64")
    if der[:1] != b"\x30":
        raise ValueError("decoded base64 is not a DER SEQUENCE")
    return der, None


def kind_from_shape(der):
    """ENUMERATED first inside the outer SEQUENCE: OCSPResponse; SEQUENCE: CertificateList."""
    if len(der) < 2 or der[0] != 0x30:
        raise ValueError("not a DER SEQUENCE")
    n = der[1]
    offset = 2 + (n & 0x7F if n & 0x80 else 0)
    if offset >= len(der):
        raise ValueError("truncated outer SEQUENCE")
    first = der[offset]
    if first == 0x0A:
        return "ocsp"
    if first == 0x30:
        return "crl"
    raise ValueError(f"neither a CRL nor an OCSP response (first inner tag 0x{first:02x})")


class Linters:
    """Builds pkilint's validator containers on first use, one per (profile, CRL type)."""

    def __init__(self):
        from pkilint import loader, pkix
        from pkilint.cabf import cabf_crl
        from pkilint.pkix import crl, extension, name, ocsp

        self.loader, self.pkix, self.cabf_crl = loader, pkix, cabf_crl
        self.crl, self.extension, self.name, self.ocsp = crl, extension, name, ocsp
        self.cache = {}

    def crl_validator(self, profile, crl_type):
        key = ("crl", profile, crl_type)
        if key not in self.cache:
            crl, pkix = self.crl, self.pkix
            list_type = crl.CertificateRevocationListType[crl_type.upper()]
            validity_extra, doc_extra = [], []
            if profile == "br":
                doc_extra.append(self.cabf_crl.CabfCrlReasonCodeAllowlistValidator(list_type))
                validity_extra.append(self.cabf_crl.create_validity_period_validator(list_type))
            self.cache[key] = crl.create_pkix_crl_validator_container(
                [
                    pkix.create_attribute_decoder(self.name.ATTRIBUTE_TYPE_MAPPINGS),
                    pkix.create_extension_decoder(self.extension.EXTENSION_MAPPINGS),
                ],
                [
                    crl.create_issuer_validator_container([]),
                    crl.create_validity_validator_container(validity_extra),
                    crl.create_extensions_validator_container([]),
                ]
                + doc_extra,
            )
        return self.cache[key]

    def ocsp_validator(self):
        if "ocsp" not in self.cache:
            pkix, ocsp = self.pkix, self.ocsp
            self.cache["ocsp"] = ocsp.create_pkix_ocsp_response_validator_container(
                [
                    ocsp.create_response_decoder(),
                    pkix.create_attribute_decoder(self.name.ATTRIBUTE_TYPE_MAPPINGS),
                    pkix.create_extension_decoder(self.extension.EXTENSION_MAPPINGS),
                ],
                [],
            )
        return self.cache["ocsp"]

    def load(self, kind, der, path):
        doc_loader = (
            self.loader.RFC5280CertificateListDocumentLoader()
            if kind == "crl"
            else self.loader.RFC6960OCSPResponseDocumentLoader()
        )
        return doc_loader.load_der_document(der, path)


def only_ca_certs(doc):
    """True when the CRL's issuingDistributionPoint has onlyContainsCACerts TRUE."""
    from pyasn1.codec.der import decoder
    from pyasn1_alt_modules import rfc5280

    tbs = doc.root.pdu["tbsCertList"]
    if not tbs["crlExtensions"].isValue:
        return False
    for ext in tbs["crlExtensions"]:
        if ext["extnID"] == rfc5280.id_ce_issuingDistributionPoint:
            try:
                idp, _ = decoder.decode(
                    ext["extnValue"].asOctets(), asn1Spec=rfc5280.IssuingDistributionPoint()
                )
                return bool(idp["onlyContainsCACerts"])
            except Exception:
                return False
    return False


def verdict_of(findings):
    severities = {f["severity"] for f in findings}
    if severities & {"FATAL", "ERROR"}:
        return "error"
    if "WARNING" in severities:
        return "warn"
    if severities & {"NOTICE", "INFO"}:
        return "info"
    return "clean"


def lint_file(linters, path, args):
    out = {"file": path, "kind": args.kind}
    try:
        with open(path, "rb") as f:
            der, label_kind = read_der(f.read())
        kind = args.kind or label_kind or kind_from_shape(der)
        out["kind"] = kind
        doc = linters.load(kind, der, path)
    except Exception as e:  # unreadable, undecodable or not the kind asked for
        out["verdict"] = "unparsed"
        out["findings"] = [
            {"code": "load", "severity": "FATAL", "message": f"{type(e).__name__}: {e}", "node": None}
        ]
        return out
    try:
        if kind == "crl":
            crl_type = args.crl_type or ("arl" if only_ca_certs(doc) else "crl")
            out["profile"], out["crl_type"] = args.profile, crl_type
            validator = linters.crl_validator(args.profile, crl_type)
        else:
            out["profile"] = "pkix"
            validator = linters.ocsp_validator()
        findings = []
        for result in validator.validate(doc.root):
            for fd in result.finding_descriptions:
                severity = fd.finding.severity.name
                if severity not in REPORTED_SEVERITIES:
                    continue
                findings.append(
                    {
                        "code": fd.finding.code,
                        "severity": severity,
                        "message": fd.message,
                        "node": result.node.path,
                        "validator": str(result.validator),
                    }
                )
    except Exception as e:  # a pkilint failure on a document it decoded
        out["verdict"] = "unparsed"
        out["findings"] = [
            {"code": "load", "severity": "FATAL", "message": f"pkilint failed: {type(e).__name__}: {e}", "node": None}
        ]
        return out
    out["verdict"] = verdict_of(findings)
    out["findings"] = findings
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kind", choices=["crl", "ocsp"], help="default: from PEM label or DER shape")
    parser.add_argument("--crl-type", choices=["crl", "arl"], help="default: arl when IDP onlyContainsCACerts")
    parser.add_argument("--profile", choices=["br", "pkix"], default="br", help="CRL profile (default br)")
    parser.add_argument("files", nargs="+", metavar="FILE")
    args = parser.parse_args()
    ensure_pkilint()
    linters = Linters()
    for path in args.files:
        print(json.dumps(lint_file(linters, path, args), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
