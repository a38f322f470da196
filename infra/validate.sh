#!/usr/bin/env bash
# Validates infra/ without Azure:
#   1. When a Bicep compiler is on this machine (`bicep`, or `az bicep`), builds main.bicep to ARM JSON and lints it.
#      Otherwise says so: none is installed by default here (no Azure CLI, and no Bicep package on the registries
#      this workplace reaches), so this step is skipped, not faked.
#   2. Always runs infra/validate.py: the structural check that keeps infra/ in step with the code (every setting
#      the app reads, every table/queue/-poison queue/container, identity-only storage, the Flex shape, Key Vault
#      references, the App Service Authentication paths, the parameters example, module calls, balanced brackets).
# Usage: infra/validate.sh            (exit 0 = in step)
#        infra/validate.sh --print-settings   (what the code reads, and where)
set -euo pipefail
INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "${1:-}" = "--print-settings" ]; then
  exec python3 "$INFRA/validate.py" --print-settings
fi

compiled=false
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if command -v bicep >/dev/null 2>&1; then
  echo "==> Building main.bicep with $(bicep --version 2>&1 | head -1)"
  bicep build "$INFRA/main.bicep" --outfile "$out/main.json"
  bicep lint "$INFRA/main.bicep"
  compiled=true
elif command -v az >/dev/null 2>&1 && az bicep version >/dev/null 2>&1; then
  echo "==> Building main.bicep with az bicep"
  az bicep build --file "$INFRA/main.bicep" --outfile "$out/main.json"
  az bicep lint --file "$INFRA/main.bicep"
  compiled=true
else
  echo "==> No Bicep compiler here (bicep / az bicep): skipping the ARM build; running the structural check only."
fi
if [ "$compiled" = true ]; then
  python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$out/main.json"
  echo "==> main.bicep compiles to ARM JSON"
fi

echo "==> Structural check (infra/validate.py)"
python3 "$INFRA/validate.py"
