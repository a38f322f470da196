#!/usr/bin/env bash
# The test command: installs what the tests need (Azurite from npm; Chromium from apt when missing), starts one
# in-memory Azurite for all test projects, builds once, runs every test project, and prints a pass/fail summary.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_dotnet
ensure_azurite
ensure_chromium

start_shared_azurite

log "Compiling the Bicep (Bicep CLI restored from NuGet) and checking that infra/ is in step with the code"
infra_ok=1
bash infra/validate.sh || infra_ok=0

log "Building"
dotnet build CouponFunctions.sln -c Release -nologo -v quiet -clp:ErrorsOnly

mkdir -p test-artifacts
export COUPONFUNCTIONS_ARTIFACTS="$REPO_ROOT/test-artifacts"
passed=0; failed=0; skipped=0; failed_projects=()
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  output="test-artifacts/$name.log"
  set +e
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory test-artifacts 2>&1 | tee "$output"
  status=${PIPESTATUS[0]}
  set -e
  line=$(grep -E "^(Passed|Failed)!" "$output" | tail -1 || true)
  p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$line"); s=$(sed -nE 's/.*Skipped: +([0-9]+).*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  if [ "$status" -ne 0 ] || [ -z "$line" ]; then failed_projects+=("$name"); [ -z "$line" ] && failed=$((failed + 1)); fi
done

echo
echo "Test summary by project is in test-artifacts/ (logs, TRX, browser screenshots)."
[ "$infra_ok" = 1 ] || { echo "infra/validate.sh failed: the Bicep does not compile cleanly, or infra/ is out of step with the code."; failed_projects+=("infra"); }
[ ${#failed_projects[@]} -gt 0 ] && echo "Failing projects: ${failed_projects[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ ${#failed_projects[@]} -eq 0 ]
