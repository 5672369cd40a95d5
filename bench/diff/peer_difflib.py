#!/usr/bin/env python3
"""Word diff with Python difflib.SequenceMatcher (default autojunk); prints
changed non-whitespace characters."""
import difflib
import re
import sys

a = re.findall(r"\s+|[^\s]+", open(sys.argv[1], encoding="utf-8").read())
b = re.findall(r"\s+|[^\s]+", open(sys.argv[2], encoding="utf-8").read())
changed = 0
for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
    if tag != "equal":
        changed += sum(len(t) for t in a[i1:i2] if not t.isspace())
        changed += sum(len(t) for t in b[j1:j2] if not t.isspace())
print(f"changed_chars {changed}")
