# End-to-end tests of `clausediff corpus ...` (docs/ANNOTATIONS.md): the
# on-disk store, validation with file:line errors, agreement on the
# hand-computed example, re-anchoring after an edit, W3C export checked
# against the wpt JSON Schemas, brat offsets, import round trips, and that a
# killed writer never leaves a broken file.
source "$(dirname "$0")/lib.sh"
S="$TMP/store"
W3C_DEFS="${CLAUSEDIFF_SHARED_DIR:-../shared}/w3c-annotation-model/wpt-definitions"
D=2026-11-27

# --help for every subcommand
for sub in validate stats add suggest merge adjudicate agree reanchor export import; do
  run corpus "$sub" --help; expect_rc 0 "corpus $sub --help"; expect_out "Usage" "corpus $sub --help"
done
run corpus; expect_rc 2 "corpus without a subcommand"

# An empty store is valid.
run corpus validate --annotations "$S"; expect_rc 0 "empty store"; expect_out "0 annotations" "empty store"

# add: by quote and by offsets; errors exit 2 with a clear message.
run corpus add nat-1949 --annotations "$S" --author alice --category obligation --quote "will assist" --created $D
expect_rc 0 "add by quote"
run corpus add nat-1949 --annotations "$S" --author alice --category temporal --subtype immediacy --quote forthwith --created $D
expect_rc 0 "add with subtype"
run corpus add nat-1949 --annotations "$S" --author alice --category trigger --quote "armed attack" --occurrence 2 --created $D
expect_rc 0 "add n-th occurrence"
run corpus add nat-1949 --annotations "$S" --author alice --category obligation --quote "will assist" --created $D
expect_rc 2 "duplicate add"; expect_err "already annotated" "duplicate add message"
run corpus add nat-1949 --annotations "$S" --author alice --category nonsense --quote "will assist" --created $D
expect_rc 2 "unknown category"; expect_err "unknown category 'nonsense'" "unknown category message"
run corpus add nat-1949 --annotations "$S" --author alice --category obligation --quote "not in the text" --created $D
expect_rc 2 "quote not found"
run corpus add nat-1949 --annotations "$S" --author ../evil --category obligation --quote "will assist" --created $D
expect_rc 2 "annotator name escaping the store"
run corpus add nat-1949 --annotations "$S" --author alice --category obligation --quote "will assist" --created yesterday
expect_rc 2 "bad date"
run corpus add nat-1949 --annotations "$S" --author bob --category obligation --start 0 --end 999999 --created $D
expect_rc 2 "span outside the text"
run corpus add nat-1949 --annotations "$S" --author bob --category obligation --quote "will assist" --created $D
run corpus add nat-1949 --annotations "$S" --author bob --category temporal --quote "forthwith, individually" --created $D
run corpus validate --annotations "$S"; expect_rc 0 "valid store"; expect_out "5 annotations in 2 files: 0 errors" "valid store"

# The file format: canonical key order, sorted, code point offsets.
F="$S/nat-1949/alice.jsonl"
OUT=$(cat "$F"); cp "$F" "$TMP/out"
py '
import json, sys
lines = sys.stdin.read().splitlines()
recs = [json.loads(l) for l in lines]
assert [r["start"] for r in recs] == sorted(r["start"] for r in recs)
keys = list(recs[0].keys())
assert keys[:16] == ["id","doc","doc_sha256","start","end","exact","prefix","suffix","category","subtype","author","created","note","status","source","decisions"], keys
' "file format"

