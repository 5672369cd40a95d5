#!/usr/bin/env bash
# Alignment benchmark: two generated documents of N articles each (default
# 5,000), aligned, diffed and annotated by `clausediff compare --format json`.
# Reports wall time and peak memory (GNU time).
#   bench/align/run.sh PATH/TO/clausediff [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: $0 PATH/TO/clausediff [N]}
n=${2:-5000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 bench/align/gen.py "$n" "$dir"
echo "units: $n x $n; sizes: $(wc -c <"$dir/a.txt") and $(wc -c <"$dir/b.txt") bytes"
for i in 1 2 3; do
  /usr/bin/time -f "run $i: wall %e s, peak %M KB" "$bin" compare "$dir/a.txt" "$dir/b.txt" \
    --format json -o "$dir/out.json" || [[ $? -eq 1 ]]
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('pairs:', len(d['pairs']), 'unaligned a/b:', len(d['unaligned']['a']), len(d['unaligned']['b']))" "$dir/out.json"
