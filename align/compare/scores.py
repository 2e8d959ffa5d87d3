"""sacrebleu BLEU, chrF and TER for each pair and for the whole document, with sacrebleu's signatures."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class PairScores:
    """Sentence-level scores of one pair (sacrebleu's sentence BLEU with effective order, chrF, TER)."""

    bleu: float
    chrf: float
    ter: float


@dataclass(frozen=True)
class CorpusScore:
    score: float
    signature: str


def pair_scores(hypothesis: str, references: Sequence[str]) -> PairScores:
    """Scores of one hypothesis against one or more references.

    >>> pair_scores("the cat sat on the mat", ["the cat sat on the mat"])
    PairScores(bleu=100.0, chrf=100.0, ter=0.0)
    """
    from sacrebleu.metrics import BLEU, CHRF, TER

    refs = list(references)
    return PairScores(round(BLEU(effective_order=True).sentence_score(hypothesis, refs).score, 4),
                      round(CHRF().sentence_score(hypothesis, refs).score, 4),
                      round(TER().sentence_score(hypothesis, refs).score, 4))


def corpus_scores(hypotheses: Sequence[str], reference_streams: Sequence[Sequence[str]]) -> dict[str, CorpusScore]:
    """BLEU, chrF and TER over all pairs with sacrebleu's defaults; one stream per reference."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    out = {}
    for name, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        result = metric.corpus_score(list(hypotheses), [list(s) for s in reference_streams])
        out[name] = CorpusScore(round(result.score, 4), str(metric.get_signature()))
    return out
