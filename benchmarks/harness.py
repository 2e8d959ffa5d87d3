"""What every benchmark shares: the development documents, hunalign, and how a run is scored.

The data is read from `../shared` beside the project and never copied into it; a benchmark skips what is absent.
"""
from __future__ import annotations

import csv
import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from typing import Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from align.search.evaluate import BeadPair, parse_beads  # noqa: E402

SHARED = os.path.join(HERE, "..", "..", "shared")
SUITE_DIR = os.path.join(SHARED, "data", "dev-suite")
BIBLE_DIR = os.path.join(SHARED, "data", "bible-zh-en")
DEFAULT_DATA = os.path.join(SHARED, "data", "textberg-dev")
HUNALIGN_DIR = os.path.join(SHARED, "tools", "hunalign")


@dataclass(frozen=True)
class GoldDocument:
    """One presegmented document pair with its gold beads; `verse_level` gold is scored after merging
    predicted beads that fall inside one gold bead (see `merge_inside_gold`)."""

    set: str
    doc: str
    source_path: str
    target_path: str
    source_lang: str
    target_lang: str
    gold: tuple[BeadPair, ...]
    verse_level: bool = False

    @property
    def source(self) -> list[str]:
        return read_lines(self.source_path)

    @property
    def target(self) -> list[str]:
        return read_lines(self.target_path)


def read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return handle.read().split("\n")[:-1]


