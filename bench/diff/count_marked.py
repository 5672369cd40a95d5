#!/usr/bin/env python3
"""Counts changed non-whitespace characters in a peer's output.

usage: count_marked.py FORMAT FILE
  FORMAT git      git --word-diff=porcelain: lines starting with '-' or '+'
         markers  wdiff/dwdiff run with -w '[-' -x '-]' -y '{+' -z '+}'
         json     clausediff diff --format json (ops with op delete/insert)
         line     a line "changed_chars N" (our driver, node and python peers)
"""
import json
import re
import sys

fmt, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8", errors="replace").read()
n = 0
if fmt == "git":
    body = False
    for line in text.split("\n"):
        if line.startswith("@@"):
            body = True
            continue
        if body and line[:1] in "-+" and not line.startswith(("---", "+++")):
            n += len(re.sub(r"\s+", "", line[1:]))
elif fmt == "markers":
    for m in re.finditer(r"\[-(.*?)-\]|\{\+(.*?)\+\}", text, re.S):
        n += len(re.sub(r"\s+", "", m.group(1) or m.group(2) or ""))
elif fmt == "json":
    doc = json.loads(text)
    for op in doc.get("ops", []):
        if op.get("op") in ("delete", "insert"):
            n += len(re.sub(r"\s+", "", op.get("text", "")))
elif fmt == "line":
    m = re.search(r"changed_chars (\d+)", text)
    n = int(m.group(1)) if m else -1
print(n)
