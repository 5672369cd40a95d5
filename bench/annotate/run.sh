#!/usr/bin/env bash
# Annotator speed: `clausediff annotate` over every corpus document, then over
# large texts generated from the corpus (gen.py: all bodies REPEAT times over,
# read as legal; the news article REPEAT*10 times over, read as a report).
# Times are /usr/bin/time's: wall (elapsed), user CPU and peak memory; large
# inputs take the best of 3 runs. `ingest` on the same large text is timed too,
# so the share of the annotator (rules, readings, overlaps, unit look-ups) is
# the difference. Speed is measured here only, never in unit tests.
#   bench/annotate/run.sh PATH/TO/clausediff [REPEAT]      (REPEAT defaults to 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:?usage: $0 PATH/TO/clausediff [REPEAT]}")
repeat=${2:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

timed() {  # timed OUT_FILE CMD...: prints "wall user maxrss_kb"
  local out=$1; shift
  /usr/bin/time -f '%e %U %M' -o "$out" "$@" >/dev/null 2>"$dir/err" || {
    echo "failed: $* ($(head -c 300 "$dir/err"))" >&2; exit 1; }
  tail -1 "$out"
}

best_of_3() {  # best_of_3 CMD...: the run with the least wall time
  local best="" r
  for _ in 1 2 3; do
    r=$(timed "$dir/t" "$@")
    if [[ -z "$best" ]] || awk -v a="${r%% *}" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best=$r; fi
  done
  echo "$best"
}

echo "== every corpus document (one process each: ingest + structure + rule compilation + annotate)"
ids=$(python3 -c 'import json; print(" ".join(d["id"] for d in json.load(open("corpus/manifest.json"))["documents"]))')
total_wall=0; total_user=0
for id in $ids; do
  read -r wall user rss < <(timed "$dir/t" "$bin" annotate "$id" --format json -o /dev/null)
  printf '  %-22s wall %6.3f s  user %6.3f s  %7d KB\n' "$id" "$wall" "$user" "$rss"
  total_wall=$(awk -v a="$total_wall" -v b="$wall" 'BEGIN{print a+b}')
  total_user=$(awk -v a="$total_user" -v b="$user" 'BEGIN{print a+b}')
done
printf '  %-22s wall %6.3f s  user %6.3f s  (%d documents)\n' "all" "$total_wall" "$total_user" "$(wc -w <<<"$ids")"

echo "== generated texts (REPEAT=$repeat; best of 3)"
python3 bench/annotate/gen.py "$repeat" "$dir"
for spec in legal:legal.txt report:report.txt; do
  genre=${spec%%:*}; f=$dir/${spec#*:}
  "$bin" ingest "$f" --genre "$genre" --format json -o "$dir/ingest.json"
  read -r cps units < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1])); g = sys.argv[2]
n = len(d["clauses"]) if g == "legal" and d["clauses"] else len(d["sentences"])
print(len(d["text"]), n)' "$dir/ingest.json" "$genre")
  label=$([[ $genre == legal ]] && echo clauses || echo sentences)
  echo "  $(basename "$f"): $(wc -c <"$f") bytes, $cps code points, $units $label"
  read -r w u m < <(best_of_3 "$bin" ingest "$f" --genre "$genre" --format json -o /dev/null)
  printf '    %-28s wall %6.3f s  user %6.3f s  %7d KB\n' "ingest --format json" "$w" "$u" "$m"
  for fmt in text json; do
    read -r w u m < <(best_of_3 "$bin" annotate "$f" --genre "$genre" --format "$fmt" -o "$dir/out.$fmt")
    printf '    %-28s wall %6.3f s  user %6.3f s  %7d KB  (%d cues)\n' "annotate --format $fmt" "$w" "$u" "$m" \
      "$(if [[ $fmt == text ]]; then wc -l <"$dir/out.text"; else python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["annotations"]))' "$dir/out.json"; fi)"
  done
done
