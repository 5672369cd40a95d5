#!/usr/bin/env bash
# bench/diff/run.sh: times clausediff's word diff against peers on generated
# legal-style document pairs (gen_docs.py) and prints a table.
#
# usage: bench/diff/run.sh [CLAUSEDIFF_BIN] [--driver DIFF_DRIVER] [--sizes 10k,100k,1m,10m]
#                          [--timeout SECONDS] [--only TOOL,...]
#   CLAUSEDIFF_BIN  runs `clausediff diff OLD NEW --format json` (skipped if absent)
#   --driver        bench/diff/diff_driver (diff_texts alone, no ingest/JSON)
# Peers are skipped when not installed: git, wdiff, dwdiff (apt-get install -y
# wdiff dwdiff), node with npm `diff` and `diff-match-patch` in
# bench/diff/node_modules (cd bench/diff && npm install diff diff-match-patch),
# python3 difflib.
# Columns: wall seconds and peak RSS (MB) from /usr/bin/time -v; "changed" is
# the number of non-whitespace characters each tool marks as deleted or
# inserted (lower = closer to minimal; all tools see the same texts).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
bin=""
driver=""
sizes="10k,100k,1m,10m"
limit=300
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --driver) driver="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) bin="$1"; shift ;;
  esac
done
data="$here/data"
out="$here/results"
mkdir -p "$data" "$out"
for s in ${sizes//,/ }; do
  [ -f "$data/$s.old.txt" ] || python3 "$here/gen_docs.py" "$data" --sizes "$s" >/dev/null
done

have() { command -v "$1" >/dev/null 2>&1; }
wanted() { [ -z "$only" ] || [[ ",$only," == *",$1,"* ]]; }

# run_tool NAME FORMAT CMD...: times CMD (stdout to a file), counts changes.
run_tool() {
  local name="$1" fmt="$2"; shift 2
  wanted "$name" || return 0
  local o="$out/$size.$name.out" t="$out/$size.$name.time"
  /usr/bin/time -v -o "$t" timeout "$limit" "$@" >"$o" 2>"$out/$size.$name.err"
  local rc=$?
  local wall rss changed
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.2f", s}' "$t")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$t")
  if [ "$rc" = 124 ]; then
    changed="timeout"
  elif [ "$rc" -gt 1 ]; then
    changed="error($rc)"
  else
    changed=$(python3 "$here/count_marked.py" "$fmt" "$o" 2>/dev/null || echo "?")
  fi
  printf "%-6s %-12s %8s %8s %12s\n" "$size" "$name" "$wall" "$rss" "$changed"
  rm -f "$o"
}

printf "%-6s %-12s %8s %8s %12s\n" size tool wall_s peak_MB changed
for size in ${sizes//,/ }; do
  A="$data/$size.old.txt"
  B="$data/$size.new.txt"
  if [ -n "$bin" ] && [ -x "$bin" ]; then run_tool clausediff json "$bin" diff "$A" "$B" --format json; fi
  if [ -n "$driver" ] && [ -x "$driver" ]; then run_tool diff_texts line "$driver" "$A" "$B"; fi
  if have git; then run_tool git-word git git diff --no-index --word-diff=porcelain "$A" "$B"; fi
  if have wdiff; then run_tool wdiff markers wdiff -w '[-' -x '-]' -y '{+' -z '+}' "$A" "$B"; fi
  if have dwdiff; then run_tool dwdiff markers dwdiff -w '[-' -x '-]' -y '{+' -z '+}' "$A" "$B"; fi
  if have node && [ -d "$here/node_modules/diff" ]; then
    run_tool jsdiff line node "$here/peer_jsdiff.js" "$A" "$B"
  fi
  if have node && [ -d "$here/node_modules/diff-match-patch" ]; then
    run_tool dmp line node "$here/peer_dmp.js" "$A" "$B"
  fi
  if have python3; then run_tool difflib line python3 "$here/peer_difflib.py" "$A" "$B"; fi
done
