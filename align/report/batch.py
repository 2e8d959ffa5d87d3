"""Outputs of `align batch`: one folder per finished pair, then the run's tables.

A pair counts as done once `pairs/<id>/` exists: it is written under a temporary name and renamed when
whole, so an interrupted run resumes where it stopped. The run's tables are rebuilt from those folders,
in manifest order, so they do not depend on the number of workers, the engine or interruptions.
Measured times are kept apart (`timings.csv`, `result.json`) so every other file is the same byte for byte.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import Sequence

from align.batch import PairResult
from align.load import Job
from align.report.atomic import write_atomic

SUMMARY_COLUMNS = ("id", "status", "error", "source_segments", "target_segments", "pairs", "source_aligned",
                   "target_aligned", "mean_score", "errors", "warnings", "notes", "flags")


def pair_folder(out_dir: str, pair_id: str) -> str:
    return os.path.join(out_dir, "pairs", pair_id)


def load_done(out_dir: str, jobs: Sequence[Job]) -> dict[int, PairResult]:
    """Results of pairs finished by an earlier run (by manifest position); the half-written temporary
    folders of a run that was killed are removed."""
    parent = os.path.join(out_dir, "pairs")
    if os.path.isdir(parent):
        for name in os.listdir(parent):
            if name.startswith(".tmp-"):
                shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
    done = {}
    for index, job in enumerate(jobs):
        path = os.path.join(pair_folder(out_dir, job.id), "result.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                record = json.load(handle)
            done[index] = PairResult(index, job.id, "ok", "", record["summary"],
                                     tuple((b[0], b[1], b[2], b[3], tuple(b[4])) for b in record["bitext"]),
                                     {}, record["seconds"])
    return done


def write_pair(out_dir: str, result: PairResult) -> None:
    """The folder of one finished pair, whole or not at all (nothing for a pair that failed)."""
    if result.status != "ok":
        return
    parent = os.path.join(out_dir, "pairs")
    os.makedirs(parent, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix=f".tmp-{result.id}-", dir=parent)
    try:
        for name, text in sorted(result.files.items()):
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        record = {"summary": result.summary, "bitext": [list(b) for b in result.bitext], "seconds": result.seconds}
        with open(os.path.join(tmp, "result.json"), "w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False, sort_keys=True)
        final = pair_folder(out_dir, result.id)
        if os.path.exists(final):
            shutil.rmtree(final)
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _summary_row(result: PairResult) -> dict:
    s = result.summary
    if result.status != "ok":
        return {"id": result.id, "status": "failed", "error": result.error}
    return {"id": result.id, "status": "ok", "error": "", "source_segments": s["source_segments"],
            "target_segments": s["target_segments"], "pairs": s["pairs"], "source_aligned": s["source_aligned"],
            "target_aligned": s["target_aligned"], "mean_score": s["mean_score"],
            "errors": s["severities"]["error"], "warnings": s["severities"]["warning"],
            "notes": s["severities"]["info"], "flags": ";".join(f"{k}:{v}" for k, v in sorted(s["flags"].items()))}


def write_run_outputs(out_dir: str, results: Sequence[PairResult], min_score: float | None = None) -> list[str]:
    """bitext.parquet, summary.csv, errors.tsv, timings.csv and, with `min_score`, bitext.tsv."""
    import pandas as pd

    written = []
    rows = [(r.id, b[0], b[1], b[2], float(b[3]), list(b[4])) for r in results if r.status == "ok" for b in r.bitext]
    bitext = pd.DataFrame(rows, columns=["pair_id", "bead", "source", "target", "score", "flags"])
    bitext["bead"] = bitext["bead"].astype("int32")
    path = os.path.join(out_dir, "bitext.parquet")
    write_atomic(path, bitext.to_parquet(index=False, engine="pyarrow"))
    written.append(path)
    summary = pd.DataFrame([_summary_row(r) for r in results], columns=list(SUMMARY_COLUMNS))
    for column in ("source_segments", "target_segments", "pairs", "errors", "warnings", "notes"):
        summary[column] = summary[column].astype("Int64")
    for name, frame, sep in (("summary.csv", summary, ","),
                             ("errors.tsv", summary[summary["status"] != "ok"][["id", "error"]], "\t"),
                             ("timings.csv", pd.DataFrame([(r.id, round(r.seconds, 3)) for r in results],
                                                          columns=["id", "seconds"]), ",")):
        path = os.path.join(out_dir, name)
        write_atomic(path, frame.to_csv(index=False, sep=sep, lineterminator="\n"))
        written.append(path)
    if min_score is not None:
        keep = bitext[(bitext["score"] >= min_score) & (bitext["source"] != "") & (bitext["target"] != "")]
        path = os.path.join(out_dir, "bitext.tsv")
        lines = [f"{_cell(s)}\t{_cell(t)}\t{score:.4f}" for s, t, score in zip(keep["source"], keep["target"],
                                                                               keep["score"])]
        write_atomic(path, "".join(line + "\n" for line in lines))
        written.append(path)
    return written


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def jsonl_line(result: PairResult) -> str:
    """One result for `batch --jsonl`: the review (report.json's content) or the error."""
    if result.status != "ok":
        return json.dumps({"id": result.id, "status": "failed", "error": result.error}, ensure_ascii=False,
                          sort_keys=True)
    return json.dumps({"id": result.id, "status": "ok", "review": json.loads(result.files["report.json"])},
                      ensure_ascii=False, sort_keys=True)
