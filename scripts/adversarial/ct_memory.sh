#!/usr/bin/env bash
# CT memory is bounded by the caps, not by the input: hostile get-entries responses with one
# huge extra_data, from a file and from a log on 127.0.0.1, must give one record per entry
# (the huge one a fatal record) with a peak RSS far below the input size.
#   file   a ${CT_MIB:-100} MiB saved response: entry, one ~100 MiB extra_data, entry
#   log    pages of ~60 MiB (one huge entry each) with --concurrency 4
# Prints PASS/FAIL per case; exits non-zero on any failure.
# Usage: scripts/adversarial/ct_memory.sh   (SMIMELINT=path/to/binary to choose the build)
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/adversarial/_binary.sh
bin=$SMIMELINT
mib=${CT_MIB:-100}
# Generous ceiling: the caps (1 MiB leaf, 4 MiB extra_data) and a few pages, not the input.
max_rss_kib=${CT_MAX_RSS_KIB:-400000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/smimelint-ct-memory.XXXXXX")
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
failed=0
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }

# An S/MIME-looking certificate stands in; what matters is the shape of the response.
python3 - "$dir" "$mib" testdata/certs/mailbox-strict-rsa2048.pem <<'PY'
import base64, re, struct, sys
d, mib, pem = sys.argv[1], int(sys.argv[2]), sys.argv[3]
body = re.search(r"-----BEGIN CERTIFICATE-----(.*?)-----END", open(pem).read(), re.S).group(1)
der = base64.b64decode("".join(body.split()))
u24 = lambda b: struct.pack(">I", len(b))[1:] + b
leaf = base64.b64encode(b"\0\0" + struct.pack(">Q", 1) + b"\0\0" + u24(der) + b"\0\0").decode()
extra = base64.b64encode(u24(b"")).decode()
entry = '{"leaf_input":"%s","extra_data":"%s"}' % (leaf, extra)
with open(d + "/entry.json", "w") as f:
    f.write(entry)
with open(d + "/leaf.txt", "w") as f:
    f.write(leaf)
with open(d + "/huge.json", "w") as f:
    f.write('{"entries":[' + entry + ',{"leaf_input":"' + leaf + '","extra_data":"')
    chunk = "A" * (1 << 20)
    for _ in range(mib):
        f.write(chunk)
    f.write('"},' + entry + ']}')
PY

run() { # name, then the command; sets rss (KiB), status, records
  local name=$1; shift
  status=0
  timeout 300 /usr/bin/time -v "$@" > "$dir/$name.jsonl" 2> "$dir/$name.time" || status=$?
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/$name.time")
  records=$(wc -l < "$dir/$name.jsonl")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/$name.time")
  printf '  %-5s %6d record(s)  peak RSS %8s KiB  wall %s  exit %d\n' "$name" "$records" "${rss:-?}" "$wall" "$status"
}

bytes=$(stat -c %s "$dir/huge.json")
echo "binary: $bin; file of $bytes bytes"
run file "$bin" ct -f jsonl --all-certs --fail-on never "$dir/huge.json"
if [ "$status" -ne 0 ]; then fail ct_memory_file "exit $status"
elif [ "$records" -ne 3 ]; then fail ct_memory_file "$records records, want 3"
elif ! sed -n 2p "$dir/file.jsonl" | grep -q 'extra_data of .* base64 characters is over the limit'; then
  fail ct_memory_file "the huge entry is not a size-limit record: $(sed -n 2p "$dir/file.jsonl" | head -c 300)"
elif [ "${rss:-999999999}" -gt "$max_rss_kib" ]; then fail ct_memory_file "peak RSS ${rss} KiB > ${max_rss_kib} KiB"
else pass ct_memory_file; fi

# A log on loopback whose every page holds one normal entry and one ~60 MiB extra_data.
cat > "$dir/log.py" <<'PY'
import http.server, sys, urllib.parse
d = sys.argv[1]
entry = open(d + "/entry.json").read()
leaf = open(d + "/leaf.txt").read()
huge = 60 << 20
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a): pass
    def do_GET(self):
        u = urllib.parse.urlparse(self.path)
        if u.path.endswith("/ct/v1/get-sth"):
            body = b'{"tree_size": 16}'
            self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
            self.wfile.write(body); return
        head = ('{"entries":[' + entry + ',{"leaf_input":"' + leaf + '","extra_data":"').encode()
        tail = b'"}]}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(head) + huge + len(tail)))
        self.end_headers()
        try:
            self.wfile.write(head)
            chunk = b"A" * (1 << 20)
            for _ in range(huge >> 20):
                self.wfile.write(chunk)
            self.wfile.write(tail)
        except (BrokenPipeError, ConnectionResetError):
            pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(d + "/port", "w").write(str(s.server_address[1]))
s.serve_forever()
PY
timeout 600 python3 "$dir/log.py" "$dir" 2>/dev/null & server=$!
for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$dir/port")"
run log "$bin" ct --log-url "$url" --batch-size 2 --concurrency 4 -f jsonl --all-certs --fail-on never
if [ "$status" -ne 0 ]; then fail ct_memory_log "exit $status"
elif [ "$records" -ne 16 ]; then fail ct_memory_log "$records records, want 16"
elif [ "$(grep -c 'over the limit' "$dir/log.jsonl")" -ne 8 ]; then fail ct_memory_log "want 8 size-limit records"
elif [ "${rss:-999999999}" -gt "$max_rss_kib" ]; then fail ct_memory_log "peak RSS ${rss} KiB > ${max_rss_kib} KiB"
else pass ct_memory_log; fi
exit $failed
