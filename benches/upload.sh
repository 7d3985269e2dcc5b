#!/usr/bin/env bash
# Upload benchmark: four 50 000 000-byte PDFs uploaded at once through presigned PUT URLs
# of the embedded S3 endpoint, then finalized at once (the server re-reads and hashes them).
# Reports the server's idle and peak memory (target: peak under 100 MB, since no upload is
# ever held whole in memory) and the throughput next to a plain `cp` on the same disk.
#
#   bash benches/upload.sh
#
# Environment (all optional):
#   BENCH_TMPDIR   parent of the scratch directory (default: $TMPDIR or /tmp); the data
#                  directory, the source files and the cp copies all live in it, so on one disk.
#   BENCH_KEEP=1   keep the scratch directory and the server log.
#   SKIP_BUILD=1   use the existing target/release/coffre.
#   COFFRE_BIN=P   benchmark the binary P instead (implies SKIP_BUILD=1).
#
# Needs: cargo, curl, python3 (standard library only), sha256sum, coreutils.
# Writes the result table to benches/results/upload.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

FILES=4
SIZE=50000000
TARGET_MB=100
BIN="${COFFRE_BIN:-$REPO_ROOT/target/release/coffre}"
RESULTS_DIR="$REPO_ROOT/benches/results"
RESULTS="$RESULTS_DIR/upload.md"

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

for tool in curl python3 sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# ---------------------------------------------------------------- build
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || die "$BIN not found; build failed?"

# ---------------------------------------------------------------- scratch space + cleanup
WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-upload-bench.XXXXXX")
DATA="$WORK/data"
SRC="$WORK/src"
CP_SEQ="$WORK/cp-seq"
CP_PAR="$WORK/cp-par"
OUT="$WORK/out"
mkdir -p "$DATA" "$SRC" "$CP_SEQ" "$CP_PAR" "$OUT"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""
SAMPLER_PID=""

source "$(dirname "$0")/lib.sh"
# jget FIELD... < json : prints the (nested) field, or fails
jget() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
for k in sys.argv[1:]:
    d = d[k]
print(d if not isinstance(d, (dict, list)) else json.dumps(d))' "$@"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}


LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- test files
log "generating $FILES files of $SIZE bytes in $SRC"
for i in $(seq 1 "$FILES"); do
    {
        printf '%%PDF-1.4\n'
        head -c $((SIZE - 9)) /dev/urandom
    } >"$SRC/doc$i.pdf"
    actual=$(stat -c %s "$SRC/doc$i.pdf")
    [[ "$actual" == "$SIZE" ]] || die "doc$i.pdf is $actual bytes, not $SIZE"
done
declare -a SHA
for i in $(seq 1 "$FILES"); do
    SHA[$i]=$(sha256sum "$SRC/doc$i.pdf" | cut -d' ' -f1)
