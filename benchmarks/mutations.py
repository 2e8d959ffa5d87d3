"""Whether the review tells a reviser of an error put into a translation: mutations of the seed pair and of the
news pairs in `examples/news/`.

    python benchmarks/mutations.py

Each mutation changes the translation once (a figure's last digit, a sentence left out, a sentence replaced by
an unrelated one, and on the seed pair a paragraph doubled or added, a name or a place replaced, a decimal or a
scale changed...) and counts as found when the review raises a warning or an error that the unchanged pair
did not. Prints each pair's results and how many were found.
"""
from __future__ import annotations

import glob
import os
import re
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from align.review.review import review_documents  # noqa: E402

UNRELATED = {"en": "The weather will be sunny tomorrow across the whole region, with temperatures slightly higher "
                   "than today.",
             "es": "Mañana hará sol en toda la región, con temperaturas algo más altas que hoy y poco viento."}


def raised(source: str, target: str) -> Counter:
    review = review_documents(source, target)
    return Counter((f.type, f.severity) for p in review.pairs for f in p.flags if f.severity in ("warning", "error"))


def news_mutations(target: str, target_lang: str) -> dict[str, str]:
    lines = target.rstrip("\n").split("\n")
    out = {}
    digits = list(re.finditer(r"\d", lines[0]))
    if digits:
        k = digits[-1].start()
        first = lines[0][:k] + str((int(lines[0][k]) + 1) % 10) + lines[0][k + 1:]
        out["figure changed"] = "\n".join([first] + lines[1:]) + "\n"
    if len(lines) > 2:
        out["last sentence left out"] = "\n".join(lines[:-1]) + "\n"
    if len(lines) > 1:
        out["sentence replaced"] = "\n".join(lines[:1] + [UNRELATED[target_lang]] + lines[2:]) + "\n"
    return out


SEED_EDITS = (   # (what, text of the French seed, what it becomes)
    ("a scale word", "32,5 billions de yuans", "32,5 milliards de yuans"),
    ("a figure left out", "12 000 entreprises", "des entreprises"),
    ("a decimal", "4,57 b", "4,75 b"),
    ("a place replaced (opening)", "La Chine envisage", "Le Japon envisage"),
    ("a place replaced (inside)", "même si la Chine a construit", "même si l’Inde a construit"),
    ("a person replaced (opening)", "Jin a déclaré", "Li a déclaré"),
)


def seed_mutations(target: str) -> dict[str, str]:
    lines = target.split("\n")
    body = [k for k, line in enumerate(lines) if len(line) > 80]
    out = {what: target.replace(old, new, 1) for what, old, new in SEED_EDITS if old in target}
    dropped = list(lines)
    del dropped[body[3]]
    out["paragraph left out"] = "\n".join(dropped)
    doubled = list(lines)
    doubled[body[2]] += " " + lines[body[2]]
    out["sentence doubled"] = "\n".join(doubled)
    added = list(lines)
    added.insert(body[6], "Cette phrase a été ajoutée par erreur dans la traduction et ne correspond à rien.")
    out["sentence added"] = "\n".join(added)
    replaced = list(lines)
    replaced[body[4]] = ("Le temps sera ensoleillé demain sur toute la Bretagne, avec des températures en légère "
                         "hausse par rapport à aujourd'hui.")
    out["paragraph replaced"] = "\n".join(replaced)
    return out


def main() -> int:
    found = total = 0
    cases = []
    seed_src = os.path.join(ROOT, "seeds", "001_4fa10e781d0ee104.txt")
    seed_tgt = os.path.join(ROOT, "seeds", "000_b2c92323d477a4f3.txt")
    if os.path.exists(seed_src) and os.path.exists(seed_tgt):
        with open(seed_src, encoding="utf-8") as s, open(seed_tgt, encoding="utf-8") as t:
            source, target = s.read(), t.read()
        cases.append(("seed 001/000", source, target, seed_mutations(target)))
    for folder in sorted(glob.glob(os.path.join(ROOT, "examples", "news", "*-*"))):
        (source_path,), (target_path,) = (glob.glob(os.path.join(folder, f"{side}.*.txt"))
                                          for side in ("source", "translation"))
        with open(source_path, encoding="utf-8") as s, open(target_path, encoding="utf-8") as t:
            source, target = s.read(), t.read()
        cases.append((os.path.basename(folder), source, target,
                      news_mutations(target, os.path.basename(folder).split("-")[1])))
    for name, source, target, mutations in cases:
        base = raised(source, target)
        results = []
        for what, mutated in mutations.items():
            hit = bool(raised(source, mutated) - base)
            found += hit
            total += 1
            results.append(f"{what}: {'found' if hit else 'MISSED'}")
        print(f"{name:<14} " + "; ".join(results))
    print(f"found {found} of {total} mutations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
