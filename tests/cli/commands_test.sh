# End-to-end tests of the clausediff command line: help, exit codes, error
# messages, files written (docs/CLI.md).
source "$(dirname "$0")/lib.sh"
NAT=corpus/texts/01_north_atlantic_treaty_1949.txt
DRAFT=corpus/texts/11d_us_security_guarantee_draft_nov2025_REPORTED.txt

# --help and --version
for cmd in ingest annotate diff history compare report; do
  run "$cmd" --help; expect_rc 0 "$cmd --help"; expect_out "Usage" "$cmd --help"
done
run --version; expect_rc 0 "--version"; expect_out "clausediff " "--version"
run --help; expect_rc 0 "--help"; expect_out "compare" "--help lists commands"

# Usage errors: one line (plus a hint), exit 2.
run ingest --no-such-flag "$NAT"; expect_rc 2 "unknown flag"; expect_err "clausediff: error:" "unknown flag"
expect_err_lines 2 "unknown flag"
run; expect_rc 2 "no command"
run ingest; expect_rc 2 "missing file argument"
run frobnicate; expect_rc 2 "unknown command"
run ingest does/not/exist.txt; expect_rc 2 "missing file"
expect_err "clausediff: does/not/exist.txt: error: no such file" "missing file message"
run ingest tests; expect_rc 2 "directory"; expect_err "tests: error:" "directory message"
run compare "$NAT" "$DRAFT" --unit art99; expect_rc 2 "unknown unit"; expect_err "no unit 'art99'" "unknown unit"
unreadable="$TMP/unreadable.txt"; echo "text" >"$unreadable"; chmod 000 "$unreadable"
if [[ $(id -u) -ne 0 ]]; then
  run ingest "$unreadable"; expect_rc 2 "unreadable file"; expect_err "cannot open" "unreadable message"
fi

# ingest: JSON contract
run ingest "$NAT" --format json; expect_rc 0 "ingest json"
py '
import json, sys
d = json.load(sys.stdin)
assert d["document"]["id"] == "nat-1949", d["document"]["id"]
assert d["document"]["kind"] == "treaty" and d["document"]["genre"] == "legal"
ids = [c["id"] for c in d["clauses"]]
assert "art5" in ids and "art14" in ids, ids
c5 = [c for c in d["clauses"] if c["id"] == "art5"][0]
assert c5["label"] == "Article 5" and c5["number"] == "5", c5
assert d["text"][c5["start"]:c5["end"]] == c5["text"]
for s in d["sentences"]:
    assert d["text"][s["start"]:s["end"]] == s["text"], s
' "ingest json: clauses and code point offsets"
run ingest nat-1949 --format json; expect_rc 0 "ingest by corpus id"; expect_out '"art5"' "ingest by id"

# diff: exit 1 on differences, 0 on none; ops reproduce both texts
run diff "$NAT" "$NAT" --format json; expect_rc 0 "diff identical"
run diff corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt --format json
expect_rc 1 "diff different"
py '
import json, sys
d = json.load(sys.stdin)
old = open("corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt", encoding="utf-8").read()
new = open("corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt", encoding="utf-8").read()
a = "".join(o["text"] for o in d["ops"] if o["op"] in ("equal", "delete"))
b = "".join(o["text"] for o in d["ops"] if o["op"] in ("equal", "insert"))
assert a and a in old, "old text not reproduced"
assert b and b in new, "new text not reproduced"
pos = 0
for o in d["ops"]:
    assert o["old_start"] <= o["old_end"] and o["new_start"] <= o["new_end"]
' "diff ops reproduce both canonical texts"

# A paragraph moved and edited is reported as a move with its similarity.
moved="Each Party will assist the Party or Parties so attacked by taking forthwith such action as it deems necessary."
others="The Parties undertake to settle any dispute by peaceful means.

This Treaty shall be ratified in accordance with their processes.

