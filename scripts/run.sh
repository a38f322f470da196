#!/usr/bin/env bash
# The run command: Azurite (pinned, data under .azurite/) + the handler in standalone mode with the platform
# sandboxes and demo stores. Prints the admin URL and the bootstrap admin key. Ctrl-C stops both.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_dotnet
ensure_azurite

URL="${COUPONFUNCTIONS_URL:-http://127.0.0.1:7071}"
SETTINGS="$REPO_ROOT/local.settings.json"
if [ ! -f "$SETTINGS" ]; then
  log "Creating local.settings.json from local.settings.sample.json (with fresh local secrets)"
  python3 - "$REPO_ROOT/local.settings.sample.json" "$SETTINGS" <<'PY'
import base64, json, os, sys
settings = json.load(open(sys.argv[1]))
values = settings["Values"]
for key, value in values.items():
    if value == "<generated>":
        values[key] = base64.b64encode(os.urandom(32)).decode()
json.dump(settings, open(sys.argv[2], "w"), indent=2)
os.chmod(sys.argv[2], 0o600)
PY
fi

pids=()
cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Azurite can take many seconds to close its files after TERM: give both 10 s, then stop what is left.
  for _ in $(seq 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && return 0
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup INT TERM EXIT

if port_open 10000 && port_open 10001 && port_open 10002; then
  log "Azurite (or another storage emulator) already listens on 10000-10002; using it"
else
  mkdir -p .azurite
  log "Starting Azurite (data in .azurite/)"
  # --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Azure.Storage.Queues 12.28.1 send x-ms-version 2026-10-06,
  # newer than Azurite 3.37 accepts (Tables 12.13.0 sends 2020-12-06 and needs nothing).
  "$AZURITE" --location .azurite --skipApiVersionCheck --disableProductStyleUrl --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.log 2>&1 &
  pids+=($!)
  wait_for_port 10002 200 || fail "Azurite did not start; see .azurite/azurite.log"
fi

log "Building the handler"
dotnet build functions/CouponFunctions.Handler -c Release -nologo -v quiet -o .local/handler >/dev/null
log "Starting the handler in standalone mode at $URL"
(cd .local/handler && exec dotnet CouponFunctions.Handler.dll --FunctionApp:RootPath="$REPO_ROOT" --urls "$URL" \
  --Bootstrap:KeyFile="$REPO_ROOT/.local/admin-key.txt") &
pids+=($!)

for _ in $(seq 300); do
  if curl -fsS "$URL/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "${pids[-1]}" 2>/dev/null || fail "The handler exited; see its output above."
  sleep 0.2
done
curl -fsS "$URL/api/health" >/dev/null || fail "The handler did not become healthy."

cat <<MSG

  CouponFunctions is running (standalone, Azurite, platform sandboxes with demo stores).
  Admin page:  $URL/admin/
  Health:      $URL/api/health
  Admin key:   $(cat .local/admin-key.txt)

  Press Ctrl-C to stop.
MSG
wait "${pids[-1]}"
