# Shared by benches/list_cpu.sh and benches/writes_cpu.sh (server CPU a request): the scratch
# directory, the cleanup of the server and of a throwaway PostgreSQL, and small helpers.
# Sourced after scripts/lib.sh; `cpu_scratch NAME` sets WORK.

SERVER_PID=""
PG_STOP=()

cpu_scratch() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/coffre-$1.XXXXXX")
    chmod 755 "$WORK"
}

cleanup() {
    [[ -z "$SERVER_PID" ]] || { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }
    [[ ${#PG_STOP[@]} -eq 0 ]] || "${PG_STOP[@]}" >/dev/null 2>&1 || true
    [[ -z "${WORK:-}" ]] || { [[ "${BENCH_KEEP:-0}" == 1 ]] && echo "kept $WORK" >&2 || rm -rf "$WORK"; }
}
trap cleanup EXIT

# stop_server: stops the server and the backend's PostgreSQL between two backends.
stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    [[ ${#PG_STOP[@]} -eq 0 ]] || { "${PG_STOP[@]}" >/dev/null 2>&1 || true; PG_STOP=(); }
}

jget() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# cpu_ticks: the server's utime + stime, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; }
