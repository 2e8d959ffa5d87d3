"""Batch runs: manifests, failures that do not stop the run, determinism, Dask, resuming after a kill."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from align.cli import main
from align.errors import AlignError
from align.text.load import pair_dirs, read_manifest
from align.report.atomic import TEMPORARY_PREFIX
from conftest import ROOT, SOURCE_SEED, TARGET_SEED

OUTPUTS = ("bitext.parquet", "summary.csv", "errors.tsv")


@pytest.fixture
def corpus(tmp_path):
    """Six seed pairs (some with a sentence removed) and a manifest for them."""
    src, tgt = open(SOURCE_SEED, encoding="utf-8").read(), open(TARGET_SEED, encoding="utf-8").read()
    lines = ["id\tsource\ttarget"]
    for k in range(6):
        (tmp_path / f"en{k}.txt").write_text(src, encoding="utf-8")
        paragraphs = tgt.split("\n")
        del paragraphs[k + 1]
        (tmp_path / f"fr{k}.txt").write_text("\n".join(paragraphs), encoding="utf-8")
        lines.append(f"p{k}\ten{k}.txt\tfr{k}.txt")
    (tmp_path / "manifest.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def outputs(folder):
    files = {name: (folder / name).read_bytes() for name in OUTPUTS}
    for pair in sorted(os.listdir(folder / "pairs")):
        for name in ("report.json", "pairs.tmx"):
            files[f"{pair}/{name}"] = (folder / "pairs" / pair / name).read_bytes()
    return files


class TestManifest:
    def write(self, tmp_path, text):
        path = tmp_path / "m.csv"
        path.write_text(text, encoding="utf-8")
        return str(path)

    @pytest.mark.parametrize("text, message", [
        ("src,tgt\na,b\n", "no source or target column"),
        ("id,source,target\nx,a,b\nx,c,d\n", "duplicate id 'x'"),
        ("id,source,target\n", "lists no pairs"),
        ("id,source,target\nx,a,\n", "empty source or target"),
        ("id,source,target\n../x,a,b\n", "must be letters"),
    ])
    def test_bad_manifest_is_one_error_before_any_work(self, tmp_path, text, message):
        with pytest.raises(AlignError, match=message):
            read_manifest(self.write(tmp_path, text))

    def test_confine_refuses_paths_outside(self, tmp_path):
        with pytest.raises(AlignError, match="outside the manifest's folder"):
            read_manifest(self.write(tmp_path, "source,target\n../a.txt,b.txt\n"), confine=True)

    def test_paths_are_relative_to_the_manifest(self, tmp_path):
        (job,) = read_manifest(self.write(tmp_path, "source,target,source_lang\nen/a.txt,fr/a.txt,en\n"))
        assert job.source == str(tmp_path / "en" / "a.txt") and job.source_name == "en/a.txt"
        assert job.id == "000001" and job.source_lang == "en"

    def test_pair_dirs(self, tmp_path):
        for side in ("en", "fr"):
            (tmp_path / side).mkdir()
            (tmp_path / side / "a b.txt").write_text("x", encoding="utf-8")
        (job,) = pair_dirs(str(tmp_path / "en"), str(tmp_path / "fr"))
        assert job.id == "a%20b.txt"   # reversible: "a_b.txt" keeps its own id
        (tmp_path / "fr" / "extra.txt").write_text("x", encoding="utf-8")
        with pytest.raises(AlignError, match="extra.txt: in only one"):
            pair_dirs(str(tmp_path / "en"), str(tmp_path / "fr"))


def test_run_outputs_and_failures(corpus, capsys):
    with open(corpus / "manifest.tsv", "a", encoding="utf-8") as handle:
        handle.write("broken\ten0.txt\tmissing.txt\n")
    code = main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "out"), "--jobs", "2",
                 "--min-score", "0.5"])
    err = capsys.readouterr().err
    assert code == 1 and "1 of 7 pairs failed" in err.splitlines()[-1]
    summary = pd.read_csv(corpus / "out" / "summary.csv")
    assert list(summary["id"]) == [f"p{k}" for k in range(6)] + ["broken"]
    assert list(summary["status"]) == ["ok"] * 6 + ["failed"]
    assert (corpus / "out" / "errors.tsv").read_text(encoding="utf-8") == \
        "id\terror\nbroken\tmissing.txt: no such file\n"
    assert not (corpus / "out" / "pairs" / "broken").exists()
    bitext = pd.read_parquet(corpus / "out" / "bitext.parquet")
    assert list(bitext.columns) == ["pair_id", "bead", "source", "target", "score", "flags"]
    assert set(bitext["pair_id"]) == {f"p{k}" for k in range(6)}
    assert any("dropped" in list(f) for f in bitext["flags"])
    tsv = (corpus / "out" / "bitext.tsv").read_text(encoding="utf-8").splitlines()
    assert tsv and all(float(line.split("\t")[2]) >= 0.5 for line in tsv)


def test_same_outputs_whatever_the_number_of_jobs(corpus):
    assert main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "one"), "--jobs", "1"]) == 0
    assert main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "two"), "--jobs", "2"]) == 0
    assert outputs(corpus / "one") == outputs(corpus / "two")


def test_dask_local_cluster_gives_the_local_outputs(corpus):
    pytest.importorskip("distributed")
    assert main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "local"), "--jobs", "1"]) == 0
    # in a process of its own: a Dask cluster leaves threads behind, and a later fork of this process could
    # inherit one of their locks held
    done = subprocess.run([sys.executable, "-m", "align", "batch", str(corpus / "manifest.tsv"), "--out",
                           str(corpus / "dask"), "--dask", "--jobs", "2"], cwd=ROOT, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr[-500:]
    assert outputs(corpus / "local") == outputs(corpus / "dask")


def test_killed_run_resumes_without_redoing_finished_pairs(corpus):
    manifest = corpus / "manifest.tsv"
    with open(manifest, "a", encoding="utf-8") as handle:  # enough work to be killed part-way
        for k in range(6, 40):
            shutil.copy(corpus / "en0.txt", corpus / f"en{k}.txt")
            shutil.copy(corpus / "fr1.txt", corpus / f"fr{k}.txt")
            handle.write(f"p{k}\ten{k}.txt\tfr{k}.txt\n")
    out = corpus / "out"
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.Popen([sys.executable, "-m", "align", "batch", str(manifest), "--out", str(out), "--jobs", "1"],
                            env=env, stderr=subprocess.DEVNULL, start_new_session=True)
    def finished_pairs():
        return [p for p in os.listdir(out / "pairs") if not p.startswith(".tmp-")] if (out / "pairs").exists() else []

    deadline = time.time() + 60
    while time.time() < deadline and len(finished_pairs()) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    finished = finished_pairs()
    assert 3 <= len(finished) < 40 and not (out / "summary.csv").exists()
    stamps = {p: os.stat(out / "pairs" / p / "result.json").st_mtime_ns for p in finished}
    (out / "pairs" / f"{TEMPORARY_PREFIX}p39-killed").mkdir(exist_ok=True)   # as a kill during a write leaves one
    assert main(["batch", str(manifest), "--out", str(out), "--jobs", "2"]) == 0
    assert all(os.stat(out / "pairs" / p / "result.json").st_mtime_ns == t for p, t in stamps.items())
    assert not [p for p in os.listdir(out / "pairs") if p.startswith(".tmp-")]
    assert main(["batch", str(manifest), "--out", str(corpus / "fresh"), "--jobs", "2"]) == 0
    assert outputs(out) == outputs(corpus / "fresh")


def test_jsonl_results_come_in_input_order(capsys, monkeypatch):
    import io
    lines = [json.dumps({"id": f"j{k}", "source": "One sentence here. Another one.", "target": "Une phrase. Une autre."})
             for k in range(5)] + [json.dumps({"id": "empty", "source": "Text.", "target": " "})]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["batch", "--jsonl", "--jobs", "2"]) == 1   # a failed pair makes the exit code 1, as in manifest mode
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in results] == [f"j{k}" for k in range(5)] + ["empty"]
    assert results[0]["status"] == "ok" and results[0]["review"]["schema_version"] == 1
    assert results[-1] == {"id": "empty", "status": "failed", "error": "empty: target is empty"}


@pytest.mark.parametrize("argv", [["batch"], ["batch", "m.tsv"], ["batch", "--jsonl", "--jobs", "0"]])
def test_usage_errors(capsys, argv):
    assert main(argv) == 2 and capsys.readouterr().err.startswith("align: error: ")


def _dying_on_p3(index, job, presegmented=False, word_pairs=None):
    """Stands in for the worker function: the worker that gets pair p3 is killed."""
    if job.id == "p3":
        os.kill(os.getpid(), signal.SIGKILL)
    return _dying_on_p3.__wrapped_real__(index, job, presegmented, word_pairs)


def test_a_killed_worker_is_one_line_and_the_run_resumes(corpus, monkeypatch, capsys):
    import multiprocessing

    import align.batch as batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the stand-in worker function reaches the workers only when they are forked")

    real = batch.review_pair
    _dying_on_p3.__wrapped_real__ = real
    monkeypatch.setattr(batch, "review_pair", _dying_on_p3)
    code = main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "out"), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1 and "worker process died" in err and err.count("\n") == 1
    monkeypatch.setattr(batch, "review_pair", real)
    assert main(["batch", str(corpus / "manifest.tsv"), "--out", str(corpus / "out"), "--jobs", "2"]) == 0


def test_bitext_table_reads_back_as_pandas_wrote_it_and_needs_no_pandas():
    import io

    from align.report.batch import _bitext_parquet
    rows = [("p0", 0, "Il a dit.", "He said.", 0.9, ["low_similarity"]), ("p0", 1, "", "=1+1", 0.0, []),
            ("p1", 0, "été", "summer", 0.5, ["added", "dropped"])]
    expected = pd.DataFrame(rows, columns=["pair_id", "bead", "source", "target", "score", "flags"])
    expected["bead"] = expected["bead"].astype("int32")
    ours = pd.read_parquet(io.BytesIO(_bitext_parquet(rows)))
    pd.testing.assert_frame_equal(ours, pd.read_parquet(io.BytesIO(expected.to_parquet(index=False))))
    assert [list(f) for f in ours["flags"]] == [r[5] for r in rows]
    empty = pd.read_parquet(io.BytesIO(_bitext_parquet([])))
    assert empty.shape == (0, 6) and str(empty["score"].dtype) == "float64"
    code = ("import sys; from align.report.batch import _bitext_parquet; "
            "_bitext_parquet([('p', 0, 'a', 'b', 0.5, ['x'])]); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_a_pair_a_shipped_dictionary_serves_teaches_no_run_lexicon():
    from align.batch import teach_pair
    from align.text.load import Job
    english = "The minister spoke on Monday. The plan was approved. Exports rose by ten percent.\n" * 8
    french = "Le ministre a parlé lundi. Le plan a été approuvé. Les exportations ont augmenté de dix pour cent.\n" * 8
    spanish = "El ministro habló el lunes. El plan fue aprobado. Las exportaciones subieron un diez por ciento.\n" * 8
    served = teach_pair(0, Job("fr", source_text=english, target_text=french))
    assert served.langs == ("en", "fr") and served.words is None
    other = teach_pair(1, Job("es", source_text=english, target_text=spanish))
    assert other.langs == ("en", "es") and other.words is not None
