#!/usr/bin/env bash
# Fails when a tracked C++ file differs from .clang-format's style.
# Fix with: clang-format -i $(git ls-files '*.cpp' '*.h')
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find src tests bench -name '*.cpp' -o -name '*.h')
clang-format --dry-run --Werror $files
echo "format: $(echo "$files" | wc -w) files match .clang-format"
