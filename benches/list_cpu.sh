#!/usr/bin/env bash
# Server CPU per request of the listing (a page of 100 files, first page and a page after the
# middle of the year) and of GET one file, on SQLite and PostgreSQL (issue 11: under 0.5 ms a
# page). CPU comes from /proc/PID/stat (utime + stime of the server) around each wrk run, so
# the figure holds on a shared machine where req/s does not.
#
#   bash benches/list_cpu.sh                       # 2 000 files, both backends
#   FILES=100000 BACKENDS=sqlite bash benches/list_cpu.sh
#
# Environment: BACKENDS="sqlite postgres", FILES=2000, PAGE=100, DURATION=5s, CLIENTS=16,
# PERF=1 (profile the first-page run with `perf record -g`, top symbols to stderr),
# COFFRE_BIN (default $CARGO_TARGET_DIR/release/coffre, built with `cargo build --release`
# unless SKIP_BUILD=1), BENCH_KEEP=1 keeps the scratch directory. Needs wrk, curl, python3
# (seeding through the API with benches/seed.py) and, for PostgreSQL, its server binaries.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

BACKENDS=${BACKENDS:-sqlite postgres}
FILES=${FILES:-2000}
PAGE=${PAGE:-100}
DURATION=${DURATION:-5s}
CLIENTS=${CLIENTS:-16}
BIN=${COFFRE_BIN:-"${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/coffre"}

apt_install wrk curl postgresql
[[ "${PERF:-0}" != 1 ]] || apt_install linux-perf
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    cargo build --release --bin coffre >&2
fi
[[ -x "$BIN" ]] || { echo "no binary at $BIN" >&2; exit 1; }

# shellcheck source=cpu_lib.sh
source benches/cpu_lib.sh
cpu_scratch list-cpu
api() {
    curl -fsS -X "$1" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
        ${3:+--data-binary "$3"} "$BASE$2"
}

# measure NAME URL: one warm-up second, then wrk; prints a table row.
measure() {
    wrk -t2 -c"$CLIENTS" -d1s -H "Authorization: Bearer $KEY" "$2" >/dev/null
    local t0 t1 out requests rps rss
    local perf_pid=""
    if [[ "${PERF:-0}" == 1 && "$1" == "list, first page"* ]]; then
        perf record -q -F 999 -g -p "$SERVER_PID" -o "$WORK/$BACKEND.perf" 2>/dev/null &
        perf_pid=$!
    fi
    t0=$(cpu_ticks)
    out=$(wrk -t2 -c"$CLIENTS" -d"$DURATION" -H "Authorization: Bearer $KEY" "$2")
    t1=$(cpu_ticks)
    if [[ -n "$perf_pid" ]]; then
        kill -INT "$perf_pid"
        wait "$perf_pid" || true
        {
            echo "--- $BACKEND, $1: perf, by shared object"
            perf report -i "$WORK/$BACKEND.perf" --no-children --sort dso --stdio 2>/dev/null | grep -E "^ +[0-9]" | head -8 || true
            echo "--- by symbol"
            perf report -i "$WORK/$BACKEND.perf" --no-children --sort dso,sym --stdio -g none 2>/dev/null | grep -E "^ +[0-9]" | head -40 || true
        } >&2
    fi
    if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; exit 1; fi
    requests=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' <<<"$out")
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    rss=$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    python3 -c 'import sys, os
b, n, name, req, rps, ticks, rss = sys.argv[1:8]
ms = int(ticks) * 1000 / os.sysconf("SC_CLK_TCK") / int(req)
print(f"| {b} | {n} | {name} | {ms:.3f} ms | {rps} | {rss} MB |")' "$BACKEND" "$FILES" "$1" "$requests" "$rps" $((t1 - t0)) "$rss"
}

echo "| backend | files | request | server CPU a request | req/s (shared machine) | server peak RSS |"
echo "|---|---:|---|---:|---:|---:|"
for BACKEND in $BACKENDS; do
    DATA="$WORK/$BACKEND/data"
    mkdir -p "$DATA"
    DB_ARGS=()
    if [[ "$BACKEND" == postgres ]]; then
        start_postgres "$WORK/$BACKEND/pg"
        psql -X -q "$PG_ADMIN_URL" -c "CREATE DATABASE bench" >/dev/null
        DB_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench"
        DB_ARGS=(--database-url "$DB_URL")
    fi
    org=$("$BIN" org create --data-dir "$DATA" "${DB_ARGS[@]}" --name Bench)
    ORG=$(jget idOrganization <<<"$org")
    KEY=$(jget apiKey <<<"$org")
    port=$(free_port)
    BASE="http://127.0.0.1:$port"
    COFFRE_LOG=warn "$BIN" serve --data-dir "$DATA" "${DB_ARGS[@]}" --listen "127.0.0.1:$port" >"$WORK/$BACKEND.log" 2>&1 &
    SERVER_PID=$!
    wait_tcp "$port"
    YEAR=$(api POST "/organizations/$ORG/years" '{"label":"2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jget id)
    FILES_PATH="/organizations/$ORG/years/$YEAR/files"
    python3 benches/seed.py "$BASE" "$ORG" "$YEAR" "$KEY" "$FILES" >&2
    [[ "$BACKEND" != postgres ]] || psql -X -q "$DB_URL" -c "ANALYZE" >/dev/null
    # The cursor after the middle of the year: the id of file FILES/2 in id order.
    middle=$(python3 - "$BASE$FILES_PATH" "$KEY" "$((FILES / 2))" <<'EOF'
import json, sys, urllib.request
url, key, skip = sys.argv[1], sys.argv[2], int(sys.argv[3])
cursor = None
while skip > 0:
    n = min(skip, 1000)
    q = f"{url}?limit={n}" + (f"&cursor={cursor}" if cursor else "")
    page = json.load(urllib.request.urlopen(urllib.request.Request(q, headers={"Authorization": f"Bearer {key}"})))
    cursor, skip = page[-1]["id"], skip - n
print(cursor)
EOF
)
    first=$(api GET "$FILES_PATH?limit=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
    measure "list, first page of $PAGE" "$BASE$FILES_PATH?limit=$PAGE"
    measure "list, page of $PAGE after file $((FILES / 2))" "$BASE$FILES_PATH?limit=$PAGE&cursor=$middle"
    measure "get one file" "$BASE$FILES_PATH/$first"
    stop_server
done
