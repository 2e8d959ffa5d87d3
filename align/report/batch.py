"""Outputs of `align batch`: one folder per finished pair, then the run's tables.

A pair counts as done once `pairs/<id>/` exists: it is written under a temporary name and renamed when
whole, so an interrupted run resumes where it stopped. The run's tables are rebuilt from those folders,
in manifest order, so they do not depend on the number of workers, the engine or interruptions.
Measured times are kept apart (`timings.csv`, `result.json`) so every other file is the same byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from typing import Sequence

from align.text.load import Job
from align.report.atomic import TEMPORARY_PREFIX, current_umask, remove_leftovers, write_folder
from align.report.csv import table_csv, tsv_cell

@dataclass(frozen=True)
class PairResult:
    """What one document pair produced: its status, summary row, aligned sentence pairs and report files."""

    index: int
    id: str
    status: str                                   # "ok" or "failed"
    error: str = ""
    summary: dict = field(default_factory=dict)
    bitext: tuple = ()                            # (bead index, source text, target text, score, flag types)
    files: dict = field(default_factory=dict)     # file name -> content
    seconds: float = 0.0


SUMMARY_COLUMNS = ("id", "status", "error", "source_segments", "target_segments", "pairs", "source_aligned",
                   "target_aligned", "mean_score", "errors", "warnings", "notes", "flags", "doubts")


def pair_folder(out_dir: str, pair_id: str) -> str:
    return os.path.join(out_dir, "pairs", pair_id)


def file_sha256(path: str) -> str | None:
    """The hex SHA-256 of a file's bytes (None when it cannot be read: the pair will fail and say why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def pair_stamp(job: Job, options: dict) -> dict:
    """What a pair's review depends on: its two inputs' contents, its languages, the run's options and the
    toolkit version. A resume trusts an earlier result only when its stamp is the same."""
    from align import __version__

    return {"source_sha256": file_sha256(job.source), "target_sha256": file_sha256(job.target),
            "source_lang": job.source_lang, "target_lang": job.target_lang, "options": dict(sorted(options.items())),
            "version": __version__}


def load_done(out_dir: str, jobs: Sequence[Job], stamps: Sequence[dict]) -> dict[int, PairResult]:
    """Results of pairs finished by an earlier run (by manifest position) whose stamp is still the pair's; a
    changed input, option or version, a result.json that is empty or cut short, a report file whose content is
    not what result.json recorded, or a pair folder that is a symlink is done again. The temporary folders of a run that was killed are removed."""
    remove_leftovers(os.path.join(out_dir, "pairs"))
    remove_leftovers(out_dir)
    done = {}
    for index, (job, stamp) in enumerate(zip(jobs, stamps)):
        folder = pair_folder(out_dir, job.id)
        if os.path.islink(folder):
            continue
        try:
            with open(os.path.join(folder, "result.json"), encoding="utf-8") as handle:
                record = json.load(handle)
            if record.get("stamp") != stamp or not _files_intact(folder, record["files"]):
                continue
            done[index] = PairResult(index, job.id, "ok", "", record["summary"],
                                     tuple((b[0], b[1], b[2], b[3], tuple(b[4])) for b in record["bitext"]),
                                     {}, record["seconds"])
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            continue   # missing, empty, cut short or not ours: the pair is reviewed again
    return done


