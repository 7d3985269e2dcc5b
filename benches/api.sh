#!/usr/bin/env bash
# API benchmark: requests per second and p99 latency of create file, get file and list files
# (a page of 100, first page and a page in the middle of the year) on SQLite and on
# PostgreSQL, with 10 000 then 100 000 files in the year. The load comes from wrk, a separate
# process on the same machine.
#
#   bash benches/api.sh
#
# For each backend: a fresh data directory (and, for PostgreSQL, a throwaway cluster from
# scripts/lib.sh), `coffre serve` on a free port with COFFRE_LOG=warn, an organization made
# with `coffre org create`, a year made through the API. The year is seeded through the API
# (benches/seed.py) to exactly N files, counted in the database; then, for each operation,
# a warm-up run and a measured run of `wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency`.
# The read operations run first; create runs last since it adds files to the year. Then
# upload-url and create again, spread round robin over $ORGS organizations (default 16, each
# with its own key, year and pending file; benches/multi-org.lua): one organization against
# many, since on PostgreSQL every write of an organization takes that organization's lock.
# Last, finalize: files made ready beforehand (record, signed URL, PUT of a ~20-byte unique
# PDF: benches/prepare_finalize.py explains why not 1 byte) are finalized once each by wrk
# (benches/finalize.lua), for one organization and for $ORGS; the script checks that the
# database holds exactly the finalized files wrk counted.
#
# On PostgreSQL the table is filled within seconds, before autovacuum has analyzed it; with
# the statistics of the empty table the planner may list a page by reading every file of the
# year after the cursor and sorting them, a cost that grows with the year. Production tables are
# analyzed by autovacuum, so the script runs ANALYZE after seeding (PG_ANALYZE=0 to skip it) and
# writes the list query's plan before and after it into the report. The query is the server's
# own: a short-lived second server logs its statements for one list request (benches/list_sql.py).
# Each wrk run goes through benches/wrk_run.py, which waits for the machine to be quiet and
# reports the CPU used by the server, PostgreSQL, wrk and everything else during the run.
#
# Environment (all optional):
#   BACKENDS="sqlite postgres"   SIZES="10000 100000"
#   DURATION=15s  WARMUP=3s  THREADS=2  CLIENTS="16 1" (one table row per client count)
#   ORGS=16          organizations of the multi-organization write rows
#   PENDING_FILES=64 pending files the one-organization upload-url row asks URLs for, round robin
#   FINALIZE_DURATION=5s  length of the finalize runs (each needs files prepared beforehand)
#   PG_ANALYZE=1     on PostgreSQL, run ANALYZE on files after seeding (default 1; see above)
#   QUIET_WAIT=60    before each wrk run, wait at most this many seconds for the machine to be
#                    quiet (other processes using < 0.15 CPU), see benches/wrk_run.py; 0: no wait
#   SKIP_BUILD=1     use the existing $CARGO_TARGET_DIR/release/coffre
#   COFFRE_BIN=PATH  benchmark this binary (no build), e.g. a build of main for a "before" run
#   BENCH_KEEP=1     keep the scratch directory (data directories, server logs, wrk outputs)
#   BENCH_TMPDIR     parent of the scratch directory (default: $TMPDIR or /tmp)
#
# Needs: cargo, curl, python3 (standard library), sqlite3 and psql (to count rows), wrk and
# PostgreSQL server binaries (installed with apt-get if missing). Writes the table, with a
# check of the issue's targets, into benches/results/api.md between its
# `<!-- benches/api.sh: begin/end -->` markers (the before/after history around it is kept).
# About 35 minutes with the defaults (most of it seeding 100 000 files on each backend).

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
# shellcheck source=../scripts/lib.sh
source scripts/lib.sh

BACKENDS=${BACKENDS:-sqlite postgres}
SIZES=${SIZES:-10000 100000}
PG_ANALYZE=${PG_ANALYZE:-1}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-3s}
THREADS=${THREADS:-2}
CLIENTS=${CLIENTS:-${CONNECTIONS:-16} 1}
PAGE=100
BIN=${COFFRE_BIN:-"${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/coffre"}
RESULTS_DIR="$REPO_ROOT/benches/results"
RESULTS="$RESULTS_DIR/api.md"
CREATE_LUA="$REPO_ROOT/benches/create-file.lua"
UPLOAD_URL_LUA="$REPO_ROOT/benches/upload-url.lua"
MULTI_ORG_LUA="$REPO_ROOT/benches/multi-org.lua"
FINALIZE_LUA="$REPO_ROOT/benches/finalize.lua"
PREPARE="$REPO_ROOT/benches/prepare_finalize.py"
FINALIZE_DURATION=${FINALIZE_DURATION:-5s}
# seconds 15s|2m|10: a wrk duration in seconds.
seconds() { python3 -c 'import sys; v = sys.argv[1]; f = {"s": 1, "m": 60, "h": 3600}; print(float(v[:-1]) * f[v[-1]] if v[-1] in f else float(v))' "$1"; }
FINALIZE_SECONDS=$(seconds "$FINALIZE_DURATION")
ORGS=${ORGS:-16}
PENDING_FILES=${PENDING_FILES:-64}
WRK_RUN="$REPO_ROOT/benches/wrk_run.py"
QUIET_WAIT=${QUIET_WAIT:-60}
POSTMASTER=""
SEED="$REPO_ROOT/benches/seed.py"

