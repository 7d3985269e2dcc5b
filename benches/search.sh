#!/usr/bin/env bash
# Search benchmark: one fiscal year with 100 000 files that have OCR text (French
# invoice-like documents of about 250 words, varied: benches/search_seed.py, seeded straight
# into the database; the migration's triggers build the index as rows go in), on SQLite and
# on PostgreSQL. For each query kind (single word, accented word typed without accents,
# phrase, prefix, invoice number, amount, exclusion): p50 and p99 of the new search through
# the API (ranked, snippets, a page of 100) next to the LIKE scan the server ran before (its
# SQL run directly on the same database: no HTTP, so the comparison flatters LIKE).
#
#   bash benches/search.sh
#
# Environment (all optional):
#   BENCH_FILES=N       files in the year (default 100000)
#   BENCH_SAMPLES=N     timed requests per query kind and method (default 60)
#   BENCH_BACKENDS      "sqlite postgres" (default) or one of them
#   BENCH_TMPDIR        parent of the scratch directory (default: $TMPDIR or /tmp; ~3 GB)
#   SKIP_BUILD=1        use the existing release binary; COFFRE_BIN=P benchmarks P instead.
#   BENCH_RESULT=PATH   where to write the table (default benches/results/search.md).
#
# Needs: cargo, python3 (standard library only), curl; PostgreSQL 15 (installed by
# scripts/lib.sh if missing). Writes benches/results/search.md. The numbers are only as
# quiet as the machine: on a shared one, re-run before trusting a difference.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

FILES=${BENCH_FILES:-100000}
SAMPLES=${BENCH_SAMPLES:-60}
BACKENDS=${BENCH_BACKENDS:-sqlite postgres}
TARGET_DIR=${CARGO_TARGET_DIR:-$REPO_ROOT/target}
BIN=${COFFRE_BIN:-$TARGET_DIR/release/coffre}
RESULT=${BENCH_RESULT:-$REPO_ROOT/benches/results/search.md}

command -v curl >/dev/null || apt_install curl
command -v python3 >/dev/null || apt_install python3
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
if [ -z "${COFFRE_BIN:-}" ] && [ -z "${SKIP_BUILD:-}" ]; then
  log "cargo build --release"
  cargo build --release >&2
fi

WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-search-bench.XXXXXX")
chmod 755 "$WORK"
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "${PG_STOP:-}" ] && "${PG_STOP[@]}" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

python3 benches/search_seed.py queries "$FILES" >"$WORK/queries.json"

# start_server DATA_DIR [--database-url URL]: sets BASE, SERVER_PID.
start_server() {
  local port
  port=$(free_port)
  COFFRE_LOG=warn "$BIN" serve --data-dir "$1" --listen "127.0.0.1:$port" --ocr-workers 0 "${@:2}" \
    >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  wait_tcp "$port"
  BASE="http://127.0.0.1:$port"
}

