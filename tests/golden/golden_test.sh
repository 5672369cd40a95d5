# Golden tests: JSON outputs compared byte for byte with recorded files.
# Re-record after an intended change with: CLAUSEDIFF_RECORD=1 ctest -R golden
# and review the diff of tests/golden/*.json like any other change.
source "$(dirname "$0")/../cli/lib.sh"
G=tests/golden

check() {  # check NAME ARGS...: output of clausediff ARGS must equal $G/NAME
  local name=$1; shift
  "$CD" "$@" >"$TMP/$name" 2>"$TMP/err"
  local rc=$?
  if [[ $rc -gt 1 ]]; then bad "$name: exit $rc: $(cat "$TMP/err")"; return; fi
  if [[ "${CLAUSEDIFF_RECORD:-}" == 1 ]]; then cp "$TMP/$name" "$G/$name"; echo "recorded $G/$name"; ok; return; fi
  if cmp -s "$TMP/$name" "$G/$name"; then ok; else
    bad "$name differs from the golden file (CLAUSEDIFF_RECORD=1 to re-record)"
    diff -u "$G/$name" "$TMP/$name" | head -40 >&2
  fi
}

check compare_nat_art5_us_draft.json compare corpus/texts/01_north_atlantic_treaty_1949.txt \
  corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt --unit art5 --format json
check ingest_teu_42_7.json ingest corpus/texts/07_teu_article_42_7.txt --format json
finish