def _read_gold(path: str) -> tuple[BeadPair, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(parse_beads(handle))


def load_suite(suite_dir: str = SUITE_DIR, bible_dir: str = BIBLE_DIR) -> list[GoldDocument]:
    """Every development document found: the dev suite's manifest, then the Chinese-English Bible pair."""
    docs: list[GoldDocument] = []
    manifest = os.path.join(suite_dir, "manifest.tsv")
    if os.path.exists(manifest):
        with open(manifest, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                paths = [os.path.normpath(os.path.join(suite_dir, row[k])) for k in ("source", "target", "gold")]
                if all(os.path.exists(p) for p in paths):
                    docs.append(GoldDocument(row["set"], row["doc"], paths[0], paths[1], row["source_lang"],
                                             row["target_lang"], _read_gold(paths[2])))
    paths = [os.path.join(bible_dir, f"genesis-numbers.{ext}") for ext in ("zh", "en", "zhen")]
    if all(os.path.exists(p) for p in paths):
        docs.append(GoldDocument("bible-zh-en", "genesis-numbers", paths[0], paths[1], "zh", "en",
                                 _read_gold(paths[2]), verse_level=True))
    return docs


def with_omissions(doc: GoldDocument, share: float, folder: str, seed: int = 1) -> GoldDocument:
    """The document with the translation of `share` of its gold beads left out (written to `folder`): the gold
    then leaves those source segments unaligned. The suite's Chinese-English text has no omission of its own."""
    import random

    rng = random.Random(seed)
    target = doc.target
    dropped = {k for k, (_, t) in enumerate(doc.gold) if t and rng.random() < share}
    kept: list[str] = []
    gold: list[BeadPair] = []
    for k, (s, t) in enumerate(doc.gold):
        if k in dropped:
            gold.append((s, ()))
            continue
        gold.append((s, tuple(range(len(kept), len(kept) + len(t)))))
        kept.extend(target[j] for j in t)
    path = os.path.join(folder, f"{doc.doc}-omissions{round(share * 100)}.{os.path.basename(doc.target_path)}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(kept) + "\n")
    return GoldDocument(f"{doc.set} ({share:.0%} left out)", doc.doc, doc.source_path, path, doc.source_lang,
                        doc.target_lang, tuple(gold), doc.verse_level)


def load_dev(data: str = DEFAULT_DATA) -> tuple[list[str], list[str], list[BeadPair]] | None:
    """The Text+Berg development pair and its gold beads, or None (with a message) when the data is absent."""
    paths = [os.path.join(data, f"dev.{ext}") for ext in ("de", "fr", "defr")]
    if not all(os.path.exists(p) for p in paths):
        print(f"skipped: development set not found in {data}")
        return None
    return read_lines(paths[0]), read_lines(paths[1]), list(_read_gold(paths[2]))


def run_ours(src: list[str], tgt: list[str], options=None, source_lang: str | None = None,
             target_lang: str | None = None) -> list[BeadPair]:
    """Align as `python -m align pairs --presegmented` does: the lines as documents, languages detected
    (unless given), each line one segment with its kind."""
    from align.search.align import Options, align_documents
    options = dataclasses.replace(options or Options(), presegmented=True)
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n", source_lang, target_lang,
                                options=options)
    if (len(alignment.source), len(alignment.target)) != (len(src), len(tgt)):
        raise ValueError("a blank line in the input: segment numbers would not be line numbers")
    return [(b.src, b.tgt) for b in alignment.beads]


def hunalign_binary() -> str | None:
    """Path of hunalign, built by the shared script on first use; None when it cannot be built."""
    build = os.path.join(HUNALIGN_DIR, "build.sh")
    if not os.path.exists(build):
        return None
    result = subprocess.run(["bash", build], capture_output=True, text=True)
    path = result.stdout.strip().splitlines()[-1] if result.returncode == 0 and result.stdout.strip() else ""
    return path if path and os.path.exists(path) else None


def ladder_to_beads(ladder: list[tuple[int, int]]) -> list[BeadPair]:
    """hunalign's rungs (i, j) -> beads between consecutive rungs."""
    beads = []
    for (i0, j0), (i1, j1) in zip(ladder, ladder[1:]):
        beads.append((tuple(range(i0, i1)), tuple(range(j0, j1))))
    return beads


def run_hunalign(binary: str, src_path: str, tgt_path: str, realign: bool = False,
                 bytes_: bool = False) -> list[BeadPair]:
    """hunalign with no dictionary (characters as UTF-8 code points, or bytes with `bytes_`), run in a
    scratch folder: it writes `translate.txt` into its working directory."""
    null_dic = os.path.join(HUNALIGN_DIR, "data", "null.dic")
    flags = (["-onebyteencoding"] if bytes_ else ["-utf"]) + (["-realign"] if realign else [])
    scratch = tempfile.mkdtemp(prefix="hunalign-")
    try:
        out = subprocess.run([binary, *flags, os.path.abspath(null_dic), os.path.abspath(src_path),
                              os.path.abspath(tgt_path)], capture_output=True, text=True, check=True,
                             cwd=scratch).stdout
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    ladder = [(int(a), int(b)) for a, b, *_ in (line.split("\t") for line in out.splitlines() if line.strip())]
    return ladder_to_beads(ladder)


def merge_inside_gold(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> list[BeadPair]:
    """Merge consecutive predicted beads that fall inside one gold bead (verse-level gold, as Bertalign
    scores its Bible): a bead crossing a gold boundary stays as it is, and is wrong either way.

    >>> merge_inside_gold([((0, 1), (0, 1)), ((2,), (2,))], [((0,), (0,)), ((1,), (1,)), ((2,), (2,))])
    [((0, 1), (0, 1)), ((2,), (2,))]
    """
    src_owner = {i: k for k, (s, _) in enumerate(gold) for i in s}
    tgt_owner = {j: k for k, (_, t) in enumerate(gold) for j in t}
    merged: list[BeadPair] = []
    owners: list[int | None] = []
    for s, t in test:
        keys = {src_owner.get(i) for i in s} | {tgt_owner.get(j) for j in t}
        owner = keys.pop() if len(keys) == 1 else None
        if owner is not None and owners and owners[-1] == owner:
            ps, pt = merged[-1]
            merged[-1] = (tuple(sorted(ps + tuple(s))), tuple(sorted(pt + tuple(t))))
        else:
            merged.append((tuple(s), tuple(t)))
            owners.append(owner)
            continue
    return merged


def unaligned(beads: Sequence[BeadPair]) -> set[tuple[str, int]]:
    """The segments a bead leaves without counterpart, as ('s', i) and ('t', j)."""
    out: set[tuple[str, int]] = set()
    for s, t in beads:
        if s and not t:
            out.update(("s", i) for i in s)
        elif t and not s:
            out.update(("t", j) for j in t)
    return out


def detection(gold: set, found: set) -> tuple[int, int, int]:
    """(true positives, found, gold) of a set of detected items."""
    return len(gold & found), len(found), len(gold)


def prf(tp: int, found: int, gold: int) -> tuple[float, float, float]:
    p = tp / found if found else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
