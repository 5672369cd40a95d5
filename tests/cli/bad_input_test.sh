# The bad-input suite (issue 9, docs/LIMITS.md): inputs users really feed the
# tool (broken encodings, binary files, huge or deeply nested documents,
# hostile XML, bad rule files and manifests, output folders that cannot be
# written). Each case states its exit status and message; every case must also
# keep the general promises checked by `promises`: it finishes within its time
# bound, exits 0, 1 or 2 (never a signal), trips no sanitizer, and leaves its
# output file complete or absent (never partial, no temporary file behind).
# Big inputs are generated into $TMP, never committed (tests/bad_input/ holds
# the small ones).
source "$(dirname "$0")/lib.sh"
BI=tests/bad_input
NAT=corpus/texts/01_north_atlantic_treaty_1949.txt
MOUNTS=()
cleanup() {
  for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# Sanitizer builds run several times slower: scale the time bounds, not the cases.
SLOW=1
if grep -qa __asan_init "$CD"; then SLOW=5; fi
N=0

# brun SECS ARGS...: runs clausediff under a time bound of SECS (x SLOW), with
# -o pointing into a fresh folder $OD; afterwards $TMP/out holds the output
# file (when written) so that expect_out and py see it.
# `brun -n SECS ARGS...` passes no -o (for commands without one).
brun() {
  local with_o=1
  if [[ $1 == -n ]]; then with_o=0; shift; fi
  local secs=$(($1 * SLOW))
  shift
  N=$((N + 1))
  OD="$TMP/o$N"
  mkdir -p "$OD"
  if [[ $with_o == 1 ]]; then set -- "$@" -o "$OD/result"; fi
  timeout -k 5 "$secs" "$CD" "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  NO_OUTPUT=""
  if [[ $with_o == 0 ]]; then NO_OUTPUT=1; fi
  if [[ -f "$OD/result" ]]; then cp "$OD/result" "$TMP/out"; fi
  OUT=$(head -c 400 "$TMP/out")
  ERR=$(head -c 2000 "$TMP/err")
}

# promises NAME: the general promises after a brun.
promises() {
  if [[ $RC -eq 124 || $RC -eq 137 ]]; then
    bad "$1: did not finish within its time bound"
  elif [[ $RC -gt 2 ]]; then
    bad "$1: exit $RC: a crash or a signal, never an answer"
  else
    ok
  fi
  if grep -qE 'Sanitizer|runtime error:' "$TMP/err"; then bad "$1: sanitizer report"; else ok; fi
  local files
  files=$(ls -A "$OD")
  if [[ -n "$NO_OUTPUT" ]]; then
    if [[ -z "$files" ]]; then ok; else bad "$1: wrote '$files' without -o"; fi
  elif [[ $RC -ne 0 && $RC -ne 1 ]]; then
    if [[ -z "$files" ]]; then ok; else bad "$1: a failed run left '$files'"; fi
  else
    if [[ "$files" == result ]]; then ok; else bad "$1: output folder holds '$files', expected 'result'"; fi
  fi
}

# --- encodings -------------------------------------------------------------------
# Invalid UTF-8 is repaired, never fatal: U+FFFD in the text, one warning per
# repaired sequence with line:column, exit 0.
for kind in overlong surrogate truncated truncated_at_end; do
  f="$TMP/$kind.txt"
  case $kind in
    overlong) printf 'Article 1\n\nThe Parties \xC0\xAF agree.\n' >"$f" ;;          # "/" as 2 bytes
    surrogate) printf 'Article 1\n\nThe Parties \xED\xA0\x80 agree.\n' >"$f" ;;      # U+D800
    truncated) printf 'Article 1\n\nThe Parties \xE2\x82 agree.\n' >"$f" ;;          # 2 of 3 bytes
    truncated_at_end) printf 'Article 1\n\nThe Parties agree \xF0\x9F\x98' >"$f" ;;  # 3 of 4 bytes
  esac
  brun 60 ingest "$f" --format json; promises "utf-8 $kind"
  expect_rc 0 "utf-8 $kind"
  if [[ $kind == truncated_at_end ]]; then pos=3:19; else pos=3:13; fi
  expect_err "$f:$pos: warning: invalid UTF-8 or UTF-16 sequence replaced by U+FFFD" "utf-8 $kind warning"
  py 'import json,sys; d=json.load(sys.stdin); assert "\ufffd" in d["text"], d["text"]' "utf-8 $kind U+FFFD"
