"""Throughput of `align batch`: pairs and sentences per second for --jobs 1, --jobs 2 (with and without the run
lexicon, which first aligns up to 400 of the pairs to learn from) and a 2-worker Dask cluster.

    python benchmarks/batch.py [--pairs 1000] [--size 20] [--stages]

Makes N short document pairs from the Text+Berg development set (consecutive slices of `--size` lines,
with a line removed from one side and an unrelated line added to the other in some of them), writes a
manifest, and times whole `align batch` processes. Peak memory is the largest worker's (max RSS of the
child processes). Then hunalign run once per pair on the same pairs, as Bitextor runs it. Skips when the data
is absent.

`--stages` also reviews the pairs in this process, one after the other as a worker does, and prints where a pair's
time goes (milliseconds a pair, by stage: language detection, segmentation, features, search, scores, the
review's pair rules, the rest of the review, the JSON and TMX files): what a cut in per-pair cost has to aim at.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from harness import DEFAULT_DATA, hunalign_binary, read_lines, run_hunalign  # noqa: E402


def make_pairs(folder: str, n: int, size: int) -> tuple[str, int]:
    import numpy as np

    de, fr = read_lines(os.path.join(DEFAULT_DATA, "dev.de")), read_lines(os.path.join(DEFAULT_DATA, "dev.fr"))
    rng = np.random.default_rng(3)
    lines, sentences = ["id\tsource\ttarget"], 0
    for k in range(n):
        start = int(rng.integers(0, len(de) - size))
        src = de[start:start + size]
        fr_start = int(start * len(fr) / len(de))
        tgt = fr[fr_start:fr_start + int(size * len(fr) / len(de))]
        if k % 3 == 1:
            del src[int(rng.integers(0, len(src)))]
        if k % 3 == 2:
            tgt.insert(int(rng.integers(0, len(tgt))), "Une ligne ajoutée sans rapport avec le texte.")
        for name, text in ((f"{k}.de", src), (f"{k}.fr", tgt)):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as handle:
                handle.write("\n".join(text) + "\n")
        sentences += len(src) + len(tgt)
        lines.append(f"p{k}\t{k}.de\t{k}.fr")
    manifest = os.path.join(folder, "manifest.tsv")
    with open(manifest, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    return manifest, sentences


def run(manifest: str, out: str, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "align", "batch", manifest, "--out", out, "--presegmented", *extra],
                   check=True, stderr=subprocess.DEVNULL, cwd=ROOT, env=dict(os.environ, PYTHONPATH=ROOT))
    return time.perf_counter() - start


def run_hunalign_per_pair(binary: str, folder: str, n: int, jobs: int) -> float:
    """hunalign once per pair, as Bitextor runs it (a process per document pair, no dictionary), `jobs` at a
    time, each in a scratch folder (it writes translate.txt where it runs), its ladder read."""
    from concurrent.futures import ThreadPoolExecutor

    def one(k: int) -> None:
        run_hunalign(binary, os.path.join(folder, f"{k}.de"), os.path.join(folder, f"{k}.fr"))

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, range(n)))
    return time.perf_counter() - start


STAGES = (  # (label, module, attribute path): the functions a worker's review of one pair goes through
    ("language detection", "align.text.lang", "detect_language"),
    ("segmentation", "align.search.align", "segment_pair"),
    ("features", "align.search.align", "_Features.build"),
    ("search", "align.search.align", "_search_levels"),
    ("scores", "align.search.align", "bead_scores"),
    ("unrelated baseline", "align.search.align", "unrelated_baseline"),
    ("review: pair rules", "align.review.review", "check_pair"),
    ("review: all", "align.review.review", "review_alignment"),
    ("JSON file", "align.report.json", "format_review_json"),
    ("TMX file", "align.report.tmx", "format_review_tmx"),
)


def stage_costs(manifest: str) -> tuple[int, float, dict[str, float]]:
    """Review every pair of `manifest` in this process, timing the stages of `STAGES` (each function wrapped
    where its callers look it up); returns the pairs, the total seconds and the seconds by stage."""
    import functools
    import importlib

    from align.batch import review_pair
    from align.text.load import read_manifest

    spent = {label: 0.0 for label, _, _ in STAGES}

    def timed(label, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - start
        return wrapper

    for label, module, path in STAGES:
        owner = importlib.import_module(module)
        *outer, name = path.split(".")
        for part in outer:
            owner = getattr(owner, part)
        wrapped = timed(label, getattr(owner, name))
        setattr(owner, name, staticmethod(wrapped) if outer else wrapped)
    jobs = read_manifest(manifest)
    start = time.perf_counter()
    failed = [r for k, job in enumerate(jobs) if (r := review_pair(k, job, presegmented=True)).status != "ok"]
    if failed:
        raise SystemExit(f"{len(failed)} pairs failed: {failed[0].error}")
    return len(jobs), time.perf_counter() - start, spent


def print_stages(manifest: str) -> None:
    n, total, spent = stage_costs(manifest)
    print(f"per pair, one process (--stages): {1000 * total / n:.1f} ms a pair in all")
    for label, seconds in spent.items():
        print(f"  {label:<24} {1000 * seconds / n:6.2f} ms  {100 * seconds / total:5.1f} %")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--stages", action="store_true", help="also where a pair's time goes, by stage")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(DEFAULT_DATA, "dev.de")):
        print(f"skipped: development set not found in {DEFAULT_DATA}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        manifest, sentences = make_pairs(tmp, args.pairs, args.size)
        print(f"{args.pairs} pairs of about {args.size} lines a side, {sentences} sentences")
        base = None
        for name, extra in (("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"]),
                            ("--jobs 2 --no-run-lexicon", ["--jobs", "2", "--no-run-lexicon"]),
                            ("Dask LocalCluster, 2 workers", ["--dask", "--jobs", "2"])):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            seconds = run(manifest, os.path.join(tmp, name.replace(" ", "_")), extra)
            peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            base = base or seconds
            print(f"{name:<30} {seconds:7.1f} s  {args.pairs / seconds:7.1f} pairs/s  {sentences / seconds:8.0f} "
                  f"sentences/s  speed-up {base / seconds:.2f}x  peak child RSS {peak:.0f} MB")
        binary = hunalign_binary()
        for jobs in (1, 2) if binary else ():
            seconds = run_hunalign_per_pair(binary, tmp, args.pairs, jobs)
            print(f"{f'hunalign per pair, {jobs} at a time':<30} {seconds:7.1f} s  {args.pairs / seconds:7.1f} pairs/s"
                  f"  {sentences / seconds:8.0f} sentences/s  (alignment only: no review, its ladder read)")
        if args.stages:
            print_stages(manifest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
