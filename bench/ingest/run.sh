#!/usr/bin/env bash
# Ingest throughput: `clausediff ingest --format json` on a generated ~10 MB
# legal-style text (plain and XML), against a trivial read-and-split baseline
# (wc -l -w: reads every byte and splits lines and words) in the same run.
#   bench/ingest/run.sh PATH/TO/clausediff [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: $0 PATH/TO/clausediff [SIZE_MB]}
mb=${2:-10}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/ingest/gen.py "$mb" "$dir"
for f in big.txt big.xml; do
  bytes=$(wc -c <"$dir/$f")
  best=""
  for i in 1 2 3; do
    s=$(date +%s.%N); "$bin" ingest "$dir/$f" --format json -o "$dir/out.json"; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l); [[ -z "$best" || $(echo "$t < $best" | bc -l) == 1 ]] && best=$t
  done
  bs=$(date +%s.%N); wc -l -w "$dir/$f" >/dev/null; be=$(date +%s.%N)
  base=$(echo "$be - $bs" | bc -l)
  printf '%s: %d bytes, clausediff best of 3: %.3f s (%.1f MB/s); baseline wc: %.3f s; ratio %.1fx\n' \
    "$f" "$bytes" "$best" "$(echo "$bytes / 1048576 / $best" | bc -l)" "$base" "$(echo "$best / $base" | bc -l)"
done