done

# UTF-16 without a byte-order mark: refused, and named as such.
python3 -c 'import sys; sys.stdout.buffer.write("Article 1\n\nThe Parties agree.\n".encode("utf-16-le"))' >"$TMP/u16le.txt"
brun 60 ingest "$TMP/u16le.txt"; promises "utf-16le without BOM"; expect_rc 2 "utf-16le without BOM"
expect_err "u16le.txt: error: looks like UTF-16LE text without a byte-order mark" "utf-16le message"
expect_err "hint: convert it first, e.g. iconv -f UTF-16LE -t UTF-8" "utf-16le hint"
python3 -c 'import sys; sys.stdout.buffer.write("Article 1\n\nThe Parties agree.\n".encode("utf-16-be"))' >"$TMP/u16be.txt"
brun 60 ingest "$TMP/u16be.txt"; promises "utf-16be without BOM"; expect_rc 2 "utf-16be without BOM"
expect_err "looks like UTF-16BE text without a byte-order mark" "utf-16be message"
# ... while UTF-16 with a BOM is read.
python3 -c 'import sys; sys.stdout.buffer.write("Article 1\n\nThe Parties agree.\n".encode("utf-16"))' >"$TMP/u16bom.txt"
brun 60 ingest "$TMP/u16bom.txt" --format json; promises "utf-16 with BOM"; expect_rc 0 "utf-16 with BOM"
expect_out "The Parties agree." "utf-16 with BOM text"

# --- binary and empty ---------------------------------------------------------------
printf 'Article 1\n\nThe Parties\0agree.\n' >"$TMP/nul.txt"
brun 60 ingest "$TMP/nul.txt"; promises "NUL bytes"; expect_rc 2 "NUL bytes"
expect_err "nul.txt: error: binary content (NUL bytes), not text" "NUL message"
head -c 20000 "$CD" >"$TMP/program.txt"  # an executable (ELF) named .txt
brun 60 ingest "$TMP/program.txt"; promises "binary file"; expect_rc 2 "binary file"
expect_err "program.txt: error: binary content" "binary message"
python3 -c 'import random,sys; r=random.Random(9); sys.stdout.buffer.write(bytes(r.randrange(1,256) for _ in range(20000)))' >"$TMP/noise.txt"
brun 60 ingest "$TMP/noise.txt"; promises "random bytes without NUL"; expect_rc 2 "random bytes"
expect_err "noise.txt: error: binary content" "random bytes message"
printf '%%PDF-1.7\n%%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$TMP/renamed.txt"
brun 60 ingest "$TMP/renamed.txt"; promises "PDF renamed .txt"; expect_rc 2 "PDF renamed .txt"
expect_err "renamed.txt: error: binary content (a PDF file), not text" "PDF message"
expect_err "hint: extract the text first" "PDF hint"
: >"$TMP/empty.txt"
brun 60 ingest "$TMP/empty.txt"; promises "empty file"; expect_rc 2 "empty file"
expect_err "empty.txt: error: empty file" "empty message"
printf ' \n\t\n\n' >"$TMP/blank.md"
brun 60 ingest "$TMP/blank.md"; promises "white space only"; expect_rc 2 "white space only"
expect_err "blank.md: error: empty file" "white space message"

