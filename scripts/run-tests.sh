#!/usr/bin/env bash
# The whole test suite in one command: install (with test tools), build with
# warnings as errors, run every test (unit, spec, golden, CLI, browser).
#   scripts/run-tests.sh            normal build
#   scripts/run-tests.sh --sanitize AddressSanitizer + UBSan build (build-asan/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
dir=build
flags=(-DCLAUSEDIFF_WERROR=ON)
if [[ "${1:-}" == "--sanitize" ]]; then
  dir=build-asan
  flags+=(-DCLAUSEDIFF_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir"
ctest --test-dir "$dir" --output-on-failure -j2
