#!/usr/bin/env bash
# A flood of slow batches (600 certificates with a hundred subject mailboxes and SAN entries each)
# cannot build a backlog: beyond the admitted jobs, lint requests are shed at once
# (503 + Retry-After), timed-out jobs stop before their next certificate, /healthz says 503
# while the pool is full and 200 again soon after the flood, and normal requests are served.
. "$(dirname "$0")/_common.sh"
gen batch names:600:100 "$WORK/flood.json"
gen extensions 1 "$WORK/normal.pem"

# What one flood batch costs this binary on this machine; the request timeout is half of
# it, so every admitted batch must be cut off, however fast the build; two lint slots, so the
# flood overflows them.
start_server --timeout-ms 120000 --max-body-size 16000000
cost_ms=$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
    --data-binary @"$WORK/flood.json" "http://$ADDR/v1/lint/batch" | awk '{ printf "%d", $1 * 1000 }')
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
TIMEOUT_MS=$(( cost_ms / 2 ))
[ "$TIMEOUT_MS" -ge 50 ] || TIMEOUT_MS=50
start_server --timeout-ms "$TIMEOUT_MS" --max-body-size 16000000 --max-in-flight 2

t0=$(date +%s)
FLOOD_PIDS=()
for i in $(seq 16); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' \
        --data-binary @"$WORK/flood.json" "http://$ADDR/v1/lint/batch" > "$WORK/flood.$i.code" &
    FLOOD_PIDS+=($!)
done
# Once the admitted batches fill both slots, /healthz must say the service cannot lint.
saw_unhealthy=0
for _ in $(seq 150); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/healthz")" = 503 ]; then
        saw_unhealthy=1
        break
    fi
    sleep 0.02
done

# While flooded: normal requests answered fast, served or shed; /healthz tells which.
worst=0; shed=0; served=0; other=0; hz_agree=0
for _ in $(seq 10); do
    read -r code took < <(curl -s -o "$WORK/n.body" -D "$WORK/n.head" -w '%{http_code} %{time_total}\n' \
        -H 'Content-Type: application/x-pem-file' --data-binary @"$WORK/normal.pem" "http://$ADDR/v1/lint")
    case $code in
        200) served=$((served + 1)) ;;
        503) shed=$((shed + 1))
             grep -qi '^retry-after:' "$WORK/n.head" || fail service_flood "503 without Retry-After"
             grep -q '"error":"overloaded"' "$WORK/n.body" || fail service_flood "503 body: $(cat "$WORK/n.body")"
             hz=$(curl -s -o "$WORK/hz" -w '%{http_code}' "http://$ADDR/healthz")
             [ "$hz" = 503 ] && hz_agree=$((hz_agree + 1)) ;;
        *) other=$((other + 1)) ;;
    esac
    worst=$(awk -v a="$worst" -v b="$took" 'BEGIN { print (b > a ? b : a) }')
done
if [ "$other" -ne 0 ]; then
    fail service_flood "$other normal requests got neither 200 nor 503"
elif awk -v w="$worst" 'BEGIN { exit !(w > 10) }'; then
    fail service_flood "a normal request took ${worst}s while flooded"
else
    pass "service_flood normal requests while flooded: $served served, $shed shed, slowest ${worst}s"
fi
# While the slots were full /healthz said 503; right after a shed request it usually still
# does (a slot may free in between).
if [ "$saw_unhealthy" -eq 0 ]; then
    fail service_flood "the flood filled the slots but /healthz never said 503"
else
    pass "service_flood /healthz said 503 while flooded, and right after $hz_agree of $shed shed requests"
fi

wait "${FLOOD_PIDS[@]}"
codes=$(cut -d' ' -f1 "$WORK"/flood.*.code | sort | uniq -c | tr -s ' \n' ' ')
slowest=$(cut -d' ' -f2 "$WORK"/flood.*.code | sort -n | tail -1)
if grep -qv '^\(408\|503\) ' "$WORK"/flood.*.code || ! grep -q '^503 ' "$WORK"/flood.*.code; then
    fail service_flood "flood answers should be 408 (timed out) or 503 (shed), some 503: $codes"
elif awk -v s="$slowest" -v t="$TIMEOUT_MS" 'BEGIN { exit !(s > t / 1000 + 5) }'; then
    fail service_flood "a flood request was answered after ${slowest}s"
else
    pass "service_flood flood answers: $codes(slowest ${slowest}s)"
fi

# Back to healthy soon: the cancelled batches are not worked off (without cancellation this
# took minutes).
for _ in $(seq 600); do
    hz=$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/healthz")
    [ "$hz" = 200 ] && break
    sleep 0.1
done
recovered=$(( $(date +%s) - t0 ))
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/x-pem-file' \
    --data-binary @"$WORK/normal.pem" "http://$ADDR/v1/lint")
if [ "$hz" = 200 ] && [ "$code" = 200 ]; then
    pass "service_flood healthy and serving ${recovered}s after the flood began"
else
    fail service_flood "after ${recovered}s: /healthz $hz, /v1/lint $code"
fi
finish
