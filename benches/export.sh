#!/usr/bin/env bash
# Export benchmark: a fiscal year with 1 000 files (994 PDFs of 20-200 KB and 6 of 2-8 MB, in
# nested folders, some sharing a name) uploaded through the real API flow, then exported as a
# ZIP by the server's background workers. Checks that the archive verifies offline with the
# README's command and reports the server's peak memory during the export (target: under
# 100 MB, since the archive is built streaming, one file at a time).
#
#   bash benches/export.sh
#
# Environment (all optional):
#   BENCH_FILES=N       files in the year (default 1000)
#   BENCH_LARGE=N       how many of them are 2-8 MB (default 6)
#   BENCH_CLIENTS=N     concurrent upload clients (default 8)
#   BENCH_TMPDIR        parent of the scratch directory (default: $TMPDIR or /tmp); the data
#                       directory, the download and the extracted archive all live in it.
#   BENCH_KEEP=1        keep the scratch directory and the server log.
#   SKIP_BUILD=1        use the existing target/release/coffre.
#   COFFRE_BIN=P        benchmark the binary P instead (implies SKIP_BUILD=1).
#
# Needs: cargo, python3 (standard library only); installs unzip, curl and jq with apt-get.
# Writes the result table to benches/results/export.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

FILES=${BENCH_FILES:-1000}
LARGE=${BENCH_LARGE:-6}
CLIENTS=${BENCH_CLIENTS:-8}
TARGET_MB=100
POLL_S=0.2
POLL_MAX=3000 # × 0.2 s = 10 minutes
QUOTA_BYTES=$((20 * 1000 * 1000 * 1000))
BIN="${COFFRE_BIN:-$REPO_ROOT/target/release/coffre}"
SEED="$REPO_ROOT/benches/export_seed.py"
RESULTS_DIR="$REPO_ROOT/benches/results"
RESULTS="$RESULTS_DIR/export.md"
# The offline check, exactly as the README documents it (run from the download's directory).
OFFLINE_CHECK='unzip -q export.zip -d export && cd export && sha256sum -c SHA256SUMS'

die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

apt_install unzip curl jq
for tool in curl jq unzip python3 sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

# ---------------------------------------------------------------- build
if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || die "$BIN not found; build failed?"

# ---------------------------------------------------------------- scratch space + cleanup
WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-export-bench.XXXXXX")
DATA="$WORK/data"
DL="$WORK/download"
OUT="$WORK/out"
mkdir -p "$DATA" "$DL" "$OUT"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""
SAMPLER_PID=""

source "$(dirname "$0")/lib.sh"
# under_target KB -> "yes" or "**NO**" against TARGET_MB
under_target() {
    python3 -c 'import sys; print("yes" if int(sys.argv[1]) * 1024 / 1e6 < float(sys.argv[2]) else "**NO**")' "$1" "$TARGET_MB"
}
max() { echo $(($1 > $2 ? $1 : $2)); }


LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- organization + server
log "creating an organization (quota $QUOTA_BYTES bytes)"
ORG_JSON=$("$BIN" org create --data-dir "$DATA" --name Bench)
ORG=$(jq -er .idOrganization <<<"$ORG_JSON")
API_KEY=$(jq -er .apiKey <<<"$ORG_JSON")
"$BIN" org set-quota --data-dir "$DATA" --org "$ORG" --bytes "$QUOTA_BYTES" >/dev/null

PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
log "starting the server on $BASE (log: $SERVER_LOG)"
COFFRE_LOG=warn "$BIN" serve --data-dir "$DATA" --listen "127.0.0.1:$PORT" >"$SERVER_LOG" 2>&1 &
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
RSS_IDLE_KB=$(proc_kb VmRSS)

# ---------------------------------------------------------------- year, folders, 1 000 uploads
YEAR=$(api POST "/organizations/$ORG/years" \
    '{"label":"Bench 2026","startingAt":"2026-01-01","endingAt":"2026-12-31"}' | jq -er .id)
log "uploading $FILES files ($LARGE of 2-8 MB) with $CLIENTS concurrent clients"
EXPECTED="$OUT/expected.json"
SEED_JSON=$(python3 "$SEED" seed --base "$BASE" --org "$ORG" --key "$API_KEY" --year "$YEAR" \
    --files "$FILES" --large "$LARGE" --concurrency "$CLIENTS" --out "$EXPECTED")
