"""Both sides of a long pair read at once: the target's texts in a second process while this one reads the
source's.

Reading every text for its words, numbers and marks is Python (regular expressions, which hold the GIL), and on a
book of 100,000 lines it takes seconds a side; a second core halves it. The second process is a fresh interpreter
running this module (not a fork, which would copy the kernel's threads; not multiprocessing's spawn, which would
run a caller's unguarded script again). Short pairs, one core, or any failure to start or hear from it: both sides
are read here, with the same terms either way.
"""
from __future__ import annotations

import os
import pickle
import sys
from typing import Sequence

from align.search.vectors import (SideTerms, Vocabulary, collect_terms, feature_names, own_feature_ids,
                                  text_terms, with_ngrams)

MIN_PARALLEL_SEGMENTS = 30_000
"""Segments of both sides together from which the target is read in another process: starting it (an interpreter
importing the reader, about 0.3 s) pays only on long pairs."""


def collect_both(src: Sequence[str], tgt: Sequence[str], src_lang: str | None, tgt_lang: str | None,
                 src_vocab: Vocabulary, tgt_vocab: Vocabulary) -> tuple[SideTerms, SideTerms]:
    """`collect_terms` of both sides (each side's words in its own vocabulary), side by side when long."""
    from align.search.kernel import threads

    reader = _start_reader(tgt, tgt_lang) if len(src) + len(tgt) >= MIN_PARALLEL_SEGMENTS and threads() > 1 else None
    src_terms = collect_terms(src, src_lang, src_vocab)
    found = _finish(reader) if reader is not None else None
    if found is None:
        return src_terms, collect_terms(tgt, tgt_lang, tgt_vocab)
    terms, names, vocabulary = found
    terms.number_columns = own_feature_ids(names, terms.number_columns)
    tgt_vocab.index.update((word, k) for k, word in enumerate(vocabulary))
    return src_terms, with_ngrams(terms, tgt_vocab)


def read_side(texts: Sequence[str], lang: str | None) -> tuple[SideTerms, list[str], list[str]]:
    """What the second process sends back: one side's `text_terms`, the names of the feature ids they use, and the
    side's words in id order."""
    vocab = Vocabulary()
    terms = text_terms(texts, lang, vocab)
    return terms, feature_names(), list(vocab.index)


def _start_reader(texts: Sequence[str], lang: str | None):
    """The second process, its input being written (by a thread, while this one reads the source), or None."""
    import subprocess   # imported here: 5 ms of every short review's start-up otherwise
    import threading

    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p))
    try:
        process = subprocess.Popen([sys.executable, "-m", "align.search.both_sides"], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    except OSError:
        return None
    data = pickle.dumps((list(texts), lang), protocol=pickle.HIGHEST_PROTOCOL)

    def feed() -> None:
        try:
            process.stdin.write(data)
            process.stdin.close()
        except OSError:   # it died: `_finish` finds out
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return process, writer


def _finish(reader) -> tuple[SideTerms, list[str], list[str]] | None:
    """The second process's answer, or None if it gave none."""
    process, writer = reader
    try:
        answer = process.stdout.read()
        writer.join()
        if process.wait() != 0:
            return None
        found = pickle.loads(answer)
        return found if isinstance(found, tuple) and len(found) == 3 and isinstance(found[0], SideTerms) else None
    except Exception:
        process.kill()
        return None
    finally:
        process.stdout.close()


if __name__ == "__main__":   # the second process: read a side from stdin, answer on stdout
    texts, lang = pickle.load(sys.stdin.buffer)
    sys.stdout.buffer.write(pickle.dumps(read_side(texts, lang), protocol=pickle.HIGHEST_PROTOCOL))
