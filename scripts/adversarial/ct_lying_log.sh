#!/usr/bin/env bash
# A lying CT log on 127.0.0.1 must not make a scan run for ever:
#   refuses  get-sth claims tree_size 2^63 and every get-entries answers 400
#   garbage  get-sth claims 2^63 and every entry in every page is undecodable
# Each scan must stop by itself after --max-failures (default 16) failures in a row, within
# the time limit, with exit status 2, a reason on stderr, and a bounded number of records.
# Prints PASS/FAIL per case; exits non-zero on any failure.
# Usage: scripts/adversarial/ct_lying_log.sh   (SMIMELINT=path/to/binary to choose the build)
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/adversarial/_binary.sh
bin=$SMIMELINT
limit_s=${CT_LYING_TIMEOUT:-60}
dir=$(mktemp -d "${TMPDIR:-/tmp}/smimelint-ct-lying.XXXXXX")
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
failed=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }

cat > "$dir/log.py" <<'PY'
import http.server, sys, urllib.parse
d = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        q = urllib.parse.parse_qs(u.query)
        if u.path.endswith("/ct/v1/get-sth"):
            return self.reply(200, b'{"tree_size": 9223372036854775808}')
        if u.path.startswith("/refuses/"):
            return self.reply(400, b'{"error": "no"}')
        start, end = int(q["start"][0]), int(q["end"][0])
        n = min(end - start + 1, 1000)
        self.reply(200, b'{"entries":[' + b",".join([b'{"leaf_input":"AAAA","extra_data":""}'] * n) + b"]}")
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(d + "/port", "w").write(str(s.server_address[1]))
s.serve_forever()
PY
timeout 600 python3 "$dir/log.py" "$dir" 2>/dev/null & server=$!
for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$dir/port")"
echo "binary: $bin"

for case in refuses garbage; do
  status=0
  start=$(date +%s)
  timeout "$limit_s" "$bin" ct --log-url "$base/$case" -f jsonl --all-certs \
    > "$dir/$case.jsonl" 2> "$dir/$case.err" || status=$?
  secs=$(( $(date +%s) - start ))
  records=$(wc -l < "$dir/$case.jsonl")
  printf '  %-8s %8d record(s)  %3d s  exit %d\n' "$case" "$records" "$secs" "$status"
  # Default batch 256 and 16 failures: at most 16 chunks of fatal records.
  if [ "$status" -eq 124 ]; then fail "ct_lying_log_$case" "still running after ${limit_s}s"
  elif [ "$status" -ne 2 ]; then fail "ct_lying_log_$case" "exit $status, want 2: $(tail -c 300 "$dir/$case.err")"
  elif ! grep -q 'scan stopped early: 16 failures in a row' "$dir/$case.err"; then
    fail "ct_lying_log_$case" "no reason on stderr: $(tail -c 300 "$dir/$case.err")"
  elif [ "$records" -lt 16 ] || [ "$records" -gt 4096 ]; then fail "ct_lying_log_$case" "$records records"
  else pass "ct_lying_log_$case"; fi
done
exit $failed
