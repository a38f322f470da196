#!/usr/bin/env bash
# Shared helpers of the run and test commands. Source it; it changes nothing by itself.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AZURITE="$REPO_ROOT/node_modules/.bin/azurite"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else fail "need root for: $*"; fi; }

# Azurite is pinned in package.json/package-lock.json and installed into the repo (never globally).
ensure_azurite() {
  command -v node >/dev/null || fail "Node.js is required (node 20+) to run Azurite."
  if [ ! -x "$AZURITE" ] || [ "$REPO_ROOT/package-lock.json" -nt "$REPO_ROOT/node_modules/.package-lock.json" ]; then
    log "Installing Azurite (pinned in package-lock.json)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it never downloads a browser).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "Installing Chromium with apt"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || fail "Chromium did not install at /usr/bin/chromium."
}

ensure_dotnet() {
  command -v dotnet >/dev/null || fail "The .NET 10 SDK is required (dotnet on PATH)."
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local port=$1 tries=${2:-100}
  for _ in $(seq "$tries"); do port_open "$port" && return 0; sleep 0.1; done
  return 1
}

# The connection string of an Azurite on explicit ports (path-style account, as Azurite serves it).
azurite_connection() {
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$2/devstoreaccount1;TableEndpoint=http://127.0.0.1:$3/devstoreaccount1;"
}

# One in-memory Azurite on free ports for a whole run (tests, benchmarks), stopped when the calling script exits;
# AzuriteFixture uses it through COUPONFUNCTIONS_TEST_STORAGE instead of starting its own.
start_shared_azurite() {
  local blob queue table
  blob=$(free_port); queue=$(free_port); table=$(free_port)
  AZURITE_WORKDIR=$(mktemp -d)
  log "Starting Azurite in memory on ports $blob/$queue/$table"
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Azure.Storage.Queues 12.28.1 send x-ms-version 2026-10-06,
  # newer than Azurite 3.37 accepts (Tables 12.13.0 sends 2020-12-06 and needs nothing).
  (cd "$AZURITE_WORKDIR" && exec "$AZURITE" --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl --silent \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table") >"$AZURITE_WORKDIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  # Azurite may ignore TERM for a long time; nothing of an in-memory run needs saving.
  trap 'kill -9 $AZURITE_PID 2>/dev/null || true; rm -rf "$AZURITE_WORKDIR"' EXIT
  wait_for_port "$table" 300 || fail "Azurite did not start: $(cat "$AZURITE_WORKDIR/azurite.log")"
  export COUPONFUNCTIONS_TEST_STORAGE
  COUPONFUNCTIONS_TEST_STORAGE="$(azurite_connection "$blob" "$queue" "$table")"
}
