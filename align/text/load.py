"""Bytes to text: the one reader of input files (encodings, BOM, binary and size checks)."""
from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass

from align.errors import AlignError
from align.text.tags import language_tag

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
    skipped = 0                  # bytes of a BOM taken off: error offsets count from the file's first byte
    if encoding is None:
        for bom, codec in _BOMS:
            if data.startswith(bom):
                data, encoding, skipped = data[len(bom):], codec, len(bom)
                break
        else:
            if b"\x00" in data[:8192]:
                raise AlignError(f"{name}: binary file (NUL bytes); expected UTF-8 or UTF-16 text with a BOM")
            encoding = "utf-8"
    check_encoding(encoding)
    try:
        text = data.decode(encoding)
    except LookupError:
        raise AlignError(f"{encoding!r} is not a text encoding", exit_code=2) from None
    except UnicodeDecodeError as err:
        raise AlignError(f"{name}: byte offset {err.start + skipped}: not valid {encoding} "
                         f"(byte 0x{data[err.start]:02x}); give --encoding if the file uses another one") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise AlignError(f"{name}: empty file (only white space)")
    if "\x00" in text:
        raise AlignError(f"{name}: binary file (NUL characters)")
    check_line_lengths(text, name, max_line)
    return Document(path=name, text=text, encoding=encoding)


def check_encoding(encoding: str) -> str:
    """`encoding` if Python can decode bytes to text with it; a usage error for an unknown name or a codec that
    is not a text encoding (`rot13`, `base64`).

    >>> check_encoding("cp1252")
    'cp1252'
    """
    try:
        codecs.lookup(encoding)
        b"a".decode(encoding)        # rot13 or base64 are found by lookup but refuse to make text of bytes
    except UnicodeDecodeError:       # a real text encoding that "a" alone is not valid in (utf-16, utf-32)
        pass
    except LookupError:
        raise AlignError(f"unknown encoding {encoding!r} (use e.g. utf-8, cp1252, latin-1, gb18030)",
                         exit_code=2) from None
    return encoding


def check_line_lengths(text: str, name: str, max_line: int) -> None:
    if len(text) <= max_line:
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > max_line:
            raise AlignError(f"{name}:{number}: line of {len(line):,} characters is longer than the "
                             f"limit of {max_line:,}; split it into paragraphs")


def read_bytes(path: str) -> bytes:
    """The bytes of one input file; a missing file, a folder or an unreadable one is an AlignError."""
    if not os.path.exists(path):
        raise AlignError(f"{path}: no such file")
    if os.path.isdir(path):
        raise AlignError(f"{path}: is a directory, not a file")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise AlignError(f"{path}: cannot read ({err.strerror})") from None


def read_document(path: str, encoding: str | None = None, max_line: int = MAX_LINE_CHARS) -> Document:
    """Read and decode one plain-text input file; every failure is an AlignError naming the file."""
    return decode(read_bytes(path), name=path, encoding=encoding, max_line=max_line)


def check_pair_sizes(source: str, target: str) -> None:
    """Refuse, before reading them, two files whose sizes no translation explains (`sizes.check_lengths` on
    bytes: a 200 MB file against a 12-line one would otherwise be read and searched whole)."""
    from align.text.sizes import check_lengths

    try:
        sizes = os.path.getsize(source), os.path.getsize(target)
    except OSError:
        return   # the reader names the missing file
    if 0 in sizes:
        return   # ... and the empty one: "empty file" says more than a size ratio
    try:
        check_lengths(*sizes, unit="bytes")
    except AlignError as err:
        raise AlignError(f"{source}, {target}: {err}") from None


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
    error: str = ""               # a line of `--jsonl` input that could not be read: reported as this pair's error


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
        if confine:   # by real paths: a symlink inside the folder that points outside is outside
            real_folder = os.path.realpath(folder)
            for p in (source, target):
                if os.path.commonpath([real_folder, os.path.realpath(p)]) != real_folder:
                    raise AlignError(f"{path}:{number}: {p} is outside the manifest's folder (--confine)")
        pair_id = (row.get("id") or "").strip() or f"{number - 1:06d}"
        if not _SAFE_ID.match(pair_id):
            raise AlignError(f"{path}:{number}: id {pair_id!r} must be letters, digits, '.', '_' or '-'")
        if pair_id.casefold() in seen:   # ids name folders: on a case-blind file system `A` and `a` are one
            raise AlignError(f"{path}:{number}: duplicate id {pair_id!r}")
        seen.add(pair_id.casefold())
        try:
            langs = [language_tag(v) if (v := (row.get(c) or "").strip()) else None
                     for c in ("source_lang", "target_lang")]
        except AlignError as err:
            raise AlignError(f"{path}:{number}: {err}") from None
        jobs.append(Job(pair_id, source, target, row["source"].strip(), row["target"].strip(),
                        source_lang=langs[0], target_lang=langs[1]))
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
    jobs, seen = [], {}
    for name in sorted(src):
        pair_id = _id_from_name(name)
        if len(pair_id) > 200:
            raise AlignError(f"{os.path.join(source_dir, name)}: file name too long to name a pair folder")
        if pair_id.casefold() in seen:   # a folder per pair: on a case-blind file system these would be one
            raise AlignError(f"{name} and {seen[pair_id.casefold()]} would share one pair folder; rename one")
        seen[pair_id.casefold()] = name
        jobs.append(Job(pair_id, os.path.join(source_dir, name), os.path.join(target_dir, name),
                        os.path.join(source_dir, name), os.path.join(target_dir, name)))
    return tuple(jobs)


