# Shared by the scripts: installs what Coffre needs on a fresh Debian machine, idempotently.
# Sourced, not run.

COFFRE_CACHE="${COFFRE_CACHE:-$HOME/.cache/coffre}"
COFFRE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# apt_install PKG...: installs the Debian packages that are missing.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Tools the tests use on top of the runtime: unzip (the export's offline check), Chromium
# and its chromedriver (the web interface's browser scenario, driven from `cargo test`).
install_test_tools() {
  apt_install unzip chromium chromium-driver
}

# The packages the service needs at run time: the OCR engine (Tesseract with French and
# English data, poppler for PDFs), and curl + jq for the README's walkthrough.
install_runtime_deps() {
  apt_install ca-certificates curl jq tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng poppler-utils
}

# A Python for the tests and benchmarks, installed exactly from scripts/python/requirements.lock
# (boto3, reportlab, Pillow, factur-x, schemathesis and all their dependencies, with hashes).
# One venv per lock content: a changed lock gets a new venv, and worktrees or concurrent runs
# with different locks never pull a venv from under each other. The marker is written last,
# so an interrupted install is redone.
install_python_tools() {
  local lock="$COFFRE_ROOT/scripts/python/requirements.lock" sum venv
  sum=$(sha256sum "$lock" | cut -d' ' -f1)
  venv="$COFFRE_CACHE/venv-${sum:0:16}"
  if [ "$(cat "$venv/.lock-sha256" 2>/dev/null)" != "$sum" ]; then
    log "preparing $venv from scripts/python/requirements.lock"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --require-hashes --no-deps -r "$lock"
    echo "$sum" >"$venv/.lock-sha256"
  fi
  export COFFRE_VENV="$venv"
  export COFFRE_TEST_PYTHON="$venv/bin/python"
}

# PostgreSQL server binaries and s3s-fs, a real S3 server that verifies signatures.
install_test_servers() {
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_install postgresql
  if ! command -v s3s-fs >/dev/null 2>&1 || ! s3s-fs --version 2>/dev/null | grep -q '0.14.1'; then
    log "cargo install s3s-fs 0.14.1 (a few minutes, once per machine)"
    cargo install --locked --quiet s3s-fs@0.14.1 --features binary
  fi
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  echo "$dir"
}

# free_port: a TCP port nobody listens on.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_tcp PORT: waits (bounded) until something accepts connections on 127.0.0.1:PORT.
wait_tcp() {
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "nothing listens on port $1" >&2
  return 1
}

# start_postgres DIR: a throwaway cluster on loopback; sets PG_PORT and PG_ADMIN_URL.
start_postgres() {
  local dir="$1" bin
  bin=$(pg_bin)
  PG_PORT=$(free_port)
  mkdir -p "$dir"
  # The server runs as postgres: it must be able to reach its directory.
  chmod 755 "$(dirname "$dir")" "$dir"
  chown postgres "$dir" 2>/dev/null || true
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
  PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop)
}

# start_s3 DIR BUCKET ACCESS SECRET: s3s-fs on loopback; sets S3_PORT and S3_PID.
start_s3() {
  local dir="$1" bucket="$2"
  mkdir -p "$dir/$bucket"
  S3_PORT=$(free_port)
  s3s-fs --host 127.0.0.1 --port "$S3_PORT" --access-key "$3" --secret-key "$4" "$dir" >"$dir.log" 2>&1 &
  S3_PID=$!
  wait_tcp "$S3_PORT"
}
