#!/usr/bin/env python3
"""Large inputs for bench/annotate/run.sh, made from the corpus itself.

  gen.py REPEAT OUT_DIR

legal.txt: the body (text after the `---` header) of every document of
corpus/manifest.json, joined, REPEAT times over; read with --genre legal it has
thousands of clauses. report.txt: the news article REPEAT*10 times over, read
with --genre report (tens of thousands of sentences, so readings are exercised).
"""
import json
import os
import sys


def body(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            text = text[end + 5:]
    return text.strip("\n")


def main():
    repeat, out = int(sys.argv[1]), sys.argv[2]
    with open("corpus/manifest.json", encoding="utf-8") as f:
        docs = json.load(f)["documents"]
    one = "\n\n".join(body(os.path.join("corpus", d["path"])) for d in docs)
    with open(os.path.join(out, "legal.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join([one] * repeat) + "\n")
    news = body("corpus/news/platinum_guarantees_article.txt")
    with open(os.path.join(out, "report.txt"), "w", encoding="utf-8") as f:
        f.write("\n\n".join([news] * (repeat * 10)) + "\n")


if __name__ == "__main__":
    main()
