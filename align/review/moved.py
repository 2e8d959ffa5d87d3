"""Sentences the translation moved: where the alignment found a source segment and a target segment out of
order that translate each other, their pairs say "moved" instead of "dropped", "added" or "low similarity"."""
from __future__ import annotations

from typing import Sequence

from align.review.flags import WARNING, Flag, whole_spans
from align.search.moves import Move
from align.text.segment import Segment

REPLACED = frozenset({"dropped", "added", "low_similarity", "number_mismatch", "entity_mismatch", "partial_omission",
                      "merged", "split", "reordered", "date_mismatch"})
"""What a pair made only of moved segments owes to the move: it is rendered elsewhere, and the sides it was
paired with are strangers, whose numbers and names say nothing."""


def _quoted(segment: Segment, limit: int = 60) -> str:
    text = segment.text if len(segment.text) <= limit else segment.text[:limit].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def moved_flags(pairs: Sequence[tuple[Sequence[Segment], Sequence[Segment], tuple[Flag, ...]]],
                moves: Sequence[Move], source: Sequence[Segment], target: Sequence[Segment],
                sides: tuple[str, str] = ("source", "translation")) -> list[tuple[Flag, ...]]:
    """Each pair's flags with its moved segments said: a `moved` warning naming where the other half stands,
    in place of the flags that only the move caused."""
    # each side's moved segments -> their other half, and how a note names it
    partner = ({m.source: target[m.target] for m in moves}, {m.target: source[m.source] for m in moves})
    note = (lambda t: f"this {sides[0]} sentence is rendered elsewhere in the {sides[1]}, by {t.id} {_quoted(t)}",
            lambda s: f"this {sides[1]} sentence renders {s.id} {_quoted(s)}, which stands elsewhere in the {sides[0]}")
    out = []
    for src, tgt, flags in pairs:
        moved = [[s for s in src if s.index in partner[0]], [t for t in tgt if t.index in partner[1]]]
        notes = [note[k](partner[k][seg.index]) for k in (0, 1) for seg in moved[k]]
        spans = whole_spans("source", moved[0]) + whole_spans("target", moved[1])
        if not notes:
            out.append(flags)
            continue
        # a pair whose every segment moved: its comparison flags compared strangers
        whole = len(moved[0]) == len(src) and len(moved[1]) == len(tgt)
        kept = tuple(f for f in flags if not (whole and f.type in REPLACED))
        message = "Moved: " + "; ".join(notes) + "."
        out.append(kept + (Flag("moved", WARNING, message, spans),))
    return out
