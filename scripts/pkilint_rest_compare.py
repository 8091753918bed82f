#!/usr/bin/env python3
"""Compare `smimelint serve`'s pkilint-compatible endpoint with pkilint 0.13.3's own REST server.

Starts both on loopback (pkilint's FastAPI app under uvicorn, from a virtualenv created on first
use), posts the same requests to each and compares the answers:

- every pkilint corpus certificate (testdata/pkilint) to POST /certificate/cabf-smime (type
  detected), POST /certificate/cabf-smime/{TYPE} (the folder's type) and
  POST /certificate/cabf-smime/determine-linter;
- every testdata/malformed/*.der as {"b64": …}, detected and typed;
- malformed requests: garbage, two PEMs, both fields, no field, invalid JSON, a form body, no
  Content-Type, wrong field types, an unknown linter or group;
- the GET endpoints;
- CRLs and OCSP responses: every xtask revocation sample (good and single-defect CRLs and OCSP
  responses, written by `cargo run -p xtask -- revocation-samples`) and every
  testdata/pkilint-revocation document to POST /crl/pkix/crl or POST /ocsp/pkix, as {"pem"} and
  {"b64"}; a TBSCertList, a certificate, an OCSP response to the CRL path and a CRL to the OCSP
  path, PEM with the wrong label; the malformed requests above on both paths; GET /crl/pkix/crl
  and GET /ocsp/pkix (field names only: the lists name each linter's own checks).

Measured: status codes; for 200 answers the field names at every level, and for the findings
of codes smimelint maps (docs/xref/pkilint-rest.txt) whether pkilint's (validator, code,
severity) is in smimelint's answer and the reverse, and how many of those found are at the same
node_path; for error answers the whole body. Prints the
numbers and exits 1 when an agreement falls below its threshold (THRESHOLDS).

    scripts/pkilint_rest_compare.py [--smimelint target/debug/smimelint] [--venv DIR]
        [--revocation-samples DIR]
"""
import argparse
import base64
import glob
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PINS = ["pkilint[rest]==0.13.3", "uvicorn==0.55.0", "fastapi==0.165.0", "pydantic==2.14.4",
        "starlette==1.10.0"]
