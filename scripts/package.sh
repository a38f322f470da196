#!/usr/bin/env bash
# Builds the Function App's deployment package (what Flex Consumption runs):
#
#   artifacts/functionapp/host.json                  the Functions host's settings (customHandler points at handler/)
#   artifacts/functionapp/<Function>/function.json   one folder per function, copied from functions/<Function>/
#   artifacts/functionapp/handler/                   the ASP.NET Core server, self-contained for linux-x64,
#                                                    with the admin page under handler/wwwroot/admin/
#   artifacts/functionapp.zip                        the same tree zipped (Unix permissions kept), for zip deploy
#
# ./scripts/package.sh --smoke then starts the packaged handler the way the Functions host does (custom-handler mode:
# FUNCTIONS_CUSTOMHANDLER_PORT, FUNCTIONS_APP_ROOT_PATH, working directory from host.json) against an in-memory Azurite,
# checks the readiness probe, forwarded HTTP, payload-mode HttpApi and timer invocations and the admin page, and stops
# what it started.
#
# The handler is published self-contained because the Flex "custom" runtime ships no .NET. SELF_CONTAINED=false gives a
# framework-dependent build instead; it only runs where a .NET 10 runtime is installed, so it is for local checks only.
# Intermediates go to PACKAGE_ARTIFACTS_PATH (default /tmp/couponfunctions-package), never to the projects' bin/obj.
set -euo pipefail

SMOKE=false
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=true ;;
    *) echo "Usage: $0 [--smoke]" >&2; exit 2 ;;
  esac
