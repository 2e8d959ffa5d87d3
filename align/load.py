"""Bytes to text: the one reader of input files (encodings, BOM, binary and size checks)."""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

from align.errors import AlignError

MAX_LINE_CHARS = 200_000
"""A longer line is not prose (a minified page, a database dump): refuse it rather than stall."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Document:
    """A decoded input: its name for messages, its exact text (BOM removed) and its encoding."""

    path: str
    text: str
    encoding: str


def decode(data: bytes, name: str = "<text>", encoding: str | None = None,
           max_line: int = MAX_LINE_CHARS) -> Document:
    """Decode `data` strictly: BOM-aware UTF-8/UTF-16, or the explicit `encoding`.

    >>> decode("café".encode("utf-8")).text
    'café'
    """
    if not data:
        raise AlignError(f"{name}: empty file")
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                data, encoding = data[len(bom):], codec
                break
        else:
            if b"\x00" in data[:8192]:
                raise AlignError(f"{name}: binary file (NUL bytes); expected UTF-8 or UTF-16 text with a BOM")
            encoding = "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise AlignError(f"unknown encoding {encoding!r}", exit_code=2) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise AlignError(f"{name}: byte offset {err.start}: not valid {encoding} "
                         f"(byte 0x{data[err.start]:02x}); give --encoding if the file uses another one") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise AlignError(f"{name}: empty file (only white space)")
    if "\x00" in text:
        raise AlignError(f"{name}: binary file (NUL characters)")
    _check_line_lengths(text, name, max_line)
    return Document(path=name, text=text, encoding=encoding)


def _check_line_lengths(text: str, name: str, max_line: int) -> None:
    if len(text) <= max_line:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > max_line:
            raise AlignError(f"{name}:{number}: line of {len(line):,} characters is longer than the "
                             f"limit of {max_line:,}; split it into paragraphs")


def read_document(path: str, encoding: str | None = None, max_line: int = MAX_LINE_CHARS) -> Document:
    """Read and decode one input file; every failure is an AlignError naming the file."""
    if not os.path.exists(path):
        raise AlignError(f"{path}: no such file")
    if os.path.isdir(path):
        raise AlignError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise AlignError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, name=path, encoding=encoding, max_line=max_line)


@dataclass(frozen=True)
class Job:
    """One document pair of a batch: paths (relative paths already resolved) or inline texts."""

    id: str
    source: str = ""
    target: str = ""
    source_name: str = ""         # as the manifest writes it, for reports and messages
    target_name: str = ""
    source_text: str | None = None
    target_text: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None


def read_manifest(path: str, confine: bool = False) -> tuple[Job, ...]:
    """Jobs of a TSV/CSV manifest with a header (`source`, `target`, optional `id`, `source_lang`, `target_lang`).

    Paths are relative to the manifest's folder; with `confine`, a path outside that folder is an error.
    Every problem is found before any work starts.
    """
    import csv

    doc = read_document(path)
    folder = os.path.dirname(os.path.abspath(path))
    first_line = doc.text.splitlines()[0]
    delimiter = "\t" if "\t" in first_line else ","
    rows = list(csv.DictReader(doc.text.splitlines(), delimiter=delimiter))
    header = [h.strip() for h in (csv.reader([first_line], delimiter=delimiter).__next__())]
    missing = [c for c in ("source", "target") if c not in header]
    if missing:
        raise AlignError(f"{path}: manifest has no {' or '.join(missing)} column (header: {', '.join(header)})")
    jobs, seen = [], set()
    for number, row in enumerate(rows, start=2):
        if not (row.get("source") or "").strip() or not (row.get("target") or "").strip():
            raise AlignError(f"{path}:{number}: empty source or target")
        source, target = (os.path.normpath(os.path.join(folder, row[c].strip())) for c in ("source", "target"))
        if confine:
            for p in (source, target):
                if os.path.commonpath([folder, os.path.abspath(p)]) != folder:
                    raise AlignError(f"{path}:{number}: {p} is outside the manifest's folder (--confine)")
        pair_id = (row.get("id") or "").strip() or f"{number - 1:06d}"
        if not _SAFE_ID.match(pair_id):
            raise AlignError(f"{path}:{number}: id {pair_id!r} must be letters, digits, '.', '_' or '-'")
        if pair_id in seen:
            raise AlignError(f"{path}:{number}: duplicate id {pair_id!r}")
        seen.add(pair_id)
        jobs.append(Job(pair_id, source, target, row["source"].strip(), row["target"].strip(),
                        source_lang=(row.get("source_lang") or "").strip() or None,
                        target_lang=(row.get("target_lang") or "").strip() or None))
    if not jobs:
        raise AlignError(f"{path}: manifest lists no pairs")
    return tuple(jobs)


def pair_dirs(source_dir: str, target_dir: str) -> tuple[Job, ...]:
    """Jobs pairing the files of two folders by name (files present on one side only are an error)."""
    for folder in (source_dir, target_dir):
        if not os.path.isdir(folder):
            raise AlignError(f"{folder}: not a directory")
    src = {n for n in os.listdir(source_dir) if os.path.isfile(os.path.join(source_dir, n))}
    tgt = {n for n in os.listdir(target_dir) if os.path.isfile(os.path.join(target_dir, n))}
    if src != tgt:
        odd = sorted(src ^ tgt)
        raise AlignError(f"{odd[0]}: in only one of {source_dir} and {target_dir} ({len(odd)} such files)")
    if not src:
        raise AlignError(f"{source_dir}: no files to pair")
    return tuple(Job(_id_from_name(name), os.path.join(source_dir, name), os.path.join(target_dir, name),
                     os.path.join(source_dir, name), os.path.join(target_dir, name)) for name in sorted(src))


def read_jsonl_jobs(lines: list[str]) -> tuple[Job, ...]:
    """Jobs from JSON lines `{"id", "source", "target"}` with the texts inline."""
    import json

    jobs, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            pair_id, source, target = str(record["id"]), record["source"], record["target"]
        except (ValueError, KeyError, TypeError) as err:
            raise AlignError(f"stdin:{number}: not a JSON object with id, source and target ({err})") from None
        if pair_id in seen:
            raise AlignError(f"stdin:{number}: duplicate id {pair_id!r}")
        seen.add(pair_id)
        jobs.append(Job(pair_id, source_text=source, target_text=target,
                        source_lang=record.get("source_lang"), target_lang=record.get("target_lang")))
    return tuple(jobs)


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def _id_from_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", name)[:200] or "pair"
