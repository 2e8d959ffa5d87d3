"""The tables shipped in `align/data/` (dictionaries, readings), read once a process: package data, not input."""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def shipped_table(name: str) -> dict[str, str]:
    """A shipped table, key -> its words separated by spaces (its lines are `key<TAB>words` after comment lines,
    split in C, not line by line)."""
    text = gzip.decompress(resources.files("align").joinpath("data", name).read_bytes()).decode("utf-8")
    while text.startswith("#"):
        text = text[text.index("\n") + 1:]
    fields = iter(text.rstrip("\n").replace("\t", "\n").split("\n"))
    return dict(zip(fields, fields))


def shipped_file(name: str):
    """A shipped file, opened for reading bytes."""
    return resources.files("align").joinpath("data", name).open("rb")
