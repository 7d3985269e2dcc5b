#!/usr/bin/env bash
# Server CPU per request of the write routes (issue 11): create file, signed upload URL and
# finalize of a 1-byte object, 16 clients, one organization and $ORGS organizations, on SQLite
# and PostgreSQL. A quick companion of benches/api.sh, for profiling work on a shared machine:
# req/s there depend on what else runs; the server's own CPU time per request does much less.
#
#   bash benches/writes_cpu.sh                 # both backends
#   BACKENDS=sqlite DURATION=5s bash benches/writes_cpu.sh
#
# Each row: wrk -t2 -c$CLIENTS -d$DURATION --latency; CPU per request is the server's
# utime+stime (/proc/PID/stat) over the run divided by the requests wrk counted. Finalize
# runs on files prepared beforehand (benches/prepare_finalize.py, as benches/api.sh: created,
# upload URL, PUT of a ~20-byte unique PDF),
# each finalized once (benches/finalize.lua, shared with benches/api.sh); a wrk thread that runs
# out of files asks for a path that does not exist, so the run fails rather than measure
# idempotent re-finalizes: keep FINALIZE_FILES above rate x duration. Every answer must be 2xx.
#
# Environment: BACKENDS="sqlite postgres" DURATION=5s CLIENTS=16 ORGS=16 FINALIZE_FILES=10000
# (files prepared for each finalize row, split among its organizations), COFFRE_BIN (default
# $CARGO_TARGET_DIR/release/coffre, built with `cargo build --release` if missing),
# PERF=1 (record a profile of each run: perf record -g into the scratch directory),
# BENCH_KEEP=1 (keep the scratch directory), SEED=N (first fill the first organization's year
# with N files through POST .../files, e.g. SEED=100000 to profile a large year).

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

BACKENDS=${BACKENDS:-sqlite postgres}
DURATION=${DURATION:-5s}
CLIENTS=${CLIENTS:-16}
ORGS=${ORGS:-16}
FINALIZE_FILES=${FINALIZE_FILES:-10000}
BIN=${COFFRE_BIN:-"${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/coffre"}

apt_install wrk curl postgresql
[[ -x "$BIN" ]] || cargo build --release
# shellcheck source=cpu_lib.sh
source benches/cpu_lib.sh
cpu_scratch writes
post() { curl -sSf -X POST -H "Authorization: Bearer $2" -H 'Content-Type: application/json' --data-binary "$3" "$BASE$1"; }

# measure NAME ORGS LUA [ENV...]: one wrk run, one table row.
measure() {
    local name=$1 orgs=$2 lua=$3 out="$WORK/$BACKEND-$1-$2.wrk" t0 t1 perf_pid=""
    shift 3
    if [[ "${PERF:-0}" == 1 ]]; then
        perf record -g -F 499 -p "$SERVER_PID" -o "$WORK/$BACKEND-$name-$orgs.perf" >/dev/null 2>&1 &
        perf_pid=$!
        sleep 0.5
    fi
    t0=$(cpu_ticks)
    env "$@" wrk -t2 -c"$CLIENTS" -d"$DURATION" --latency -s "$lua" "$BASE" >"$out" 2>&1
    t1=$(cpu_ticks)
    [[ -z "$perf_pid" ]] || { kill -INT "$perf_pid"; wait "$perf_pid" || true; }
    if grep -q 'Non-2xx\|Socket errors' "$out"; then
        cat "$out" >&2
        echo "$BACKEND $name: errors" >&2
        exit 1
    fi
    python3 - "$BACKEND" "$name" "$orgs" "$out" "$((t1 - t0))" "$(getconf CLK_TCK)" \
        "$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")" <<'PY'
