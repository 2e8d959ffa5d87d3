"""Variants the issue suggested, measured on the Text+Berg development set against the shipped aligner.

    python benchmarks/ablations.py [--data DIR]

- no lexicon pass (the first pass alone);
- without the boundary costs (a bead boundary inside a parenthesis, between clauses, or across a name or
  number that the translation moved to the other side of it);
- SentencePiece units trained on the pair at run time, added to the n-gram features
  (needs `sentencepiece`: `pip install .[bench]`; skipped without it);
- a held-out IBM-1 lexicon (both directions, EM on the first pass's beads, pairs kept by the geometric
  mean of p(t|s) and p(s|t)) in place of the Dice lexicon.

None beats the shipped aligner by more than the noise of one document (1.5 points), so none ships.
Prints strict and lax F1 per variant. Skips when the data is absent.
"""
from __future__ import annotations

import argparse
import dataclasses
import io
import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

from harness import DEFAULT_DATA, load_dev, run_ours  # noqa: E402

from align.search import align as aligner  # noqa: E402
from align.search import lexicon  # noqa: E402
from align.search.csr import Csr, hstack  # noqa: E402
from align.search.align import Options  # noqa: E402
from align.search.costs import CostModel  # noqa: E402
from align.search.evaluate import score_alignment  # noqa: E402
from align.text.lang import strip_accents  # noqa: E402
from align.search.vectors import idf_weights, weight  # noqa: E402

Beads = Sequence[tuple[Sequence[int], Sequence[int]]]


@contextmanager
def patched(owner: object, name: str, value: object) -> Iterator[None]:
    original = getattr(owner, name)
    setattr(owner, name, value)
    try:
        yield
    finally:
        setattr(owner, name, original)


def sentencepiece_features(vocab_size: int, scale: float) -> Callable:
    """A `_Features.build` that appends IDF-weighted SentencePiece units trained on both sides."""
    import sentencepiece as spm

    original = aligner._Features.build

    def build(src: Sequence[str], tgt: Sequence[str], src_lang: str | None, tgt_lang: str | None):
        feats = original(src, tgt, src_lang, tgt_lang)
        model = io.BytesIO()
        texts = [strip_accents(t) for t in list(src) + list(tgt) if t.strip()]
        spm.SentencePieceTrainer.train(sentence_iterator=iter(texts), model_writer=model, vocab_size=vocab_size,
                                       model_type="unigram", character_coverage=1.0, num_threads=1,
                                       minloglevel=2, hard_vocab_limit=False)
        processor = spm.SentencePieceProcessor(model_proto=model.getvalue())

        def pieces(texts: Sequence[str]) -> Csr:
            rows, cols = [], []
            for k, text in enumerate(texts):
                ids = processor.encode(strip_accents(text))
                rows += [k] * len(ids)
                cols += ids
            return Csr.from_entries(np.ones(len(rows), np.float32), rows, cols,
                                    (len(texts), processor.get_piece_size()))

        ps, pt = pieces(src), pieces(tgt)
        idf = idf_weights(ps, pt)
        return dataclasses.replace(
            feats,
            src_matrix=hstack([feats.src_matrix, weight(ps, idf).scale_columns(np.full(len(idf), scale))]),
            tgt_matrix=hstack([feats.tgt_matrix, weight(pt, idf).scale_columns(np.full(len(idf), scale))]))

    return staticmethod(build)


def ibm1_lexicon(threshold: float, iterations: int = 5, null_mass: float = 0.1) -> Callable:
    """A `learn_lexicon` that keeps word pairs by symmetrised IBM-1 probability instead of Dice."""

    def learn(src_words: Csr, tgt_words: Csr, beads: Beads,
              min_count: int = 2, min_dice: float = 0.4, first_copy: Sequence[bool] | None = None) -> lexicon.Lexicon:
        paired = [b for b in beads if b[0] and b[1]]

        def word_sets(words: Csr, side: int) -> list[np.ndarray]:
            return [np.unique(np.concatenate([words.indices[words.indptr[i]:words.indptr[i + 1]] for i in b[side]]))
                    for b in paired]

        src_sets, tgt_sets = word_sets(src_words, 0), word_sets(tgt_words, 1)
        bead = np.concatenate([np.full(len(s) * len(t), k) for k, (s, t) in enumerate(zip(src_sets, tgt_sets))])
        s_id = np.concatenate([np.repeat(s, len(t)) for s, t in zip(src_sets, tgt_sets)])
        t_id = np.concatenate([np.tile(t, len(s)) for s, t in zip(src_sets, tgt_sets)])
        n_tgt, n_src = tgt_words.shape[1], src_words.shape[1]
        keys, pair, count = np.unique(s_id.astype(np.int64) * n_tgt + t_id, return_inverse=True, return_counts=True)
        pair_src, pair_tgt = keys // n_tgt, keys % n_tgt

        def em(given: np.ndarray, occurrence: np.ndarray) -> np.ndarray:
            """p(other word | given word): each occurrence of the other word is shared among the bead's given words."""
            prob = 1.0 / np.bincount(given)[given]
            for _ in range(iterations):
                share = prob[pair]
                posterior = share / (np.bincount(occurrence, weights=share)[occurrence] + null_mass)
                counts = np.bincount(pair, weights=posterior, minlength=len(keys))
                totals = np.bincount(given, weights=counts)[given]
                prob = np.where(totals > 0, counts / np.maximum(totals, 1e-12), 0.0)
            return prob

        tgt_occurrence = np.unique(bead * n_tgt + t_id, return_inverse=True)[1]
        src_occurrence = np.unique(bead * n_src + s_id, return_inverse=True)[1]
        strength = np.sqrt(em(pair_src, tgt_occurrence) * em(pair_tgt, src_occurrence))
        keep = (count >= min_count) & (strength >= threshold)
        order = np.lexsort((pair_tgt[keep], pair_src[keep]))
        return lexicon.Lexicon(pair_src[keep][order], pair_tgt[keep][order], strength[keep][order])

    return learn


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args()
    dev = load_dev(args.data)
    if dev is None:
        return 0
    src, tgt, gold = dev

    def report(name: str, options: Options = Options()) -> None:
        acc = score_alignment(gold, run_ours(src, tgt, options))
        print(f"{name:<40} strict F1 {acc.f1_strict:.3f} | lax F1 {acc.f1_lax:.3f}", flush=True)

    report("shipped")
    report("no lexicon pass", Options(lexicon=False))
    for name, change in (("no parenthesis cut cost", {"cut_parenthesis": 0.0}),
                         ("no clause cut cost", {"cut_clause": 0.0}),
                         ("no anchor-crossing cost", {"cut_anchor": 0.0}),
                         ("no boundary costs at all", {"cut_parenthesis": 0.0, "cut_clause": 0.0, "cut_anchor": 0.0})):
        report(name, Options(model=dataclasses.replace(CostModel(), **change)))
    try:
        import sentencepiece  # noqa: F401
        for vocab_size in (1000, 4000):
            for scale in (0.5, 1.0, 2.0):
                with patched(aligner._Features, "build", sentencepiece_features(vocab_size, scale)):
                    report(f"+ SentencePiece {vocab_size} pieces x{scale}")
    except ImportError:
        print("SentencePiece variants skipped: pip install .[bench]")
    for threshold in (0.1, 0.2, 0.3):
        for lexicon_weight in (4.0, 8.0):
            with patched(lexicon, "learn_lexicon", ibm1_lexicon(threshold)):
                report(f"IBM-1 lexicon >= {threshold}, weight {lexicon_weight:g}", Options(lexicon_weight=lexicon_weight))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
