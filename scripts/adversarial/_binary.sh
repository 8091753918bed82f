# Sets SMIMELINT, the binary under attack, for every script here: as given, else the release
# build, else the debug build (built when missing). Sourced, not run.
_adv_top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
if [ -z "${SMIMELINT:-}" ]; then
    if [ -x "$_adv_top/target/release/smimelint" ]; then
        SMIMELINT=$_adv_top/target/release/smimelint
    else
        [ -x "$_adv_top/target/debug/smimelint" ] ||
            (cd "$_adv_top" && cargo build --quiet --bin smimelint)
        SMIMELINT=$_adv_top/target/debug/smimelint
    fi
fi
