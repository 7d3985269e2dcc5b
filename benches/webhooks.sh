#!/usr/bin/env bash
# Webhook benchmark: 1 000 evented changes (trash / restore of files, 4 clients) against one
# `coffre serve` (release build, embedded SQLite and store, 4 delivery workers), with a
# loopback receiver; p50/p90/p99 of the delay from each change's transaction to the arrival of
# its delivery. The machine may be shared: figures are indicative, re-run to compare.
#
#   bash benches/webhooks.sh
#
# Environment (all optional):
#   BENCH_CHANGES=N   evented changes (default 1000)
#   BENCH_CLIENTS=N   concurrent clients (default 4)
#   BENCH_KEEP=1      keep the scratch directory and the server log.
#   SKIP_BUILD=1      use the existing target/release/coffre; COFFRE_BIN=P benchmarks P.
#
# Needs: cargo, python3 (standard library only). Writes benches/results/webhooks.md.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

TARGET_DIR=${CARGO_TARGET_DIR:-$REPO_ROOT/target}
BIN="${COFFRE_BIN:-$TARGET_DIR/release/coffre}"
RESULTS="$REPO_ROOT/benches/results/webhooks.md"
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || { echo "$BIN not found; build failed?" >&2; exit 1; }

WORK=$(mktemp -d)
OUT="$WORK/out"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""
SAMPLER_PID=""
# shellcheck source=benches/lib.sh
source benches/lib.sh

"$BIN" org create --data-dir "$WORK/data" --name "Bench webhooks" >"$WORK/org.json"
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])" <"$WORK/org.json"; }
port=$(free_port)
COFFRE_LOG=warn "$BIN" serve --data-dir "$WORK/data" --listen "127.0.0.1:$port" --ocr-workers 0 \
    --webhooks-allow-private --webhooks-workers 4 >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
wait_tcp "$port"

log "1 000 changes, deliveries to a loopback receiver"
result=$(BENCH_BASE="http://127.0.0.1:$port" BENCH_KEY=$(field apiKey) BENCH_ORG=$(field idOrganization) \
    python3 benches/webhooks_bench.py)
echo "$result"
get() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$1'])" "$result"; }

{
    echo "# Webhook delivery delay"
    echo
    build="release build"
    [[ -n "${COFFRE_BIN:-}" ]] && build="binary $COFFRE_BIN"
    echo "\`bash benches/webhooks.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m); $build,"
    echo "embedded SQLite and store, 4 delivery workers, ${BENCH_CLIENTS:-4} clients, loopback receiver."
    echo "The machine was shared with other builds and benchmarks: figures are noisy; re-run to compare."
    echo
    echo "Delay = arrival at the receiver minus the event's \`timestamp\` (written in the change's"
    echo "transaction, just before its commit)."
    echo
    echo "| changes | delivered | duplicates | changes/s | p50 | p90 | p99 | max | drained after last change |"
    echo "|---|---|---|---|---|---|---|---|---|"
    echo "| $(get changes) | $(get delivered) | $(get duplicates) | $(get changes_per_s) | $(get p50_ms) ms | $(get p90_ms) ms | $(get p99_ms) ms | $(get max_ms) ms | $(get drain_s_after_last_change) s |"
} >"$RESULTS"
cat "$RESULTS"
