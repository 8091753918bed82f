#!/usr/bin/env bash
# Requests the HTTP parser refuses before the routes (malformed request line, bad
# Content-Length, 414, 431) are answered with the service's JSON error body.
. "$(dirname "$0")/_common.sh"
start_server

check() { # name file status code
    local answer
    answer=$(raw "$2" | tr -d '\r')
    local status body
    status=$(printf '%s\n' "$answer" | head -1 | cut -d' ' -f2)
    body=$(printf '%s\n' "$answer" | sed '1,/^$/d')
    if [ "$status" != "$3" ]; then
        fail "service_lowlevel $1" "status '$status', expected $3"
    elif ! printf '%s' "$body" | grep -q "\"error\":\"$4\""; then
        fail "service_lowlevel $1" "body '$body' lacks error $4"
    elif ! printf '%s\n' "$answer" | grep -qi '^content-type: application/json'; then
        fail "service_lowlevel $1" "not application/json"
    else
        pass "service_lowlevel $1 ($status $4)"
    fi
}

printf 'GARBAGE\r\n\r\n' > "$WORK/req1"
check request-line "$WORK/req1" 400 malformed_request
printf 'POST /v1/lint HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n' > "$WORK/req2"
check content-length "$WORK/req2" 400 malformed_request
printf 'POST /v1/lint HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n' > "$WORK/req3"
check two-content-lengths "$WORK/req3" 400 malformed_request
{ printf 'GET /'; head -c 70000 /dev/zero | tr '\0' a; printf ' HTTP/1.1\r\nHost: t\r\n\r\n'; } > "$WORK/req4"
check uri-too-long "$WORK/req4" 414 uri_too_long
{ printf 'GET /healthz HTTP/1.1\r\nHost: t\r\n'; for i in $(seq 300); do printf 'X-F%d: %d\r\n' "$i" "$i"; done; printf '\r\n'; } > "$WORK/req5"
check many-headers "$WORK/req5" 431 headers_too_large
{ printf 'GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: '; head -c 600000 /dev/zero | tr '\0' b; printf '\r\n\r\n'; } > "$WORK/req6"
check huge-header "$WORK/req6" 431 headers_too_large

code=$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/healthz")
[ "$code" = 200 ] && pass "service_lowlevel still healthy" || fail "service_lowlevel" "healthz $code afterwards"
finish
