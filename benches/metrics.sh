#!/usr/bin/env bash
# Metrics: what measuring requests costs on the read route (GET a file), with vs without
# (`--metrics false`), in one run; and /metrics read by an independent parser (PyPI
# prometheus_client): scraped and parsed while wrk loads the server, and its request counter
# compared with the requests sent.
#
#   bash benches/metrics.sh
#
# Two servers on SQLite (COFFRE_LOG=warn, no OCR workers), metrics on and off, each with one
# organization, year and file. First, on a fresh server, exactly N requests are sent (Python,
# 8 keep-alive connections) and the counter must equal them plus the set-up requests. Then
# ROUNDS rounds of `wrk -t$THREADS -c$CONNECTIONS -d$DURATION` on GET file, alternating on/off
# so that drift of the machine hits both alike; /metrics is scraped and parsed during each
# "on" run. Writes benches/results/metrics.md.
#
# Environment: BIN (default $CARGO_TARGET_DIR/release/coffre), DURATION=10s, ROUNDS=3,
# THREADS=2, CONNECTIONS=16, N=5000.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/coffre}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
N=${N:-5000}
PY=${COFFRE_TEST_PYTHON:-$COFFRE_CACHE/venv/bin/python}
RESULTS=benches/results/metrics.md
command -v wrk >/dev/null || apt_install wrk
# Not in the test lock file yet: an exact version.
"$PY" -c 'import prometheus_client' 2>/dev/null || "$PY" -m pip install -q prometheus_client==0.26.0

work=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# serve MODE: starts a server with metrics MODE (true/false); sets PORT, KEY, FILE_URL.
serve() {
  local mode=$1 dir="$work/$1"
  PORT=$(free_port)
  COFFRE_LOG=warn "$BIN" serve --data-dir "$dir" --listen "127.0.0.1:$PORT" --ocr-workers 0 --metrics "$mode" \
    >"$work/$mode.log" 2>&1 &
  PIDS+=($!)
  wait_tcp "$PORT"
  local org
  org=$("$BIN" org create --name Bench --data-dir "$dir")
  KEY=$(echo "$org" | jq -r .apiKey)
  local api="http://127.0.0.1:$PORT/organizations/$(echo "$org" | jq -r .idOrganization)"
  local auth="Authorization: Bearer $KEY" json="Content-Type: application/json"
  local year file
  year=$(curl -sf -H "$auth" -H "$json" -d '{"label":"2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' "$api/years" | jq -r .id)
  file=$(curl -sf -H "$auth" -H "$json" -d '{"name":"a.pdf"}' "$api/years/$year/files" | jq -r .id)
  FILE_URL="$api/years/$year/files/$file"
}

serve true
ON_PORT=$PORT ON_KEY=$KEY ON_URL=$FILE_URL
serve false
OFF_KEY=$KEY OFF_URL=$FILE_URL
METRICS="http://127.0.0.1:$ON_PORT/metrics"

log "counter check: $N requests"
sent=$("$PY" benches/metrics_check.py send "$ON_URL" "$ON_KEY" "$N")
scraped=$("$PY" benches/metrics_check.py scrape "$METRICS")
counted=$(echo "$scraped" | jq '[.routes | to_entries[] | select(.key != "/metrics") | .value] | add')
expected=$((N + 2)) # + create year, create file
echo "sent $sent (+2 set-up requests); counted $counted"
[ "$counted" = "$expected" ] || { echo "counter $counted != requests sent $expected" >&2; exit 1; }

rps() { grep -E '^Requests/sec' "$1" | awk '{print $2}'; }
p99() { grep -E '^ +99%' "$1" | awk '{print $2}'; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
scrapes=0
for round in $(seq 1 "$ROUNDS"); do
  for mode in on off; do
    if [ $mode = on ]; then url=$ON_URL key=$ON_KEY; else url=$OFF_URL key=$OFF_KEY; fi
    out="$work/wrk-$mode-$round.txt"
    if [ $mode = on ]; then
      ( sleep 2; for _ in 1 2 3; do "$PY" benches/metrics_check.py scrape "$METRICS" >/dev/null && echo ok; sleep 2; done ) \
        >"$work/scrapes-$round.txt" &
      scraper=$!
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $key" "$url" >"$out"
    if [ $mode = on ]; then
      wait "$scraper"
      scrapes=$((scrapes + $(grep -c ok "$work/scrapes-$round.txt")))
    fi
    log "round $round, metrics $mode: $(rps "$out") req/s, p99 $(p99 "$out")"
    rows+="| $round | $mode | $(rps "$out") | $(p99 "$out") |"$'\n'
  done
done
[ "$scrapes" = $((ROUNDS * 3)) ] || { echo "only $scrapes scrapes parsed" >&2; exit 1; }

mean() { printf '%s' "$rows" | awk -F'|' -v m="$1" '$3 ~ m {s += $4; n++} END {printf "%.0f", s / n}'; }
on=$(mean on) off=$(mean off)
cost=$(awk -v a="$on" -v b="$off" 'BEGIN {printf "%.1f", (b - a) / b * 100}')
after=$("$PY" benches/metrics_check.py scrape "$METRICS")
{
  echo "# Cost of metrics on the read route"
  echo
  echo "\`bash benches/metrics.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, SQLite, release build:"
  echo "\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\` on \`GET .../files/{idFile}\`, two servers in the same run,"
  echo "\`--metrics true\` and \`--metrics false\`, alternating, $ROUNDS rounds."
  echo
  echo "| round | metrics | requests/s | p99 |"
  echo "|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "Mean: $on requests/s with metrics, $off without: the cost is $cost % of throughput"
  echo "(negative: within noise). Each \"on\" run also serves 3 scrapes of /metrics (each probes the"
  echo "database and the store and counts the job queues), which the p99 of those runs includes."
  echo "Load average when the runs started: $load_before (other work on the machine: rounds"
  echo "alternate so that it weighs on both modes alike; differences of ~10 % between rounds are noise)."
  echo
  echo "Counter check: $N GETs sent by benches/metrics_check.py plus 2 set-up requests; the"
  echo "\`coffre_http_requests_total\` samples (all routes but /metrics) summed to $counted, as parsed by"
  echo "PyPI prometheus_client 0.26.0 \`text_string_to_metric_families\`. During the wrk runs"
  echo "/metrics was scraped and parsed $scrapes times without error; the last scrape's request counts by"
  echo "route: \`$(echo "$after" | jq -c .routes)\`."
} >"$RESULTS"
cat "$RESULTS"
