#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# bounded time, seeded from corpus/. Crashes are saved under build-fuzz/crashes
# and fail the run: turn each into a regression test (tests/unit/...).
#   scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCLAUSEDIFF_FUZZ=ON -DCLAUSEDIFF_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz --target $(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//' | tr '\n' ' ')
mkdir -p build-fuzz/crashes
seeds() {  # seeds TARGET DIR: fill DIR with seed inputs for TARGET
  local t=$1 d=$2; mkdir -p "$d"
  case "$t" in
    fuzz_ingest_text) cp corpus/texts/*.txt corpus/news/*.txt "$d"/ ;;
    fuzz_ingest_xml) cp corpus/drafts/*/*.XML "$d"/ ;;
    fuzz_ingest_markdown) cp README.md docs/*.md "$d"/ ;;
    fuzz_ingest_html) printf '<html><body><article><h1>T</h1><p>Article 5</p></article></body></html>' >"$d/a.html" ;;
    fuzz_rules) cp src/annotate/rules/*.tsv "$d"/ ;;
    fuzz_diff) for f in corpus/texts/09a*.txt; do { cat "$f"; printf '\0'; cat corpus/texts/09b*.txt; } >"$d/budapest"; done ;;
  esac
}
status=0
for bin in build-fuzz/fuzz_*; do
  t=$(basename "$bin")
  dir=build-fuzz/corpus-$t
  seeds "$t" "$dir"
  echo "== $t: ${secs}s"
  if ! "$bin" "$dir" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-fuzz/crashes/"$t"- -print_final_stats=1 2>"build-fuzz/$t.log"; then
    echo "FAIL: $t found a crash; see build-fuzz/$t.log and build-fuzz/crashes/"; status=1
  fi
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs' "build-fuzz/$t.log" | tail -1
done
exit $status