UPLOADED_BYTES=$(jq -er .bytes <<<"$SEED_JSON")
UPLOAD_S=$(jq -er .seconds <<<"$SEED_JSON")
N_FOLDERS=$(jq -er .folders <<<"$SEED_JSON")
[[ "$(jq -er .files <<<"$SEED_JSON")" == "$FILES" ]] || die "the seeder uploaded $(jq .files <<<"$SEED_JSON") files"
AVAILABLE=$(api GET "/organizations/$ORG/years/$YEAR/files?status=available&limit=1000" | jq length)
log "uploaded $FILES files, $UPLOADED_BYTES bytes, in $UPLOAD_S s ($AVAILABLE listed available on the first page)"

# Let the uploads settle, then read the memory before the export.
sleep 1
RSS_BEFORE_KB=$(proc_kb VmRSS)
HWM_BEFORE_KB=$(proc_kb VmHWM)
# Reset the peak (VmHWM) to the current RSS, so that at the end it covers the export alone
# (Linux ≥ 4.0: `5 > /proc/PID/clear_refs`). If refused, VmHWM covers the whole life.
if echo 5 2>/dev/null >"/proc/$SERVER_PID/clear_refs"; then
    HWM_RESET=1
else
    HWM_RESET=0
    log "cannot reset VmHWM (clear_refs refused): it will cover the whole process life"
fi

# A sampler: the highest VmRSS seen every 50 ms during the export window.
SAMPLES="$OUT/rss-samples"
echo 0 >"$SAMPLES"
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
        sleep 0.05
    done
) &
SAMPLER_PID=$!

# ---------------------------------------------------------------- export
log "POST export, polling every ${POLL_S}s"
T0=$(now)
EXPORT=$(api POST "/organizations/$ORG/years/$YEAR/export")
EXPORT_ID=$(jq -er .id <<<"$EXPORT")
[[ "$(jq -er .status <<<"$EXPORT")" == queued ]] || die "POST export answered status $(jq .status <<<"$EXPORT")"
STATUS=queued
SEEN_RUNNING=0
for _ in $(seq 1 "$POLL_MAX"); do
    EXPORT=$(api GET "/organizations/$ORG/years/$YEAR/exports/$EXPORT_ID")
    STATUS=$(jq -er .status <<<"$EXPORT")
    case "$STATUS" in
        ready | failed) break ;;
        running) SEEN_RUNNING=1 ;;
        queued) ;;
        *) die "unexpected export status $STATUS" ;;
    esac
    sleep "$POLL_S"
done
T1=$(now)
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
SAMPLED_MAX_KB=$(cat "$SAMPLES")
# Read after the sampler stopped, so it covers everything the sampler saw.
HWM_AFTER_KB=$(proc_kb VmHWM)
RSS_AFTER_KB=$(proc_kb VmRSS)
EXPORT_S=$(elapsed "$T0" "$T1")

[[ "$STATUS" != failed ]] || die "the export failed: $(jq -c . <<<"$EXPORT")"
[[ "$STATUS" == ready ]] || die "the export is still $STATUS after $((POLL_MAX / 5)) s"
EXPORT_FILES=$(jq -er .files <<<"$EXPORT")
EXPORT_SIZE=$(jq -er .size <<<"$EXPORT")
EXPORT_SHA=$(jq -er .sha256 <<<"$EXPORT")
EXPORT_URL=$(jq -er .url <<<"$EXPORT")
[[ "$EXPORT_FILES" == "$FILES" ]] || die "the export counts $EXPORT_FILES files, expected $FILES"
log "export $EXPORT_ID ready in $EXPORT_S s: $EXPORT_FILES files, $EXPORT_SIZE bytes"

if [[ $HWM_RESET == 1 ]]; then
    EXPORT_HWM_KB=$HWM_AFTER_KB                        # the export window alone
    LIFE_HWM_KB=$(max "$HWM_BEFORE_KB" "$HWM_AFTER_KB") # the whole process life
else
    EXPORT_HWM_KB=""
    LIFE_HWM_KB=$HWM_AFTER_KB
fi
EXPORT_PEAK_KB=$(max "${EXPORT_HWM_KB:-0}" "$SAMPLED_MAX_KB")