stop_server() {
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

json_field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# bench BACKEND DATA_DIR [--database-url URL]: org, year, seed, time; writes $WORK/BACKEND.json.
bench() {
  local backend=$1 data=$2 org_json org key year started seeded
  shift 2
  org_json=$("$BIN" org create --data-dir "$data" --name "Search bench" "$@")
  org=$(json_field idOrganization <<<"$org_json")
  key=$(json_field apiKey <<<"$org_json")
  start_server "$data" "$@"
  year=$(curl -fsS -X POST "$BASE/organizations/$org/years" -H "Authorization: Bearer $key" \
    -H 'content-type: application/json' \
    -d '{"label":"Exercice 2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | json_field id)
  log "$backend: seeding $FILES files with OCR text (the index is built by the triggers)"
  started=$(date +%s.%N)
  if [ "$backend" = sqlite ]; then
    python3 benches/search_seed.py sqlite "$data/coffre.db" "$org" "$year" "$FILES"
  else
    python3 benches/search_seed.py postgres "$org" "$year" "$FILES" | "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 "$DB_URL" >/dev/null
  fi
  seeded=$(python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.0f}")' "$started" "$(date +%s.%N)")
  echo "$seeded" >"$WORK/$backend.seed_s"
  log "$backend: seeded in ${seeded} s; timing $SAMPLES requests per query kind"
  if [ "$backend" = sqlite ]; then
    python3 benches/search_bench.py "$BASE" "$key" "$org" "$year" "$WORK/queries.json" "$SAMPLES" sqlite \
      "$data/coffre.db" >"$WORK/$backend.json"
    du -sh "$data/coffre.db" | cut -f1 >"$WORK/$backend.size"
  else
    python3 benches/search_bench.py "$BASE" "$key" "$org" "$year" "$WORK/queries.json" "$SAMPLES" postgres \
      "$(pg_bin)/psql" "$DB_URL" >"$WORK/$backend.json"
    "$(pg_bin)/psql" -X -At "$DB_URL" -c "SELECT pg_size_pretty(pg_database_size(current_database()))" >"$WORK/$backend.size"
  fi
  stop_server
}

# report: the table of every backend measured so far (written after each one).
report() {
python3 - "$WORK" "$FILES" "$SAMPLES" "$DONE" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$RESULT" <<'PY'
import json, sys
work, files, samples, backends, cpus, load = sys.argv[1:7]
queries = json.load(open(f"{work}/queries.json"))

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

print("# Search benchmark\n")
print(f"`bash benches/search.sh`: one year of {int(files):,} files with OCR text (French invoice-like, about "
      "250 words each, `benches/search_seed.py`), release build, "
      f"{samples} timed requests per query kind after one warm-up pass over its values, one client. "
      f"Machine: {cpus} cores, **shared with other builds and benchmarks while this ran (load average {load} "
      "when the table was written): the figures are noisy**; "
      "re-run on a quiet machine before comparing small differences.\n")
print("- **new**: `GET .../files?q=...&limit=100` through the HTTP API (parse, index query, ranking, "
      "snippets, JSON): FTS5 on SQLite, tsvector + GIN on PostgreSQL, identifiers and amounts exact.")
print("- **LIKE**: the SQL the server ran before this change (`LIKE '%...%'` on normalised names and OCR "
      "text, first 101 rows in id order), run directly on the same database without HTTP. It stops at "
      "the 101st match, so frequent words are cheap for it and rare ones scan the whole year; it cannot "
      "exclude (the exclusion row times its positive word only), rank, or match identifiers typed "
      "differently (`1234.56` for `1 234,56 €`).\n")
print("Milliseconds.\n")
for backend in backends.split():
    data = json.load(open(f"{work}/{backend}.json"))
    seed = open(f"{work}/{backend}.seed_s").read().strip()
    size = open(f"{work}/{backend}.size").read().strip()
    print(f"## {'SQLite' if backend == 'sqlite' else 'PostgreSQL 15'}\n")
    print(f"Seeding {int(files):,} files, index built by the triggers: {seed} s; database size {size}.\n")
    print("| query kind | example | matches (first page, mean) | new p50 | new p99 | LIKE p50 | LIKE p99 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for kind, values in queries.items():
        d = data[kind]
        example = values[0]["q"].replace("|", "\\|")
        print(f"| {kind} | `{example}` | {d['hits']:.0f} | {pct(d['new'], 50):.1f} | {pct(d['new'], 99):.1f} "
              f"| {pct(d['like'], 50):.1f} | {pct(d['like'], 99):.1f} |")
    print()
PY
}

DONE=
for backend in $BACKENDS; do
  case $backend in
    sqlite) bench sqlite "$WORK/sqlite" ;;
    postgres)
      start_postgres "$WORK/pg"
      "$(pg_bin)/psql" -X -q "$PG_ADMIN_URL" -c "CREATE DATABASE coffre_search_bench"
      DB_URL="${PG_ADMIN_URL%/*}/coffre_search_bench"
      bench postgres "$WORK/postgres" --database-url "$DB_URL"
      ;;
    *) echo "unknown backend $backend" >&2; exit 1 ;;
  esac
  DONE="$DONE $backend"
  report
  log "wrote $RESULT ($backend)"
done

cat "$RESULT"