The Parties will consult together whenever integrity is threatened."
printf '%s\n\n%s\n' "$moved" "$others" >"$TMP/m1.txt"
printf '%s\n\n%s\n' "$others" "${moved/will/shall}" >"$TMP/m2.txt"
run diff "$TMP/m1.txt" "$TMP/m2.txt" --format json; expect_rc 1 "diff edited move"
py '
import json, sys
m = json.load(sys.stdin)["moves"]
assert len(m) == 1 and 0.8 <= m[0]["similarity"] < 1, m
assert "will assist" in m[0]["text"] and "shall assist" in m[0]["new_text"], m
' "diff reports a moved and edited paragraph"
run diff "$TMP/m1.txt" "$TMP/m2.txt" --format json --exact-moves; expect_rc 1 "diff --exact-moves"
py '
import json, sys
assert json.load(sys.stdin)["moves"] == []
' "diff --exact-moves keeps only unchanged moves"

# The two versions load on two threads: a failure names the first bad
# argument in order, whichever thread finishes first (regression guard).
for i in 1 2 3; do
  run diff missing-old.txt missing-new.txt; expect_rc 2 "diff missing files"
  expect_err "missing-old.txt: error: no such file" "diff names the first missing file"
done
run diff "$NAT" missing-new.txt; expect_rc 2 "diff second missing"
expect_err "missing-new.txt: error: no such file" "diff names the missing second file"

# compare: the skeleton issue's acceptance: Article 5 against the reported draft
run compare "$NAT" "$DRAFT" --unit art5 --format json; expect_rc 1 "compare differs"
py '
import json, sys
d = json.load(sys.stdin)
pairs = [p for p in d["pairs"] if p["a"] == "art5"]
assert pairs, d["pairs"]
got = {(x["dimension"], x["change"]): x for p in pairs for x in p["deltas"]}
for want in [("trigger","narrowed"), ("discretion","added"), ("means","weakened"), ("immediacy","removed")]:
    assert want in got, (want, sorted(got))
    x = got[want]
    assert x["explanation"], want
for want in [("trigger","narrowed"), ("discretion","added"), ("means","weakened")]:
    x = got[want]
    assert x["a_evidence"] or x["b_evidence"], want
    for e in x["a_evidence"] + x["b_evidence"]:
        assert e["text"] and e["end"] > e["start"]
assert got[("trigger","narrowed")]["b_evidence"], "trigger evidence on the draft side"
assert got[("immediacy","removed")]["a_evidence"][0]["text"].lower() == "forthwith"
' "compare NAT/draft deltas with evidence"

# compare: source variance (issue #5 item 5). Two wordings of the Budapest
# Memorandum: paragraphs paired, real differences classified.
BUD_A=corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt
BUD_B=corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt
run compare "$BUD_A" "$BUD_B" --format json; expect_rc 1 "compare Budapest differs"
py '
import json, sys
d = json.load(sys.stdin)
bud_a = open("corpus/texts/09a_budapest_memorandum_1994_UNTS_text.txt", encoding="utf-8").read()
bud_b = open("corpus/texts/09b_budapest_memorandum_1994_A-49-765_text.txt", encoding="utf-8").read()
pairs = {(p["a"], p["b"]): p for p in d["pairs"]}
for n in ("p1", "p2", "p3"):
    assert (n, n) in pairs and pairs[(n, n)]["variance"], n
v1, v2 = pairs[("p1", "p1")]["variance"], pairs[("p2", "p2")]["variance"]
assert v1["verdict"] == "equivalent" and v1["substantive"] is False, v1["verdict"]
assert v2["verdict"] == "cosmetic" and v2["counts"]["spelling"] == 1, v2
got = {(x["kind"], x["a_text"], x["b_text"]) for p in d["pairs"] if p["variance"] for x in p["variance"]["variants"]}
assert ("equivalent", "", "of the Conference on Security and Cooperation in Europe") in got, got
assert ("spelling", "defense", "defence") in got, got
assert ("case", "Cold War", "cold war") in got, got
for p in d["pairs"]:
    v = p["variance"]
    if not v:
        continue
    assert set(v["counts"]) == {"punctuation", "case", "spelling", "equivalent", "inflection", "substitution", "added", "dropped"}
    assert sum(v["counts"].values()) == len(v["variants"])
    # Document offsets, in code points, with their exact text.
    for x in v["variants"]:
        assert bud_a.find(x["a_text"]) >= 0 and bud_b.find(x["b_text"]) >= 0
