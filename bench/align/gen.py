#!/usr/bin/env python3
"""Generates two legal-style documents of N articles each for the alignment
benchmark: B is A with articles shuffled in blocks, ~10% of words changed,
some articles dropped and new ones inserted. Deterministic (seeded).
usage: gen.py N OUT_DIR"""
import os
import random
import sys

WORDS = ("party parties treaty attack armed assistance measures security council territory "
         "forces obligation consult immediately necessary action defence self-defence charter "
         "united nations europe america pacific area region aggression restore maintain peace "
         "undertake agree declare recognise constitutional processes provisions protocol annex "
         "notification denunciation ratification instrument deposit government signatory "
         "cooperation economic military political technical support intelligence logistics "
         "sanctions resolution dispute settlement arbitration tribunal jurisdiction").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(1949)
    arts = [" ".join(sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(1, 3)))
            for _ in range(n)]
    with open(os.path.join(out, "a.txt"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: generated A\n---\n\nGENERATED TREATY A\n\n")
        for i, t in enumerate(arts, 1):
            f.write(f"Article {i}\n\n{t}\n\n")
    b = []
    for t in arts:
        if rng.random() < 0.03:
            continue  # deleted
        words = t.split(" ")
        for k in range(len(words)):
            if rng.random() < 0.1:
                words[k] = rng.choice(WORDS)
        b.append(" ".join(words))
        if rng.random() < 0.03:
            b.append(sentence(rng, 20))  # inserted
    blocks = [b[i:i + 50] for i in range(0, len(b), 50)]
    rng.shuffle(blocks)
    b = [t for blk in blocks for t in blk]
    with open(os.path.join(out, "b.txt"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: generated B\n---\n\nGENERATED TREATY B\n\n")
        for i, t in enumerate(b, 1):
            f.write(f"Article {i}\n\n{t}\n\n")


if __name__ == "__main__":
    main()
