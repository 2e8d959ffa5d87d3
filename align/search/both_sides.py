"""Both sides of a long pair read at once: the target's texts in a second process while this one reads the
source's.

Reading every text for its words, numbers and marks is Python (regular expressions, which hold the GIL), and on a
book of 100,000 lines it takes seconds a side; a second core halves it. Where this process runs no thread but
its own (a command-line run: the kernel's threads start with the search), the second process is a fork, which
costs a few milliseconds and so pays from a few hundred segments on. Otherwise it is a fresh interpreter running
this module (a fork would copy the other threads' locks; multiprocessing's spawn would run a caller's unguarded
script again), which pays only on long pairs. Short pairs, one core, or any failure to start or hear from it:
both sides are read here, with the same terms either way.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
from typing import Sequence

from align.search.vectors import (SideTerms, Vocabulary, collect_terms, feature_count, feature_names,
                                  own_feature_ids)

MIN_PARALLEL_SEGMENTS = 30_000
"""Segments of both sides together from which the target is read in a fresh interpreter: starting it (importing
the reader, about 0.3 s) pays only on long pairs."""
MIN_FORKED_SEGMENTS = 600
"""Segments of both sides together from which the target is read in a fork of this process (when it has no
other thread): a fork and the answer's pickling cost about as much as reading a few hundred segments."""


def collect_both(src: Sequence[str], tgt: Sequence[str], src_lang: str | None, tgt_lang: str | None,
                 src_vocab: Vocabulary, tgt_vocab: Vocabulary) -> tuple[SideTerms, SideTerms]:
    """`collect_terms` of both sides (each side's words in its own vocabulary), side by side when long."""
    from align.search.kernel import threads

    segments = len(src) + len(tgt)
    reader = None
    if threads() > 1:
        if segments >= MIN_FORKED_SEGMENTS:
            reader = _fork_reader(tgt, tgt_lang)
        if reader is None and segments >= MIN_PARALLEL_SEGMENTS:
            reader = _start_reader(tgt, tgt_lang)
    try:
        src_terms = collect_terms(src, src_lang, src_vocab)
    except BaseException:
        if reader is not None:
            reader.abandon()
        raise
    found = _finish(reader) if reader is not None else None
    if found is None:
        return src_terms, collect_terms(tgt, tgt_lang, tgt_vocab)
    terms, names, vocabulary, base = found
    terms.number_columns = own_feature_ids(names, terms.number_columns, base)
    terms.ngram_columns = own_feature_ids(names, terms.ngram_columns, base)
    tgt_vocab.index.update((word, k) for k, word in enumerate(vocabulary))
    return src_terms, terms


def read_side(texts: Sequence[str], lang: str | None, base: int = 0) -> tuple[SideTerms, list[str], list[str], int]:
    """What the second process sends back: one side's `collect_terms`, the names of the feature ids from `base` on
    (a fork shares the ids below it with its parent), the side's words in id order, and `base`."""
    vocab = Vocabulary()
    terms = collect_terms(texts, lang, vocab)
    return terms, feature_names(base), list(vocab.index), base


def _fork_reader(texts: Sequence[str], lang: str | None):
    """A fork of this process reading `texts`, or None where forking is not safe (not Linux, or another thread
    running, whose locks the fork would copy held) or fails."""
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return None
    base = feature_count()
    try:
        readable, writable = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        return None
    if pid == 0:     # the fork: answer through the pipe and leave at once, running none of the parent's exit code
        status = 1
        try:
            os.close(readable)
            with os.fdopen(writable, "wb") as out:
                pickle.dump(read_side(texts, lang, base), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(writable)
    return _Forked(pid, readable)


class _Forked:
    """A forked reader: its process id and the pipe its answer comes through."""

    def __init__(self, pid: int, readable: int) -> None:
        self.pid, self.readable = pid, readable

    def answer(self) -> object:
        """What the fork sent (unchecked), or None if it failed."""
        try:
            with os.fdopen(self.readable, "rb") as pipe:
                data = pipe.read()
        finally:
            _, status = os.waitpid(self.pid, 0)
        return pickle.loads(data) if status == 0 and data else None

    def abandon(self) -> None:
        """Stop the fork (this process is leaving the comparison) and collect it."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.readable)


def _start_reader(texts: Sequence[str], lang: str | None) -> "_Interpreter | None":
    """The second process, its input being written (by a thread, while this one reads the source), or None."""
    import subprocess   # imported here: 5 ms of every short review's start-up otherwise

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
        except OSError:   # it died: `answer` finds out
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return _Interpreter(process, writer)


class _Interpreter:
    """A fresh interpreter reading a side: the process and the thread writing its input."""

    def __init__(self, process, writer: threading.Thread) -> None:
        self.process, self.writer = process, writer

    def answer(self) -> object:
        """What the process sent (unchecked), or None if it failed."""
        try:
            data = self.process.stdout.read()
            self.writer.join()
            return pickle.loads(data) if self.process.wait() == 0 else None
        except Exception:
            self.process.kill()
            raise
        finally:
            self.process.stdout.close()

    def abandon(self) -> None:
        """Stop the process (this one is leaving the comparison) and collect it."""
        self.process.kill()
        self.process.wait()
        self.process.stdout.close()


def _finish(reader: "_Forked | _Interpreter") -> tuple[SideTerms, list[str], list[str], int] | None:
    """The second process's answer, or None if it gave none (failed, or sent something else)."""
    try:
        found = reader.answer()     # each kind of reader collects its process, whatever happens
    except Exception:
        return None
    return found if _well_formed(found) else None


def _well_formed(found: object) -> bool:
    return isinstance(found, tuple) and len(found) == 4 and isinstance(found[0], SideTerms)


if __name__ == "__main__":   # the second process: read a side from stdin, answer on stdout
    texts, lang = pickle.load(sys.stdin.buffer)
    sys.stdout.buffer.write(pickle.dumps(read_side(texts, lang), protocol=pickle.HIGHEST_PROTOCOL))
