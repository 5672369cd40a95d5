# tests/cli/lib.sh: a small assertion library for the end-to-end CLI tests.
# Each test script is run by ctest as `bash X_test.sh PATH/TO/clausediff`
# from the repository root.
set -u
CD="${1:?usage: $0 PATH/TO/clausediff}"
FAILS=0
PASSES=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run ARGS...: runs clausediff, keeps stdout in $OUT, stderr in $ERR, status in $RC.
run() {
  "$CD" "$@" >"$TMP/out" 2>"$TMP/err"
  RC=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
ok() { PASSES=$((PASSES + 1)); }
bad() {
  FAILS=$((FAILS + 1))
  echo "FAIL: $*" >&2
  echo "  stdout: ${OUT:-}" | head -c 400 >&2
  echo "  stderr: ${ERR:-}" | head -c 400 >&2
}
expect_rc() { if [[ "$RC" == "$1" ]]; then ok; else bad "$2: exit $RC, expected $1"; fi; }
expect_out() { if grep -qF -- "$1" "$TMP/out"; then ok; else bad "$2: stdout lacks '$1'"; fi; }
expect_err() { if grep -qF -- "$1" "$TMP/err"; then ok; else bad "$2: stderr lacks '$1'"; fi; }
expect_err_lines() {
  local n; n=$(grep -c '' "$TMP/err" || true)
  if [[ "$n" -le "$1" ]]; then ok; else bad "$2: $n stderr lines, expected at most $1"; fi
}
# py CODE: runs python3 with the last stdout on stdin; a failing assert fails the test.
py() {
  if python3 -c "$1" <"$TMP/out" 2>"$TMP/pyerr"; then ok; else bad "$2: $(tail -3 "$TMP/pyerr")"; fi
}
finish() {
  echo "$PASSES passed, $FAILS failed"
  [[ "$FAILS" -eq 0 ]]
}