def read_jsonl_jobs(lines: list[bytes]) -> tuple[Job, ...]:
    """Jobs from JSON lines `{"id", "source", "target"}` with the texts inline (optional `source_lang`,
    `target_lang`). A line that cannot be read becomes a job that carries its error, so the stream goes on."""
    jobs, seen = [], set()
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        job = _jsonl_job(raw, number, seen)
        seen.add(job.id)
        jobs.append(job)
    return tuple(jobs)


def _jsonl_job(raw: bytes, number: int, seen: set[str]) -> Job:
    import json

    fallback = f"line-{number}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return Job(fallback, error=f"stdin:{number}: byte offset {err.start}: not valid UTF-8")
    try:
        record = json.loads(line)
    except RecursionError:
        return Job(fallback, error=f"stdin:{number}: JSON nested too deeply")
    except ValueError as err:
        return Job(fallback, error=f"stdin:{number}: not JSON ({err})")
    if not isinstance(record, dict):
        return Job(fallback, error=f"stdin:{number}: not a JSON object with id, source and target")
    pair_id = record.get("id")
    if isinstance(pair_id, (int, float)) and not isinstance(pair_id, bool):
        pair_id = str(pair_id)
    if not isinstance(pair_id, str) or not pair_id or not _encodable(pair_id):
        return Job(fallback, error=f"stdin:{number}: id must be a non-empty string")
    if pair_id in seen:
        return Job(pair_id, error=f"stdin:{number}: duplicate id {pair_id!r}")
    fields = {}
    for key in ("source", "target", "source_lang", "target_lang"):
        value = record.get(key)
        if key in ("source", "target") and not isinstance(value, str):
            return Job(pair_id, error=f"stdin:{number}: {key} must be a string, not "
                                      f"{'missing' if value is None else type(value).__name__}")
        if value is not None and not isinstance(value, str):
            return Job(pair_id, error=f"stdin:{number}: {key} must be a string")
        if isinstance(value, str) and not _encodable(value):
            return Job(pair_id, error=f"stdin:{number}: {key} has an unpaired surrogate (not Unicode text)")
        fields[key] = value
    try:
        langs = [language_tag(fields[k]) if fields[k] else None for k in ("source_lang", "target_lang")]
    except AlignError as err:
        return Job(pair_id, error=f"stdin:{number}: {err}")
    return Job(pair_id, source_text=fields["source"], target_text=fields["target"], source_lang=langs[0],
               target_lang=langs[1])


def _encodable(text: str) -> bool:
    """Whether `text` is Unicode text that can be written as UTF-8 (JSON lets `\\ud800` through)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def _id_from_name(name: str) -> str:
    """A pair id from a file name, unique and reversible: letters, digits, '_', '-' and inner dots stay; every
    other character (and a leading dot, so that no id looks like a temporary folder) becomes %XX of its UTF-8
    bytes, as in a URL.

    >>> _id_from_name("a b.txt"), _id_from_name("é.txt"), _id_from_name(".tmp-x.txt")
    ('a%20b.txt', '%C3%A9.txt', '%2Etmp-x.txt')
    """
    out = []
    for k, char in enumerate(name):
        if (char.isascii() and (char.isalnum() or char in "_-")) or (char == "." and k > 0):
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogateescape")))
    return "".join(out)
