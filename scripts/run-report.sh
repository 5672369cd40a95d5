#!/usr/bin/env bash
# The main job in one command: install, build, and write the default report
# of corpus/ (Article 5 of the North Atlantic Treaty against the reported 2025
# US draft, the news article, ANZUS, TEU 42(7), Modified Brussels and Rio).
# Prints the path of the report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLAUSEDIFF_TESTS=OFF >/dev/null
cmake --build build --target clausediff
./build/clausediff report -o "${1:-report.html}"
