"""Fit the search's weights over the whole development suite, and say what a new kind of document would get.

    python benchmarks/fit.py [--rounds 2] [--leave-one-out] [--weights skip_open,orphan,...]

Coordinate search: each weight in turn is multiplied by 0.5, 0.75, 1.33 and 2, and a value is kept when it
raises the objective (the macro strict F1 over sets plus a quarter of the pooled F1 of the segments left
unaligned) and lowers no set's strict F1 by more than a point against the start. The weights live in
`align.search.costs.CostModel` (and `Options.lexicon_weight`, and the shipped dictionaries' strengths and partner
cap in `align.search.dictionary`); copy what this prints there by hand.

With `--leave-one-out`, each set in turn is left out of the fit and scored with the weights fitted on the
others: the figure a kind of document the suite does not hold would get.
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import GoldDocument, load_suite, prf  # noqa: E402
from suite import evaluate, summarise  # noqa: E402

from align.search.align import Options  # noqa: E402
from align.search.costs import CostModel  # noqa: E402

WEIGHTS = ("skip_open", "skip_extend", "orphan", "orphan_z", "dilution", "size", "similarity", "length",
           "cut_anchor", "typical_best", "full_segment", "Options.lexicon_weight", "dictionary.CEDICT_STRENGTH",
           "dictionary.PREFIX_STRENGTH", "dictionary.MAX_PARTNERS")
FACTORS = (0.5, 0.75, 1.33, 2.0)


def defaults() -> dict[str, float]:
    """The shipped value of each weight: a `CostModel` field, an `Options` field, or a module constant."""
    from suite import _module
    model, options = CostModel(), Options()

    def value(weight: str) -> float:
        if weight.startswith("Options."):
            return float(getattr(options, weight.split(".", 1)[1]))
        if "." in weight:
            module, constant = weight.split(".", 1)
            return float(getattr(_module(module), constant))
        return float(getattr(model, weight))
    return {w: value(w) for w in WEIGHTS}


def params_of(values: dict[str, float]) -> list[str]:
    return [(w if "." in w else f"CostModel.{w}") + f"={_typed(w, v)!r}" for w, v in values.items()]


def _typed(weight: str, value: float) -> float | int:
    """A whole-number constant (`dictionary.MAX_PARTNERS`) stays one."""
    return round(value) if weight.endswith("MAX_PARTNERS") else value


def measure(docs: list[GoldDocument], values: dict[str, float]) -> tuple[float, dict[str, float], float]:
    """(objective, strict F1 per set, pooled unaligned F1) with these weights."""
    counts = evaluate(docs, jobs=2, params=params_of(values))
    per_set, pooled = summarise(docs, counts)
    f1 = {name: c.f1()[2] for name, c in per_set.items()}
    gaps = prf(*pooled.gaps)[2]
    return sum(f1.values()) / len(f1) + 0.25 * gaps, f1, gaps


def fit(docs: list[GoldDocument], weights: tuple[str, ...], rounds: int, verbose: bool = True,
        start: dict[str, float] | None = None) -> dict[str, float]:
    values = dict(defaults(), **(start or {}))
    best, start_sets, gaps = measure(docs, values)
    if verbose:
        print(f"start: objective {best:.4f} " + " ".join(f"{k} {v:.3f}" for k, v in start_sets.items())
              + f" unaligned {gaps:.3f}", flush=True)
    for _ in range(rounds):
        changed = False
        for weight in weights:
            base = values[weight]
            for factor in FACTORS:
                trial = dict(values, **{weight: round(base * factor, 4)})
                score, sets, gaps = measure(docs, trial)
                ok = all(sets[k] >= start_sets[k] - 0.01 for k in sets)
                if verbose:
                    print(f"  {weight} = {trial[weight]:<8} objective {score:.4f} {'' if ok else '(a set drops) '}"
                          + " ".join(f"{k} {v:.3f}" for k, v in sets.items()) + f" unaligned {gaps:.3f}", flush=True)
                if ok and score > best + 1e-4:
                    best, values, changed = score, trial, True
        if not changed:
            break
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--weights", default=",".join(WEIGHTS))
    parser.add_argument("--leave-one-out", action="store_true")
    parser.add_argument("--start", default="", help="start from these values, e.g. similarity=0.5,dilution=0.5 "
                                                     "(the weights before a fit, for an honest leave-one-out)")
    args = parser.parse_args()
    docs = load_suite()
    if not docs:
        print("skipped: no development documents found under ../shared/data")
        return 0
    weights = tuple(w for w in args.weights.split(",") if w)
    start = {k: float(v) for k, v in (item.split("=") for item in args.start.split(",") if item)}
    if not args.leave_one_out:
        values = fit(docs, weights, args.rounds, start=start)
        before = dict(defaults(), **start)
        print("fitted:", ", ".join(f"{w}={v}" for w, v in values.items() if v != before[w]) or "no change")
        return 0
    for held_out in sorted({d.set for d in docs}):
        train = [d for d in docs if d.set != held_out]
        test = [d for d in docs if d.set == held_out]
        values = fit(train, weights, args.rounds, verbose=False, start=start)
        _, before, _ = measure(test, dict(defaults(), **start))
        _, after, _ = measure(test, values)
        print(f"left out {held_out:<16} strict F1 at the start {before[held_out]:.3f}, with weights fitted on "
              f"the other sets {after[held_out]:.3f} ({', '.join(f'{w}={values[w]}' for w in weights)})",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
