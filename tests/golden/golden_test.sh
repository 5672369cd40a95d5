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

# check_clauses NAME OLD NEW: the clause mapping of `diff --format json` must
# equal the golden mapping (the ops themselves are checked by property tests).
check_clauses() {
  local name=$1 old=$2 new=$3
  "$CD" diff "$old" "$new" --format json >"$TMP/full" 2>"$TMP/err"
  local rc=$?
  if [[ $rc -gt 1 ]]; then bad "$name: exit $rc: $(cat "$TMP/err")"; return; fi
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(json.dumps(d["clauses"], indent=1))' \
    "$TMP/full" >"$TMP/$name"
  if [[ "${CLAUSEDIFF_RECORD:-}" == 1 ]]; then cp "$TMP/$name" "$G/$name"; echo "recorded $G/$name"; ok; return; fi
  if cmp -s "$TMP/$name" "$G/$name"; then ok; else
    bad "$name differs from the golden file (CLAUSEDIFF_RECORD=1 to re-record)"
    diff -u "$G/$name" "$TMP/$name" | head -40 >&2
  fi
}

HJ=corpus/drafts/us-116-hjres37-yemen-war-powers
SC=corpus/drafts/us-116-sconres13-taiwan-commitment
# H.J.Res. 37: the Senate version adds findings (1)(11)-(14) and a new section 4;
# sections 4 and 5 become 5 and 6.
check_clauses clauses_hjres37_rh_rfs.json $HJ/HJ37_RH.XML $HJ/HJ37_RFS.XML
check_clauses clauses_sconres13_ats_es.json $SC/SC13_ATS.XML $SC/SC13_ES.XML
check_clauses clauses_sconres13_es_rfh.json $SC/SC13_ES.XML $SC/SC13_RFH.XML

check compare_nat_art5_us_draft.json compare corpus/texts/01_north_atlantic_treaty_1949.txt \
  corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt --unit art5 --format json
# Source variance: two wordings of the Budapest Memorandum (UNTS, A/49/765).
check compare_budapest_unts_a49.json compare corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt \
  corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt --format json
check ingest_teu_42_7.json ingest corpus/texts/07_teu_article_42_7.txt --format json
# The expected mapping, stated independently of the recorded file.
if python3 - "$G/clauses_hjres37_rh_rfs.json" <<'PY'
import json, sys
m = {(tuple([c["old"]] if isinstance(c["old"], str) else c["old"] or []),
      tuple([c["new"]] if isinstance(c["new"], str) else c["new"] or [])): c["status"]
     for c in json.load(open(sys.argv[1]))}
assert m[((), ("sec4",))] == "inserted", m
assert m[(("sec4",), ("sec5",))] == "renumbered"
assert m[(("sec5",), ("sec6",))] == "renumbered"
assert m[(("sec3",), ("sec3",))] == "equal"
assert m[((), ("sec1.11",))] == "inserted"
PY
then ok; else bad "H.J.Res. 37 mapping: new section 4 and renumbering"; fi
finish
