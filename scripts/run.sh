#!/usr/bin/env bash
# The run command: Azurite (pinned, data under .azurite/) + the local Functions host (tools/CouponFunctions.LocalHost),
# which starts the isolated-worker app (functions/CouponFunctions.App) with local.settings.json: platform sandboxes on
# their own port and demo stores. Prints the admin URL and the bootstrap admin key. Ctrl-C stops everything.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_dotnet
ensure_azurite

PORT="${COUPONFUNCTIONS_PORT:-7071}"
URL="http://127.0.0.1:$PORT"
SETTINGS="$REPO_ROOT/local.settings.json"
if [ ! -f "$SETTINGS" ]; then
  log "Creating local.settings.json from local.settings.sample.json (with fresh local secrets)"
else
  log "Checking local.settings.json against local.settings.sample.json"
fi
# Creates the file, or brings an older one up to date: new settings are added, settings of the retired custom handler
# (worker runtime, sandbox URLs on the app's port) are replaced; generated secrets and other own values are kept.
python3 - "$REPO_ROOT/local.settings.sample.json" "$SETTINGS" <<'PY'
import base64, json, os, sys
sample = json.load(open(sys.argv[1]))
path = sys.argv[2]
current = json.load(open(path)) if os.path.exists(path) else {"IsEncrypted": False, "Values": {}}
values = current.setdefault("Values", {})
retired = ("Standalone__Url", "Runner__Enabled")
changed = False
for key in retired:
    if values.pop(key, None) is not None:
        changed = True
for key, value in sample["Values"].items():
    old = values.get(key)
    outdated = key == "FUNCTIONS_WORKER_RUNTIME" and old != value \
        or isinstance(old, str) and "127.0.0.1:7071/sandbox" in old \
        or key == "Admin__PublicUrl" and old == "http://127.0.0.1:7071/admin/"
    if key not in values or outdated:
        values[key] = base64.b64encode(os.urandom(32)).decode() if value == "<generated>" else value
        changed = True
if changed or not os.path.exists(path):
    json.dump(current, open(path, "w"), indent=2)
    os.chmod(path, 0o600)
PY

pids=()
cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  # Last started, first stopped: the host (it sends the worker WorkerTerminate and needs storage until it is done), then
  # Azurite. Each gets 20 s after TERM, then it is killed.
  local i pid
  for ((i=${#pids[@]}-1; i>=0; i--)); do
    pid=${pids[$i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup INT TERM EXIT

if port_open 10000 && port_open 10001 && port_open 10002; then
  log "Azurite (or another storage emulator) already listens on 10000-10002; using it"
else
  mkdir -p .azurite
  log "Starting Azurite (data in .azurite/)"
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Azure.Storage.Queues 12.28.1 send x-ms-version 2026-10-06,
  # newer than Azurite 3.37 accepts (Tables 12.13.0 sends 2020-12-06 and needs nothing).
  setsid "$AZURITE" --location .azurite --skipApiVersionCheck --disableProductStyleUrl --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  pids+=($!)
  wait_for_port 10002 200 || fail "Azurite did not start; see .azurite/azurite.log"
fi

log "Building the app and the local Functions host"
dotnet build functions/CouponFunctions.App -c Release -nologo -v quiet -clp:ErrorsOnly -o .local/app >/dev/null
dotnet build tools/CouponFunctions.LocalHost -c Release -nologo -v quiet -clp:ErrorsOnly -o .local/localhost >/dev/null
log "Starting the local Functions host at $URL (it starts the worker)"
# The key file's place is given absolutely: the worker's working directory is its output folder. Azurite and the host run
# in sessions of their own, so Ctrl-C reaches only this script, which then stops them in order (see cleanup).
Bootstrap__KeyFile="$REPO_ROOT/.local/admin-key.txt" \
  setsid dotnet .local/localhost/CouponFunctions.LocalHost.dll --script-root "$REPO_ROOT/.local/app" --port "$PORT" &
pids+=($!)

for _ in $(seq 600); do
  if curl -fsS "$URL/api/health" >/dev/null 2>&1 && [ -s .local/admin-key.txt ]; then break; fi
  kill -0 "${pids[-1]}" 2>/dev/null || fail "The local host exited; see its output above."
  sleep 0.2
done
curl -fsS "$URL/api/health" >/dev/null || fail "The app did not become healthy."

cat <<MSG

  CouponFunctions is running (local Functions host + isolated worker, Azurite, platform sandboxes with demo stores).
  Admin page:  $URL/api/admin/
  Health:      $URL/api/health
  Host status: $URL/admin/host/status
  Admin key:   $(cat .local/admin-key.txt)

  Press Ctrl-C to stop.
MSG
wait "${pids[-1]}"