done

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$REPO_ROOT/artifacts/functionapp"
ZIP="$REPO_ROOT/artifacts/functionapp.zip"
INTERMEDIATE="${PACKAGE_ARTIFACTS_PATH:-${TMPDIR:-/tmp}/couponfunctions-package}"
SELF_CONTAINED="${SELF_CONTAINED:-true}"
RID=linux-x64
HANDLER_PROJECT="$REPO_ROOT/functions/CouponFunctions.Handler/CouponFunctions.Handler.csproj"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31mError:\033[0m %s\n' "$*" >&2; exit 1; }

command -v dotnet >/dev/null || fail "The .NET 10 SDK is required (dotnet on PATH)."
command -v python3 >/dev/null || fail "python3 is required to check the package layout."
command -v zip >/dev/null || fail "zip is required (apt-get install zip)."
[ "$SELF_CONTAINED" = true ] || [ "$SELF_CONTAINED" = false ] || fail "SELF_CONTAINED must be true or false."

rm -rf "$OUT" "$ZIP"
mkdir -p "$OUT"

# The executable's place comes from host.json, so the package always matches what the host will start.
read -r EXE WORKDIR < <(python3 - "$REPO_ROOT/host.json" <<'PY'
import json, sys
description = json.load(open(sys.argv[1]))["customHandler"]["description"]
print(description["defaultExecutablePath"], description.get("workingDirectory") or ".")
PY
)
HANDLER_DIR="$(dirname "$EXE")"
[ "$HANDLER_DIR" != "." ] || fail "host.json's defaultExecutablePath should name a folder for the handler (handler/...)."

log "Publishing the handler ($RID, self-contained=$SELF_CONTAINED) into artifacts/functionapp/$HANDLER_DIR"
[ "$SELF_CONTAINED" = true ] || log "WARNING: framework-dependent build; Flex Consumption has no .NET 10 runtime for it. Local checks only."
dotnet publish "$HANDLER_PROJECT" -c Release -r "$RID" --self-contained "$SELF_CONTAINED" \
  -o "$OUT/$HANDLER_DIR" --artifacts-path "$INTERMEDIATE" -nologo -v quiet -clp:ErrorsOnly

log "Copying host.json and the function folders"
cp "$REPO_ROOT/host.json" "$OUT/host.json"
functions=0
for dir in "$REPO_ROOT"/functions/*/; do
  name="$(basename "$dir")"
  # Only function folders (those with a function.json) go in; the handler's source project stays out.
  [ -f "$dir/function.json" ] || continue
  [ "$name" != "$HANDLER_DIR" ] || fail "A function folder is named like the handler folder: $name."
  mkdir -p "$OUT/$name"
  cp "$dir/function.json" "$OUT/$name/function.json"
  functions=$((functions + 1))
done
[ "$functions" -gt 0 ] || fail "No functions/<Name>/function.json found."

log "Checking the layout against host.json"
python3 - "$OUT" "$EXE" "$WORKDIR" <<'PY'
import json, os, sys
root, exe, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
problems = []
exe_path = os.path.join(root, exe)
if not os.path.isfile(exe_path):
    problems.append(f"host.json's defaultExecutablePath {exe} is not in the package")
elif not os.access(exe_path, os.X_OK):
    problems.append(f"{exe} is not executable")
if not os.path.isdir(os.path.join(root, workdir)):
    problems.append(f"host.json's workingDirectory {workdir} is not in the package")
handler = os.path.dirname(exe_path)
if not os.path.isfile(os.path.join(handler, "wwwroot", "admin", "index.html")):
    problems.append("the admin page (wwwroot/admin/index.html) is missing beside the handler")
if os.path.exists(os.path.join(root, "local.settings.json")):
    problems.append("local.settings.json must never be packaged")
for entry in sorted(os.listdir(root)):
    path = os.path.join(root, entry)
    if not os.path.isdir(path) or path == handler:
        continue
    if os.listdir(path) != ["function.json"]:
        problems.append(f"{entry}/ should hold only function.json")
        continue
    try:
        json.load(open(os.path.join(path, "function.json")))
    except ValueError as e:
        problems.append(f"{entry}/function.json is not valid JSON: {e}")
if any(name.endswith(".csproj") or name.endswith(".cs") for name in os.listdir(handler)):
    problems.append("the handler folder holds project sources")
if problems:
    sys.exit("Package layout problems:\n  - " + "\n  - ".join(problems))
PY

log "Zipping artifacts/functionapp.zip"
# Zipped from inside the folder so host.json sits at the zip root; zip keeps the executable bit the Linux host needs.
(cd "$OUT" && zip -qr -X "$ZIP" .)
log "Package ready: artifacts/functionapp.zip ($(du -sh "$ZIP" | cut -f1), $functions function(s))"

[ "$SMOKE" = true ] || exit 0

# ---- Smoke run: the package in custom-handler mode, as the Functions host starts it ----
source "$REPO_ROOT/scripts/lib.sh"
ensure_azurite
work=$(mktemp -d)
pids=()
stop() {  # TERM, then KILL after 5 s: only the processes this script started
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
stop_all() {
  for pid in "${pids[@]}"; do stop "$pid"; done
  rm -rf "$work"
}
trap stop_all EXIT

blob=$(free_port); queue=$(free_port); table=$(free_port)
log "Smoke: starting Azurite in memory on ports $blob/$queue/$table"
# --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Azure.Storage.Queues 12.28.1 send x-ms-version 2026-10-06,
# newer than Azurite 3.37 accepts (Tables 12.13.0 sends 2020-12-06 and needs nothing).
(cd "$work" && exec "$AZURITE" --inMemoryPersistence --skipApiVersionCheck --disableProductStyleUrl --silent \
  --blobPort "$blob" --queuePort "$queue" --tablePort "$table") >"$work/azurite.log" 2>&1 &
pids+=($!)
wait_for_port "$table" 300 || fail "Azurite did not start: $(cat "$work/azurite.log")"

export CouponStorage="$(azurite_connection "$blob" "$queue" "$table")"
export Security__EncryptionKey="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
export Sandbox__Enabled=false Runner__Enabled=false
export FUNCTIONS_APP_ROOT_PATH="$OUT"

# 1. A standalone run of the same binary bootstraps a tenant and an admin key, so keyed routes can be checked. It has a
#    throwaway encryption key of its own, as in infra/README.md's first-tenant procedure (bootstrap encrypts nothing).
port=$(free_port)
log "Smoke: bootstrapping a tenant and an admin key (standalone run on port $port)"
throwaway_key="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
(cd "$OUT/$WORKDIR" && Security__EncryptionKey="$throwaway_key" Bootstrap__Enabled=true Bootstrap__TenantId=smoke Bootstrap__KeyFile="$work/admin-key.txt" \
  Standalone__Url="http://127.0.0.1:$port" exec "$OUT/$EXE") >"$work/bootstrap.log" 2>&1 &
bootstrap_pid=$!
pids+=("$bootstrap_pid")
for _ in $(seq 600); do [ -s "$work/admin-key.txt" ] && break; sleep 0.1; done
[ -s "$work/admin-key.txt" ] || fail "The bootstrap run wrote no key: $(tail -20 "$work/bootstrap.log")"
stop "$bootstrap_pid"

# 2. Custom-handler mode: the host picks the port, passes the app root and starts the executable in workingDirectory.
port=$(free_port)
log "Smoke: starting the package in custom-handler mode on port $port"
(cd "$OUT/$WORKDIR" && Bootstrap__Enabled=false FUNCTIONS_CUSTOMHANDLER_PORT="$port" FUNCTIONS_CUSTOMHANDLER_WORKER_ID=smoke \
  exec "$OUT/$EXE") >"$work/handler.log" 2>&1 &
pids+=($!)
wait_for_port "$port" 300 || fail "The handler did not listen on $port: $(tail -20 "$work/handler.log")"

python3 - "$port" "$work/admin-key.txt" "$OUT" <<'PY' || { tail -30 "$work/handler.log" >&2; fail "Smoke checks failed."; }
import glob, json, os, sys, time, urllib.error, urllib.request
port, key, package = sys.argv[1], open(sys.argv[2]).read().strip(), sys.argv[3]
base = f"http://127.0.0.1:{port}"

def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

failures = []
def check(name, condition, detail=""):
    print(("  ok   " if condition else "  FAIL ") + name + ("" if condition else f": {detail}"))
    if not condition:
        failures.append(name)

def json_or_empty(text):
    try:
        return json.loads(text)
    except ValueError:
        return {}

status, text = 0, ""
for _ in range(100):  # the host polls / until any HTTP answer
    try:
        status, text = call("GET", "/")
        break
    except OSError:
        time.sleep(0.1)
check("GET / answers (the host's readiness probe)", status == 200, f"{status} {text[:200]}")

status, text = call("GET", "/api/health")
check("GET /api/health (forwarded) is healthy in customHandler mode",
      status == 200 and json_or_empty(text).get("mode") == "customHandler", f"{status} {text[:300]}")

status, text = call("GET", "/api/me")
check("GET /api/me without a key is 401", status == 401, f"{status} {text[:200]}")

status, text = call("GET", "/api/me", headers={"X-Api-Key": key})
check("GET /api/me with the key (forwarded) is 200", status == 200 and json_or_empty(text).get("tenantId") == "smoke", f"{status} {text[:200]}")

status, text = call("GET", "/api/admin/")
check("GET /api/admin/ serves the admin page", status == 200 and "<html" in text.lower(), f"{status} {text[:200]}")

def http_invocation(url, headers):
    return {"Data": {"req": {"Url": url, "Method": "GET", "Query": {}, "Headers": headers, "Params": {}, "Identities": []}},
            "Metadata": {"sys": {"MethodName": "HttpApi", "UtcNow": "2026-01-01T00:00:00Z",
                                 "RandGuid": "00000000-0000-0000-0000-000000000001"}}}

host_headers = {"X-Azure-Functions-InvocationId": "11111111-1111-1111-1111-111111111111",
                "User-Agent": "Azure-Functions-Host/4.0 (smoke)"}
for with_key, expected in ((True, "200"), (False, "401")):
    status, text = call("POST", "/HttpApi",
                        http_invocation("https://app.example/api/me", {"X-Api-Key": [key]} if with_key else {}), host_headers)
    res = (json_or_empty(text).get("Outputs") or {}).get("res") or {}
    ok = status == 200 and str(res.get("statusCode")) == expected and (not with_key or '"smoke"' in (res.get("body") or ""))
    check(f"POST /HttpApi (payload mode) GET /api/me {'with' if with_key else 'without'} a key gives Outputs.res.statusCode {expected}",
          ok, f"{status} {text[:300]}")

# Every timer function, with the payload the host sends (azure.md §1.4); on empty storage each is a no-op.
for path in sorted(glob.glob(os.path.join(package, "*", "function.json"))):
    bindings = json.load(open(path)).get("bindings", [])
    timer = next((b for b in bindings if str(b.get("type", "")).lower() == "timertrigger"), None)
    if timer is None:
        continue
    name = os.path.basename(os.path.dirname(path))
    invocation = {"Data": {timer["name"]: {"Schedule": {"AdjustForDST": True}, "ScheduleStatus": None, "IsPastDue": False}},
                  "Metadata": {"sys": {"MethodName": name, "UtcNow": "2026-01-01T00:00:00Z",
                                       "RandGuid": "00000000-0000-0000-0000-000000000002"}}}
    status, text = call("POST", f"/{name}", invocation, host_headers)
    check(f"POST /{name} (timer) succeeds", status == 200 and "Outputs" in json_or_empty(text), f"{status} {text[:300]}")

status, text = call("POST", "/NoSuchFunction", {"Data": {}, "Metadata": {}}, host_headers)
check("POST /NoSuchFunction fails the invocation (non-2xx)", not 200 <= status < 300, f"{status} {text[:200]}")

sys.exit(1 if failures else 0)
PY
grep -q "customHandler mode" "$work/handler.log" || fail "The handler's log does not say it started in customHandler mode."
log "Smoke: the package runs as a custom handler"
