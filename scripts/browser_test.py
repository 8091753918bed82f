#!/usr/bin/env python3
"""The web page of `smimelint serve` in a real browser (headless Chromium).

Starts `smimelint serve` on loopback, takes the form the page serves at `GET /`, fills in a
certificate from testdata/certs and submits it in Chromium, then checks the findings table of
the page Chromium shows against testdata/expected.json. Also opens a lint documentation page
linked from the table, and saves a screenshot of a result page as target/browser/webpage.png.

Installs Debian's `chromium` when it is missing; without apt to install it, says so and
skips. Binary: $SMIMELINT, default target/debug/smimelint (built when missing).
"""

import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "browser"
# Certificates with findings of several statuses, none, and a TBSCertificate.
CASES = [
    "bad-policies-cps-ftp",
    "bad-rsa-exponent-3",
    "bad-serial-non-minimal",
    "mailbox-strict-rsa2048",
    "tbs-organization-strict",
]
SCREENSHOT_CASE = "bad-policies-cps-ftp"


def chromium():
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if not shutil.which("apt-get"):
        print("browser test skipped: chromium is not installed and apt-get is unavailable")
        sys.exit(0)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True)
    found = shutil.which("chromium")
    if not found:
        sys.exit("browser test: apt-get installed chromium, but it is not on PATH")
    return found


def smimelint_binary():
    binary = Path(os.environ.get("SMIMELINT", ROOT / "target" / "debug" / "smimelint"))
    if not binary.exists():
        subprocess.run(["cargo", "build", "--bin", "smimelint"], cwd=ROOT, check=True)
    return binary


class Server:
    def __init__(self, binary):
        self.proc = subprocess.Popen(
            [str(binary), "serve", "--listen", "127.0.0.1:0", "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.proc.stderr.readline()
        match = re.search(r"http://(\S+)", line)
        if not match:
            self.stop()
            sys.exit(f"browser test: no address in {line!r}")
        self.base = f"http://{match.group(1)}"

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def browser(exe, profile, *args):
    """Runs headless Chromium; the virtual time budget lets the form post and the answer load."""
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=10000",
        *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"browser test: chromium failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return done.stdout


def fetch(url):
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode()


def submitting_copy(page, base, pem):
    """The page as served, with the certificate typed into its text box and the form submitted
    as a click on its button would: the form's own fields, action and encoding are used."""
    filled, n = re.subn(
        r'(<textarea[^>]*name="certificate"[^>]*>)</textarea>',
        lambda m: m.group(1) + html.escape(pem) + "</textarea>",
        page,
    )
    if n != 1:
        sys.exit("browser test: the page has no empty certificate text box")
    filled = filled.replace("<head>", f'<head>\n<base href="{base}/">', 1)
    click = "<script>document.querySelector('form button[type=submit]').click()</script>"
    return filled.replace("</body>", click + "\n</body>", 1)


class Findings(html.parser.HTMLParser):
    """Collects `STATUS LINT` from the rows of the findings table, the lint links and the
    'linted as' cell."""

    def __init__(self):
        super().__init__()
        self.rows, self.links, self.linted_as = [], [], None
        self._row, self._cell, self._text = None, None, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "tr" and "finding" in classes:
            self._row = {}
        elif tag == "td" and (self._row is not None or a.get("id") == "linted-as"):
            self._cell = "status" if "status" in classes else a.get("class") or a.get("id")
            self._text = ""
        elif tag == "a" and self._row is not None and a.get("href", "").startswith("/lints/"):
            self.links.append(a["href"])

    def handle_data(self, data):
        if self._cell:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "td" and self._cell:
            if self._cell == "linted-as":
                self.linted_as = self._text.strip()
            elif self._row is not None:
                self._row[self._cell] = self._text.strip()
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(f"{self._row.get('status')} {self._row.get('lint')}")
            self._row = None


def main():
    exe = chromium()
    expected = json.loads((ROOT / "testdata" / "expected.json").read_text())
    OUT.mkdir(parents=True, exist_ok=True)
    server = Server(smimelint_binary())
    failures = []
    try:
        page = fetch(server.base + "/")
        with tempfile.TemporaryDirectory(dir=OUT) as profile:
            links = []
            for name in CASES:
                pem = (ROOT / "testdata" / "certs" / f"{name}.pem").read_text()
                submit = OUT / f"submit-{name}.html"
                submit.write_text(submitting_copy(page, server.base, pem))
                dom = browser(exe, profile, "--dump-dom", submit.as_uri())
                parsed = Findings()
                parsed.feed(dom)
                want = sorted(expected[name])
                got = sorted(parsed.rows)
                if got != want:
                    failures.append(f"{name}: table rows {got}, expected {want}")
                if parsed.linted_as is None:
                    failures.append(f"{name}: no 'linted as' cell in the answer page")
                if not want and 'id="no-findings"' not in dom:
                    failures.append(f"{name}: no 'No findings' line")
                links += parsed.links
                print(f"browser test: {name}: {len(got)} rows, linted as {parsed.linted_as}")
            # A CRL pasted the same way (pkilint's own test CRL with an unspecified reason,
            # which SBR 7.2.2 forbids): read as a CRL, the finding in the table.
            crl_pem = (ROOT / "testdata" / "pkilint-revocation" / "crl" /
                       "unspecified_reason_code.pem").read_text()
            submit = OUT / "submit-crl.html"
            submit.write_text(submitting_copy(page, server.base, crl_pem))
            dom = browser(exe, profile, "--dump-dom", submit.as_uri())
            parsed = Findings()
            parsed.feed(dom)
            if '<td id="form">CRL</td>' not in dom:
                failures.append("CRL: the answer does not say it read a CRL")
            if not any(r.endswith("e_crl_reason_code_unspecified") for r in parsed.rows):
                failures.append(f"CRL: no e_crl_reason_code_unspecified row in {parsed.rows}")
            print(f"browser test: CRL: {len(parsed.rows)} rows")
            if not links:
                failures.append("no lint links in any findings table")
            else:
                lint = links[0].rsplit("/", 1)[1]
                doc = browser(exe, profile, "--dump-dom", server.base + links[0])
                if f"<h1>{lint}</h1>" not in doc or "<h2>" not in doc:
                    failures.append(f"{links[0]}: not the lint's documentation page")
            shot = OUT / "webpage.png"
            if shot.exists():
                shot.unlink()
            browser(
                exe,
                profile,
                f"--screenshot={shot}",
                "--window-size=1280,1000",
                (OUT / f"submit-{SCREENSHOT_CASE}.html").as_uri(),
            )
            if not shot.exists() or shot.stat().st_size < 10_000:
                failures.append(f"no screenshot at {shot}")
            else:
                print(f"browser test: screenshot {shot.relative_to(ROOT)}")
    finally:
        server.stop()
    if failures:
        sys.exit("browser test FAILED:\n  " + "\n  ".join(failures))
    print(f"browser test: {len(CASES)} certificates and a CRL, findings as expected")


if __name__ == "__main__":
    main()