done
sync -- "$SRC"/*.pdf
TOTAL=$((FILES * SIZE))

# ---------------------------------------------------------------- organization + server
log "creating an organization"
ORG_JSON=$("$BIN" org create --data-dir "$DATA" --name Bench)
ORG=$(jget idOrganization <<<"$ORG_JSON")
API_KEY=$(jget apiKey <<<"$ORG_JSON")

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
log "starting the server on $BASE (log: $SERVER_LOG)"
RUST_LOG="${RUST_LOG:-info}" "$BIN" serve --data-dir "$DATA" --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

ready=0
for _ in $(seq 1 100); do
    if curl -sf -o /dev/null "$BASE/healthz"; then
        ready=1
        break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited at start"
    sleep 0.1
done
[[ $ready == 1 ]] || die "the server did not answer /healthz within 10 s"
log "server PID $SERVER_PID is up"

# ---------------------------------------------------------------- year, files, upload URLs
YEAR=$(api POST "/organizations/$ORG/years" \
    '{"label":"Bench 2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jget id)
declare -a FID URL CTYPE
for i in $(seq 1 "$FILES"); do
    FID[$i]=$(api POST "/organizations/$ORG/years/$YEAR/files" "{\"name\":\"doc$i.pdf\"}" | jget id)
    up=$(api POST "/organizations/$ORG/years/$YEAR/files/${FID[$i]}/upload-url" \
        "{\"type\":\"application/pdf\",\"size\":$SIZE}")
    URL[$i]=$(jget url <<<"$up")
    CTYPE[$i]=$(jget headers Content-Type <<<"$up")
    [[ "$(jget method <<<"$up")" == PUT ]] || die "upload-url did not answer method PUT"
done

# Let start-up settle, then read the idle memory.
sleep 1
RSS_IDLE_KB=$(proc_kb VmRSS)
HWM_IDLE_KB=$(proc_kb VmHWM)

# A sampler, as a cross-check of VmHWM: the highest VmRSS seen every 20 ms.
SAMPLES="$OUT/rss-samples"
(
    max=0
    while [[ -r "/proc/$SERVER_PID/status" ]]; do
        # Builtins only, so the sampler barely competes with the server for the CPUs.
        while read -r k v _; do
            if [[ "$k" == VmRSS: && "$v" -gt "$max" ]]; then
                max=$v
                echo "$max" >"$SAMPLES"
            fi
        done <"/proc/$SERVER_PID/status" 2>/dev/null || true
        sleep 0.02
    done
) &
SAMPLER_PID=$!

# ---------------------------------------------------------------- 4 parallel PUTs
log "PUT ×$FILES in parallel"
declare -a PIDS
T0=$(now)
for i in $(seq 1 "$FILES"); do
    curl -sS -f -X PUT -H "Content-Type: ${CTYPE[$i]}" --data-binary "@$SRC/doc$i.pdf" \
        -o "$OUT/put$i.body" -w '%{http_code} %{time_total}\n' "${URL[$i]}" >"$OUT/put$i.status" 2>"$OUT/put$i.err" &
    PIDS[$i]=$!
done
put_fail=0
for i in $(seq 1 "$FILES"); do
    if ! wait "${PIDS[$i]}"; then
        put_fail=1
        printf 'PUT %d failed: %s %s\n' "$i" "$(cat "$OUT/put$i.err")" "$(cat "$OUT/put$i.body" 2>/dev/null)" >&2
    fi
done
T1=$(now)
[[ $put_fail == 0 ]] || die "a PUT failed"
PUT_S=$(elapsed "$T0" "$T1")
HWM_PUT_KB=$(proc_kb VmHWM)
RSS_AFTER_PUT_KB=$(proc_kb VmRSS)

# ---------------------------------------------------------------- 4 parallel finalizes
log "finalize ×$FILES in parallel"
T0=$(now)
for i in $(seq 1 "$FILES"); do
    curl -sS -o "$OUT/fin$i.json" -w '%{http_code}' -X POST \
        -H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json" --data-binary '{}' \
        "$BASE/organizations/$ORG/years/$YEAR/files/${FID[$i]}/finalize" >"$OUT/fin$i.status" 2>"$OUT/fin$i.err" &
    PIDS[$i]=$!
done
fin_fail=0
for i in $(seq 1 "$FILES"); do
    wait "${PIDS[$i]}" || { fin_fail=1; printf 'finalize %d: curl failed: %s\n' "$i" "$(cat "$OUT/fin$i.err")" >&2; }
done
T1=$(now)
FIN_S=$(elapsed "$T0" "$T1")

for i in $(seq 1 "$FILES"); do
    code=$(cat "$OUT/fin$i.status" 2>/dev/null || echo "?")
    if [[ "$code" != 200 ]]; then
        printf 'finalize %d -> HTTP %s: %s\n' "$i" "$code" "$(cat "$OUT/fin$i.json" 2>/dev/null)" >&2
        fin_fail=1
        continue
    fi
    status=$(jget status <"$OUT/fin$i.json")
    sha=$(jget sha256 <"$OUT/fin$i.json")
    size=$(jget size <"$OUT/fin$i.json")
    if [[ "$status" != available || "$sha" != "${SHA[$i]}" || "$size" != "$SIZE" ]]; then
        printf 'finalize %d: status=%s size=%s sha256=%s, expected available/%s/%s\n' \
            "$i" "$status" "$size" "$sha" "$SIZE" "${SHA[$i]}" >&2
        fin_fail=1
    fi
done
[[ $fin_fail == 0 ]] || die "a finalize failed"
log "all $FILES files are available with the expected sha256"

kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
SAMPLED_MAX_KB=$(cat "$SAMPLES" 2>/dev/null || echo 0)
# Read after the sampler stopped, so it covers everything the sampler saw.
HWM_FIN_KB=$(proc_kb VmHWM)
RSS_END_KB=$(proc_kb VmRSS)
PEAK_KB=$((HWM_FIN_KB > SAMPLED_MAX_KB ? HWM_FIN_KB : SAMPLED_MAX_KB))

# ---------------------------------------------------------------- cp baselines (same disk)
# Each copy is fsynced (`sync FILE...` = fsync per file), as the server fsyncs each upload.
log "cp ×$FILES sequential, then sync"
T0=$(now)
for i in $(seq 1 "$FILES"); do
    cp "$SRC/doc$i.pdf" "$CP_SEQ/doc$i.pdf"
done
sync -- "$CP_SEQ"/*.pdf
T1=$(now)
CP_SEQ_S=$(elapsed "$T0" "$T1")

log "cp ×$FILES in parallel, then sync"
T0=$(now)
for i in $(seq 1 "$FILES"); do
    cp "$SRC/doc$i.pdf" "$CP_PAR/doc$i.pdf" &
    PIDS[$i]=$!
done
for i in $(seq 1 "$FILES"); do wait "${PIDS[$i]}"; done
sync -- "$CP_PAR"/*.pdf
T1=$(now)
CP_PAR_S=$(elapsed "$T0" "$T1")

# ---------------------------------------------------------------- report
HWM_MB=$(kb_to_mb "$HWM_FIN_KB")
PEAK_MB=$(kb_to_mb "$PEAK_KB")
verdict=$(python3 -c 'import sys; print("yes" if float(sys.argv[1]) < float(sys.argv[2]) else "**NO**")' "$PEAK_MB" "$TARGET_MB")
MEM_TOTAL_KB=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
FS_TYPE=$(findmnt -no FSTYPE -T "$WORK" 2>/dev/null || stat -f -c %T "$WORK" 2>/dev/null || echo "?")
FS_DEV=$(df -P "$WORK" | awk 'NR == 2 { print $1 }')
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
DIRTY=$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (uncommitted changes)" || true)
N_MB=$((TOTAL / 1000000))

mkdir -p "$RESULTS_DIR"
{
    echo "## Upload benchmark: $FILES × $SIZE bytes"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "- machine: $(nproc) CPUs${CPU_MODEL:+ ($CPU_MODEL)}, $(kb_to_mb "$MEM_TOTAL_KB") MB RAM, $(uname -sr)"
    echo "- load average at the start: $LOAD_START (other work on the machine skews the times)"
    echo "- disk: $FS_DEV ($FS_TYPE); data directory, source files and cp copies in the same scratch directory"
    if [[ -n "${COFFRE_BIN:-}" ]]; then
        echo "- build: COFFRE_BIN=$COFFRE_BIN (not the release build), commit $COMMIT$DIRTY"
    else
        echo "- build: \`cargo build --release\`, commit $COMMIT$DIRTY"
    fi
    echo "- reproduce: \`bash benches/upload.sh\` (from the repository root)"
    echo
    echo "| measure | value | throughput |"
    echo "|---|---:|---:|"
    echo "| server RSS idle (VmRSS before the uploads) | $(kb_to_mb "$RSS_IDLE_KB") MB | |"
    echo "| server peak RSS after the PUTs (VmHWM) | $(kb_to_mb "$HWM_PUT_KB") MB | |"
    echo "| **server peak RSS (VmHWM, whole run)** | **$HWM_MB MB** (target < $TARGET_MB MB: $verdict) | |"
    echo "| server highest sampled VmRSS (every 20 ms) | $(kb_to_mb "$SAMPLED_MAX_KB") MB | |"
    echo "| server RSS after the finalizes | $(kb_to_mb "$RSS_END_KB") MB | |"
    echo "| $FILES × 50 MB PUT in parallel (curl → embedded endpoint, fsync) | $PUT_S s | $(mbps "$TOTAL" "$PUT_S") MB/s |"
    echo "| $FILES × finalize in parallel (re-read + SHA-256) | $FIN_S s | $(mbps "$TOTAL" "$FIN_S") MB/s |"
    echo "| cp × $FILES sequential + sync | $CP_SEQ_S s | $(mbps "$TOTAL" "$CP_SEQ_S") MB/s |"
    echo "| cp × $FILES in parallel + sync | $CP_PAR_S s | $(mbps "$TOTAL" "$CP_PAR_S") MB/s |"
    echo
    echo "MB = 10^6 bytes; throughput = $N_MB MB / wall time. All $FILES finalizes answered"
    echo "\`available\` with the sha256 computed by \`sha256sum\`. The source files were just written,"
    echo "so they are read from the page cache by curl and cp alike; finalize re-reads uploads"
    echo "that were just written, so it mostly measures SHA-256 speed, not the disk."
} >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
cat "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"
