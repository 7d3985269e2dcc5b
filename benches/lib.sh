# Shared by the benchmark scripts that run one `coffre serve` (upload.sh, export.sh). Sourced
# after they set WORK, OUT, SERVER_LOG, SERVER_PID, SAMPLER_PID; the caller sets BASE and API_KEY
# before calling `api`.

cleanup() {
    local status=$?
    if [[ -n "$SAMPLER_PID" ]]; then
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
    fi
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        # Graceful shutdown first; then force.
        for _ in $(seq 1 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [[ $status -ne 0 && -f "$SERVER_LOG" ]]; then
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
now() { date +%s.%N; }
# elapsed START END -> seconds with 3 decimals
elapsed() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.3f}")' "$1" "$2"; }
# mbps BYTES SECONDS -> MB/s (10^6 bytes)
mbps() { python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6 / float(sys.argv[2]):.1f}")' "$1" "$2"; }
# kb_to_mb KB -> MB (10^6 bytes), from /proc's kB (1024 bytes)
kb_to_mb() { python3 -c 'import sys; print(f"{int(sys.argv[1]) * 1024 / 1e6:.1f}")' "$1"; }
proc_kb() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"; }

# api METHOD PATH [JSON]: calls the API with the key, fails loudly on a non-2xx answer.
api() {
    local method=$1 path=$2 body=${3:-}
    local resp="$OUT/api.$$.$RANDOM" code
    local args=(-sS -o "$resp" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $API_KEY")
    if [[ -n "$body" ]]; then
        args+=(-H "Content-Type: application/json" --data-binary "$body")
    fi
    code=$(curl "${args[@]}" "$BASE$path") || die "$method $path: curl failed"
    if [[ "$code" != 2* ]]; then
        printf '%s %s -> HTTP %s\n%s\n' "$method" "$path" "$code" "$(cat "$resp")" >&2
        die "$method $path failed"
    fi
    cat "$resp"
    rm -f "$resp"
}
