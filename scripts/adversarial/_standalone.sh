# Shared by the standalone attack scripts (config, glob, jobs, names, merge_summaries, pipes):
# the binary under test and PASS/FAIL reporting; a script that sources it still runs alone, and
# sourced itself it returns instead of exiting. Sourced, not run.
_adv_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$_adv_root/scripts/adversarial/_binary.sh"
_adv_fails=0
adv_pass() { echo "PASS $1"; }
adv_fail() { echo "FAIL $1: $2"; _adv_fails=$((_adv_fails + 1)); }
# adv_run SECONDS OUT ERR CMD...: runs CMD with a time ceiling; sets adv_status (124 = timed
# out) and adv_rss_kb (peak RSS, empty when /usr/bin/time is missing).
adv_run() {
    local secs=$1 out=$2 err=$3 rss
    shift 3
    rss=$(mktemp)
    if [ -x /usr/bin/time ]; then
        timeout -k 5 "$secs" /usr/bin/time -f '%M' -o "$rss" "$@" >"$out" 2>"$err"
        adv_status=$?
        adv_rss_kb=$(tail -n 1 "$rss" 2>/dev/null | tr -dc 0-9)
    else
        timeout -k 5 "$secs" "$@" >"$out" 2>"$err"
        adv_status=$?
        adv_rss_kb=
    fi
    rm -f "$rss"
}
# adv_rss_below NAME MB: fails NAME when the last run's peak RSS exceeded MB megabytes.
adv_rss_below() {
    if [ -n "$adv_rss_kb" ] && [ "$adv_rss_kb" -gt $(($2 * 1024)) ]; then
        adv_fail "$1" "peak RSS ${adv_rss_kb} kB above $2 MB"
        return 1
    fi
    return 0
}
