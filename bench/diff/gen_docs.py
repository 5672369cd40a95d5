#!/usr/bin/env python3
"""Generates pairs of legal-style documents for the diff benchmark.

For each size (10 KB, 100 KB, 1 MB, 10 MB) writes OUT/<size>.old.txt and
OUT/<size>.new.txt: articles ("Article N" + heading + numbered paragraphs of
treaty-like sentences). The new version has ~3 % of words changed (replaced,
deleted, inserted), a few paragraphs moved to another article, one article
inserted and one deleted so that the articles between them are renumbered.
Deterministic (seeded); stdlib only.

usage: gen_docs.py [OUT_DIR] [--sizes 10k,100k,1m,10m] [--seed N]
"""
import argparse
import os
import random

WORDS = ("the party parties shall may undertake to in of and or any such as it deems necessary "
         "including use armed force attack against one more them all territory security "
         "measures taken consequence immediately reported council cease when has maintain "
         "international peace restore whereof exercise right individual collective "
         "self-defence recognised by article charter united nations assist forthwith "
         "individually concert with other action territorial integrity political independence "
         "threatened consult together whenever opinion either provisions treaty agreement "
         "protocol member state states signatory ratification instrument deposit government "
         "obligations responsibility interpretation application dispute settlement means "
         "within period days months year notice denunciation entry into force amendment "
         "annex paragraph subparagraph pursuant accordance without prejudice rights").split()
RARE = ("Atlantic Pacific Brussels Washington Lisbon Ottawa Canberra Manila Seoul Tokyo Rio "
        "Montevideo Geneva Helsinki Vienna Budapest Kyiv Warsaw Prague Oslo").split()
HEADINGS = ["Collective defence", "Consultation", "Settlement of disputes", "Entry into force",
            "Ratification", "Amendments", "Denunciation", "Territorial scope", "Reporting",
            "Cooperation", "Implementation", "Final provisions"]
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}


def sentence(rng):
    n = rng.randint(8, 28)
    words = []
    for _ in range(n):
        r = rng.random()
        if r < 0.02:
            words.append(rng.choice(RARE))
        elif r < 0.04:
            words.append(str(rng.randint(1, 2000)))
        else:
            words.append(rng.choice(WORDS))
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if rng.random() < 0.3:
        i = text.find(" ", len(text) // 2)
        if i > 0:
            text = text[:i] + "," + text[i:]
    return text + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


def make_articles(rng, size):
    articles, total = [], 0
    while total < size:
        paras = [paragraph(rng) for _ in range(rng.randint(1, 4))]
        heading = rng.choice(HEADINGS)
        articles.append([heading, paras])
        total += sum(len(p) + 6 for p in paras) + 30
    return articles


def render(articles):
    out = []
    for n, (heading, paras) in enumerate(articles, 1):
        out.append(f"Article {n}\n{heading}\n")
        for k, p in enumerate(paras, 1):
            out.append(f"{k}. {p}\n" if len(paras) > 1 else p + "\n")
        out.append("\n")
    return "".join(out)


def mutate_words(rng, text, rate):
    tokens = text.split(" ")
    out = []
    for t in tokens:
        r = rng.random()
        if r < rate / 3 and "\n" not in t:
            continue                                   # delete
        if r < 2 * rate / 3 and "\n" not in t:
            out.append(rng.choice(WORDS))              # replace
            continue
        if r < rate:
            out.append(rng.choice(WORDS))              # insert before
        out.append(t)
    return " ".join(out)


def make_pair(rng, size):
    old = make_articles(rng, size)
    new = [[h, list(ps)] for h, ps in old]
    # ~3 % of words changed, paragraph by paragraph.
    for art in new:
        art[1] = [mutate_words(rng, p, 0.03) for p in art[1]]
    # Moved paragraphs: about one per 20 KB, at least one.
    for _ in range(max(1, size // 20_000)):
        src = rng.randrange(len(new))
        if not new[src][1]:
            continue
        p = new[src][1].pop(rng.randrange(len(new[src][1])))
        dst = rng.randrange(len(new))
        new[dst][1].insert(rng.randint(0, len(new[dst][1])), p)
    new = [a for a in new if a[1]]
    # Renumbering: a new article early, an old one deleted later.
    if len(new) > 3:
        new.insert(len(new) // 3, ["Definitions", [paragraph(rng)]])
        del new[2 * len(new) // 3]
    return render(old), render(new)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?", default=os.path.join(os.path.dirname(__file__), "data"))
    ap.add_argument("--sizes", default="10k,100k,1m,10m")
    ap.add_argument("--seed", type=int, default=1949)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name in args.sizes.split(","):
        rng = random.Random(f"{args.seed}-{name}")
        old, new = make_pair(rng, SIZES[name])
        for suffix, text in (("old", old), ("new", new)):
            with open(os.path.join(args.out, f"{name}.{suffix}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        print(f"{name}: old {len(old.encode())} bytes, new {len(new.encode())} bytes")


if __name__ == "__main__":
    main()
