"""Word-level differences between two segments of the same language (difflib), enough to rebuild both."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Edit:
    """One step from hypothesis to reference: `equal`, `insert` (reference only), `delete` (hypothesis
    only) or `replace`; `hyp` and `ref` are the exact text of each side in this step."""

    op: str
    hyp: str
    ref: str


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks; joined, they give the text back.

    >>> tokens("Li added, 12 000.")
    ['Li', ' ', 'added', ',', ' ', '12', ' ', '000', '.']
    """
    return _TOKEN.findall(text)


def word_diff(hypothesis: str, reference: str) -> tuple[Edit, ...]:
    """Edits that turn the hypothesis into the reference.

    >>> [(e.op, e.hyp, e.ref) for e in word_diff("Lee added.", "Li added.")]
    [('replace', 'Lee', 'Li'), ('equal', ' added.', ' added.')]
    """
    a, b = tokens(hypothesis), tokens(reference)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    edits: list[Edit] = []
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        hyp, ref = "".join(a[i0:i1]), "".join(b[j0:j1])
        if edits and edits[-1].op == op:
            edits[-1] = Edit(op, edits[-1].hyp + hyp, edits[-1].ref + ref)
        else:
            edits.append(Edit(op, hyp, ref))
    return tuple(edits)


def rebuild(edits: tuple[Edit, ...]) -> tuple[str, str]:
    """Both sides back from their edits."""
    return "".join(e.hyp for e in edits), "".join(e.ref for e in edits)
