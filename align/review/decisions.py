"""A reviser's decisions on a review: pairs corrected or confirmed, flags accepted or dismissed.

The contract (`decisions.json`, schema version 1) names segments by the ids of `report.json` and the two
documents by the SHA-256 of their files, so decisions made for other documents are refused. A pair listed as
`corrected` or `confirmed` is fixed as given: the search runs only between fixed pairs, so one correction also
moves the neighbours that depended on it. A flag is matched by its pair's ids and its type.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Sequence

from align.errors import AlignError

SCHEMA_VERSION = 1
PAIR_STATES = ("corrected", "confirmed")
FLAG_STATES = ("accepted", "dismissed")


@dataclass(frozen=True)
class PairDecision:
    """A pair the reviser fixed: its source and target segment ids (either side may be empty)."""

    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    state: str = "corrected"


@dataclass(frozen=True)
class FlagDecision:
    """A flag the reviser settled: accepted (a real problem, with a comment) or dismissed (with a reason)."""

    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    type: str
    state: str
    reason: str = ""


@dataclass(frozen=True)
class Decisions:
    source_sha256: str = ""
    target_sha256: str = ""
    pairs: tuple[PairDecision, ...] = ()
    flags: tuple[FlagDecision, ...] = ()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ids(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AlignError(f"{where}: ids must be a list of strings such as [\"s4\"]")
    return tuple(value)


def parse_decisions(text: str, name: str = "decisions.json") -> Decisions:
    """Decisions from their JSON text; anything that does not follow the contract is one AlignError."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as err:
        raise AlignError(f"{name}: not JSON ({err})") from None
    if not isinstance(data, dict):
        raise AlignError(f"{name}: not a decisions object")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise AlignError(f"{name}: schema_version must be {SCHEMA_VERSION}, not {data.get('schema_version')!r}")
    pairs, flags = [], []
    for k, item in enumerate(data.get("pairs") or []):
        where = f"{name}: pairs[{k}]"
        if not isinstance(item, dict):
            raise AlignError(f"{where}: not an object")
        state = item.get("state", "corrected")
        if state not in PAIR_STATES + ("unreviewed",):
            raise AlignError(f"{where}: state must be one of {', '.join(PAIR_STATES)}, not {state!r}")
        if state == "unreviewed":
            continue
        decision = PairDecision(_ids(item.get("source_ids", []), where), _ids(item.get("target_ids", []), where), state)
        if not decision.source_ids and not decision.target_ids:
            raise AlignError(f"{where}: a pair needs at least one segment id")
        pairs.append(decision)
    for k, item in enumerate(data.get("flags") or []):
        where = f"{name}: flags[{k}]"
        if not isinstance(item, dict) or not isinstance(item.get("type"), str):
            raise AlignError(f"{where}: a flag needs its pair's ids and its type")
        state = item.get("state")
        if state not in FLAG_STATES:
            raise AlignError(f"{where}: state must be one of {', '.join(FLAG_STATES)}, not {state!r}")
        flags.append(FlagDecision(_ids(item.get("source_ids", []), where), _ids(item.get("target_ids", []), where),
                                  item["type"], state, str(item.get("reason") or item.get("comment") or "")))
    hashes = [data.get(k, "") for k in ("source_sha256", "target_sha256")]
    if not all(isinstance(h, str) for h in hashes):
        raise AlignError(f"{name}: source_sha256 and target_sha256 must be hex strings")
    return Decisions(hashes[0], hashes[1], tuple(pairs), tuple(flags))


def check_documents(decisions: Decisions, source_sha256: str, target_sha256: str,
                    name: str = "decisions.json") -> None:
    """Refuse decisions made for other documents (by the SHA-256 of each file's bytes)."""
    for side, recorded, digest in (("source", decisions.source_sha256, source_sha256),
                                   ("target", decisions.target_sha256, target_sha256)):
        if recorded and recorded.lower() != digest:
            raise AlignError(f"{name}: made for another {side} (its {side}_sha256 is not this file's); "
                             "review these documents again")
        if not recorded:
            raise AlignError(f"{name}: no {side}_sha256: a decisions file must name the documents it was made for")


def fixed_path(decisions: Decisions, source_ids: Sequence[str], target_ids: Sequence[str],
               name: str = "decisions.json") -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The fixed pairs as segment indexes, in document order; unknown ids, a segment in two pairs, a pair whose
    segments are not consecutive and pairs that cross are each one AlignError."""
    src_index = {sid: k for k, sid in enumerate(source_ids)}
    tgt_index = {tid: k for k, tid in enumerate(target_ids)}
    path = []
    for decision in decisions.pairs:
        try:
            src = tuple(sorted(src_index[i] for i in decision.source_ids))
            tgt = tuple(sorted(tgt_index[j] for j in decision.target_ids))
        except KeyError as err:
            raise AlignError(f"{name}: no segment {err.args[0]!r} in these documents") from None
        for side, ids in (("source", src), ("target", tgt)):
            if ids and list(ids) != list(range(ids[0], ids[-1] + 1)):
                raise AlignError(f"{name}: the {side} segments of a pair must follow each other "
                                 f"({', '.join(decision.source_ids + decision.target_ids)})")
        path.append((src, tgt))
    return order_fixed(path, name)


def order_fixed(path: list[tuple[tuple[int, ...], tuple[int, ...]]], name: str = "decisions.json"
                ) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Fixed pairs in document order: those with a source by their first source segment, a target-only pair
    after the last pair whose target comes before it; a segment in two pairs, or pairs that cross, is an error."""
    with_source = sorted((p for p in path if p[0]), key=lambda p: p[0][0])
    ordered: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    last_src, last_tgt = -1, -1
    for src, tgt in with_source:
        if src[0] <= last_src or (tgt and tgt[0] <= last_tgt):
            raise AlignError(f"{name}: fixed pairs cross or share a segment (pairs keep the documents' order)")
        ordered.append((src, tgt))
        last_src, last_tgt = src[-1], tgt[-1] if tgt else last_tgt
    for src, tgt in sorted((p for p in path if not p[0]), key=lambda p: p[1][0]):
        at = max((k + 1 for k, p in enumerate(ordered) if p[1] and p[1][-1] < tgt[0]), default=0)
        crossing = any(p[1] and p[1][-1] >= tgt[0] for p in ordered[:at]) or \
            any(p[1] and p[1][0] <= tgt[-1] for p in ordered[at:])
        if crossing:
            raise AlignError(f"{name}: fixed pairs cross or share a segment (pairs keep the documents' order)")
        ordered.insert(at, ((), tgt))
    return ordered