' "compare Budapest: paragraphs paired, variance classified"
run compare "$BUD_A" "$BUD_B" --format md; expect_rc 1 "compare md"
expect_out "spelling: “defense” → “defence” (British / American spelling)" "variance in Markdown"
run compare "$BUD_A" "$BUD_B"; expect_out "Source variance: equivalent" "variance in the terminal"
run compare "$BUD_A" "$BUD_B" --format html -o "$TMP/bud.html"; expect_rc 1 "compare html"
if grep -q 'class="variance v-equivalent"' "$TMP/bud.html" && grep -q "Final Act of the Conference" "$TMP/bud.html"; then ok; else bad "variance in HTML"; fi

# A witness transcription of Article 5 (nato.int wording) against the primary text.
run compare "$NAT" tests/fixtures/witnesses/nat/github_art5.txt --format json; expect_rc 1 "compare witness"
py '
import json, sys
d = json.load(sys.stdin)
vs = [p["variance"] for p in d["pairs"] if p["a"] == "art5" and p["variance"]]
assert len(vs) == 1, d["pairs"]
v = vs[0]
assert v["verdict"] == "cosmetic" and v["partial"] is True, v
assert [(x["kind"], x["a_text"], x["b_text"]) for x in v["variants"]] == [("punctuation", ";", "")], v["variants"]
' "compare NAT/witness: them all; and"

# Two reports of one draft: the NY Post words against the draft as TASS/JPost quote it.
run compare "$DRAFT" tests/fixtures/variance/nypost_quote_11d.txt --format json; expect_rc 1 "compare quotes"
py '
import json, sys
d = json.load(sys.stdin)
q = d["quotations"][0]
assert q["exact"] is True and q["variance"]["verdict"] == "cosmetic", q
assert q["variance"]["variants"][0]["note"] == "serial comma", q
' "compare quotations: serial comma"
# Several outlets in one file: the file compared with itself.
run compare peace-plan-2025 peace-plan-2025 --format json; expect_rc 1 "compare file with itself"
py '
import json, sys
d = json.load(sys.stdin)
got = {(x["kind"], x["a_text"], x["b_text"]) for q in d["quotations"] for x in q["variance"]["variants"]}
assert ("substitution", "null and void", "invalid") in got, got
' "compare one file: renderings of point 10"

# report: writes report.html in the current folder unless -o, prints the path
out="$TMP/r.html"
run report -o "$out"; expect_rc 0 "report"; expect_out "r.html" "report prints path"
if [[ -s "$out" ]]; then ok; else bad "report file written"; fi
if grep -q "Article 5" "$out" && ! grep -qiE '(src|href)="https?:' "$out"; then ok; else bad "report content/self-contained"; fi
run report --set no-such-set -o "$TMP/x.html"; expect_rc 2 "unknown set"
[[ ! -e "$TMP/x.html" ]] && ok || bad "no file for a failed report"

# No half-written output: a read-only folder gives exit 2 and leaves nothing.
ro="$TMP/ro"; mkdir "$ro"; chmod 555 "$ro"
if [[ $(id -u) -ne 0 ]]; then
  run report -o "$ro/report.html"; expect_rc 2 "read-only folder"
  [[ -z "$(ls -A "$ro")" ]] && ok || bad "read-only folder left files"
fi
run ingest "$NAT" --format json -o "$TMP/no/such/dir/out.json"; expect_rc 2 "missing output folder"
expect_err "cannot create a file in the output folder" "missing output folder message"

# The committed annotation store (gold and machine suggestions) resolves
# against the corpus texts.
run corpus validate; expect_rc 0 "corpus validate on the committed store"

finish
