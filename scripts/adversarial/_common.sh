# Shared by the scripts in scripts/adversarial/: the binary under test, the input generator,
# PASS/FAIL reporting. Sourced, not run.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/scripts/adversarial/_binary.sh"
[ -x "$SMIMELINT" ] || { echo "FAIL setup: no smimelint binary at $SMIMELINT"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FAILED=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; FAILED=1; }

# Crafted inputs: examples/adversarial_inputs.rs (the factory), built once.
gen() {
    if [ -z "${ADV_GEN:-}" ]; then
        (cd "$ROOT" && cargo build -q --example adversarial_inputs) || { echo "FAIL setup: building adversarial_inputs"; exit 1; }
        ADV_GEN=$ROOT/target/debug/examples/adversarial_inputs
    fi
    "$ADV_GEN" "$@"
}

# run_bounded SECONDS MAX_RSS_KIB -- command...: runs with a time ceiling and records peak
# RSS; sets RC, ELAPSED, RSS_KIB. Succeeds when the command finished in time (exit 0, or 1 for
# findings) within the RSS ceiling.
run_bounded() {
    local secs=$1 max_rss=$2; shift 3
    local tv="$WORK/time.$$"
    timeout "$secs" /usr/bin/time -f '%e %M' -o "$tv" "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    read -r ELAPSED RSS_KIB < <(tail -1 "$tv" 2>/dev/null) || { ELAPSED=$secs; RSS_KIB=0; }
    [ "$RC" -le 1 ] && [ "${RSS_KIB:-0}" -le "$max_rss" ]
}

finish() {
    exit "$FAILED"
}

# start_server ARGS...: runs `smimelint serve` on a free loopback port; sets ADDR and SERVER_PID.
start_server() {
    # Emptied first: a second server must not be taken for the previous one's address.
    : > "$WORK/serve.err"
    "$SMIMELINT" serve --listen 127.0.0.1:0 --quiet "$@" 2>"$WORK/serve.err" &
    SERVER_PID=$!
    ADDR=
    for _ in $(seq 100); do
        ADDR=$(sed -n 's|.*listening on http://||p' "$WORK/serve.err" | head -1)
        [ -n "$ADDR" ] && break
        sleep 0.1
    done
    [ -n "$ADDR" ] || { echo "FAIL setup: the server did not start"; cat "$WORK/serve.err"; exit 1; }
    trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
}

# raw BYTES-FILE: sends the bytes on a new connection, prints the whole answer.
raw() {
    local host=${ADDR%:*} port=${ADDR##*:}
    exec 3<>"/dev/tcp/$host/$port" || return 1
    cat "$1" >&3
    timeout 10 cat <&3
    exec 3<&- 3>&-
}
