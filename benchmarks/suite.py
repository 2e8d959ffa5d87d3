"""Accuracy on the whole development suite, beside hunalign on the same documents.

    python benchmarks/suite.py [--no-hunalign] [--set NAME] [--jobs N] [--fast] [--omissions]

Every document is aligned as `python -m align pairs --presegmented` does (languages detected). Printed per
document and per set: strict and lax precision/recall/F1 (Vecalign's definitions; the Bible's verse-level gold
is scored after merging predicted beads inside one gold bead, as its README says), the segments left unaligned
against the gold's 1-0 and 0-1 beads, the `dropped`/`added` flags of `report` (warning or error) against the
same, and seconds. Then the macro average over sets. Skips what is absent. The Bible, which has no omission of
its own, is also run with 2 % and 5 % of its translation left out; `--omissions` does that to every document
and prints those variants' sets and pooled figures (what the translator left out, of a known kind, in every set).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import shutil
import tempfile
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import (GoldDocument, detection, hunalign_binary, load_suite, merge_inside_gold, prf,  # noqa: E402
                     run_hunalign, unaligned, with_omissions)

from align.search.evaluate import BeadPair  # noqa: E402


@dataclass
class Counts:
    """Pooled hit counts, so a set's figure weighs its documents by their beads (Vecalign's `score_multiple`)."""

    strict_p: list[int] = field(default_factory=lambda: [0, 0])   # hits, predicted
    strict_r: list[int] = field(default_factory=lambda: [0, 0])
    lax_p: list[int] = field(default_factory=lambda: [0, 0])
    lax_r: list[int] = field(default_factory=lambda: [0, 0])
    gaps: list[int] = field(default_factory=lambda: [0, 0, 0])    # unaligned: tp, found, gold
    flags: list[int] = field(default_factory=lambda: [0, 0, 0])   # dropped/added flags: tp, found, gold
    seconds: float = 0.0

    def add(self, other: "Counts") -> None:
        for name in ("strict_p", "strict_r", "lax_p", "lax_r", "gaps", "flags"):
            mine, theirs = getattr(self, name), getattr(other, name)
            for k in range(len(mine)):
                mine[k] += theirs[k]
        self.seconds += other.seconds

    def f1(self) -> tuple[float, float, float, float, float, float]:
        def ratio(x: list[int]) -> float:
            return x[0] / x[1] if x[1] else 0.0

        def harmonic(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0
        sp, sr, lp, lr = ratio(self.strict_p), ratio(self.strict_r), ratio(self.lax_p), ratio(self.lax_r)
        return sp, sr, harmonic(sp, sr), lp, lr, harmonic(lp, lr)


def _hits(gold: list[BeadPair], test: list[BeadPair]) -> tuple[int, int, int, int]:
    """(strict hits, lax hits, predicted) of `test` against `gold`, as in `align.search.evaluate`."""
    from align.search.evaluate import _hits as hits
    strict, strict_miss, lax, lax_miss = hits(gold, test)
    return strict, lax, strict + strict_miss


def score(gold: list[BeadPair], test: list[BeadPair], verse_level: bool) -> Counts:
    if verse_level:
        test = merge_inside_gold(gold, test)
    counts = Counts()
    s, lx, total = _hits(gold, test)
    counts.strict_p, counts.lax_p = [s, total], [lx, total]
    both_test = [b for b in test if b[0] and b[1]]
    both_gold = [b for b in gold if b[0] and b[1]]
    s, lx, total = _hits(both_test, both_gold)
    counts.strict_r, counts.lax_r = [s, total], [lx, total]
    counts.gaps = list(detection(unaligned(gold), unaligned(test)))
    return counts


def run_document(doc: GoldDocument, fast: bool = False, params: Sequence[str] = ()) -> Counts:
    """Our alignment and review of one document, scored."""
    from align.search.align import align_documents
    from align.review.review import review_alignment
    src, tgt = doc.source, doc.target
    start = time.perf_counter()
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n",
                                options=experiment_options(params, fast))
    seconds = time.perf_counter() - start
    beads = [(b.src, b.tgt) for b in alignment.beads]
    counts = score(list(doc.gold), beads, doc.verse_level)
    counts.seconds = seconds
    review = review_alignment(alignment)
    flagged: set[tuple[str, int]] = set()
    for pair in review.pairs:
        for flag in pair.flags:
            if flag.type in ("dropped", "added") and flag.severity in ("warning", "error"):
                flagged.update(("s", s.index) for s in pair.source)
                flagged.update(("t", t.index) for t in pair.target)
    counts.flags = list(detection(unaligned(doc.gold), flagged))
    return counts


def run_theirs(binary: str, doc: GoldDocument) -> Counts:
    start = time.perf_counter()
    latin = not any(lang in ("zh", "ja", "ko", "th") for lang in (doc.source_lang, doc.target_lang))
    beads = run_hunalign(binary, doc.source_path, doc.target_path, bytes_=not latin)
    counts = score(list(doc.gold), beads, doc.verse_level)
    counts.seconds = time.perf_counter() - start
    return counts


def line(name: str, c: Counts, with_flags: bool = True) -> str:
    sp, sr, sf, lp, lr, lf = c.f1()
    gp, gr, gf = prf(*c.gaps)
    text = (f"{name:<34} strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | lax F1 {lf:.3f} | "
            f"unaligned P {gp:.2f} R {gr:.2f} F1 {gf:.2f}")
    if with_flags:
        fp, fr, ff = prf(*c.flags)
        text += f" | flags P {fp:.2f} R {fr:.2f} F1 {ff:.2f}"
    return text + f" | {c.seconds:6.2f} s"


def _module(name: str):
    """The toolkit module of that name, in whichever stage of the pipeline it lives (`costs`, `segment`)."""
    import importlib

    for stage in ("search", "text", "review", "compare"):
        try:
            return importlib.import_module(f"align.{stage}.{name}")
        except ModuleNotFoundError:
            continue
    raise SystemExit(f"no module align.*.{name}")


def experiment_options(params: Sequence[str], fast: bool = False):
    """Options of a run with experimental settings: `CostModel.size=2` or `Options.margin=12` set a field,
    `costs.RATIO_POWER=1.0` a module constant (set in this process: the workers each make their own)."""
    from align.search.align import Options
    from align.search.costs import CostModel

    fields: dict[str, dict[str, object]] = {"Options": {}, "CostModel": {}}
    for param in params:
        name, value = param.split("=", 1)
        owner, attr = name.rsplit(".", 1)
        module = None if owner in fields else _module(owner)
        current = getattr(module or (Options() if owner == "Options" else CostModel()), attr)
        typed = value.lower() in ("1", "true", "yes") if isinstance(current, bool) else type(current)(value)
        if module is None:
            fields[owner][attr] = typed
        else:
            setattr(module, attr, typed)
    model = dataclasses.replace(CostModel(), **fields["CostModel"])
    return Options(presegmented=True, lexicon=not fast, model=model, **fields["Options"])


def evaluate(docs: list[GoldDocument], jobs: int = 2, fast: bool = False,
             params: Sequence[str] = ()) -> dict[tuple[str, str], Counts]:
    """Our counts per (set, doc)."""
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(run_document, docs, [fast] * len(docs), [tuple(params)] * len(docs)))
    return {(d.set, d.doc): c for d, c in zip(docs, results)}


def summarise(docs: list[GoldDocument], counts: dict[tuple[str, str], Counts]) -> tuple[dict[str, Counts], Counts]:
    per_set: dict[str, Counts] = {}
    pooled = Counts()
    for d in docs:
        per_set.setdefault(d.set, Counts()).add(counts[d.set, d.doc])
        pooled.add(counts[d.set, d.doc])
    return per_set, pooled


def macro(per_set: dict[str, Counts]) -> float:
    return sum(c.f1()[2] for c in per_set.values()) / max(1, len(per_set))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-hunalign", action="store_true")
    parser.add_argument("--set", action="append", help="only these sets")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--fast", action="store_true", help="align as `--fast` does (no lexicon pass)")
    parser.add_argument("--omissions", action="store_true",
                        help="also every document with 2 %% and 5 %% of its translation left out (the unaligned "
                             "figures on omissions of a known kind, in every set)")
    parser.add_argument("--param", action="append", default=[],
                        help="for experiments: CostModel.size=2.0, Options.margin=12 or costs.RATIO_POWER=1.0")
    args = parser.parse_args()
    docs = [d for d in load_suite() if not args.set or d.set in args.set]
    if not docs:
        print("skipped: no development documents found under ../shared/data")
        return 0
    scratch = tempfile.mkdtemp(prefix="suite-")
    # Chinese-English with omissions, which the Bible lacks: printed apart, not in the macro average
    extra = [with_omissions(d, share, scratch) for d in docs if d.set == "bible-zh-en" or args.omissions
             for share in (0.02, 0.05)]
    ours = evaluate(docs, args.jobs, args.fast, args.param)
    binary = None if args.no_hunalign else hunalign_binary()
    theirs = {(d.set, d.doc): run_theirs(binary, d) for d in docs} if binary else {}
    for d in docs:
        print(line(f"{d.set}/{d.doc}", ours[d.set, d.doc]))
        if theirs:
            print(line("  hunalign", theirs[d.set, d.doc], with_flags=False))
    print()
    per_set, pooled = summarise(docs, ours)
    their_sets, their_pooled = summarise(docs, theirs) if theirs else ({}, None)
    for name, c in per_set.items():
        print(line(f"set {name}", c))
        if theirs:
            print(line("  hunalign", their_sets[name], with_flags=False))
    print(line("pooled", pooled))
    if their_pooled is not None:
        print(line("  hunalign", their_pooled, with_flags=False))
    latin = {k: v for k, v in per_set.items() if k != "bible-zh-en"}
    print(f"macro strict F1 over sets: {macro(per_set):.4f} (Latin-script sets {macro(latin):.4f})"
          + (f"; hunalign {macro(their_sets):.4f}" if theirs else ""))
    if extra:
        print()
        edited = evaluate(extra, args.jobs, args.fast, args.param)
        for d in extra:
            print(line(d.set if not args.omissions else f"{d.set}/{d.doc}", edited[d.set, d.doc]))
            if binary:
                print(line("  hunalign", run_theirs(binary, d), with_flags=False))
        if args.omissions:
            edited_sets, edited_pooled = summarise(extra, edited)
            print()
            for name, c in edited_sets.items():
                print(line(f"set {name}", c))
            print(line("pooled with omissions", edited_pooled))
            print(f"macro strict F1 over sets with omissions: {macro(edited_sets):.4f}")
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
