#!/usr/bin/env bash
# Browser test of the HTML report: renders the hand-built fixture (and the
# default set through `clausediff report`, when the CLI can), then
#  (a) headless Chromium: a screenshot, and scripts/browser/check_report.mjs
#      (playwright-core): no network requests, delta activation highlights
#      evidence on both sides, time to interactive, 375 px layout, axe-core;
#  (b) the Nu HTML Checker (vnu.jar): no errors.
# Run from the repository root: bash tests/browser/report_test.sh path/to/clausediff
# Prints SKIP and exits 0 only when chromium (or, for the validator, java) is absent.
set -uo pipefail

cli=${1:-}
root=$(pwd)
here="$root/tests/browser"
build_dir=$(cd "$(dirname "${cli:-.}")" 2>/dev/null && pwd || pwd)
out=${CLAUSEDIFF_TEST_OUT:-$build_dir/test-output/browser}
mkdir -p "$out"
status=0
fail() { echo "FAIL: $*"; status=1; }

chrome=""
for c in /usr/lib/chromium/chromium "$(command -v chromium 2>/dev/null)" \
         "$(command -v chromium-browser 2>/dev/null)" "$(command -v google-chrome 2>/dev/null)"; do
  if [[ -n "$c" && -x "$c" ]]; then chrome=$c; break; fi
done
if [[ -z "$chrome" ]]; then
  echo "SKIP: chromium not found (apt-get install -y chromium); browser checks not run"
  exit 0
fi

# --- the pages ---------------------------------------------------------------------
pages=()
driver=""
for d in "$build_dir/tests/browser/render_fixture" "$build_dir/render_fixture"; do
  if [[ -x "$d" ]]; then driver=$d; break; fi
done
if [[ -n "$driver" ]]; then
  if "$driver" "$out/fixture.html" >/dev/null && "$driver" "$out/hostile.html" html hostile >/dev/null; then
    pages+=("$out/fixture.html" "$out/hostile.html")
  else
    fail "render_fixture could not render the fixture"
  fi
else
  echo "note: no render_fixture driver next to $cli (tests/browser/CMakeLists.txt not built)"
fi
if [[ -n "$cli" && -x "$cli" ]] && "$cli" report -o "$out/report.html" >"$out/report.log" 2>&1 \
    && [[ -s "$out/report.html" ]]; then
  pages+=("$out/report.html")
  # Same input, same bytes: no timestamps, no unordered containers leaking out.
  if "$cli" report -o "$out/report-again.html" >/dev/null 2>&1 \
      && cmp -s "$out/report.html" "$out/report-again.html"; then
    echo "ok   clausediff report is deterministic"
  else
    fail "two runs of clausediff report differ"
  fi
else
  echo "note: \`clausediff report -o\` did not produce a page (see $out/report.log); checking the fixture only"
fi
if [[ ${#pages[@]} -eq 0 ]]; then
  echo "FAIL: no page to check"
  exit 1
fi

# --- (a) Chromium ------------------------------------------------------------------
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
shot="$out/$(basename "${pages[0]}" .html)-chromium.png"
if timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size=1280,1600 --screenshot="$shot" "file://${pages[0]}" \
    >"$out/chromium.log" 2>&1 && [[ -s "$shot" ]]; then
  echo "screenshot: $shot"
else
  fail "chromium could not take a screenshot (see $out/chromium.log)"
fi

if ! command -v node >/dev/null; then
  echo "SKIP: node not found; interaction, network, layout and axe checks not run"
else
  if [[ ! -d "$here/node_modules/playwright-core" || ! -d "$here/node_modules/vnu-jar" ]]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in tests/browser"
  fi
  if [[ -d "$here/node_modules/playwright-core" ]]; then
    node "$root/scripts/browser/check_report.mjs" --out "$out" --modules "$here" \
      --chromium "$chrome" "${pages[@]}" || fail "browser checks"
  fi
fi

# --- (b) Nu HTML Checker -------------------------------------------------------------
vnu="$here/node_modules/vnu-jar/build/dist/vnu.jar"
if ! command -v java >/dev/null; then
  echo "SKIP: java not found (apt-get install -y default-jre-headless); HTML validation not run"
elif [[ ! -f "$vnu" ]]; then
  fail "vnu.jar missing ($vnu): run npm ci in tests/browser"
else
  if java -jar "$vnu" --errors-only "${pages[@]}" >"$out/vnu.log" 2>&1; then
    echo "ok   Nu HTML Checker: no errors in ${#pages[@]} page(s)"
  else
    cat "$out/vnu.log" | head -40
    fail "Nu HTML Checker reported errors"
  fi
fi

if [[ $status -eq 0 ]]; then echo "browser report test: passed"; else echo "browser report test: FAILED"; fi
exit $status