# ---------------------------------------------------------------- download + offline check
log "downloading the archive"
T0=$(now)
HEADERS=$(curl -sSf -D - -o "$DL/export.zip" "$EXPORT_URL") || die "the download failed"
T1=$(now)
DOWNLOAD_S=$(elapsed "$T0" "$T1")
DISPOSITION=$(tr -d '\r' <<<"$HEADERS" | awk -F': ' 'tolower($1) == "content-disposition" { print $2 }')
DL_SIZE=$(stat -c %s "$DL/export.zip")
DL_SHA=$(sha256sum "$DL/export.zip" | cut -d' ' -f1)
[[ "$DL_SIZE" == "$EXPORT_SIZE" ]] || die "downloaded $DL_SIZE bytes, the export says $EXPORT_SIZE"
[[ "$DL_SHA" == "$EXPORT_SHA" ]] || die "the download's sha256 is $DL_SHA, the export says $EXPORT_SHA"

log "offline check: $OFFLINE_CHECK"
CHECK_OUT="$OUT/sha256sum-c.txt"
set +e
(cd "$DL" && eval "$OFFLINE_CHECK") >"$CHECK_OUT" 2>&1
CHECK_RC=$?
set -e
SUMS_LINES=$(wc -l <"$DL/export/SHA256SUMS" 2>/dev/null || echo 0)
OK_LINES=$(grep -c ': OK$' "$CHECK_OUT" || true)
OK_FILES=$(grep -c '^files/.*: OK$' "$CHECK_OUT" || true)
FAILED_LINES=$(grep -c 'FAILED' "$CHECK_OUT" || true)
MANIFESTS_OK=$(grep -cE '^(manifest\.json|manifest\.csv|audit\.jsonl): OK$' "$CHECK_OUT" || true)
if [[ $CHECK_RC != 0 || $FAILED_LINES != 0 ]]; then
    grep -v ': OK$' "$CHECK_OUT" | head -n 20 >&2
    die "the offline check failed (exit $CHECK_RC, $FAILED_LINES FAILED lines)"
fi
[[ $OK_FILES == "$FILES" ]] || die "the offline check reports $OK_FILES documents OK, expected $FILES"
[[ $MANIFESTS_OK == 3 ]] || die "the offline check reports $MANIFESTS_OK of manifest.json, manifest.csv, audit.jsonl OK"
[[ $OK_LINES == "$SUMS_LINES" ]] || die "$OK_LINES OK lines for $SUMS_LINES lines in SHA256SUMS"
CSV_LINES=$(wc -l <"$DL/export/manifest.csv")
[[ $CSV_LINES == $((FILES + 1)) ]] || die "manifest.csv has $CSV_LINES lines, expected $((FILES + 1))"
AUDIT_LINES=$(wc -l <"$DL/export/audit.jsonl")
ZIP_ENTRIES=$(unzip -Z1 "$DL/export.zip" | grep -vc '/$' || true)

# Independent of the server's own SHA256SUMS: the bytes are those the client uploaded.
VERIFY=$(python3 "$SEED" verify --expected "$EXPECTED" --dir "$DL/export") || {
    echo "$VERIFY" >&2
    die "the archive does not match what was uploaded"
}
RENAMED=$(jq -er .renamed <<<"$VERIFY")
log "offline check: $OK_LINES OK, 0 FAILED; contents match the uploads ($RENAMED same-name files renamed)"

ERRORS_IN_LOG=$(grep -ciE 'error|panic' "$SERVER_LOG" || true)

# ---------------------------------------------------------------- report
MEM_TOTAL_KB=$(awk '$1 == "MemTotal:" { print $2 }' /proc/meminfo)
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
FS_TYPE=$(findmnt -no FSTYPE -T "$WORK" 2>/dev/null || stat -f -c %T "$WORK" 2>/dev/null || echo "?")
FS_DEV=$(df -P "$WORK" | awk 'NR == 2 { print $1 }')
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
DIRTY=$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (uncommitted changes)" || true)
ARCHIVE_MB=$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6:.1f}")' "$EXPORT_SIZE")
UPLOADED_MB=$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6:.1f}")' "$UPLOADED_BYTES")