import re, sys
backend, name, orgs, out, ticks, hz, rss = sys.argv[1:]
text = open(out).read()
requests = int(re.search(r"(\d+) requests in", text).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(p):
    v, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(\w+)", text, re.M).groups()
    return float(v) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
cpu = int(ticks) / int(hz) / requests * 1000
print(f"| {backend} | {name} | {orgs} | {rps:,.0f} | {ms(50):.1f} ms | {ms(99):.1f} ms | {cpu:.3f} ms | {rss} MB |".replace(",", " "))
PY
}

bench() {
    BACKEND=$1
    local data="$WORK/$BACKEND/data" db_args=() org_json port
    mkdir -p "$data"
    if [[ "$BACKEND" == postgres ]]; then
        start_postgres "$WORK/$BACKEND/pg"
        psql -X -q "$PG_ADMIN_URL" -c "CREATE DATABASE bench" >/dev/null
        db_args=(--database-url "postgres://postgres@127.0.0.1:$PG_PORT/bench")
    fi
    : >"$WORK/orgs.txt"
    for k in $(seq 1 "$ORGS"); do
        org_json=$("$BIN" org create --data-dir "$data" "${db_args[@]}" --name "Bench $k")
        printf '%s %s\n' "$(jget idOrganization <<<"$org_json")" "$(jget apiKey <<<"$org_json")" >>"$WORK/orgs.txt"
    done
    port=$(free_port)
    BASE="http://127.0.0.1:$port"
    COFFRE_LOG=warn COFFRE_ALLOWED_TYPES=application/pdf,application/octet-stream \
        "$BIN" serve --data-dir "$data" "${db_args[@]}" --listen "127.0.0.1:$port" >"$WORK/$BACKEND/server.log" 2>&1 &
    SERVER_PID=$!
    wait_tcp "$port"
    local org key year file
    : >"$WORK/years.tsv" ; : >"$WORK/create.txt" ; : >"$WORK/upload.txt"
    while read -r org key; do
        year=$(post "/organizations/$org/years" "$key" '{"label":"2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jget id)
        file=$(post "/organizations/$org/years/$year/files" "$key" '{"name":"bench-upload.pdf"}' | jget id)
        printf '%s\t%s\t%s\n' "$org" "$key" "$year" >>"$WORK/years.tsv"
        printf '/organizations/%s/years/%s/files %s\n' "$org" "$year" "$key" >>"$WORK/create.txt"
        printf '/organizations/%s/years/%s/files/%s/upload-url %s\n' "$org" "$year" "$file" "$key" >>"$WORK/upload.txt"
    done <"$WORK/orgs.txt"
    if [[ "${SEED:-0}" -gt 0 ]]; then
        IFS=$'\t' read -r org key year <"$WORK/years.tsv"
        python3 "$REPO_ROOT/benches/seed.py" "$BASE" "$org" "$year" "$key" "$SEED" >&2
    fi
    local lua="$REPO_ROOT/benches/multi-org.lua" create_body upload_body
    create_body='{"name":"bench-create.pdf","reference":"BENCH-001","date":"2026-03-15"}'
    upload_body='{"type":"application/pdf","size":1}'
    for n in 1 "$ORGS"; do
        head -n "$n" "$WORK/create.txt" >"$WORK/t.txt"
        measure create "$n" "$lua" BENCH_TARGETS="$WORK/t.txt" BENCH_BODY="$create_body"
        head -n "$n" "$WORK/upload.txt" >"$WORK/t.txt"
        measure upload-url "$n" "$lua" BENCH_TARGETS="$WORK/t.txt" BENCH_BODY="$upload_body"
        python3 "$REPO_ROOT/benches/prepare_finalize.py" "$BASE" "$WORK/years.tsv" "$FINALIZE_FILES" "$WORK/fin.txt" \
            --orgs "$n" --tag "f$n"
        measure finalize "$n" "$REPO_ROOT/benches/finalize.lua" BENCH_TARGETS="$WORK/fin.txt" BENCH_THREADS=2
    done
    stop_server
}

echo "| backend | route | orgs | req/s | p50 | p99 | server CPU a request | peak RSS |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for b in $BACKENDS; do bench "$b"; done