# --- size ---------------------------------------------------------------------------
# A 100 MB single line (no line break at all): read, segmented, written out.
python3 -c '
import sys
s = b"The Parties agree that an armed attack against one of them shall be considered an attack against them all. "
n = 100 * 1024 * 1024
sys.stdout.buffer.write((s * (n // len(s) + 1))[:n])' >"$TMP/line.txt"
brun 120 ingest "$TMP/line.txt"; promises "100 MB single line"; expect_rc 0 "100 MB single line"
expect_out "104857600 code points" "100 MB single line: whole text read"
rm -f "$TMP/line.txt" "$OD/result" "$TMP/out"
# Over the input limit: refused before reading (a sparse file costs no disk).
truncate -s 300M "$TMP/huge.txt"
brun 30 ingest "$TMP/huge.txt"; promises "file over 256 MiB"; expect_rc 2 "file over 256 MiB"
expect_err "huge.txt: error: file is larger than the limit of 256 MiB" "size limit message"
rm -f "$TMP/huge.txt"

# --- nesting ------------------------------------------------------------------------
python3 -c 'd = 100000; print("<doc>" + "<div>" * d + "Article 1" + "</div>" * d + "</doc>")' >"$TMP/deep.xml"
brun 60 ingest "$TMP/deep.xml"; promises "XML nested 100,000 deep"; expect_rc 2 "XML nested 100,000 deep"
expect_err "deep.xml:1:5002: error: XML elements nested deeper than 1000 levels" "XML depth message"
python3 -c 'd = 100000; print("<html><body>" + "<div>" * d + "Article 1")' >"$TMP/deep.html"
brun 60 ingest "$TMP/deep.html"; promises "HTML nested 100,000 deep"; expect_rc 2 "HTML nested 100,000 deep"
expect_err "error: HTML elements nested deeper than 1000 levels" "HTML depth message"
python3 -c 'd = 900; print("<doc>" + "<div>" * d + "Article 1. The Parties agree." + "</div>" * d + "</doc>")' >"$TMP/ok_deep.xml"
brun 60 ingest "$TMP/ok_deep.xml"; promises "XML nested 900 deep"; expect_rc 0 "XML nested 900 deep (under the limit)"
python3 -c 'print(">" * 10000 + " Article 1. The Parties agree.")' >"$TMP/quotes.md"
brun 60 ingest "$TMP/quotes.md"; promises "Markdown quotes 10,000 deep"; expect_rc 0 "Markdown quotes 10,000 deep"
python3 -c 'print("- " * 10000 + "The Parties agree.")' >"$TMP/lists.md"
brun 60 ingest "$TMP/lists.md"; promises "Markdown lists 10,000 deep"; expect_rc 0 "Markdown lists 10,000 deep"
python3 -c 'print("".join("  " * i + "1. item\n" for i in range(10000)))' >"$TMP/ordered.md"
brun 60 ingest "$TMP/ordered.md"; promises "Markdown ordered lists 10,000 lines"; expect_rc 0 "Markdown ordered lists"
python3 -c 'print("*" * 10000 + "x" + "*" * 10000 + " " + "[" * 10000 + "x" + "](u)" * 10000)' >"$TMP/inline.md"
brun 60 ingest "$TMP/inline.md"; promises "Markdown inline nesting 10,000"; expect_rc 0 "Markdown inline nesting"

# --- hostile XML ----------------------------------------------------------------------
brun 60 ingest "$BI/billion_laughs.xml"; promises "billion laughs"; expect_rc 2 "billion laughs"
expect_err "billion_laughs.xml:3:2: error: XML entity declarations are not accepted" "billion laughs message"
echo "TOP-SECRET-CONTENT" >"$TMP/secret.txt"
sed "s#@SECRET@#$TMP/secret.txt#" "$BI/xxe_file.xml.in" >"$TMP/xxe.xml"
brun 60 ingest "$TMP/xxe.xml" --format json; promises "external entity"; expect_rc 2 "external entity"
expect_err "error: XML entity declarations are not accepted" "external entity message"
if grep -q TOP-SECRET "$TMP/out" "$TMP/err"; then bad "external entity was resolved"; else ok; fi
printf '<!ENTITY secret "TOP-SECRET-CONTENT">\n' >"$TMP/evil.dtd"
sed "s#@DTD@#$TMP/evil.dtd#" "$BI/xxe_dtd.xml.in" >"$TMP/xxe_dtd.xml"
brun 60 ingest "$TMP/xxe_dtd.xml" --format json; promises "external DTD"; expect_rc 0 "external DTD (ignored)"
if grep -q TOP-SECRET "$TMP/out" "$TMP/err"; then bad "external DTD was loaded"; else ok; fi
expect_out "The Parties agree" "external DTD: the text is read"
printf '<doc><p>Article 1. Broken <b>markup</p>\n' >"$TMP/broken.xml"
brun 60 ingest "$TMP/broken.xml"; promises "malformed XML"; expect_rc 2 "malformed XML"
expect_err "broken.xml:1:" "malformed XML position"; expect_err "error: XML parse error" "malformed XML message"

# --- rule files -----------------------------------------------------------------------
# Catastrophic backtracking: Boost's complexity limit stops the rule; a
# warning names it, the other rules still run, exit 0.
python3 -c 'print("Article 1\n\nThe Parties agree that an armed attack " + "a" * 60 + "! and " + "word " * 200 + "end.")' >"$TMP/aaa.txt"
brun 60 annotate "$TMP/aaa.txt" --rules "$BI/catastrophic_rules.tsv"; promises "catastrophic backtracking"
expect_rc 0 "catastrophic backtracking"
expect_err "warning: rule hang-a ($BI/catastrophic_rules.tsv:2) was stopped by the regex engine" "backtracking warning"
expect_out "armed attack" "backtracking: the other rules still annotate"
brun 60 annotate "$NAT" --rules "$BI/bad_pattern_rules.tsv"; promises "bad rule pattern"; expect_rc 2 "bad rule pattern"
expect_err "clausediff: $BI/bad_pattern_rules.tsv:3:24: error: rule broken: bad pattern" "bad pattern file:line:col"
brun 60 annotate "$NAT" --rules "$TMP/no-such-rules.tsv"; promises "missing rule file"; expect_rc 2 "missing rule file"
brun 60 annotate "$NAT" --rules "$TMP/nul.txt"; promises "binary rule file"; expect_rc 2 "binary rule file"

# --- manifests naming paths outside their folder ------------------------------------------
C="$TMP/corpus"
mkdir -p "$C/texts"
cp "$NAT" "$C/texts/nat.txt"
echo "Article 1. Secret text outside the corpus." >"$TMP/outside.txt"
ln -s "$TMP/outside.txt" "$C/texts/link.txt"
manifest() {  # manifest PATH: a corpus whose second document has PATH
  printf '{"documents": [{"id": "nat", "path": "texts/nat.txt", "kind": "treaty"}, {"id": "evil", "path": "%s"}],\n "sets": [{"name": "s", "reference": "nat", "documents": ["evil"], "default": true}]}\n' "$1" >"$C/manifest.json"
}
for p in ../outside.txt /etc/hostname texts/../../outside.txt texts/link.txt; do
  manifest "$p"
  brun 60 report --corpus "$C" --format json; promises "manifest path $p"; expect_rc 2 "manifest path $p"
  expect_err "$C/manifest.json: error: document 'evil': path '$p'" "manifest path $p message"
  if grep -q "Secret text" "$TMP/out"; then bad "manifest path $p: outside file read"; else ok; fi
  brun 60 ingest evil --corpus "$C"; promises "document id with bad manifest path $p"
  expect_rc 2 "document id with bad manifest path $p"
done
manifest texts/nat.txt
brun 120 report --corpus "$C" --format json; promises "scratch corpus (good manifest)"; expect_rc 0 "scratch corpus"

# --- numbers and types JSON allows but the loaders did not expect ------------------------
# Found by fuzz_annotations: a number too big for a double made nlohmann::json
# throw out_of_range, which the loaders (annotation files, manifests) did not
# catch: abort (exit 134). Wrong value types threw type_error the same way.
# The loaders are src/corpus (annotation_store.cpp, manifest.cpp).
S="$TMP/store"
mkdir -p "$S/nat-1949"
cp "$BI/annotation_number_overflow.jsonl" "$S/nat-1949/alice.jsonl"
brun -n 60 corpus validate --annotations "$S"; promises "annotation file: number overflow (1e999)"
expect_rc 2 "annotation file: number overflow (1e999)"
expect_err "alice.jsonl:1" "annotation file: number overflow names file:line"
for extra in '"x": 1e999' '"default": "yes"'; do
  printf '{"documents": [{"id": "nat", "path": "texts/nat.txt"}],\n "sets": [{"name": "s", "reference": "nat", "documents": [], %s}]}\n' "$extra" >"$C/manifest.json"
  brun 60 report --corpus "$C" --format json; promises "manifest with $extra"; expect_rc 2 "manifest with $extra"
  expect_err "$C/manifest.json" "manifest with $extra: names the manifest"
done
printf '{"documents": [{"id": "nat", "path": "texts/nat.txt"}], "sets": ["s"]}\n' >"$C/manifest.json"
brun 60 report --corpus "$C" --format json; promises "manifest with a set that is not an object"
expect_rc 2 "manifest with a set that is not an object"

# --- output folders that cannot be written ------------------------------------------------
# Root ignores permissions, so read-only and full file systems are tiny tmpfs
# mounts; without permission to mount, the case is skipped with a note.
mount_tmpfs() {  # mount_tmpfs DIR OPTIONS: true when mounted
  mkdir -p "$1"
  if mount -t tmpfs -o "$2" tmpfs "$1" 2>/dev/null; then
    MOUNTS+=("$1")
    return 0
  fi
  return 1
}
RO="$TMP/ro"
if mount_tmpfs "$RO" ro,size=64k; then
  N=$((N + 1)); OD="$RO"; NO_OUTPUT=""
  timeout -k 5 $((60 * SLOW)) "$CD" ingest "$NAT" --format json -o "$RO/out.json" >"$TMP/out" 2>"$TMP/err"
  RC=$?; ERR=$(cat "$TMP/err"); OUT=""
  promises "read-only output folder"; expect_rc 2 "read-only output folder"
  expect_err "out.json: error: cannot create a file in the output folder: Read-only file system" "read-only message"
elif [[ $(id -u) -ne 0 ]]; then
  mkdir -p "$RO"; chmod 555 "$RO"; N=$((N + 1)); OD="$RO"; NO_OUTPUT=""
  timeout -k 5 $((60 * SLOW)) "$CD" ingest "$NAT" --format json -o "$RO/out.json" >"$TMP/out" 2>"$TMP/err"
  RC=$?; ERR=$(cat "$TMP/err"); OUT=""
  promises "read-only output folder"; expect_rc 2 "read-only output folder"
  expect_err "error: cannot create a file in the output folder" "read-only message"
else
  echo "SKIP: read-only output folder: running as root and mount is not permitted"
fi
FULL="$TMP/full"
if mount_tmpfs "$FULL" size=64k; then
  # Nearly full; an older result must survive a failed run untouched.
  head -c 45000 /dev/zero >"$FULL/filler"
  echo "previous result" >"$FULL/out.json"
  timeout -k 5 $((60 * SLOW)) "$CD" ingest "$NAT" --format json -o "$FULL/out.json" >"$TMP/out" 2>"$TMP/err"
  RC=$?; ERR=$(cat "$TMP/err"); OUT=""
  expect_rc 2 "full disk"
  expect_err "out.json: error: cannot write: No space left on device" "full disk message"
  if [[ "$(cat "$FULL/out.json")" == "previous result" ]]; then ok; else bad "full disk: previous output damaged"; fi
  if [[ "$(ls -A "$FULL" | tr '\n' ' ')" == "filler out.json " ]]; then ok; else bad "full disk: left $(ls -A "$FULL")"; fi
  if grep -qE 'Sanitizer|runtime error:' "$TMP/err"; then bad "full disk: sanitizer report"; else ok; fi
  # The report command, whose output is bigger still.
  timeout -k 5 $((120 * SLOW)) "$CD" report -o "$FULL/report.html" >"$TMP/out" 2>"$TMP/err"
  RC=$?; ERR=$(cat "$TMP/err")
  expect_rc 2 "full disk (report)"; expect_err "report.html: error: cannot write: No space left on device" "full disk report message"
  if [[ "$(ls -A "$FULL" | tr '\n' ' ')" == "filler out.json " ]]; then ok; else bad "full disk (report): left $(ls -A "$FULL")"; fi
else
  echo "SKIP: full disk: mount is not permitted here (needs root or CAP_SYS_ADMIN)"
fi

finish
