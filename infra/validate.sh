#!/usr/bin/env bash
# Validates infra/ without Azure (run by scripts/test.sh):
#   1. Restores the Bicep CLI from NuGet (infra/bicep/Bicep.proj: a PackageDownload of
#      Azure.Bicep.CommandLine.linux-x64, nothing downloaded from anywhere else), builds main.bicep to ARM JSON and
#      lints it. infra/bicepconfig.json raises the linter rules to errors, and any warning left in the output (the
#      compiler's own BCP warnings cannot be raised by configuration) fails the step too.
#   2. Runs the self-test of the structural check (infra/test_validate.py: both app layouts, custom handler and
#      isolated worker, on synthetic sources).
#   3. Runs infra/validate.py: the structural check that keeps infra/ in step with the code (every setting the app
#      reads, every table/queue/-poison queue/container, identity-only storage, the Flex shape and runtime, the Durable
#      task hub, Key Vault references, the App Service Authentication paths, the parameters example, module calls).
# Usage: infra/validate.sh                    (exit 0 = compiles cleanly and in step)
#        infra/validate.sh --print-settings   (what the code reads, and where)
set -euo pipefail
INFRA="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "${1:-}" = "--print-settings" ]; then
  exec python3 "$INFRA/validate.py" --print-settings
fi

# ---------------------------------------------------------------- 1. the Bicep CLI from NuGet, build and lint
proj="$INFRA/bicep/Bicep.proj"
package=$(sed -nE 's/.*<PackageDownload Include="([^"]+)".*/\1/p' "$proj")
version=$(sed -nE 's/.*<PackageDownload Include="[^"]+" Version="\[([^]]+)\]".*/\1/p' "$proj")
[ -n "$package" ] && [ -n "$version" ] || { echo "infra/bicep/Bicep.proj has no PackageDownload with an exact [version]" >&2; exit 1; }

echo "==> Restoring the Bicep CLI ($package $version) from NuGet"
dotnet restore "$proj" -nologo -v quiet
packages=$(python3 -c 'import json, sys; print(next(iter(json.load(open(sys.argv[1]))["packageFolders"])))' \
  "$INFRA/bicep/obj/project.assets.json")
bicep="${packages%/}/$(tr '[:upper:]' '[:lower:]' <<<"$package")/$version/tools/bicep"
[ -f "$bicep" ] || { echo "the restore did not produce $bicep" >&2; exit 1; }
[ -x "$bicep" ] || chmod u+x "$bicep"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "==> Building infra/main.bicep with $("$bicep" --version | head -1)"
build_ok=true
"$bicep" build "$INFRA/main.bicep" --outfile "$out/main.json" 2>"$out/build.txt" || build_ok=false
"$bicep" lint "$INFRA/main.bicep" 2>"$out/lint.txt" >>"$out/lint.txt" || build_ok=false
# Diagnostics come as "<file>(line,col) : Warning|Error <code>: ...", from the build and again from the lint.
sort -u "$out/build.txt" "$out/lint.txt" | sed "s|$INFRA/|infra/|" >"$out/diagnostics.txt"
if grep -qE ' : (Warning|Error) ' "$out/diagnostics.txt" || [ "$build_ok" = false ]; then
  cat "$out/diagnostics.txt" >&2
  echo "==> main.bicep does not compile cleanly: every warning counts as an error here." >&2
  exit 1
fi
python3 - "$out/main.json" <<'PY'
import json, sys
template = json.load(open(sys.argv[1]))
resources = template["resources"]
print(f"==> main.bicep compiles to ARM JSON ({len(resources)} top-level resources/modules, "
      f"{len(template.get('parameters', {}))} parameters, {len(template.get('outputs', {}))} outputs); lint: 0 warnings, 0 errors")
PY

# ---------------------------------------------------------------- 2-3. the structural check and its self-test
echo "==> Self-test of the structural check (infra/test_validate.py)"
if python3 "$INFRA/test_validate.py" >"$out/selftest.txt" 2>&1; then
  grep -E '^(Ran|OK)' "$out/selftest.txt"
else
  cat "$out/selftest.txt" >&2
  echo "==> infra/test_validate.py failed: validate.py no longer reads one of the app layouts correctly." >&2
  exit 1
fi

echo "==> Structural check (infra/validate.py)"
python3 "$INFRA/validate.py"
