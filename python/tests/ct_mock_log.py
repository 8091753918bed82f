#!/usr/bin/env python3
"""A Certificate Transparency log on loopback for scan tests and measurements: RFC 6962
``get-sth`` and ``get-entries`` over entries built from PEM certificates by
benches/ct_entries.py (entry i is certificate i mod n, every third one a precert entry; the
entries repeat, timestamps included, every 3n indexes, so that serving costs little).
Like real logs it answers at most ``--max-page`` entries per request, and with ``--fail-every
K`` every K-th get-entries request fails once with 503, so that scans go through their retries.

usage: ct_mock_log.py --entries N [--port P] CERT.pem...   (prints the log's URL, then serves)
"""

import argparse
import importlib.util
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

REPO = Path(__file__).resolve().parents[2]


def _entries_module():
    spec = importlib.util.spec_from_file_location("ct_entries", REPO / "benches" / "ct_entries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class MockLog:
    def __init__(self, ders, tree_size, max_page=256, fail_every=0):
        self.ders = list(ders)
        self.tree_size = tree_size
        self.max_page = max_page
        self.fail_every = fail_every
        self.requests = 0
        self.failures = 0
        self.lock = threading.Lock()
        entry = _entries_module().entry
        self.pool = [entry(r, self.ders[r % len(self.ders)]) for r in range(3 * len(self.ders))]

    def entries(self, start, end):
        end = min(end, self.tree_size - 1, start + self.max_page - 1)
        return [self.pool[i % len(self.pool)] for i in range(start, end + 1)]

    def should_fail(self):
        with self.lock:
            self.requests += 1
            fail = self.fail_every > 0 and self.requests % self.fail_every == 0
            self.failures += fail
            return fail


def handler(log):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/stats":
                self.reply(200, json.dumps({"requests": log.requests, "failures": log.failures}))
                return
            if url.path.endswith("/ct/v1/get-sth"):
                self.reply(200, json.dumps({"tree_size": log.tree_size, "timestamp": 0}))
                return
            if not url.path.endswith("/ct/v1/get-entries"):
                self.reply(404, "{}")
                return
            query = parse_qs(url.query)
            try:
                start, end = int(query["start"][0]), int(query["end"][0])
            except (KeyError, ValueError):
                self.reply(400, "{}")
                return
            if start < 0 or end < start or start >= log.tree_size:
                self.reply(400, "{}")
                return
            if log.should_fail():
                self.reply(503, "{}")
                return
            self.reply(200, '{"entries":[' + ",".join(log.entries(start, end)) + "]}")

    return Handler


def serve(log, port=0):
    """Starts the log on a daemon thread; returns (server, base URL)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler(log))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-page", type=int, default=256)
    parser.add_argument("--fail-every", type=int, default=0)
    parser.add_argument("certs", nargs="+")
    args = parser.parse_args()
    ders = list(_entries_module().ders(args.certs))
    log = MockLog(ders, args.entries, args.max_page, args.fail_every)
    server, url = serve(log, args.port)
    print(url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
