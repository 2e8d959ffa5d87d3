"""Bytes to text: the one reader of input files (encodings, BOM, binary and size checks)."""
from __future__ import annotations

import codecs
import os
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