mkdir -p "$RESULTS_DIR"
{
    echo "## Export benchmark: a year of $FILES files"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "- machine: $(nproc) CPUs${CPU_MODEL:+ ($CPU_MODEL)}, $(kb_to_mb "$MEM_TOTAL_KB") MB RAM, $(uname -sr)"
    echo "- load average at the start: $LOAD_START (other work on the machine skews the times)"
    echo "- disk: $FS_DEV ($FS_TYPE); SQLite + embedded object store, download and extraction in one scratch directory"
    if [[ -n "${COFFRE_BIN:-}" ]]; then
        echo "- build: COFFRE_BIN=$COFFRE_BIN (not the release build), commit $COMMIT$DIRTY"
    else
        echo "- build: \`cargo build --release\`, commit $COMMIT$DIRTY"
    fi
    echo "- reproduce: \`bash benches/export.sh\` (from the repository root)"
    echo
    echo "| measure | value |"
    echo "|---|---:|"
    echo "| files in the year ($N_FOLDERS nested folders + top level; $LARGE of 2-8 MB, the rest 20-200 KB) | $FILES ($UPLOADED_MB MB) |"
    echo "| upload: create + upload-url + PUT + finalize, $CLIENTS clients | $UPLOAD_S s |"
    echo "| archive (ZIP, stored) | $EXPORT_SIZE bytes ($ARCHIVE_MB MB), $ZIP_ENTRIES entries |"
    echo "| export wall time (POST → \`ready\`, polled every ${POLL_S}s) | $EXPORT_S s ($(mbps "$EXPORT_SIZE" "$EXPORT_S") MB/s) |"
    echo "| download of the archive (signed URL, curl) | $DOWNLOAD_S s ($(mbps "$EXPORT_SIZE" "$DOWNLOAD_S") MB/s) |"
    echo "| server RSS idle (VmRSS after start) | $(kb_to_mb "$RSS_IDLE_KB") MB |"
    echo "| server RSS before the export (VmRSS) | $(kb_to_mb "$RSS_BEFORE_KB") MB |"
    if [[ $HWM_RESET == 1 ]]; then
        echo "| **server peak RSS during the export (VmHWM, reset at the POST)** | **$(kb_to_mb "$EXPORT_HWM_KB") MB** (target < $TARGET_MB MB: $(under_target "$EXPORT_PEAK_KB")) |"
    fi
    echo "| server highest sampled VmRSS during the export (every 50 ms) | $(kb_to_mb "$SAMPLED_MAX_KB") MB |"
    echo "| server peak RSS before the export (VmHWM: start + uploads) | $(kb_to_mb "$HWM_BEFORE_KB") MB |"
    echo "| server peak RSS, whole process life (VmHWM, uploads included) | $(kb_to_mb "$LIFE_HWM_KB") MB (target < $TARGET_MB MB: $(under_target "$LIFE_HWM_KB")) |"
    echo "| server RSS after the export (VmRSS) | $(kb_to_mb "$RSS_AFTER_KB") MB |"
    echo "| download sha256 = export's \`sha256\` | yes |"
    echo "| offline check \`$OFFLINE_CHECK\` | exit 0: **$OK_LINES OK** ($OK_FILES documents + manifest.json, manifest.csv, audit.jsonl), 0 FAILED |"
    echo "| manifest.csv lines (header + files) | $CSV_LINES |"
    echo "| audit.jsonl entries | $AUDIT_LINES |"
    echo "| archive bytes = uploaded bytes, per file id (client-side SHA-256) | yes; $RENAMED same-name files renamed \`name (id).ext\` |"
    echo "| server log lines with error/panic (COFFRE_LOG=warn) | $ERRORS_IN_LOG |"
    echo
    echo "MB = 10^6 bytes. The export is built by the server's own job worker (\`coffre serve\`);"
    echo "its wall time includes the queue wake-up and up to ${POLL_S} s of polling granularity."
    if [[ $HWM_RESET == 1 ]]; then
        echo "VmHWM was reset (\`echo 5 > /proc/PID/clear_refs\`) right before the POST, so the bold"
        echo "line is the kernel's exact peak for the export window; the whole-life line is the larger"
        echo "of VmHWM before the reset (start + uploads) and after the export."
    else
        echo "VmHWM could not be reset: it covers the whole process life, the uploads included."
    fi
    echo "The sampled VmRSS only sees the peak when a sample lands on it; VmHWM cannot miss it."
} >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
cat "$RESULTS"
log "written to ${RESULTS#"$REPO_ROOT"/}"

# The verdict on the acceptance target, after the report is written.
[[ "$(under_target "$EXPORT_PEAK_KB")" == yes ]] || die "the server's peak memory during the export is over $TARGET_MB MB"