def write_pair(out_dir: str, result: PairResult, stamp: dict) -> None:
    """The folder of one finished pair, whole or not at all (nothing for a pair that failed): written under a
    temporary name, result.json synced, then renamed. result.json records the hash of every other file, so a
    resume after a crash redoes a pair whose files did not all reach the disk (one sync a pair, not one a file)."""
    if result.status != "ok":
        return
    parent = os.path.join(out_dir, "pairs")
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=parent)
    os.chmod(tmp, 0o777 & ~current_umask())
    try:
        files = {name: text.encode("utf-8") for name, text in sorted(result.files.items())}
        record = {"summary": result.summary, "bitext": [list(b) for b in result.bitext], "seconds": result.seconds,
                  "stamp": stamp, "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}}
        files["result.json"] = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        for name, data in files.items():
            with open(os.path.join(tmp, name), "wb") as handle:
                handle.write(data)
                if name == "result.json":
                    handle.flush()
                    os.fsync(handle.fileno())
        final = pair_folder(out_dir, result.id)
        if os.path.islink(final) or os.path.isfile(final):
            os.unlink(final)         # a link is replaced, never followed
        elif os.path.exists(final):
            shutil.rmtree(final)
        os.rename(tmp, final)
        _sync_folder(parent)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _files_intact(folder: str, hashes: dict) -> bool:
    """Whether every report file of a pair folder has the content its result.json recorded."""
    return all(file_sha256(os.path.join(folder, name)) == digest for name, digest in hashes.items())


def _sync_folder(folder: str) -> None:
    """Make a rename in `folder` durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _summary_row(result: PairResult) -> dict:
    s = result.summary
    if result.status != "ok":
        return {"id": result.id, "status": "failed", "error": result.error}
    return {"id": result.id, "status": "ok", "error": "", "source_segments": s["source_segments"],
            "target_segments": s["target_segments"], "pairs": s["pairs"], "source_aligned": s["source_aligned"],
            "target_aligned": s["target_aligned"], "mean_score": s["mean_score"],
            "errors": s["severities"]["error"], "warnings": s["severities"]["warning"],
            "notes": s["severities"]["info"], "flags": ";".join(f"{k}:{v}" for k, v in sorted(s["flags"].items())),
            "doubts": ";".join(w["kind"] for w in s.get("warnings", []))}


def write_run_outputs(out_dir: str, results: Sequence[PairResult], min_score: float | None = None) -> list[str]:
    """bitext.parquet, summary.csv, errors.tsv, timings.csv and, with `min_score`, bitext.tsv: written as one set
    (all or none of them replaced), every text cell spreadsheet-safe."""
    rows = [(r.id, b[0], b[1], b[2], float(b[3]), list(b[4])) for r in results if r.status == "ok" for b in r.bitext]
    summary = [_summary_row(r) for r in results]
    contents: dict[str, str | bytes] = {
        "bitext.parquet": _bitext_parquet(rows),
        "summary.csv": table_csv(SUMMARY_COLUMNS, ({c: row.get(c) for c in SUMMARY_COLUMNS} for row in summary)),
        "errors.tsv": table_csv(("id", "error"), ((r["id"], r["error"]) for r in summary if r["status"] != "ok"),
                                sep="\t"),
        "timings.csv": table_csv(("id", "seconds"), ((r.id, round(r.seconds, 3)) for r in results)),
    }
    if min_score is not None:
        contents["bitext.tsv"] = "".join(f"{tsv_cell(source)}\t{tsv_cell(target)}\t{score:.4f}\n"
                                         for _, _, source, target, score, _ in rows
                                         if score >= min_score and source != "" and target != "")
    return list(write_folder(out_dir, contents))


def _bitext_parquet(rows: list[tuple]) -> bytes:
    """The run's pairs as a Parquet table (pair_id, bead, source, target, score, flags), the columns made from
    their buffers: building them from Python lists, pyarrow imports pandas (0.45 s of a run) to check whether they
    are pandas objects."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = list(zip(*rows)) if rows else [()] * 6
    flags = columns[5]
    flag_offsets = np.concatenate(([0], np.cumsum([len(f) for f in flags], dtype=np.int64))).astype(np.int32)
    table = pa.Table.from_arrays(
        [_strings(columns[0]), _values(columns[1], np.int32, pa.int32()), _strings(columns[2]),
         _strings(columns[3]), _values(columns[4], np.float64, pa.float64()),
         pa.ListArray.from_arrays(_values(flag_offsets, np.int32, pa.int32()),
                                  _strings([flag for row in flags for flag in row]))],
        names=["pair_id", "bead", "source", "target", "score", "flags"])
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _values(values, dtype, arrow_type):
    """A column of numbers."""
    import numpy as np
    import pyarrow as pa

    data = np.asarray(values, dtype=dtype)
    return pa.Array.from_buffers(arrow_type, len(data), [None, pa.py_buffer(data.tobytes())])


def _strings(values):
    """A column of texts (64-bit offsets once they pass 2 GB)."""
    import numpy as np
    import pyarrow as pa

    encoded = [v.encode("utf-8") for v in values]
    ends = np.cumsum([len(e) for e in encoded], dtype=np.int64)
    large = bool(len(ends)) and int(ends[-1]) >= 2 ** 31
    offsets = np.concatenate(([0], ends)).astype(np.int64 if large else np.int32)
    return pa.Array.from_buffers(pa.large_string() if large else pa.string(), len(encoded),
                                 [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(encoded))])


def jsonl_line(result: PairResult) -> str:
    """One result for `batch --jsonl`: the review (report.json's content) or the error."""
    if result.status != "ok":
        return json.dumps({"id": result.id, "status": "failed", "error": result.error}, ensure_ascii=False,
                          sort_keys=True)
    return json.dumps({"id": result.id, "status": "ok", "review": json.loads(result.files["report.json"])},
                      ensure_ascii=False, sort_keys=True)
