#!/usr/bin/env bash
# The benchmark command: builds the benchmarks in Release and runs them (all by default, or the names given), e.g.
#   scripts/benchmark.sh              # every benchmark
#   scripts/benchmark.sh platforms    # one
#   scripts/benchmark.sh dashboard    # B11: the performance dashboard API over 100 stores x 1,000 coupons x 90 days
#   scripts/benchmark.sh sends        # sends-b9 then sends-b10:
#   scripts/benchmark.sh sends-b9     # B9 a send to 10,000 and 100,000 recipients (COUPONFUNCTIONS_B9_RECIPIENTS="10000" to scale), each scale printed when done
#   scripts/benchmark.sh sends-b10    # B10 a 1,000,000-row customer import (COUPONFUNCTIONS_B10_ROWS to scale)
# Figures print as text and land in benchmark-results/<name>.json. Each benchmark that needs storage starts its own
# in-memory Azurite (AzuriteFixture) and stops it at its end: suites run one after another never share tables, so one
# suite's data (Azurite scans whole tables for most queries) cannot slow the next one down.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
ensure_dotnet
ensure_azurite

ARTIFACTS="${COUPONFUNCTIONS_BENCHMARK_ARTIFACTS:-$REPO_ROOT/artifacts/benchmarks}"

log "Building the benchmarks (Release)"
dotnet build tests/CouponFunctions.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly --artifacts-path "$ARTIFACTS"

mkdir -p benchmark-results
log "Running: ${*:-all}"
dotnet run -c Release --no-build --project tests/CouponFunctions.Benchmarks --artifacts-path "$ARTIFACTS" -- "${@:-all}"
