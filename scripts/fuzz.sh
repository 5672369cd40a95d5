#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/fuzz_*.cpp) with clang, ASan and
# UBSan, and runs each for a bounded time, one after the other, seeded from
# corpus/, docs/, annotations/ and the rule files. Crashes, hangs (-timeout)
# and leaks are saved under build-fuzz/crashes/ and fail the run: turn each
# into a regression test (tests/unit/<module>/) and fix it. Prints the
# executions of each target at the end.
#   scripts/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]   (default 60, all targets)
# The mutation seed is fixed (CLAUSEDIFF_FUZZ_SEED, default 1) so that a CI
# run explores the same inputs first; set another seed to explore further.
# Reproduce one finding: build-fuzz/tests/fuzz/TARGET build-fuzz/crashes/TARGET-crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  mapfile -t targets < <(cd tests/fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
fi
CXX=${CXX_FUZZ:-clang++} cmake -S . -B build-fuzz -G Ninja -DCLAUSEDIFF_FUZZ=ON \
  -DCLAUSEDIFF_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz --target "${targets[@]}"
bindir=build-fuzz/tests/fuzz
mkdir -p build-fuzz/crashes

seeds() {  # seeds TARGET DIR: fill DIR with seed inputs for TARGET
  local t=$1 d=$2 f
  mkdir -p "$d"
  case "$t" in
    fuzz_ingest_text) cp corpus/texts/*.txt corpus/news/*.txt "$d"/ ;;
    fuzz_ingest_xml) cp corpus/drafts/*/*.XML "$d"/ ;;
    fuzz_ingest_markdown) cp README.md docs/*.md "$d"/ ;;
    fuzz_ingest_html)
      printf '<html><body><article><h1>T</h1><p>Article 5</p><ul><li>(a) one</li></ul></article></body></html>' >"$d/a.html"
      for f in docs/*.md; do  # prose wrapped as a page
        { printf '<!doctype html><html><head><title>t</title></head><body><main><p>'; head -c 8000 "$f"; printf '</p></main></body></html>'; } >"$d/$(basename "$f").html"
      done ;;
    fuzz_rules) cp src/annotate/rules/*.tsv "$d"/ ;;
    fuzz_diff)
      # Small pairs: a whole treaty pair runs at a few executions a second.
      { head -c 2000 corpus/texts/09a*.txt; printf '\0'; head -c 2000 corpus/texts/09b*.txt; } >"$d/budapest"
      { head -c 2000 corpus/texts/01_*.txt; printf '\0'; head -c 2000 corpus/texts/11d_*.txt; } >"$d/art5" ;;
    fuzz_annotations)
      for f in $(find annotations -name '*.jsonl' | sort); do
        head -n 20 "$f" >"$d/$(echo "$f" | tr '/' '_')"
      done ;;
  esac
}

status=0
summary=()
for t in "${targets[@]}"; do
  bin=$bindir/$t
  dir=build-fuzz/corpus-$t
  seeds "$t" "$dir"
  # The diff's inner loop is dominated by coverage tracing: short inputs.
  maxlen=65536
  if [[ $t == fuzz_diff ]]; then maxlen=4096; fi
  echo "== $t: ${secs}s"
  if ! "$bin" "$dir" -seed="${CLAUSEDIFF_FUZZ_SEED:-1}" -max_total_time="$secs" -max_len="$maxlen" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build-fuzz/crashes/"$t"- -print_final_stats=1 >"build-fuzz/$t.log" 2>&1; then
    echo "FAIL: $t found a problem; see build-fuzz/$t.log and build-fuzz/crashes/$t-*"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|ALARM)' "build-fuzz/$t.log" | head -3 || true
    status=1
  fi
  runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "build-fuzz/$t.log" | tail -1 | grep -oE '[0-9]+$' || echo '?')
  summary+=("$(printf '%-22s %12s executions in %ss' "$t" "$runs" "$secs")")
done
echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
exit $status
