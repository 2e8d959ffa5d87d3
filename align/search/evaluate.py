"""Alignment accuracy against a gold standard: strict and lax precision, recall and F1 (Vecalign's definitions).

Precision is taken over every predicted bead (skips included), recall over the gold beads that have
both sides. A bead is a strict hit when the same bead is in the gold; a lax hit when some gold bead
shares a source segment with it and the gold target of those source segments meets its target.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Accuracy:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def parse_beads(lines: Iterable[str]) -> list[BeadPair]:
    """Read beads written one a line as `[3, 4]:[5]` (an optional `:score` after them is ignored).

    >>> parse_beads(["[3, 4]:[5]", "[]:[7]:0.5"])
    [((3, 4), (5,)), ((), (7,))]
    """
    beads = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parts = line.strip().split(":")
        if len(parts) < 2:
            raise ValueError(f"line {number}: expected `[src]:[tgt]`, got {line.strip()!r}")
        beads.append((tuple(ast.literal_eval(parts[0])), tuple(ast.literal_eval(parts[1]))))
    return beads


def _hits(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> tuple[int, int, int, int]:
    """(strict hits, strict misses, lax hits, lax misses) of `test` beads judged against `gold`."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    gold_targets: dict[int, set[int]] = defaultdict(set)
    for s, t in gold_set:
        for i in s:
            gold_targets[i].update(t)
    strict = strict_miss = lax = lax_miss = 0
    for s, t in {(tuple(s), tuple(t)) for s, t in test if s or t}:
        if (s, t) in gold_set:
            strict += 1
            lax += 1
            continue
        strict_miss += 1
        reachable = set().union(*(gold_targets[i] for i in s)) if s else set()
        if reachable & set(t):
            lax += 1
        else:
            lax_miss += 1
    return strict, strict_miss, lax, lax_miss


def score_alignment(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> Accuracy:
    """Strict and lax precision/recall/F1 of `test` against `gold`."""
    p = _hits(gold, test)
    r = _hits([b for b in test if b[0] and b[1]], [b for b in gold if b[0] and b[1]])

    def ratio(a: int, b: int) -> float:
        return a / (a + b) if a + b else 0.0

    def f1(x: float, y: float) -> float:
        return 2 * x * y / (x + y) if x + y else 0.0

    ps, pl, rs, rl = ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3])
    return Accuracy(ps, rs, f1(ps, rs), pl, rl, f1(pl, rl))
