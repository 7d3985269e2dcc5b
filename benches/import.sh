#!/usr/bin/env bash
# Import benchmark: `coffre import` of a tree of 1 000 PDFs (sizes log-uniform from 20 KB to
# 2 MB, in 20 nested folders) into a fresh embedded server (SQLite + local object endpoint),
# with a release build, next to a plain `cp -r` of the same tree on the same disk. Then the
# same import again (everything already there: the resume path) for its cost.
#
#   bash benches/import.sh
#
# Environment (all optional):
#   BENCH_TMPDIR   parent of the scratch directory (default: $TMPDIR or /tmp).
#   BENCH_FILES    number of files (default 1000).
#   BENCH_JOBS     --jobs of the import (default 4).
#   BENCH_KEEP=1   keep the scratch directory and the server log.
#   SKIP_BUILD=1   use the existing release binary.
#   COFFRE_BIN=P   benchmark the binary P instead (implies SKIP_BUILD=1).
#
# Needs: cargo, curl, python3 (standard library only), coreutils.
# Writes the result table to benches/results/import.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$(pwd)

FILES=${BENCH_FILES:-1000}
JOBS=${BENCH_JOBS:-4}
BIN="${COFFRE_BIN:-${CARGO_TARGET_DIR:-$REPO_ROOT/target}/release/coffre}"
RESULTS="$REPO_ROOT/benches/results/import.md"

log() { printf '==> %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

for tool in curl python3; do
    command -v "$tool" >/dev/null || die "$tool is required"
done

if [[ "${SKIP_BUILD:-0}" != 1 && -z "${COFFRE_BIN:-}" ]]; then
    log "cargo build --release"
    cargo build --release >&2
fi
[[ -x "$BIN" ]] || die "$BIN not found; build failed?"

WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/coffre-import-bench.XXXXXX")
DATA="$WORK/data"
TREE="$WORK/tree"
OUT="$WORK/out"
mkdir -p "$DATA" "$OUT"
SERVER_LOG="$WORK/server.log"
SERVER_PID=""
SAMPLER_PID=""
source "$(dirname "$0")/lib.sh"

# ---------------------------------------------------------------- the tree
log "writing $FILES files under $TREE"
python3 - "$TREE" "$FILES" <<'PY'
import math, os, random, sys
root, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(20261130)
folders = [f"{y}/{m:02d}" for y in ("Achats", "Ventes") for m in range(1, 11)]
total = 0
for i in range(count):
    size = int(math.exp(rng.uniform(math.log(20_000), math.log(2_000_000))))
    path = os.path.join(root, folders[i % len(folders)], f"piece-{i:04d}.pdf")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    head = f"%PDF-1.4\n% bench {i}\n".encode()
    with open(path, "wb") as f:
        f.write(head + os.urandom(size - len(head)))
    total += size
print(total, file=open(os.path.join(os.path.dirname(root), "total"), "w"))
PY
TOTAL_BYTES=$(cat "$WORK/total")
sync

# ---------------------------------------------------------------- cp -r
log "cp -r"
t0=$(now)
cp -r "$TREE" "$WORK/cp-copy"
sync
t1=$(now)
CP_S=$(elapsed "$t0" "$t1")
rm -rf "$WORK/cp-copy"

# ---------------------------------------------------------------- server, organization, year
ORG_JSON=$("$BIN" org create --data-dir "$DATA" --name Bench)
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
API_KEY=$(field "$ORG_JSON" apiKey)
ORG=$(field "$ORG_JSON" idOrganization)
"$BIN" org set-quota --data-dir "$DATA" --org "$ORG" --bytes 100000000000 >/dev/null
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
COFFRE_LOG=warn "$BIN" serve --data-dir "$DATA" --listen "127.0.0.1:$PORT" --ocr-workers 0 >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
    curl -fsS "$BASE/healthz" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || die "the server exited at start"
    sleep 0.1
done
YEAR=$(field "$(api POST "/organizations/$ORG/years" '{"label":"Bench","startingAt":"2026-01-01","endingAt":"2026-12-31"}')" id)

# ---------------------------------------------------------------- coffre import, twice
run_import() {
    COFFRE_API_KEY="$API_KEY" COFFRE_ORGANIZATION="$ORG" XDG_STATE_HOME="$WORK/state" XDG_CONFIG_HOME="$WORK/config" \
        "$BIN" import "$TREE" --url "$BASE" --year "$YEAR" --jobs "$JOBS" --json >"$OUT/$1.jsonl"
}
log "coffre import --jobs $JOBS"
t0=$(now)
run_import first || die "the import failed (exit $?)"
t1=$(now)
IMPORT_S=$(elapsed "$t0" "$t1")
UPLOADED=$(tail -n 1 "$OUT/first.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["uploaded"])')
[[ "$UPLOADED" == "$FILES" ]] || die "uploaded $UPLOADED files, expected $FILES"
log "coffre import again (all in place)"
t0=$(now)
run_import second || die "the second import failed"
t1=$(now)
AGAIN_S=$(elapsed "$t0" "$t1")

rate() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.1f}")' "$1" "$2"; }
MB=$(python3 -c "print(f'{$TOTAL_BYTES / 1e6:.1f}')")
CORES=$(nproc)
LOAD=$(cut -d ' ' -f 1-3 /proc/loadavg)
{
    echo "# Import benchmark"
    echo
    echo "\`bash benches/import.sh\` on $(date -u +%Y-%m-%d) ($CORES cores, load average $LOAD at the end)."
    echo "$FILES PDFs, log-uniform sizes from 20 KB to 2 MB ($MB MB in all), 20 folders; a fresh"
    echo "embedded server (SQLite, local object endpoint) on the same machine and disk; release build;"
    echo "\`coffre import --jobs $JOBS\`: hash, lookup, folders, then create + presigned PUT + finalize per file"
    echo "(the server copies each object to its content key and hashes it again)."
    echo
    echo "| run | seconds | MB/s | files/s |"
    echo "|---|---:|---:|---:|"
    echo "| \`cp -r\` + \`sync\` | $CP_S | $(rate "$MB" "$CP_S") | $(rate "$FILES" "$CP_S") |"
    echo "| \`coffre import\` (all new) | $IMPORT_S | $(rate "$MB" "$IMPORT_S") | $(rate "$FILES" "$IMPORT_S") |"
    echo "| \`coffre import\` again (all in place) | $AGAIN_S | $(rate "$MB" "$AGAIN_S") | $(rate "$FILES" "$AGAIN_S") |"
    echo
    echo "The second import sends no content: every file is found in place by its hash (read from the"
    echo "journal, not recomputed) after one lookup request per 1 000 files; its MB/s is of the tree checked."
    echo "Both runs read a tree the page cache holds (it was just written), as \`cp -r\` does."
    echo
    echo "The machine is shared with other engineers' builds and tests: figures are noisy and low;"
    echo "re-run \`bash benches/import.sh\` on a quiet machine for reference numbers."
} >"$RESULTS"
cat "$RESULTS"
