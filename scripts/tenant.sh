#!/usr/bin/env bash
# Workspace (tenant) admin: `scripts/tenant.sh create NAME [--id TENANT-ID]` creates a tenant and prints its first admin
# API key, this once. It runs the app's own `tenant` verb (functions/CouponFunctions.App) against the database the
# environment names: `CouponStorage` (a connection string), or `CouponStorage__tableServiceUri` / `__queueServiceUri` /
# `__blobServiceUri` with your Entra sign-in (az login) for an Azure account (see infra/README.md). With neither set it
# uses local.settings.json's CouponStorage (the local Azurite of scripts/run.sh).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_dotnet

if [ "${1:-}" != create ] || [ -z "${2:-}" ]; then
  echo "Usage: scripts/tenant.sh create NAME [--id TENANT-ID]" >&2
  exit 2
fi

APP_DLL="${COUPONFUNCTIONS_APP_DLL:-$REPO_ROOT/functions/CouponFunctions.App/bin/Release/net10.0/CouponFunctions.App.dll}"
if [ ! -f "$APP_DLL" ]; then
  log "Building the app"
  dotnet build functions/CouponFunctions.App/CouponFunctions.App.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
fi

if [ -z "${CouponStorage:-}" ] && [ -z "${CouponStorage__tableServiceUri:-}" ]; then
  if [ -f local.settings.json ]; then
    CouponStorage="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["Values"]["CouponStorage"])' local.settings.json)"
  else
    CouponStorage="UseDevelopmentStorage=true"
  fi
  export CouponStorage
fi

exec dotnet "$APP_DLL" tenant "$@"
