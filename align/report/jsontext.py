"""The JSON text of every report: keys sorted, one space of indent, non-ASCII kept, a final newline.

`json.dumps` with an indent runs the standard library's pure-Python encoder; the writer below makes the same
text several times faster (a review's report.json is most of a batch pair's writing), and hands anything it does
not know (a NaN, a key that is not a string, a subclass) to `json.dumps`, so the text is always what it would
have written.
"""
from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any


class _Unusual(Exception):
    """A value the fast writer leaves to `json.dumps`."""


def json_text(record: Any) -> str:
    """`json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\\n"`, byte for byte.

    >>> json_text({"b": [1, 2.5], "a": {"x": None, "y": "é"}, "c": []})
    '{\\n "a": {\\n  "x": null,\\n  "y": "é"\\n },\\n "b": [\\n  1,\\n  2.5\\n ],\\n "c": []\\n}\\n'
    """
    parts: list[str] = []
    try:
        _write(record, "\n", parts)
    except (_Unusual, TypeError, RecursionError):
        return json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    parts.append("\n")
    return "".join(parts)


def _write(value: Any, newline: str, parts: list[str]) -> None:
    """Append `value`'s JSON to `parts`; `newline` is a line break and the indent of the value's own line."""
    kind = type(value)
    if kind is str:
        parts.append(encode_basestring(value))
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + " "
        opening = "{" + inner
        for key in sorted(value):        # keys of mixed types raise TypeError, as json.dumps does
            if type(key) is not str:
                raise _Unusual
            parts.append(opening)
            parts.append(encode_basestring(key))
            parts.append(": ")
            _write(value[key], inner, parts)
            opening = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            parts.append("[]")
            return
        inner = newline + " "
        opening = "[" + inner
        for item in value:
            parts.append(opening)
            _write(item, inner, parts)
            opening = "," + inner
        parts.append(newline + "]")
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(value))
    elif kind is float and math.isfinite(value):
        parts.append(float.__repr__(value))
    else:
        raise _Unusual
