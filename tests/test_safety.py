"""Nothing lost, nothing destroyed: outputs, inputs, resume, hostile input and killed runs (one test per case)."""
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from align.cli import main
from align.report.atomic import TEMPORARY_PREFIX
from conftest import ROOT, SOURCE_SEED, TARGET_SEED

EN = "He sold 12,000 cars in Paris last year. The company grew fast. Its founder retired in May."
FR = "Il a vendu 12 000 voitures à Paris l'an dernier. L'entreprise a grandi vite. Son fondateur a pris sa retraite en mai."


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("align: error: ")


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FR, encoding="utf-8")
    return tmp_path / "en.txt", tmp_path / "fr.txt"


def cli(*argv, **kwargs):
    """The toolkit as a separate process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "align", *map(str, argv)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, **kwargs)


# 1. -o writes to a path; it never replaces a device, a FIFO or a symlink

class TestOutputPaths:
    def test_fifo_gets_the_whole_output_and_stays_a_fifo(self, pair, tmp_path):
        fifo = tmp_path / "out.fifo"
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
        reader.start()
        assert main(["pairs", str(pair[0]), str(pair[1]), "-o", str(fifo)]) == 0
        reader.join(timeout=30)
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert got and got[0].decode().splitlines()[0].startswith("[0]:[0]")

    def test_dash_is_stdout(self, capsys, pair, tmp_path):
        code, out, _ = run(capsys, "pairs", str(pair[0]), str(pair[1]), "-o", "-")
        assert code == 0 and out.startswith("[0]:[0]") and not (tmp_path / "-").exists()

    def test_symlink_keeps_pointing_at_its_target(self, pair, tmp_path):
        target = tmp_path / "real.txt"
        target.write_text("old", encoding="utf-8")
        link = tmp_path / "link.txt"
        link.symlink_to(target)
        assert main(["pairs", str(pair[0]), str(pair[1]), "-o", str(link)]) == 0
        assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("[0]:[0]")

    def test_new_files_follow_the_umask(self, pair, tmp_path):
        old = os.umask(0o022)
        try:
            assert main(["pairs", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "beads.txt")]) == 0
            assert main(["report", str(pair[0]), str(pair[1]), "--out", str(tmp_path / "rep")]) == 0
        finally:
            os.umask(old)
        assert stat.S_IMODE(os.stat(tmp_path / "beads.txt").st_mode) == 0o644
        assert {stat.S_IMODE(os.stat(p).st_mode) for p in (tmp_path / "rep").iterdir()} == {0o644}

    def test_a_replaced_file_keeps_its_mode(self, pair, tmp_path):
        out = tmp_path / "beads.txt"
        out.write_text("old", encoding="utf-8")
        os.chmod(out, 0o640)
        assert main(["pairs", str(pair[0]), str(pair[1]), "-o", str(out)]) == 0
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o640


# 2. an output that is one of the inputs is refused

class TestInputsAreNeverOverwritten:
    def test_segment_onto_its_input(self, capsys, pair):
        before = pair[0].read_bytes()
        code, _, err = run(capsys, "segment", str(pair[0]), "-o", str(pair[0]))
        assert code == 2 and one_line_error(err) and "refusing to overwrite" in err
        assert pair[0].read_bytes() == before

    def test_pairs_onto_the_source_by_another_path(self, capsys, pair, tmp_path):
        alias = tmp_path / "alias.txt"
        alias.symlink_to(pair[0])
        code, _, err = run(capsys, "pairs", str(pair[0]), str(pair[1]), "-o", str(alias))
        assert code == 2 and one_line_error(err) and pair[0].read_text(encoding="utf-8") == EN

    def test_report_whose_inputs_are_named_like_its_outputs(self, capsys, tmp_path, monkeypatch):
        (tmp_path / "report.md").write_text(EN, encoding="utf-8")
        (tmp_path / "pairs.csv").write_text(FR, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        code, _, err = run(capsys, "report", "report.md", "pairs.csv", "--out", ".")
        assert code == 2 and one_line_error(err)
        assert (tmp_path / "report.md").read_text(encoding="utf-8") == EN

    def test_batch_manifest_named_like_a_run_table(self, capsys, pair, tmp_path):
        out = tmp_path / "run"
        out.mkdir()
        manifest = out / "summary.csv"
        manifest.write_text(f"source,target\n{pair[0]},{pair[1]}\n", encoding="utf-8")
        before = manifest.read_bytes()
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")
        assert code == 2 and one_line_error(err) and manifest.read_bytes() == before


# 3. pair ids of --pair-dirs are unique and reversible; no user file is taken for a leftover

def test_pair_dirs_ids_never_collide(capsys, tmp_path):
    names = ["é.txt", "ü.txt", "a b.txt", "a_b.txt", ".tmp-x.txt"]
    for side, text in (("en", EN), ("fr", FR)):
        (tmp_path / side).mkdir()
        for name in names:
            (tmp_path / side / name).write_text(text, encoding="utf-8")
    out = tmp_path / "run"
    for _ in range(2):   # a resume must not lose or double anything either
        code, _, _ = run(capsys, "batch", "--pair-dirs", str(tmp_path / "en"), str(tmp_path / "fr"),
                         "--out", str(out), "--jobs", "1")
        assert code == 0
    assert len(os.listdir(out / "pairs")) == len(names)
    assert (tmp_path / "en" / ".tmp-x.txt").exists() and (tmp_path / "fr" / ".tmp-x.txt").exists()
    summary = pd.read_csv(out / "summary.csv")
    assert len(summary) == len(names) and summary["id"].is_unique


# 4. a resume redoes what changed, and what a crash cut short

class TestResume:
    def manifest(self, tmp_path, pair):
        path = tmp_path / "m.csv"
        path.write_text(f"id,source,target\np1,{pair[0]},{pair[1]}\n", encoding="utf-8")
        return path

    def test_a_changed_input_is_reviewed_again(self, capsys, pair, tmp_path):
        out, manifest = tmp_path / "run", self.manifest(tmp_path, pair)
        assert run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")[0] == 0
        pair[1].write_text(FR.replace("12 000", "15 000"), encoding="utf-8")
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")
        assert code == 0 and "(0 from an earlier run)" in err
        summary = pd.read_csv(out / "summary.csv")
        assert summary.loc[0, "errors"] == 1       # the new number mismatch, not the old clean review

    def test_an_unchanged_pair_is_taken_from_the_earlier_run(self, capsys, pair, tmp_path):
        out, manifest = tmp_path / "run", self.manifest(tmp_path, pair)
        assert run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")[0] == 0
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")
        assert code == 0 and "(1 from an earlier run)" in err

    @pytest.mark.parametrize("content", ["", '{"summary": {"pairs": 3'])
    def test_an_empty_or_truncated_result_is_redone(self, capsys, pair, tmp_path, content):
        out, manifest = tmp_path / "run", self.manifest(tmp_path, pair)
        assert run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")[0] == 0
        (out / "pairs" / "p1" / "result.json").write_text(content, encoding="utf-8")
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")
        assert code == 0 and "(0 from an earlier run)" in err
        assert json.loads((out / "pairs" / "p1" / "result.json").read_text(encoding="utf-8"))["stamp"]

    def test_a_pair_folder_that_is_a_symlink_is_replaced_not_followed(self, capsys, pair, tmp_path):
        out, manifest = tmp_path / "run", self.manifest(tmp_path, pair)
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
        (out / "pairs").mkdir(parents=True)
        (out / "pairs" / "p1").symlink_to(elsewhere, target_is_directory=True)
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")
        assert code == 0, err
        assert not (out / "pairs" / "p1").is_symlink() and (elsewhere / "keep.txt").read_text() == "mine"


# 5. --confine sees through symlinks

def test_confine_refuses_a_symlink_that_leads_outside(capsys, pair, tmp_path):
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "fr.txt").write_text(FR, encoding="utf-8")
    (inside / "secret.txt").symlink_to(pair[0])
    (inside / "m.csv").write_text("source,target\nsecret.txt,fr.txt\n", encoding="utf-8")
    code, _, err = run(capsys, "batch", str(inside / "m.csv"), "--out", str(tmp_path / "run"), "--confine")
    assert code == 1 and one_line_error(err) and "outside the manifest's folder" in err


# 6. --jsonl: each bad line gets its own error result, the stream goes on, failures give exit 1

def test_jsonl_bad_lines_each_get_an_error_and_the_stream_goes_on():
    good = {"id": "ok", "source": EN, "target": FR}
    lines = [json.dumps(good).encode(),
             b'{"id": "surrogate", "source": "\\ud800 text.", "target": "texte."}',
             b"[" * 100_000 + b"]" * 100_000,
             b'{"id": "bytes", "source": "caf\xe9.", "target": "x."}',
             json.dumps({"id": "null", "source": None, "target": "x."}).encode(),
             json.dumps({"id": "number", "source": 3, "target": "x."}).encode(),
             json.dumps({"id": "list", "source": ["a"], "target": "x."}).encode(),
             json.dumps(["not", "an", "object"]).encode(),
             json.dumps({**good, "id": "ok2"}).encode()]
    done = subprocess.run([sys.executable, "-m", "align", "batch", "--jsonl", "--jobs", "2"], cwd=ROOT,
                          input=b"\n".join(lines) + b"\n", capture_output=True, timeout=120)
    assert done.returncode == 1 and one_line_error(done.stderr.decode())
    results = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert len(results) == len(lines)
    assert [r["status"] for r in results] == ["ok"] + ["failed"] * 7 + ["ok"]
    assert all(r["error"].startswith("stdin:") for r in results[1:-1])
    assert "surrogate" in results[1]["error"] and "nested" in results[2]["error"]
    assert "UTF-8" in results[3]["error"] and "must be a string" in results[4]["error"]


# 7. workers die with the run

def _session_processes(sid: int) -> list[int]:
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                pids.append(int(name))
    return pids


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_killed_batch_leaves_no_worker_running(tmp_path, sig):
    manifest = tmp_path / "m.tsv"
    rows = [f"p{k}\t{SOURCE_SEED}\t{TARGET_SEED}" for k in range(400)]
    manifest.write_text("id\tsource\ttarget\n" + "\n".join(rows) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "align", "batch", str(manifest), "--out", str(tmp_path / "run"),
                             "--jobs", "2", "--no-run-lexicon"], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and len(_session_processes(proc.pid)) < 3:
            time.sleep(0.1)
        assert len(_session_processes(proc.pid)) >= 3, "the workers never started"
        proc.send_signal(sig)
        err = proc.communicate(timeout=30)[1].decode()
        deadline = time.time() + 10
        while time.time() < deadline and _session_processes(proc.pid):
            time.sleep(0.2)
        left = _session_processes(proc.pid)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert not left, f"workers still running: {left}"
    finally:   # whatever happened, nothing of this run outlives the test
        for pid in _session_processes(proc.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    if sig == signal.SIGTERM:
        assert proc.returncode == 143 and "align: terminated" in err


# 8. tracebacks that used to be reachable

class TestNoTraceback:
    def test_batch_into_a_folder_that_cannot_be_made(self, capsys, pair, tmp_path):
        (tmp_path / "file").write_text("x", encoding="utf-8")
        manifest = tmp_path / "m.csv"
        manifest.write_text(f"source,target\n{pair[0]},{pair[1]}\n", encoding="utf-8")
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(tmp_path / "file" / "run"))
        assert code == 1 and one_line_error(err)

    def test_a_codec_that_is_not_a_text_encoding(self, capsys, pair):
        code, _, err = run(capsys, "segment", str(pair[0]), "--encoding", "rot13")
        assert code == 2 and one_line_error(err) and "rot13" in err

    @pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
    def test_stdout_on_a_full_disk(self, pair):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "align", "pairs", str(pair[0]), str(pair[1])], cwd=ROOT,
                                  stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
        assert done.returncode == 1 and one_line_error(done.stderr) and "No space left" in done.stderr

    @pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "notanaddress"])
    def test_unreachable_scheduler(self, pair, tmp_path, address):
        pytest.importorskip("distributed")
        manifest = tmp_path / "m.csv"
        manifest.write_text(f"source,target\n{pair[0]},{pair[1]}\n", encoding="utf-8")
        done = cli("batch", manifest, "--out", tmp_path / "run", "--scheduler", address, "--no-run-lexicon")
        assert done.returncode == 1 and one_line_error(done.stderr), done.stderr


# 9. a report is written as a whole set or not at all

def test_a_failed_report_leaves_the_earlier_one_whole(capsys, pair, tmp_path):
    out = tmp_path / "rep"
    assert main(["report", str(pair[0]), str(pair[1]), "--out", str(out)]) == 0
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (out / "pairs.tmx").unlink()
    (out / "pairs.tmx").mkdir()                       # the last file cannot be written
    (out / f"{TEMPORARY_PREFIX}old").write_text("left by a killed run", encoding="utf-8")
    pair[1].write_text(FR.replace("12 000", "15 000"), encoding="utf-8")
    code, _, err = run(capsys, "report", str(pair[0]), str(pair[1]), "--out", str(out))
    assert code == 1 and one_line_error(err) and "pairs.tmx" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == \
        {k: v for k, v in before.items() if k != "pairs.tmx"}
    assert not [p for p in os.listdir(out) if p.startswith(".tmp-")]


# 10. no spreadsheet formula and no live Markdown link from a document

def test_every_table_neutralises_formulas(capsys, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("=cmd.txt", "+b.txt"):
        (docs / name).write_text("=HYPERLINK(\"http://x\") is a formula. The same sentence is in both.\n",
                                 encoding="utf-8")
    assert main(["corpus", str(docs / "=cmd.txt"), str(docs / "+b.txt"), "--out", str(tmp_path / "c")]) == 0
    for name in ("matrix.csv", "matches.csv"):
        for cell in re.split(r"[,\n]", (tmp_path / "c" / name).read_text(encoding="utf-8")):
            assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), (name, cell)
    manifest = tmp_path / "m.csv"
    (tmp_path / "-en.txt").write_text("=1+1 is a formula. The rest is text.", encoding="utf-8")
    (tmp_path / "@fr.txt").write_text("=1+1 est une formule. Le reste est du texte.", encoding="utf-8")
    (tmp_path / "-gone.txt").write_text("", encoding="utf-8")
    manifest.write_text("source,target\n-en.txt,@fr.txt\n-gone.txt,@fr.txt\n", encoding="utf-8")
    run(capsys, "batch", str(manifest), "--out", str(tmp_path / "run"), "--jobs", "1", "--min-score", "0")
    for name, sep in (("summary.csv", ","), ("errors.tsv", "\t"), ("bitext.tsv", "\t")):
        for line in (tmp_path / "run" / name).read_text(encoding="utf-8").splitlines():
            for cell in line.split(sep):
                assert not cell.lstrip('"').startswith(("=", "+", "-", "@")), (name, cell)


def test_markdown_report_cannot_carry_a_live_link_or_image(pair, tmp_path):
    pair[0].write_text("See [the offer](javascript:alert(1)) for 12,000 cars. ![](http://tracker.example/p.png) "
                       "He sold 12,000 cars.", encoding="utf-8")
    pair[1].write_text("Voyez [l'offre](javascript:alert(1)) pour 15 000 voitures. ![](http://tracker.example/p.png) "
                       "Il a vendu 15 000 voitures.", encoding="utf-8")
    assert main(["report", str(pair[0]), str(pair[1]), "--out", str(tmp_path / "rep")]) == 0
    md = (tmp_path / "rep" / "report.md").read_text(encoding="utf-8")
    assert "javascript" in md and not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", md) and "![" not in md


# 11. language tags are checked and canonical

class TestLanguageTags:
    def test_manifest_tag_with_a_control_character(self, capsys, pair, tmp_path):
        manifest = tmp_path / "m.csv"
        manifest.write_text(f"source,target,source_lang\n{pair[0]},{pair[1]},en\x01\n", encoding="utf-8")
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(tmp_path / "run"))
        assert code == 1 and one_line_error(err) and "m.csv:2" in err and "invalid language tag" in err

    def test_upper_case_tags_are_written_canonical(self, capsys, pair, tmp_path):
        manifest = tmp_path / "m.csv"
        manifest.write_text(f"id,source,target,source_lang,target_lang\np,{pair[0]},{pair[1]},EN,FR-ca\n",
                            encoding="utf-8")
        assert run(capsys, "batch", str(manifest), "--out", str(tmp_path / "run"), "--jobs", "1")[0] == 0
        tmx = (tmp_path / "run" / "pairs" / "p" / "pairs.tmx").read_text(encoding="utf-8")
        assert 'xml:lang="en"' in tmx and 'xml:lang="fr-CA"' in tmx and "EN" not in tmx


# 12. one side far longer than the other explains

def test_a_huge_side_against_a_tiny_one_stops_early(capsys, pair, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((EN + "\n") * 20_000, encoding="utf-8")
    start = time.perf_counter()
    code, _, err = run(capsys, "report", str(big), str(pair[1]), "--out", str(tmp_path / "rep"))
    assert code == 1 and one_line_error(err) and "more than a translation explains" in err
    assert time.perf_counter() - start < 5 and not (tmp_path / "rep").exists()


# 13. one run per folder, --jobs capped, BOM in byte offsets, no numpy warning

def test_a_second_run_into_a_locked_folder_is_refused(capsys, pair, tmp_path):
    out = tmp_path / "run"
    out.mkdir()
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"source,target\n{pair[0]},{pair[1]}\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'a+b'); "
                               "fcntl.lockf(f.fileno(), fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
                               str(out / ".align-lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"      # another run holds the folder
        code, _, err = run(capsys, "batch", str(manifest), "--out", str(out))
    finally:
        holder.kill()
        holder.wait()
    assert code == 1 and one_line_error(err) and "another batch run" in err
    assert run(capsys, "batch", str(manifest), "--out", str(out), "--jobs", "1")[0] == 0   # free again


def test_jobs_above_the_number_of_pairs_start_no_idle_workers(monkeypatch, capsys, pair, tmp_path):
    import concurrent.futures

    started = []
    real = concurrent.futures.ProcessPoolExecutor

    def counting(max_workers=None, **kwargs):
        started.append(max_workers)
        return real(max_workers=max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counting)
    manifest = tmp_path / "m.csv"
    manifest.write_text(f"source,target\n{pair[0]},{pair[1]}\n{pair[0]},{pair[1]}\n", encoding="utf-8")
    assert run(capsys, "batch", str(manifest), "--out", str(tmp_path / "run"), "--jobs", "1000",
               "--no-run-lexicon")[0] == 0
    assert started and max(started) <= 2


def test_byte_offsets_count_the_bom(capsys, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfcaf\xe9")
    code, _, err = run(capsys, "segment", str(path))
    assert code == 1 and "byte offset 6" in err      # 3 bytes of BOM + "caf"


def test_blank_presegmented_lines_raise_no_numpy_warning(tmp_path):
    src, tgt = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("One sentence.\n\n \nTwo sentences here.\n\t\nThree.\n" * 40, encoding="utf-8")
    tgt.write_text("Une phrase.\n\nDeux phrases ici.\n \nTrois.\n" * 40, encoding="utf-8")
    done = subprocess.run([sys.executable, "-W", "error::RuntimeWarning", "-m", "align", "pairs", str(src), str(tgt),
                           "--presegmented"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""


# 14. a distribution name of its own, the import name kept

def test_distribution_name_is_not_the_taken_align():
    text = (Path(ROOT) / "pyproject.toml").read_text(encoding="utf-8")
    name = re.search(r'^name = "([^"]+)"', text, re.M).group(1)
    assert name != "align" and name.startswith("align-")
    assert 'align = "align.cli:main"' in text
    assert not (Path(ROOT) / "translate.txt").exists() or "translate.txt" in (Path(ROOT) / ".gitignore").read_text()
