#!/usr/bin/env bash
# Installs what clausediff needs from Debian 12 packages. Idempotent and
# non-interactive: packages already present are not touched, and apt-get runs
# only when something is missing.
#   scripts/setup.sh          build dependencies
#   scripts/setup.sh --test   plus what the test suite uses (browser, HTML
#                             validator, JSON tools)
set -euo pipefail

build_pkgs=(cmake ninja-build g++ pkg-config
  libicu-dev libpugixml-dev libcmark-dev libboost-regex-dev doctest-dev
  nlohmann-json3-dev libcli11-dev libstemmer-dev libgumbo-dev libssl-dev)
# chromium: the report in a real browser; default-jre-headless: the Nu HTML
# Checker (npm vnu-jar); python3: JSON checks in the CLI tests; nodejs/npm for
# the browser driver and validators; clang/llvm for the fuzz build; clang-format
# for the formatting check; git to list the files it checks.
test_pkgs=(chromium default-jre-headless python3 nodejs npm clang libclang-rt-14-dev clang-format git)

want=("${build_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${test_pkgs[@]}"); fi

missing=()
for p in "${want[@]}"; do
  # A tool that is already on PATH from elsewhere (node, npm) counts as present.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

if [[ "${1:-}" == "--test" ]]; then
  # Node packages for the browser and validator tests, pinned in
  # tests/browser/package.json; installed into tests/browser/node_modules.
  here=$(cd "$(dirname "$0")/.." && pwd)
  if [[ -f "$here/tests/browser/package.json" ]]; then
    if [[ ! -d "$here/tests/browser/node_modules" ]] || \
       [[ "$here/tests/browser/package.json" -nt "$here/tests/browser/node_modules" ]]; then
      (cd "$here/tests/browser" && npm install --no-audit --no-fund --loglevel=error && touch node_modules)
    fi
  fi
fi