# validate: every broken line reported with file:line, exit 2.
cp "$F" "$TMP/alice.bak"
python3 - "$F" <<'PY'
import json, sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().splitlines()
r = json.loads(lines[0]); r["exact"] = "will resist"; lines[0] = json.dumps(r)
r = json.loads(lines[1]); r["category"] = "obligashun"; lines[1] = json.dumps(r)
lines.append("{broken")
open(p, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
run corpus validate --annotations "$S"; expect_rc 2 "invalid store"
expect_err "$F:1: error: text at" "wrong quote with file:line"
expect_err "$F:2: error: unknown category 'obligashun'" "unknown category with file:line"
expect_err "$F:4: error: not valid JSON" "bad JSON with file:line"
cp "$TMP/alice.bak" "$F"

# stats
run corpus stats --annotations "$S" --format json; expect_rc 0 "stats json"
py '
import json, sys
s = json.load(sys.stdin)
assert s["total"] == 5 and s["by_author"] == {"alice": 3, "bob": 2}, s
assert s["by_category"]["obligation"] == 2 and s["by_document"]["nat-1949"] == 5, s
' "stats counts"

# merge and adjudicate, with decisions logged on both sides
run corpus merge nat-1949 --annotations "$S" --from alice --from bob --by carol --date $D; expect_rc 0 "merge"
expect_out "4 added, 1 marked the same" "merge counts"
BOB_ID=$(python3 -c 'import json,sys; print([json.loads(l)["id"] for l in open(sys.argv[1]) if "forthwith, individually" in l][0])' "$S/nat-1949/bob.jsonl")
run corpus adjudicate nat-1949 --annotations "$S" --from bob --into gold2 --edit "$BOB_ID" --category temporal --subtype immediacy --by carol --date $D --note "narrower"
expect_rc 0 "adjudicate edit"
run corpus adjudicate nat-1949 --annotations "$S" --from bob --into gold2 --reject nope --by carol --date $D
expect_rc 2 "adjudicate unknown id"; expect_err "no annotation with id 'nope'" "adjudicate unknown id"
OUT=$(cat "$S/nat-1949/gold2.jsonl" "$S/nat-1949/bob.jsonl"); cat "$S/nat-1949/gold2.jsonl" "$S/nat-1949/bob.jsonl" >"$TMP/out"
py '
import json, sys
recs = [json.loads(l) for l in sys.stdin.read().splitlines()]
gold = recs[0]
assert gold["decisions"][0]["action"] == "edit" and gold["decisions"][0]["ref"].startswith("bob:"), gold
assert "subtype:  -> immediacy" in gold["decisions"][0]["note"], gold
assert any(d["ref"].startswith("gold2:") for r in recs[1:] for d in r["decisions"]), recs
' "decision log on both sides"
run corpus validate --annotations "$S"; expect_rc 0 "valid after merge/adjudicate"

# agree: the hand-computed example of docs/ANNOTATIONS.md
EX=annotations/examples/agreement
run corpus agree alice bob --annotations "$EX/store" --corpus "$EX/corpus"; expect_rc 0 "agree"
expect_out "Cohen's kappa (tokens)  0.254" "kappa of the hand example"
expect_out "span F1 exact           0.333" "exact F1 of the hand example"
expect_out "span F1 overlap         0.667" "overlap F1 of the hand example"
run corpus agree alice bob carol --annotations "$EX/store" --corpus "$EX/corpus" --format json; expect_rc 0 "agree 3"
py '
import json, sys
r = json.load(sys.stdin)
assert len(r["pairs"]) == 3 and r["alpha_nominal"] is not None, r
ab = r["pairs"][0]
assert abs(ab["kappa"] - 0.2537) < 1e-3 and abs(ab["exact"]["f1"] - 0.3333) < 1e-3, ab
' "agree json with alpha"
run corpus agree alice nobody --annotations "$EX/store" --corpus "$EX/corpus"; expect_rc 2 "agree unknown annotator"

# reanchor after a real edit of a corpus text (scratch corpus with one document)
C="$TMP/corpus"; mkdir -p "$C/texts"
cp corpus/texts/01_north_atlantic_treaty_1949.txt "$C/texts/nat.txt"
echo '{"version":1,"documents":[{"id":"nat","path":"texts/nat.txt","kind":"treaty","genre":"legal"}]}' >"$C/manifest.json"
R="$TMP/rstore"
for q in "will consult together" "shall be considered an attack against them all" "such action as it deems necessary" \
         "forthwith" "shall immediately be reported to the Security Council"; do
  run corpus add nat --annotations "$R" --corpus "$C" --author alice --category obligation --quote "$q" --created $D
  expect_rc 0 "add for reanchor: $q"
done
cp "$C/texts/nat.txt" "$TMP/nat-old.txt"
python3 - "$C/texts/nat.txt" <<'PY'
import sys
p = sys.argv[1]
t = open(p, encoding="utf-8").read()
t = t.replace("The Parties agree that an armed", "The Parties solemnly agree that an armed")
t = t.replace("such action as it deems necessary", "such action as it alone deems necessary")
t = t.replace("Any such armed attack and all measures taken as a result thereof shall immediately be reported to the Security Council. ", "")
open(p, "w", encoding="utf-8").write(t)
PY
run corpus validate --annotations "$R" --corpus "$C"; expect_rc 2 "stale after the edit"; expect_err "another version" "stale message"
run corpus reanchor nat --annotations "$R" --corpus "$C" --old "$TMP/nat-old.txt"; expect_rc 0 "reanchor"
expect_out "nat: 1 exact, 2 shifted, 1 fuzzy, 1 orphaned" "reanchor counts"
expect_err "is orphaned" "orphan reported"
run corpus validate --annotations "$R" --corpus "$C"; expect_rc 0 "valid after reanchor (orphans are warnings)"
expect_err "warning: orphaned" "orphan listed by validate"
[[ $(grep -c '' "$R/nat/alice.jsonl") == 5 ]] && ok || bad "reanchor lost an annotation"

# export W3C; validate against the wpt schemas (ajv, else python jsonschema, else skip)
run corpus export --to w3c --annotations "$S" -o "$TMP/w3c.json"; expect_rc 0 "export w3c"
run corpus export --to w3c --jsonl --annotations "$S" -o "$TMP/w3c.jsonl"; expect_rc 0 "export w3c jsonl"
run corpus export --to w3c -o "$TMP/w3c-corpus.json"; expect_rc 0 "export the committed store"
cat >"$TMP/check.js" <<'JS'
// Validates W3C annotations (a collection, or JSONL) against the wpt schemas.
const fs = require('fs'), path = require('path');
const [defs, file] = process.argv.slice(2);
const Ajv = require('ajv-draft-04');
const ajv = new Ajv({strict: false, allErrors: true, validateFormats: true});
require('ajv-formats')(ajv);
for (const f of ['annotations.json', 'bodyTarget.json', 'specificResource.json', 'otherProperties.json', 'id.json', 'choiceSet.json']) {
  const s = JSON.parse(fs.readFileSync(path.join(defs, f), 'utf8'));
  delete s.$schema;
  ajv.addSchema(s, f);
}
const check = (ref, value, where, errors) => {
  const v = ajv.getSchema(ref);
  if (!v) throw new Error('no schema ' + ref);
  if (!v(value)) errors.push(where + ': ' + ref + ' ' + JSON.stringify(v.errors.slice(0, 2)));
};
const text = fs.readFileSync(file, 'utf8');
let items = [], errors = [];
try {
  const c = JSON.parse(text);
  if (c.type === 'AnnotationCollection') {
    check('annotations.json#/definitions/contextValueFound', c['@context'], 'collection', errors);
    if (!c.first || c.first.type !== 'AnnotationPage' || !Array.isArray(c.first.items)) errors.push('collection: no AnnotationPage with items');
    if (c.total !== c.first.items.length) errors.push('collection: total != items');
    items = c.first.items.map(a => Object.assign({'@context': c['@context']}, a));
  } else items = [c];
} catch (e) {
  items = text.split('\n').filter(l => l.trim()).map(l => JSON.parse(l));
}
const arr = x => x === undefined ? [] : Array.isArray(x) ? x : [x];
items.forEach((a, i) => {
  const w = 'annotation ' + (i + 1) + ' (' + a.id + ')';
  check('annotations.json#/definitions/contextValueFound', a['@context'], w, errors);
  check('id.json#/definitions/idValueFound', a, w, errors);
  check('annotations.json#/definitions/annotationTypeValueFound', a, w, errors);
  check('annotations.json#/definitions/motivationRecognizedIfPresent', a, w, errors);
  check('annotations.json#/definitions/bodyValueValidIfPresent', a, w, errors);
  check('otherProperties.json#/definitions/createdValidIfPresent', a, w, errors);
  check('otherProperties.json#/definitions/creatorValidIfPresent', a, w, errors);
  if (!a.target) errors.push(w + ': no target');
  for (const t of arr(a.target)) {
    check('bodyTarget.json#/definitions/targetResourcesFound', t, w + ' target', errors);
    for (const s of arr(t.selector)) {
      const ref = s.type === 'TextQuoteSelector' ? 'textQuoteSelectorDetected' : s.type === 'TextPositionSelector' ? 'textPositionSelectorDetected' : null;
      if (ref) check('specificResource.json#/definitions/' + ref, s, w + ' selector', errors);
    }
    for (const s of arr(t.state)) if (s.type === 'TimeState') check('specificResource.json#/definitions/timeStateDetected', s, w + ' state', errors);
  }
  for (const b of arr(a.body)) {
    check('bodyTarget.json#/definitions/bodyResourcesFound', b, w + ' body', errors);
    if (typeof b !== 'object') continue;
    check('otherProperties.json#/definitions/purposeRecognizedIfPresent', b, w + ' body', errors);
  }
});
if (errors.length) { console.error(errors.slice(0, 20).join('\n')); process.exit(1); }
console.log(items.length + ' annotations valid');
JS
# The pinned test packages (tests/browser/package.json, installed by scripts/setup.sh --test).
NODE_PATH="${CLAUSEDIFF_NODE_PATH:-}:$PWD/tests/browser/node_modules:$(npm root -g 2>/dev/null)"
if command -v node >/dev/null && NODE_PATH="$NODE_PATH" node -e "require('ajv-draft-04'); require('ajv-formats')" 2>/dev/null; then
  for f in "$TMP/w3c.json" "$TMP/w3c.jsonl" "$TMP/w3c-corpus.json"; do
    if NODE_PATH="$NODE_PATH" node "$TMP/check.js" "$W3C_DEFS" "$f" >"$TMP/out" 2>"$TMP/err"; then ok; else bad "W3C export fails the wpt schemas (ajv): $(head -3 "$TMP/err")"; fi
  done
  # The checker itself rejects a broken annotation.
  echo '{"@context":"http://www.w3.org/ns/anno.jsonld","id":"x y","type":"Note"}' >"$TMP/bad.jsonl"
  if NODE_PATH="$NODE_PATH" node "$TMP/check.js" "$W3C_DEFS" "$TMP/bad.jsonl" >/dev/null 2>&1; then bad "ajv checker accepts garbage"; else ok; fi
else
  echo "SKIP: W3C schema validation with ajv: node or the npm packages ajv-draft-04 and ajv-formats are not installed" \
       "(npm install ajv-draft-04 ajv-formats; set CLAUSEDIFF_NODE_PATH to their node_modules)" >&2
fi
# W3C round trip: import into an empty store gives the same files byte for byte.
I="$TMP/istore"
run corpus import --from w3c "$TMP/w3c.json" --annotations "$I"; expect_rc 0 "import w3c"
if diff -r "$S" "$I" >/dev/null; then ok; else bad "W3C export+import is not the identity: $(diff -r "$S" "$I" | head -5)"; fi
I2="$TMP/istore2"
run corpus import --from w3c "$TMP/w3c.jsonl" --annotations "$I2"; expect_rc 0 "import w3c jsonl"
if diff -r "$S" "$I2" >/dev/null; then ok; else bad "W3C JSONL round trip differs"; fi

# brat: offsets select the covered text (code points of the .txt); round trip
run corpus export --to brat --annotations "$R" --corpus "$C" -o "$TMP/brat"; expect_rc 0 "export brat"
expect_out "1 annotations only in the sidecars" "orphan goes to the sidecar"
python3 - "$TMP/brat/nat/alice.txt" "$TMP/brat/nat/alice.ann" <<'PY' && ok || bad "brat offsets do not select the covered text"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
n = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if not line.startswith("T"): continue
    tid, mid, covered = line.rstrip("\n").split("\t")
    frags = [tuple(map(int, f.split())) for f in mid.split(" ", 1)[1].split(";")]
    assert " ".join(text[s:e] for s, e in frags) == covered, (line, [text[s:e] for s, e in frags])
    n += 1
assert n == 4, n
PY
I3="$TMP/istore3"
run corpus import --from brat "$TMP/brat/nat/alice.ann" --annotations "$I3" --corpus "$C"; expect_rc 0 "import brat"
if diff -r "$R" "$I3" >/dev/null; then ok; else bad "brat export+import is not the identity: $(diff -r "$R" "$I3" | head -5)"; fi
printf 'T1\tobligation 0 5\tWRONG\n' >"$TMP/brat/nat/bad.ann"; cp "$TMP/brat/nat/alice.txt" "$TMP/brat/nat/bad.txt"
run corpus import --from brat "$TMP/brat/nat/bad.ann" --annotations "$I3" --corpus "$C" --created $D
expect_rc 2 "brat import with wrong text"; expect_err "bad.ann:1: error:" "brat error with file:line"

# CSV
run corpus export --to csv --annotations "$S"; expect_rc 0 "export csv"; expect_out "id,doc,doc_sha256,start,end" "csv header"

# suggest: machine annotations in their own file, valid
run corpus suggest nat-1949 --annotations "$S" --created $D; expect_rc 0 "suggest"
expect_out "clausediff.jsonl" "suggest file"
OUT=$(head -1 "$S/nat-1949/clausediff.jsonl"); head -1 "$S/nat-1949/clausediff.jsonl" >"$TMP/out"
py '
import json, sys
r = json.loads(sys.stdin.read())
assert r["source"] == "machine" and r["author"] == "clausediff" and r["rule"], r
' "suggestions are machine records"
run corpus validate --annotations "$S"; expect_rc 0 "valid with suggestions"

# The annotator issue's gold cue list converts into the store format and validates.
G="$TMP/gstore"
run corpus import --from cues-tsv annotations/gold/cues.tsv --annotations "$G" --created $D; expect_rc 0 "import gold cues.tsv"
run corpus validate --annotations "$G"; expect_rc 0 "gold cues validate"; expect_out " 0 errors" "gold cues validate"
printf 'nat-1949\tart5\tobligation\t\tnot in article five\t1\n' >"$TMP/bad-cues.tsv"
run corpus import --from cues-tsv "$TMP/bad-cues.tsv" --annotations "$G" --created $D
expect_rc 2 "bad cue line"; expect_err "bad-cues.tsv:1: error:" "bad cue line with file:line"

# The committed store (machine suggestions for the default set) is valid.
run corpus validate; expect_rc 0 "annotations/ validates"

# A writer killed at any moment leaves every file whole (atomic rename).
K="$TMP/kstore"
run corpus suggest --all --annotations "$K" --created $D; expect_rc 0 "suggest --all"
for delay in 0.05 0.1 0.2 0.3 0.5; do
  "$CD" corpus suggest --all --annotations "$K" --created 2026-11-28 >/dev/null 2>&1 &
  pid=$!; sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
done
run corpus validate --annotations "$K"; expect_rc 0 "store valid after kill -9 during writes"
leftovers=$(find "$K" -name '.*.tmp*' | wc -l)
[[ "$leftovers" -le 5 ]] && ok || bad "too many temporary files left: $leftovers"

finish
