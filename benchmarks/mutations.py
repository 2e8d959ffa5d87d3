"""Whether the review tells a reviser of an error put into a translation: mutations of the seed pair and of the
news pairs in `examples/news/`.

    python benchmarks/mutations.py [--every-line]

Each mutation changes the translation once (a figure's last digit, a sentence left out, a sentence replaced by
an unrelated one, and on the seed pair a paragraph doubled or added, a name or a place replaced, a decimal or a
scale changed...) and counts as found when the review raises a warning or an error that the unchanged pair
did not. Prints each pair's results and how many were found.

`--every-line` also puts each kind of edit at every body line of every pair (a line left out, cut at a comma
past a third of it, a digit changed, doubled, an unrelated line inserted before it, swapped with the next one; on the seed pair also each person's
name replaced, a line left in English, the first or the last clause left out) and prints, per kind, how many
the review finds; a swap counts as found when it is told as information too (`reordered` or `moved`), since a
translation may reorder.
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


def _cut_at_comma(line: str) -> str | None:
    """The line cut at its first comma between a third and four fifths of it, closed with a full stop."""
    cuts = [m.start() for m in re.finditer(r"[,，、;；]", line) if 0.35 * len(line) < m.start() < 0.8 * len(line)]
    if not cuts:
        return None
    return line[:cuts[0]] + ("。" if re.search("[\u4e00-\u9fff]", line) else ".")


UNRELATED_FR = "Cette phrase a été ajoutée par erreur dans la traduction et ne correspond à rien."


def line_edits(source: str, target: str, seed: bool, target_lang: str = "fr") -> list[tuple[str, str]]:
    """(kind, edited translation) for every kind of edit at every body line of the translation."""
    lines = target.rstrip("\n").split("\n")
    unrelated = UNRELATED_FR if seed else UNRELATED[target_lang]
    body = [k for k, line in enumerate(lines) if len(line) > 60 and not line.startswith(":")]
    source_body = [line for line in source.rstrip("\n").split("\n") if len(line) > 60]
    out = []

    def edited(k: int, new: str | None = None, insert: bool = False, delete: bool = False) -> str:
        changed = list(lines)
        if delete:
            del changed[k]
        elif insert:
            changed.insert(k, lines[k])
        else:
            changed[k] = new
        return "\n".join(changed) + "\n"

    for n, k in enumerate(body):
        line = lines[k]
        out.append(("line left out", edited(k, delete=True)))
        cut = _cut_at_comma(line)
        if cut:
            out.append(("line cut at a comma", edited(k, cut)))
        digits = list(re.finditer(r"\d", line))
        if digits:
            d = digits[len(digits) // 2].start()
            out.append(("digit changed", edited(k, line[:d] + str((int(line[d]) + 3) % 10) + line[d + 1:])))
        out.append(("line doubled", edited(k, insert=True)))
        out.append(("unrelated line inserted", "\n".join(lines[:k] + [unrelated] + lines[k:]) + "\n"))
        if k + 1 in body:
            swapped = list(lines)
            swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
            out.append(("swapped with the next (information)", "\n".join(swapped) + "\n"))
        if seed:
            if "Jin" in line:
                out.append(("person replaced", edited(k, line.replace("Jin", "Wang", 1))))
            if n < len(source_body):
                out.append(("line left in English", edited(k, source_body[n])))
            commas = [m.start() for m in re.finditer(",", line)]
            if commas:
                out.append(("last clause left out", edited(k, line[:commas[-1]] + ".")))
                out.append(("first clause left out", edited(k, line[commas[0] + 1:].strip().capitalize())))
    return out


def raised_or_told(source: str, target: str) -> Counter:
    """`raised`, with the information that sentences are in another order."""
    review = review_documents(source, target)
    return Counter((f.type, f.severity) for p in review.pairs for f in p.flags
                   if f.severity in ("warning", "error") or f.type in ("reordered", "moved"))


def every_line(cases) -> None:
    tally: dict[str, list[int]] = {}
    for name, source, target, _ in cases:
        base, told = raised(source, target), raised_or_told(source, target)
        target_lang = "fr" if name.startswith("seed") else name.split("-")[1]
        for kind, mutated in line_edits(source, target, name.startswith("seed"), target_lang):
            hit = bool(raised_or_told(source, mutated) - told) if kind.endswith("(information)") \
                else bool(raised(source, mutated) - base)
            counts = tally.setdefault(kind, [0, 0])
            counts[0] += hit
            counts[1] += 1
    print("every line:", "; ".join(f"{kind} {h}/{n}" for kind, (h, n) in tally.items()))


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
    if "--every-line" in sys.argv[1:]:
        every_line(cases)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
