#!/usr/bin/env python3
"""Generates a legal-style plain text of about SIZE bytes (articles, numbered
paragraphs, lettered items) and the same content as generic XML, for the
ingest throughput benchmark. Deterministic. usage: gen.py SIZE_MB OUT_DIR"""
import os
import random
import sys

WORDS = ("the parties agree that an armed attack against one or more of them shall be considered "
         "attack against them all and consequently each will assist party so attacked by taking "
         "forthwith such action as it deems necessary including use of force to restore maintain "
         "security area treaty provisions council measures territory region constitutional").split()


def para(rng):
    n = rng.randint(25, 60)
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main():
    size = int(float(sys.argv[1]) * 1024 * 1024)
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(1949)
    txt = ["---\ntitle: generated legal text\n---\n\nGENERATED TREATY\n"]
    xml = ['<?xml version="1.0" encoding="UTF-8"?>\n<treaty>\n']
    total, art = 0, 0
    while total < size:
        art += 1
        body = []
        txt.append(f"\nArticle {art}\n")
        xml.append(f'<article><num>Article {art}</num>\n')
        for k in range(1, rng.randint(2, 5)):
            p = para(rng)
            txt.append(f"\n{k}. {p}\n")
            xml.append(f"<paragraph><num>{k}.</num><content><p>{p}</p></content></paragraph>\n")
            total += len(p) + 8
        xml.append("</article>\n")
    xml.append("</treaty>\n")
    with open(os.path.join(out, "big.txt"), "w", encoding="utf-8") as f:
        f.write("".join(txt))
    with open(os.path.join(out, "big.xml"), "w", encoding="utf-8") as f:
        f.write("".join(xml))


if __name__ == "__main__":
    main()