die() {
    printf '\033[1;31merror: %s\033[0m\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------- dependencies + build
apt_install wrk curl sqlite3 postgresql
for tool in wrk curl python3 sqlite3 psql; do
    command -v "$tool" >/dev/null || die "$tool is required"
done
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || die "$BIN not found; build failed?"

# ---------------------------------------------------------------- scratch space + cleanup
WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-api-bench.XXXXXX")
chmod 755 "$WORK" # the PostgreSQL cluster runs as the postgres user
# A private copy of the binary: a rebuild during the run cannot mix two versions.
BIN_BUILT=$(date -u -r "$BIN" +%Y-%m-%dT%H:%M:%SZ)
cp "$BIN" "$WORK/coffre"
BIN="$WORK/coffre"
ROWS="$WORK/rows.tsv"
: >"$ROWS"
SERVER_PID=""
SERVER_LOG=""
PG_STOP=()

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    [[ -z "$SERVER_PID" ]] || wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

stop_postgres() {
    if [[ ${#PG_STOP[@]} -gt 0 ]]; then
        "${PG_STOP[@]}" >/dev/null 2>&1 || true
        PG_STOP=()
    fi
}

cleanup() {
    local status=$?
    stop_server
    stop_postgres
    if [[ $status -ne 0 && -n "$SERVER_LOG" && -s "$SERVER_LOG" ]]; then
        printf '\n--- last lines of the server log (%s) ---\n' "$SERVER_LOG" >&2
        tail -n 40 "$SERVER_LOG" >&2 || true
    fi
    if [[ "${BENCH_KEEP:-0}" == 1 ]]; then
        printf 'kept %s\n' "$WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- helpers
# jget FIELD < json: prints the field, or fails.
jget() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# jlen < json array: its length.
jlen() { python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }

# api METHOD PATH [JSON]: prints the body; fails with the body on a non-2xx answer.
api() {
    local method=$1 path=$2 body=${3:-} resp code
    resp=$(mktemp "$WORK/resp.XXXXXX")
    local args=(-sS -o "$resp" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $API_KEY")
    [[ -z "$body" ]] || args+=(-H "Content-Type: application/json" --data-binary "$body")
    code=$(curl "${args[@]}" "$BASE$path") || die "$method $path: curl failed"
    if [[ "$code" != 2* ]]; then
        printf '%s %s -> HTTP %s\n%s\n' "$method" "$path" "$code" "$(cat "$resp")" >&2
        die "$method $path failed"
    fi
    cat "$resp"
    rm -f "$resp"
}

# get_page PATH_AND_QUERY BODY_FILE: GETs a page, writes the body to BODY_FILE and prints the
# cursor of the Link rel="next" header (empty if none).
get_page() {
    local headers code
    headers=$(mktemp "$WORK/headers.XXXXXX")
    code=$(curl -sS -D "$headers" -o "$2" -w '%{http_code}' -H "Authorization: Bearer $API_KEY" "$BASE$1") ||
        die "GET $1: curl failed"
    [[ "$code" == 200 ]] || die "GET $1 -> HTTP $code: $(head -c 500 "$2")"
    tr -d '\r' <"$headers" | sed -n 's/^[Ll]ink: <[^>]*[?&]cursor=\([^&>]*\).*rel="next".*/\1/p'
    rm -f "$headers"
}

# count_files: the year's rows in the database.
count_files() {
    count_sql "SELECT count(*) FROM files WHERE id_year = '$YEAR'"
}

# count_sql SQL: runs a one-value query on the benchmark's database.
count_sql() {
    local sql=$1
    if [[ "$BACKEND" == sqlite ]]; then
        sqlite3 "$DATA/coffre.db" "$sql"
    else
        psql -X -q -tA "$DB_URL" -c "$sql"
    fi
}

# capture_list_sql URL_PATH CURSOR_ID: the list query exactly as the server sends it, with its
# parameters inlined, in $LIST_SQL. A second, short-lived server on the same database logs its
# statements (sqlx::query=debug) while answering one GET URL_PATH; benches/list_sql.py picks
# the list query out of that log.
capture_list_sql() {
    local port log pid
    port=$(free_port)
    log="$WORK/$BACKEND/statements.log"
    COFFRE_LOG=warn,sqlx::query=debug "$BIN" serve --data-dir "$DATA" "${DB_ARGS[@]}" --listen "127.0.0.1:$port" \
        >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 200); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
        sleep 0.1
    done
    curl -sf -o /dev/null -H "Authorization: Bearer $API_KEY" "http://127.0.0.1:$port$1" ||
        die "GET $1 failed on the statement-logging server (log: $log)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    # The SQLite server lists on its rusqlite read path, which sqlx does not log: no plan then.
    LIST_SQL=$(python3 "$REPO_ROOT/benches/list_sql.py" "$log" "$ORG" "$YEAR" "$2" $((PAGE + 1)) 2>/dev/null) || LIST_SQL=""
}

# explain_list: the plan of $LIST_SQL and, on PostgreSQL, its execution time.
explain_list() {
    if [[ -z "$LIST_SQL" ]]; then
        echo "(not captured: this server runs the list query outside sqlx, whose statement log the script reads)"
    elif [[ "$BACKEND" == sqlite ]]; then
        sqlite3 "$DATA/coffre.db" "EXPLAIN QUERY PLAN $LIST_SQL" | grep -v '^QUERY PLAN'
    else
        psql -X -q -tA "$DB_URL" -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) $LIST_SQL" |
            grep -vE '^ *(Planning Time|Heap Blocks|Sort Method)'
    fi
}

# to_ms VALUE UNIT: wrk's latency (us, ms, s, m) in milliseconds.
to_ms() {
    python3 -c 'import sys; f = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}; print("%.2f" % (float(sys.argv[1]) * f[sys.argv[2]]))' "$1" "$2"
}

# run_wrk KEY NAME URL [LUA]: a warm-up (reads only) then the measured run; checks that every
# answer was 2xx and that there was no socket error; appends a row to $ROWS.
run_wrk() {
    local c
    for c in $CLIENTS; do
        CONNECTIONS=$c run_wrk_once "$@"
    done
}

run_wrk_once() {
    local key=$1 name=$2 url=$3 lua=${4:-} out="$WORK/$BACKEND-$SIZE-$1-c$CONNECTIONS.wrk"
    local threads=$((THREADS < CONNECTIONS ? THREADS : CONNECTIONS))
    local args=(-t"$threads" -c"$CONNECTIONS" --latency -H "Authorization: Bearer $API_KEY")
    [[ -z "$lua" ]] || args+=(-s "$lua")
    local runner=(python3 "$WRK_RUN" --pid "$SERVER_PID")
    [[ -z "$POSTMASTER" ]] || runner+=(--postmaster "$POSTMASTER")
    local wait=$QUIET_WAIT
    if [[ -z "$lua" && "$WARMUP" != 0* ]]; then
        "${runner[@]}" --quiet-wait "$QUIET_WAIT" -- wrk "${args[@]}" -d"$WARMUP" "$url" >"$out.warmup" 2>&1 ||
            die "wrk (warm-up) failed: $(cat "$out.warmup")"
        # Waited for quiet before the warm-up: only a short check now.
        [[ "$QUIET_WAIT" == 0 ]] || wait=5
    fi
    log "$BACKEND, $SIZE files: $name (wrk -t$threads -c$CONNECTIONS -d$DURATION)"
    "${runner[@]}" --quiet-wait "$wait" -- wrk "${args[@]}" -d"$DURATION" "$url" >"$out" 2>&1 ||
        die "wrk failed: $(cat "$out")"
    sed 's/^/    /' "$out" >&2
    if grep -q 'Non-2xx or 3xx responses' "$out"; then
        die "$BACKEND/$SIZE/$name: $(grep 'Non-2xx or 3xx responses' "$out" | xargs) (see the server log $SERVER_LOG)"
    fi
    if grep -q 'Socket errors' "$out"; then
        die "$BACKEND/$SIZE/$name: $(grep 'Socket errors' "$out" | xargs)"
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server died during $name"
    local rps p99 unit p50 unit50 requests cpu rss
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    read -r p99 unit < <(sed -n 's/^ *99% *\([0-9.]*\)\([a-z]*\) *$/\1 \2/p' "$out")
    read -r p50 unit50 < <(sed -n 's/^ *50% *\([0-9.]*\)\([a-z]*\) *$/\1 \2/p' "$out")
    # The server's peak resident memory so far (VmHWM), in MB.
    rss=$(awk '$1 == "VmHWM:" { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status")
    requests=$(sed -n 's/^ *\([0-9]*\) requests in .*/\1/p' "$out")
    cpu=$(sed -n 's/^cpu: //p' "$out")
    [[ -n "$rps" && -n "$p99" && -n "$requests" && -n "$cpu" ]] || die "cannot parse the wrk output $out"
    [[ "$requests" -gt 0 ]] || die "$name: no request completed"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$BACKEND" "$SIZE" "$key" "$name" "$rps" "$(to_ms "$p99" "$unit")" \
        "$requests" "$cpu" "$CONNECTIONS" "$(to_ms "$p50" "$unit50")" "$rss" "$(seconds "$DURATION")" >>"$ROWS"
}

# run_finalize N_ORGS KEY NAME: for each client count, prepares enough files ready to be
# finalized (benches/prepare_finalize.py: record, signed URL, PUT of a ~20-byte unique PDF)
# over the first N_ORGS organizations of orgs.tsv, then finalizes them with wrk for
# $FINALIZE_DURATION (benches/finalize.lua: each file once), and checks that the files
# finalized are those wrk counted. How many to prepare: 1.5 x the create rate just measured
# with as many clients and organizations, times the duration.
run_finalize() {
    local n_orgs=$1 key=$2 name=$3 c create_key=create
    [[ $n_orgs == 1 ]] || create_key=create-orgs
    for c in $CLIENTS; do
        local rate prepared targets="$WORK/$BACKEND/$key-c$c.targets" tag="$SIZE-$key-c$c"
        rate=$(awk -F'\t' -v b="$BACKEND" -v s="$SIZE" -v k="$create_key" -v c="$c" \
            '$1 == b && $2 == s && $3 == k && $9 == c { print $5 }' "$ROWS" | tail -n 1)
        prepared=$(python3 -c 'import math, sys; r, d = float(sys.argv[1] or 1000), float(sys.argv[2]); print(max(500, math.ceil(r * d * 1.5)))' \
            "${rate:-}" "$FINALIZE_SECONDS")
        log "$BACKEND, $SIZE files: preparing $prepared files to finalize over $n_orgs organization(s)"
        python3 "$PREPARE" "$BASE" "$WORK/$BACKEND/orgs.tsv" "$prepared" "$targets" --orgs "$n_orgs" --tag "$tag" ||
            die "preparing files to finalize failed"
        BENCH_TARGETS=$targets BENCH_THREADS=$((THREADS < c ? THREADS : c)) DURATION=$FINALIZE_DURATION \
            WARMUP=0 CLIENTS=$c run_wrk "$key" "$name" "$BASE" "$FINALIZE_LUA"
        local done_count requests
        requests=$(awk -F'\t' -v b="$BACKEND" -v s="$SIZE" -v k="$key" -v c="$c" \
            '$1 == b && $2 == s && $3 == k && $9 == c { print $7 }' "$ROWS" | tail -n 1)
        done_count=$(count_sql "SELECT count(*) FROM files WHERE name LIKE 'fin-$tag-%' AND status = 'available'")
        # wrk counts the answers it read before the end; the server may finish the requests in
        # flight (at most one per connection) after that.
        [[ $done_count -ge $requests && $done_count -le $((requests + c)) ]] ||
            die "$name: wrk counted $requests finalizes, the database has $done_count available files"
        log "$BACKEND: $name: $done_count files finalized ($requests answers counted by wrk)"
    done
}

# make_orgs: $ORGS organizations for the multi-organization rows (the benchmark's own first,
# then `coffre org create`), each with a year and a pending file, in $WORK/$BACKEND/orgs.tsv
# (org, key, year, file).
make_orgs() {
    local k o_json o_org o_key o_year o_file saved_key=$API_KEY
    for k in $(seq 1 "$ORGS"); do
        if [[ $k == 1 ]]; then
            o_org=$ORG o_key=$API_KEY o_year=$YEAR
        else
            o_json=$("$BIN" org create --data-dir "$DATA" "${DB_ARGS[@]}" --name "Bench $k")
            o_org=$(jget idOrganization <<<"$o_json")
            o_key=$(jget apiKey <<<"$o_json")
            API_KEY=$o_key
            o_year=$(api POST "/organizations/$o_org/years" '{"label":"2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jget id)
        fi
        API_KEY=$o_key
        o_file=$(api POST "/organizations/$o_org/years/$o_year/files" '{"name":"bench-upload.pdf"}' | jget id)
        API_KEY=$saved_key
        printf '%s\t%s\t%s\t%s\n' "$o_org" "$o_key" "$o_year" "$o_file" >>"$WORK/$BACKEND/orgs.tsv"
    done
}

# ---------------------------------------------------------------- one backend
bench_backend() {
    BACKEND=$1
    DATA="$WORK/$BACKEND/data"
    mkdir -p "$DATA"
    DB_ARGS=()
    DB_URL=""
    if [[ "$BACKEND" == postgres ]]; then
        log "starting a throwaway PostgreSQL cluster"
        start_postgres "$WORK/$BACKEND/pg"
        psql -X -q "$PG_ADMIN_URL" -c "CREATE DATABASE bench" >/dev/null
        DB_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench"
        DB_ARGS=(--database-url "$DB_URL")
        POSTMASTER=$(head -n 1 "$WORK/$BACKEND/pg/data/postmaster.pid")
    else
        POSTMASTER=""
    fi

    local org_json
    org_json=$("$BIN" org create --data-dir "$DATA" "${DB_ARGS[@]}" --name Bench)
    ORG=$(jget idOrganization <<<"$org_json")
    API_KEY=$(jget apiKey <<<"$org_json")

    local port
    port=$(free_port)
    BASE="http://127.0.0.1:$port"
    SERVER_LOG="$WORK/$BACKEND/server.log"
    log "$BACKEND: coffre serve on $BASE (log: $SERVER_LOG)"
    COFFRE_LOG=warn "$BIN" serve --data-dir "$DATA" "${DB_ARGS[@]}" --listen "127.0.0.1:$port" >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    local ready=0
    for _ in $(seq 1 200); do
        if curl -sf -o /dev/null "$BASE/healthz"; then
            ready=1
            break
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited at start"
        sleep 0.1
    done
    [[ $ready == 1 ]] || die "the server did not answer /healthz within 20 s"

    YEAR=$(api POST "/organizations/$ORG/years" '{"label":"2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jget id)
    local files_path="/organizations/$ORG/years/$YEAR/files"

    for SIZE in $SIZES; do
        # -------- seed to exactly SIZE files
        local have missing
        have=$(count_files)
        missing=$((SIZE - have))
        [[ $missing -ge 0 ]] || die "the year already has $have files, more than $SIZE"
        log "$BACKEND: seeding $missing files through the API ($have -> $SIZE)"
        python3 "$SEED" "$BASE" "$ORG" "$YEAR" "$API_KEY" "$missing" --start "$have" ||
            die "seeding failed"
        have=$(count_files)
        [[ "$have" == "$SIZE" ]] || die "the year has $have files after seeding, expected $SIZE"
        log "$BACKEND: the database counts $have files in the year"

        # -------- a cursor in the middle of the year: walk pages of 1000 through Link headers
        local body="$WORK/page.json" cursor="" pages=$((SIZE / 2 / 1000)) n
        for _ in $(seq 1 "$pages"); do
            cursor=$(get_page "$files_path?limit=1000${cursor:+&cursor=$cursor}" "$body")
            [[ -n "$cursor" ]] || die "no Link rel=next while walking to the middle of the year"
        done
        local first_url="$files_path?limit=$PAGE" deep_url="$files_path?limit=$PAGE&cursor=$cursor"
        local cursor_id
        # The cursor is the last id of the previous page (older builds: that id in base64).
        cursor_id=$(python3 -c 'import base64, re, sys; c = sys.argv[1]; print(c if re.fullmatch("[0-9a-z]{26}", c) else base64.urlsafe_b64decode(c + "=" * (-len(c) % 4)).decode())' "$cursor")
        capture_list_sql "$deep_url" "$cursor_id"
        {
            printf '#### %s, %s files: list query after file %s\n\n' "$BACKEND" "$SIZE" "$((pages * 1000))"
            if [[ "$BACKEND" == postgres ]]; then
                printf 'Statistics of `files` before: last autoanalyze %s, rows modified since %s.\n\n' \
                    "$(psql -X -q -tA "$DB_URL" -c "SELECT coalesce(last_autoanalyze::text, 'never') FROM pg_stat_user_tables WHERE relname = 'files'")" \
                    "$(psql -X -q -tA "$DB_URL" -c "SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'files'")"
                printf '```\n%s\n```\n\n' "$(explain_list)"
                if [[ "$PG_ANALYZE" == 1 ]]; then
                    psql -X -q "$DB_URL" -c "ANALYZE files" >/dev/null
                    printf 'After `ANALYZE files` (the measurements below run after it):\n\n'
                    printf '```\n%s\n```\n\n' "$(explain_list)"
                fi
            else
                printf '```\n%s\n```\n\n' "$(explain_list)"
            fi
        } >>"$WORK/plans.md"
        get_page "$first_url" "$body" >/dev/null
        n=$(jlen <"$body")
        [[ "$n" == "$PAGE" ]] || die "the first page has $n files, not $PAGE"
        get_page "$deep_url" "$body" >/dev/null
        n=$(jlen <"$body")
        [[ "$n" == "$PAGE" ]] || die "the page after file $((pages * 1000)) has $n files, not $PAGE"
        # The file to get: the first one of that middle page.
        local id_file
        id_file=$(python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])' <"$body")
        api GET "$files_path/$id_file" >/dev/null

        # -------- measurements: reads first, then writes (create grows the year)
        run_wrk health "health (no database)" "$BASE/healthz"
        run_wrk get "get file" "$BASE$files_path/$id_file"
        run_wrk list-first "list files, first page" "$BASE$first_url"
        run_wrk list-deep "list files, page after file $((pages * 1000))" "$BASE$deep_url"
        # upload-url: each request asks for a new signed URL of one of $PENDING_FILES pending
        # files, round robin (what clients uploading files do: one URL per file), replacing
        # that file's previous upload (its reservation swapped on the counter, an audit entry).
        # Then the worst case apart: every request on the same file (on PostgreSQL most of them
        # find the row changed since they read it and run again under the lock).
        local pending k
        : >"$WORK/$BACKEND/pending.targets"
        for k in $(seq 1 "$PENDING_FILES"); do
            pending=$(api POST "$files_path" "{\"name\":\"bench-upload-$k.pdf\"}" | jget id)
            printf '%s/%s/upload-url %s\n' "$files_path" "$pending" "$API_KEY" >>"$WORK/$BACKEND/pending.targets"
        done
        BENCH_TARGETS="$WORK/$BACKEND/pending.targets" BENCH_BODY='{"type":"application/pdf","size":1}' \
            run_wrk upload-url "upload-url ($PENDING_FILES files, round robin)" "$BASE$files_path" "$MULTI_ORG_LUA"
        run_wrk upload-url-one-file "upload-url, every request on one file" "$BASE$files_path/$pending/upload-url" "$UPLOAD_URL_LUA"
        local before after
        before=$(count_files)
        run_wrk create "create file" "$BASE$files_path" "$CREATE_LUA"
        after=$(count_files)
        printf '%s\t%s\tcreated\t%s\t%s\n' "$BACKEND" "$SIZE" "$before" "$after" >>"$WORK/created.tsv"
        log "$BACKEND: create file added $((after - before)) files ($before -> $after)"

        # -------- the same writes spread over $ORGS organizations (round robin, each with its
        # own key, year and pending file): on PostgreSQL they take different organization locks.
        [[ -s "$WORK/$BACKEND/orgs.tsv" ]] || make_orgs
        : >"$WORK/$BACKEND/create.targets"
        : >"$WORK/$BACKEND/upload.targets"
        local o_org o_key o_year o_file
        while IFS=$'\t' read -r o_org o_key o_year o_file; do
            printf '/organizations/%s/years/%s/files %s\n' "$o_org" "$o_year" "$o_key" >>"$WORK/$BACKEND/create.targets"
            printf '/organizations/%s/years/%s/files/%s/upload-url %s\n' "$o_org" "$o_year" "$o_file" "$o_key" \
                >>"$WORK/$BACKEND/upload.targets"
        done <"$WORK/$BACKEND/orgs.tsv"
        BENCH_TARGETS="$WORK/$BACKEND/upload.targets" BENCH_BODY='{"type":"application/pdf","size":1}' \
            run_wrk upload-url-orgs "upload-url, $ORGS organizations" "$BASE$files_path" "$MULTI_ORG_LUA"
        BENCH_TARGETS="$WORK/$BACKEND/create.targets" BENCH_BODY='{"name":"bench-create.pdf","reference":"BENCH-001"}' \
            run_wrk create-orgs "create file, $ORGS organizations" "$BASE$files_path" "$MULTI_ORG_LUA"
        run_finalize 1 finalize "finalize (~20-byte PDF)"
        run_finalize "$ORGS" finalize-orgs "finalize (~20-byte PDF), $ORGS organizations"
    done

    if grep -qE 'WARN|ERROR' "$SERVER_LOG"; then
        log "$BACKEND: the server logged warnings or errors:"
        grep -E 'WARN|ERROR' "$SERVER_LOG" | head -n 20 >&2
    fi
    stop_server
    stop_postgres
}

: >"$WORK/created.tsv"
: >"$WORK/plans.md"
# The sources' state is read before the run: an edit made while it runs must not relabel it.
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
DIRTY=$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)

for backend in $BACKENDS; do
    case "$backend" in
        sqlite | postgres) bench_backend "$backend" ;;
        *) die "unknown backend $backend (sqlite or postgres)" ;;
    esac
done

# ---------------------------------------------------------------- report
MEM_TOTAL_KB=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
PG_VERSION=$("$(pg_bin)/postgres" --version 2>/dev/null || echo "?")
SQLITE_VERSION=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo "?")
WRK_VERSION=$({ wrk --version 2>&1 || true; } | head -n 1 | cut -d' ' -f2)

mkdir -p "$RESULTS_DIR"
export BENCH_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
export BENCH_MACHINE="$(nproc) CPUs (${CPU_MODEL:-unknown CPU}), $((MEM_TOTAL_KB / 1024)) MiB RAM, $(uname -sr)"
if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
    export BENCH_BUILD="existing target/release/coffre built $BIN_BUILT (SKIP_BUILD=1), working tree of commit $COMMIT$DIRTY"
else
    export BENCH_BUILD="\`cargo build --release\`, commit $COMMIT$DIRTY"
fi
export BENCH_VERSIONS="SQLite $SQLITE_VERSION (server: bundled by sqlx), $PG_VERSION, wrk $WRK_VERSION"
export BENCH_PG_ANALYZE="$PG_ANALYZE" BENCH_QUIET_WAIT="$QUIET_WAIT"
export BENCH_MAIN_CLIENTS=${CLIENTS%% *}
export BENCH_WRK="wrk -t$THREADS -c<clients> -d$DURATION --latency (after a $WARMUP warm-up for reads), on the same machine as the server"
python3 - "$ROWS" "$WORK/created.tsv" "$WORK/plans.md" >"$RESULTS.tmp" <<'PY'
import os, sys
from collections import defaultdict

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
created = {(b, int(s)): (int(x), int(y)) for b, s, _, x, y in
           (l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip())}
plans = open(sys.argv[3]).read()
names = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
e = os.environ


def n(x):
    """12 345 (thin thousands separator, as in the issue)."""
    return f"{x:,.0f}".replace(",", " ")


print("<!-- benches/api.sh: begin (generated; the rest of this file is kept) -->")
print("## Latest run of `bash benches/api.sh`\n")
print(f"- date: {e['BENCH_DATE']}")
print(f"- machine: {e['BENCH_MACHINE']}")
print(f"- build: {e['BENCH_BUILD']}")
print("- server: `coffre serve` with `COFFRE_LOG=warn`, default pool of 16 database connections, embedded object store;"
      " PostgreSQL: throwaway local cluster from `scripts/lib.sh` (`fsync=off`)"
      + (", `ANALYZE files` after seeding" if e["BENCH_PG_ANALYZE"] == "1" else ", no ANALYZE after seeding"))
print(f"- versions: {e['BENCH_VERSIONS']}")
print(f"- load: `{e['BENCH_WRK']}`, `-H 'Authorization: Bearer <key>'`")
print("- reproduce: `bash benches/api.sh` from the repository root (about 35 minutes)")
print()
print("| backend | files in year | operation | clients | req/s | p50 | p99 | server CPU ms/request | server peak RSS | CPU: server / PostgreSQL / wrk / other |")
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---|")
res = defaultdict(dict)
max_other = 0.0
for backend, size, key, op, rps, p99, requests, cpu, clients, p50, rss, dur in rows:
    dur = float(dur)
    c = dict(kv.split("=") for kv in cpu.split())
    ms_per_req = float(c["server"]) * dur * 1000 / max(int(requests), 1)
    max_other = max(max_other, float(c["other"]))
    cpu_cell = f"{c['server']} / {c['postgres'] if backend == 'postgres' else '–'} / {c['wrk']} / {c['other']}"
    size, rps, p99 = int(size), float(rps), float(p99)
    if clients == e["BENCH_MAIN_CLIENTS"]:
        res[(backend, key)][size] = (rps, p99)
    label = n(size)
    if key == "create" and (backend, size) in created:
        label += f" → {n(created[(backend, size)][1])}"
    print(f"| {names[backend]} | {label} | {op} | {clients} | {n(rps)} | {float(p50):.2f} ms | {p99:.2f} ms "
          f"| {ms_per_req:.3f} | {rss} MB | {cpu_cell} |")
print()
print("*Files in year* is the database's count when the operation started; `create file` runs last at each")
print("size and adds files (the arrow gives the count after it). The list rows are `GET")
print(".../years/{year}/files?limit=100`: the first page, and the page after the middle of the year, reached")
print("with the `cursor` of the `Link: rel=\"next\"` header while walking pages of 1000; both answered 100")
print("files. *Get file* reads the first file of that middle page. The year is seeded through the API")
print("(`benches/seed.py`, POST .../files, every answer checked). No wrk run saw a non-2xx answer or a")
print("socket error (the script fails otherwise).")
print()
print("*CPU* is what each party used during the measured run, in CPUs (1.00 = one core busy throughout;")
print(f"the machine has {os.cpu_count()}): wrk shares the machine with the server. *Other* is every other process plus")
print("kernel time not charged to a process (loopback networking), computed from /proc/stat. Before each")
print("run the script waits until other processes use less than 0.15 CPU" +
      (f" (at most {e['BENCH_QUIET_WAIT']} s)." if e['BENCH_QUIET_WAIT'] != "0" else " (disabled: QUIET_WAIT=0)."))
if max_other >= 0.3:
    print(f"**Caution:** other processes used up to {max_other:.2f} CPU during a run; those rows understate the server.")
print()
sizes = sorted({int(r[1]) for r in rows})
if len(sizes) >= 2:
    lo, hi = sizes[0], sizes[-1]
    parts, ratios = [], []
    for backend in ("sqlite", "postgres"):
        bits = []
        for key, what in (("list-first", "first page"), ("list-deep", "middle page")):
            d = res.get((backend, key), {})
            if lo in d and hi in d:
                r = d[hi][0] / d[lo][0]
                ratios.append(r)
                bits.append(f"{what} {n(d[lo][0])} → {n(d[hi][0])} req/s (×{r:.2f}), p99 {d[lo][1]:.1f} → {d[hi][1]:.1f} ms")
        if bits:
            parts.append(f"on {names[backend]}, " + "; ".join(bits))
    other = []
    for backend in ("sqlite", "postgres"):
        for key, what in (("get", "get"), ("create", "create")):
            d = res.get((backend, key), {})
            if lo in d and hi in d:
                other.append(f"{names[backend]} {what} ×{d[hi][0] / d[lo][0]:.2f}")
    if ratios:
        worst = min(ratios)
        verdict = ("so the cost of a page of 100 does not grow with the year's size" if worst >= 0.8 else
                   "so the cost of a page of 100 **grows** with the year's size")
        print(f"**Reading.** From {n(lo)} to {n(hi)} files in the year (×{hi // lo}), list files goes " + "; ".join(parts)
              + f": the throughput at {n(hi)} files is at least ×{worst:.2f} of that at {n(lo)}, {verdict}"
              + " (the plans below: a range scan of `files_year (id_year, id)` or of the primary key from the cursor,"
              + " stopped by the LIMIT)."
              + (f" For comparison, req/s at {n(hi)} / at {n(lo)}: " + ", ".join(other) + "." if other else "")
              + (" One caveat on PostgreSQL: before `ANALYZE`, with statistics from when the table was (nearly)"
                 " empty, the planner listed a page by reading every file of the year after the cursor and sorting"
                 " them (plans below), a cost that does grow with the year until autovacuum analyzes the table."
                 if "Sort Key" in plans else ""))
        print()
# The issue's targets, checked on the rows of the main client count.
main_c = e["BENCH_MAIN_CLIENTS"]
by = defaultdict(dict)
peak = defaultdict(int)
for backend, size, key, op, rps, p99, requests, cpu, clients, p50, rss, dur in rows:
    peak[backend] = max(peak[backend], int(rss))
    if clients == main_c:
        by[(backend, key)][int(size)] = (float(rps), float(p99))
checks = []
writes = ("create", "upload-url", "finalize", "create-orgs", "upload-url-orgs", "finalize-orgs")
for backend in ("sqlite", "postgres"):
    for key in writes:
        for size, (rps, p99) in sorted(by.get((backend, key), {}).items()):
            checks.append((f"{names[backend]}, {key}, {n(size)} files: p99 < 50 ms", f"{p99:.1f} ms", p99 < 50))
    floors = {"sqlite": {"create-orgs": 3000, "upload-url-orgs": 3000, "create": 1500, "upload-url": 1500, "list-first": 3000, "list-deep": 3000},
              "postgres": {"create-orgs": 1500, "upload-url-orgs": 1500, "create": 500, "upload-url": 500, "list-first": 1500, "list-deep": 1500}}[backend]
    for key, floor in floors.items():
        for size, (rps, p99) in sorted(by.get((backend, key), {}).items()):
            checks.append((f"{names[backend]}, {key}, {n(size)} files: ≥ {n(floor)} req/s", n(rps), rps >= floor))
    if backend in peak:
        checks.append((f"{names[backend]}: server peak RSS < 100 MB", f"{peak[backend]} MB", peak[backend] < 100))
if checks:
    met = sum(1 for c in checks if c[2])
    print(f"### The issue's targets at {main_c} clients: {met} of {len(checks)} met\n")
    print("| target | measured | met |")
    print("|---|---:|---|")
    for what, value, ok in checks:
        print(f"| {what} | {value} | {'yes' if ok else '**no**'} |")
    print()
if plans.strip():
    print("### Query plans of the list query\n")
    print("The list query as the server sent it (captured from a statement log, parameters inlined), at the")
    print("cursor of the middle page; on PostgreSQL with `EXPLAIN ANALYZE`.\n")
    print(plans.rstrip())
print()
print("<!-- benches/api.sh: end -->")
PY
# The generated section replaces the previous one between its markers; the hand-written
# before/after history around it stays.
python3 - "$RESULTS" "$RESULTS.tmp" <<'PY'
import os, re, sys
path, new = sys.argv[1], open(sys.argv[2]).read()
old = open(path).read() if os.path.exists(path) else ""
pattern = re.compile(r"<!-- benches/api.sh: begin.*?<!-- benches/api.sh: end -->\n?", re.S)
if pattern.search(old):
    text = pattern.sub(lambda _: new, old, count=1)
else:
    head, sep, rest = old.partition("\n\n")
    text = (head + sep + new + "\n" + rest) if old.startswith("#") else new + "\n" + old
open(path, "w").write(text)
PY
rm -f "$RESULTS.tmp"
sed -n '/<!-- benches\/api.sh: begin/,/<!-- benches\/api.sh: end/p' "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"