# Lowest agreement (percent) accepted; the measured values are in docs/conformance.md.
THRESHOLDS = {
    "status": 99.0,
    "error_bodies": 100.0,
    "field_names": 100.0,
    "pkilint_findings_found": 70.0,
    "smimelint_findings_confirmed": 75.0,
}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_venv(venv):
    python = os.path.join(venv, "bin", "python")
    ok = os.path.exists(python) and subprocess.run(
        [python, "-c", "import pkilint.rest, uvicorn"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q"] + PINS, check=True)
    return python


def wait_until_up(url, proc, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"{url}: server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url + "/version", timeout=2).read()
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.5)
    sys.exit(f"{url}: not up after {seconds}s")


def request(base, method, path, body=None, ctype="application/json"):
    headers = {"Content-Type": ctype} if ctype else {}
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers)
    if body is not None and ctype is None:
        # urllib adds a form Content-Type to every body; this case must go without one.
        req.remove_header("Content-type")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            status, raw = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def cases():
    corpus = os.path.join(ROOT, "testdata", "pkilint")
    pems = sorted(glob.glob(os.path.join(corpus, "*", "*", "*.pem")))
    first = open(pems[0]).read() if pems else ""
    out = []
    for p in pems:
        rel = os.path.relpath(p, corpus)
        kind, generation = rel.split(os.sep)[:2]
        body = json.dumps({"pem": open(p).read()}).encode()
        out.append((f"{rel} detect", "POST", "/certificate/cabf-smime", body, "application/json"))
        out.append((f"{rel} typed", "POST",
                    f"/certificate/cabf-smime/{kind.upper()}-{generation.upper()}", body,
                    "application/json"))
        out.append((f"{rel} determine", "POST", "/certificate/cabf-smime/determine-linter", body,
                    "application/json"))
        # Two certificates in one "pem": pkilint reads as far as its base64 decoder goes.
        two = json.dumps({"pem": open(p).read() * 2}).encode()
        out.append((f"{rel} two-pems", "POST", "/certificate/cabf-smime/MAILBOX-STRICT", two,
                    "application/json"))
    for p in sorted(glob.glob(os.path.join(ROOT, "testdata", "malformed", "*.der"))):
        body = json.dumps({"b64": base64.b64encode(open(p, "rb").read()).decode()}).encode()
        name = os.path.basename(p)
        out.append((f"malformed/{name} detect", "POST", "/certificate/cabf-smime", body,
                    "application/json"))
        out.append((f"malformed/{name} typed", "POST", "/certificate/cabf-smime/MAILBOX-STRICT",
                    body, "application/json"))
    bad = [
        ("garbage pem", {"pem": "garbage"}),
        ("garbage b64", {"b64": "!!!"}),
        ("short b64", {"b64": "AAAA"}),
        ("both fields", {"pem": first, "b64": "AAAA"}),
        ("no field", {}),
        ("empty pem", {"pem": ""}),
        ("null b64", {"b64": None}),
        ("pem not a string", {"pem": 5}),
        ("both not strings", {"pem": [1], "b64": True}),
        ("extra field", {"pem": first, "extra": 1}),
        ("junk before pem", {"pem": "junk\n" + first}),
    ]
    for name, doc in bad:
        out.append((name, "POST", "/certificate/cabf-smime", json.dumps(doc).encode(),
                    "application/json"))
    raw = [
        ("invalid json", b"{not json", "application/json"),
        ("truncated json", b'{"pem": "a"', "application/json"),
        ("trailing data", b'{"pem": "a"} x', "application/json"),
        ("raw newline in string", b'{"pem": "a\nb"}', "application/json"),
        ("array body", b"[1]", "application/json"),
        ("null body", b"null", "application/json"),
        ("empty body", b"", "application/json"),
        ("form body", b"pem=abc", "application/x-www-form-urlencoded"),
        ("text body", first.encode(), "text/plain"),
        ("no content type", json.dumps({"pem": first}).encode(), None),
        ("json suffix type", json.dumps({"pem": first}).encode(), "application/x+json"),
        ("json with charset", json.dumps({"pem": first}).encode(),
         "application/json; charset=utf-8"),
    ]
    for name, body, ctype in raw:
        out.append((name, "POST", "/certificate/cabf-smime", body, ctype))
    good = json.dumps({"pem": first}).encode()
    out.append(("unknown linter", "POST", "/certificate/cabf-smime/NO-SUCH", good,
                "application/json"))
    out.append(("unknown linter, bad body", "POST", "/certificate/cabf-smime/NO-SUCH", b"{",
                "application/json"))
    out.append(("unknown group", "POST", "/certificate/no-such", good, "application/json"))
    out.append(("lower-case linter", "POST", "/certificate/cabf-smime/mailbox-strict", good,
                "application/json"))
    for path in ["/certificate/cabf-smime", "/certificate/no-such",
                 "/certificate/cabf-smime/NO-SUCH", "/certificate/cabf-smime/determine-linter"]:
        out.append((f"GET {path}", "GET", path, None, None))
    return out


CRL_PATH, OCSP_PATH = "/crl/pkix/crl", "/ocsp/pkix"


def pem(label, der):
    b64 = base64.b64encode(der).decode()
    lines = "\n".join(b64[i:i + 64] for i in range(0, len(b64), 64))
    return f"-----BEGIN {label}-----\n{lines}\n-----END {label}-----\n"


def _header(b, at):
    """(header length, content length) of the TLV at `at`."""
    n = b[at + 1]
    if n < 0x80:
        return 2, n
    k = n & 0x7f
    return 2 + k, int.from_bytes(b[at + 2:at + 2 + k], "big")


def children(tlv):
    """The TLVs (header included) inside a constructed TLV."""
    hl, length = _header(tlv, 0)
    content, out, at = tlv[hl:hl + length], [], 0
    while at < len(content):
        chl, clen = _header(content, at)
        out.append(content[at:at + chl + clen])
        at += chl + clen
    return out


def content(tlv):
    hl, length = _header(tlv, 0)
    return tlv[hl:hl + length]


def first_element(der):
    """The first element of a DER SEQUENCE (a CRL's tbsCertList), header included."""
    return children(der)[0]


def basic_response(ocsp):
    """An OCSPResponse's BasicOCSPResponse: responseBytes [0] → ResponseBytes → response."""
    response_bytes = children(children(ocsp)[1])[0]
    return content(children(response_bytes)[1])


def revocation_cases(samples_dir):
    """(name, method, path, body, content type) for the CRL and OCSP paths."""
    out = []
    docs = []
    for p in sorted(glob.glob(os.path.join(samples_dir, "*.crl"))):
        docs.append((os.path.basename(p), CRL_PATH, "X509 CRL", open(p, "rb").read()))
    for p in sorted(glob.glob(os.path.join(samples_dir, "*.ocsp"))):
        docs.append((os.path.basename(p), OCSP_PATH, "OCSP RESPONSE", open(p, "rb").read()))
    testdata = os.path.join(ROOT, "testdata", "pkilint-revocation")
    for p in sorted(glob.glob(os.path.join(testdata, "*", "*.pem"))):
        text = open(p).read()
        path = CRL_PATH if os.sep + "crl" + os.sep in p else OCSP_PATH
        b64 = "".join(l for l in text.splitlines() if l and not l.startswith("-----"))
        out.append((f"{os.path.relpath(p, testdata)} pem", "POST", path,
                    json.dumps({"pem": text}).encode(), "application/json"))
        docs.append((os.path.relpath(p, testdata), path, None, base64.b64decode(b64)))
    for name, path, label, der in docs:
        out.append((f"{name} b64", "POST", path,
                    json.dumps({"b64": base64.b64encode(der).decode()}).encode(),
                    "application/json"))
        if label:
            out.append((f"{name} pem", "POST", path, json.dumps({"pem": pem(label, der)}).encode(),
                        "application/json"))
    crl = next((d for n, p, _, d in docs if p == CRL_PATH), None)
    ocsp = next((d for n, p, _, d in docs if p == OCSP_PATH), None)
    certs = sorted(glob.glob(os.path.join(ROOT, "testdata", "pkilint", "*", "*", "*.pem")))
    if crl and ocsp:
        wrong = [
            ("TBSCertList", CRL_PATH, {"b64": base64.b64encode(first_element(crl)).decode()}),
            ("CRL to the OCSP path", OCSP_PATH, {"b64": base64.b64encode(crl).decode()}),
            ("OCSP response to the CRL path", CRL_PATH, {"b64": base64.b64encode(ocsp).decode()}),
            ("CRL labelled CERTIFICATE", CRL_PATH, {"pem": pem("CERTIFICATE", crl)}),
            ("OCSP response labelled X509 CRL", OCSP_PATH, {"pem": pem("X509 CRL", ocsp)}),
            ("BasicOCSPResponse", OCSP_PATH, {"b64": base64.b64encode(
                basic_response(ocsp)).decode()}),
            ("two CRLs", CRL_PATH, {"pem": pem("X509 CRL", crl) * 2}),
        ]
        if certs:
            wrong.append(("certificate to the CRL path", CRL_PATH, {"pem": open(certs[0]).read()}))
        for name, path, doc in wrong:
            out.append((name, "POST", path, json.dumps(doc).encode(), "application/json"))
    bad_docs = [
        ("garbage pem", {"pem": "garbage"}),
        ("garbage b64", {"b64": "!!!"}),
        ("short b64", {"b64": "AAAA"}),
        ("both fields", {"pem": pem("X509 CRL", crl or b"0"), "b64": "AAAA"}),
        ("no field", {}),
        ("empty pem", {"pem": ""}),
        ("null b64", {"b64": None}),
        ("pem not a string", {"pem": 5}),
        ("both not strings", {"pem": [1], "b64": True}),
    ]
    raw = [
        ("invalid json", b"{not json", "application/json"),
        ("array body", b"[1]", "application/json"),
        ("empty body", b"", "application/json"),
        ("form body", b"pem=abc", "application/x-www-form-urlencoded"),
        ("no content type", json.dumps({"b64": "AAAA"}).encode(), None),
    ]
    for path in (CRL_PATH, OCSP_PATH):
        for name, doc in bad_docs:
            out.append((f"{path} {name}", "POST", path, json.dumps(doc).encode(),
                        "application/json"))
        for name, body, ctype in raw:
            out.append((f"{path} {name}", "POST", path, body, ctype))
        out.append((f"GET {path}", "GET", path, None, None))
    return out


def revocation_samples(given):
    """The directory of xtask's revocation samples: the one given, else written now."""
    if given:
        return given
    out = tempfile.mkdtemp(prefix="revocation-samples-")
    subprocess.run(["cargo", "run", "-q", "-p", "xtask", "--", "revocation-samples", out],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return out


def shape(v):
    """Field names at every level (list items merged)."""
    if isinstance(v, dict):
        return {k: shape(x) for k, x in v.items()}
    if isinstance(v, list):
        merged = {}
        for x in v:
            s = shape(x)
            if isinstance(s, dict):
                merged.update(s)
        return [merged] if merged else []
    return None


def same_fields(a, b):
    """Same field names wherever both answers have a value (an empty list fits any list)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_fields(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return not a or not b or same_fields(a[0], b[0])
    return a == b


def findings(body):
    return {(r["validator"], fd["code"], fd["severity"])
            for r in body.get("results", []) for fd in r["finding_descriptions"]}


def located(body):
    return {(r["validator"], fd["code"], fd["severity"], r["node_path"])
            for r in body.get("results", []) for fd in r["finding_descriptions"]}


def mapped_codes():
    codes = set()
    with open(os.path.join(ROOT, "docs", "xref", "pkilint-rest.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                codes.add(line.split()[1])
    return codes


def mapped_revocation_codes():
    """The pkilint CRL and OCSP codes of docs/xref/pkilint-rest-revocation.txt."""
    codes = set()
    with open(os.path.join(ROOT, "docs", "xref", "pkilint-rest-revocation.txt")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                codes.add(line.split()[2])
    return codes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--smimelint", default=os.environ.get(
        "SMIMELINT", os.path.join(ROOT, "target", "debug", "smimelint")))
    ap.add_argument("--venv", default=os.environ.get("PKILINT_REST_VENV", os.path.join(
        os.path.expanduser("~"), ".cache", "smimelint-pkilint-rest-venv")))
    ap.add_argument("--revocation-samples", help="directory of `xtask revocation-samples` "
                    "output (default: written to a temporary directory with cargo)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    samples = revocation_samples(args.revocation_samples)

    python = ensure_venv(args.venv)
    p_port, s_port = free_port(), free_port()
    pk = subprocess.Popen([python, "-m", "uvicorn", "pkilint.rest:app", "--host", "127.0.0.1",
                           "--port", str(p_port), "--log-level", "warning"])
    sl = subprocess.Popen([args.smimelint, "serve", "--listen", f"127.0.0.1:{s_port}",
                           "--quiet"], stderr=subprocess.DEVNULL)
    try:
        p_url, s_url = f"http://127.0.0.1:{p_port}", f"http://127.0.0.1:{s_port}"
        wait_until_up(p_url, pk, 180)
        wait_until_up(s_url, sl, 30)
        return compare(p_url, s_url, args.verbose, samples)
    finally:
        for proc in (pk, sl):
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def measure(p_url, s_url, verbose, group, mapped):
    """Sends each case to both servers; the counts and the differences found."""
    n = dict.fromkeys(["cases", "status", "errors", "error_bodies", "ok", "field_names",
                       "p_findings", "p_found", "s_findings", "s_confirmed", "same_node"], 0)
    differences = []
    for name, method, path, body, ctype in group:
        n["cases"] += 1
        ps, pb = request(p_url, method, path, body, ctype)
        ss, sb = request(s_url, method, path, body, ctype)
        if ps != ss:
            differences.append(f"status {ps} vs {ss}: {name}: pkilint {str(pb)[:160]}")
            continue
        n["status"] += 1
        if ps != 200:
            n["errors"] += 1
            if pb == sb:
                n["error_bodies"] += 1
            else:
                differences.append(f"error body: {name}: {str(pb)[:160]} vs {str(sb)[:160]}")
            continue
        n["ok"] += 1
        if same_fields(shape(pb), shape(sb)):
            n["field_names"] += 1
        else:
            differences.append(f"field names: {name}: {shape(pb)} vs {shape(sb)}")
        if isinstance(pb, dict) and "results" in pb:
            pf = {f for f in findings(pb) if f[1] in mapped}
            sf = {f for f in findings(sb) if f[1] in mapped}
            n["p_findings"] += len(pf)
            n["p_found"] += len(pf & sf)
            n["s_findings"] += len(sf)
            n["s_confirmed"] += len(sf & pf)
            n["same_node"] += len({f for f in located(pb) if f[:3] in pf & sf} & located(sb))
            if verbose:
                for f in sorted(pf - sf):
                    differences.append(f"missing {f}: {name}")
                for f in sorted(sf - pf):
                    differences.append(f"extra {f}: {name}")
        elif method == "GET" and path in (CRL_PATH, OCSP_PATH):
            # Each linter lists its own checks: the field names were compared above.
            pass
        elif pb != sb:
            differences.append(f"answer: {name}: {str(pb)[:160]} vs {str(sb)[:160]}")
    return n, differences


def report(title, n, differences):
    pct = lambda a, b: 100.0 * a / b if b else 100.0  # noqa: E731
    measured = {
        "status": pct(n["status"], n["cases"]),
        "error_bodies": pct(n["error_bodies"], n["errors"]),
        "field_names": pct(n["field_names"], n["ok"]),
        "pkilint_findings_found": pct(n["p_found"], n["p_findings"]),
        "smimelint_findings_confirmed": pct(n["s_confirmed"], n["s_findings"]),
    }
    print(f"{title}:")
    for d in differences:
        print("  " + d)
    print(f"requests: {n['cases']}; same status: {n['status']} ({measured['status']:.1f}%)")
    print(f"error answers: {n['errors']}; identical bodies: {n['error_bodies']} "
          f"({measured['error_bodies']:.1f}%)")
    print(f"200 answers: {n['ok']}; same field names: {n['field_names']} "
          f"({measured['field_names']:.1f}%)")
    print(f"pkilint findings of mapped codes: {n['p_findings']}; same validator, code and "
          f"severity in smimelint's answer: {n['p_found']} "
          f"({measured['pkilint_findings_found']:.1f}%)")
    print(f"smimelint findings of mapped codes: {n['s_findings']}; also in pkilint's: "
          f"{n['s_confirmed']} ({measured['smimelint_findings_confirmed']:.1f}%)")
    print(f"of the {n['p_found']} found, at pkilint's node_path: {n['same_node']} "
          f"({pct(n['same_node'], n['p_found']):.1f}%)")
    return measured


def reported_revocation_codes(s_url):
    """The pkilint CRL and OCSP codes smimelint's lints report (GET on its two paths): only
    these can be compared finding by finding."""
    listed = set()
    for path in (CRL_PATH, OCSP_PATH):
        _, body = request(s_url, "GET", path)
        listed.update(v["code"] for v in body if isinstance(v, dict))
    return listed & mapped_revocation_codes()


def compare(p_url, s_url, verbose, samples):
    cert_n, cert_d = measure(p_url, s_url, verbose, cases(), mapped_codes())
    measured = report("certificates", cert_n, cert_d)
    rev_n, rev_d = measure(p_url, s_url, verbose, revocation_cases(samples),
                           reported_revocation_codes(s_url))
    rev = report("CRLs and OCSP responses", rev_n, rev_d)
    # The request handling must agree for every document; findings are compared as numbers
    # while the CRL and OCSP lints are written.
    failed = [(k, v) for k, v in measured.items() if v < THRESHOLDS[k]]
    failed += [(f"revocation {k}", rev[k]) for k in ("status", "error_bodies", "field_names")
               if rev[k] < THRESHOLDS[k]]
    for k, v in failed:
        print(f"REGRESSION: {k} {v:.1f}%")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
