import json
import os

import pytest

from align.cli import main
from conftest import ROOT, SOURCE_SEED, TARGET_SEED


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestSegment:
    def test_text_format_lists_kinds(self, capsys):
        code, out, _ = run(capsys, "segment", TARGET_SEED)
        assert code == 0 and len(out.splitlines()) == 12 and out.count(" link ") == 2

    def test_json_format(self, capsys):
        code, out, _ = run(capsys, "segment", SOURCE_SEED, "--format", "json")
        doc = json.loads(out)
        assert code == 0 and doc["lang"] == "en"
        assert [s["kind"] for s in doc["segments"][:3]] == ["meta", "heading", "meta"]

    def test_tsv_format_has_header_and_one_row_per_segment(self, capsys):
        code, out, _ = run(capsys, "segment", SOURCE_SEED, "--format", "tsv")
        rows = out.splitlines()
        assert rows[0] == "id\tparagraph\tkind\tstart\tend\ttext" and len(rows) == 14

    def test_presegmented(self, capsys, tmp_path):
        path = tmp_path / "lines.txt"
        path.write_text("Erste Zeile. Zweiter Satz.\nZweite Zeile\n", encoding="utf-8")
        code, out, _ = run(capsys, "segment", str(path), "--presegmented", "--format", "tsv")
        assert code == 0 and len(out.splitlines()) == 3


class TestPairs:
    def test_beads_format(self, capsys):
        code, out, _ = run(capsys, "pairs", SOURCE_SEED, TARGET_SEED)
        lines = out.splitlines()
        assert code == 0 and lines[3].startswith("[3]:[0]:") and "[]:[4]:0.0000" in lines

    def test_json_format_has_ids(self, capsys):
        code, out, _ = run(capsys, "pairs", SOURCE_SEED, TARGET_SEED, "--format", "json")
        beads = json.loads(out)["beads"]
        assert beads[3]["source_ids"] == ["s3"] and beads[3]["target_ids"] == ["t0"]

    def test_tsv_format(self, capsys):
        code, out, _ = run(capsys, "pairs", SOURCE_SEED, TARGET_SEED, "--format", "tsv")
        assert out.splitlines()[0] == "source\ttarget\tscore" and len(out.splitlines()) == 16

    def test_fast_skips_the_learned_lexicon(self, capsys, tmp_path, monkeypatch):
        import align.search.align as aligner

        cities = ["Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Lisbon", "Dublin", "Oslo", "Bern"]
        src = [f"The {k}th report from {cities[k % 10]} counts {k * 37} visitors." for k in range(150)]
        tgt = [f"Le {k}e rapport de {cities[k % 10]} compte {k * 37} visiteurs." for k in range(150)]
        (tmp_path / "en.txt").write_text("\n".join(src), encoding="utf-8")
        (tmp_path / "fr.txt").write_text("\n".join(tgt), encoding="utf-8")
        calls = []
        real = aligner.heldout_lexicon_features
        monkeypatch.setattr(aligner, "heldout_lexicon_features", lambda *a, **k: calls.append(1) or real(*a, **k))
        argv = ["pairs", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--presegmented"]
        code, slow, _ = run(capsys, *argv)
        assert code == 0 and calls == [1]
        code, fast, _ = run(capsys, *argv, "--fast")
        assert code == 0 and calls == [1]                      # not called again
        expected = [f"[{k}]:[{k}]" for k in range(150)]
        assert [line.rsplit(":", 1)[0] for line in fast.splitlines()] == expected
        assert [line.rsplit(":", 1)[0] for line in slow.splitlines()] == expected

    def test_output_file_is_written_and_deterministic(self, capsys, tmp_path):
        first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
        assert main(["pairs", SOURCE_SEED, TARGET_SEED, "--format", "tsv", "-o", str(first)]) == 0
        assert main(["pairs", SOURCE_SEED, TARGET_SEED, "--format", "tsv", "-o", str(second)]) == 0
        assert first.read_bytes() == second.read_bytes()
        assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp-")]


class TestBadInput:
    @pytest.fixture
    def files(self, tmp_path):
        (tmp_path / "empty.txt").write_bytes(b"")
        (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
        (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
        (tmp_path / "huge.txt").write_bytes(b"word " * 2_100_000)
        (tmp_path / "ok.txt").write_text("Une phrase.", encoding="utf-8")
        (tmp_path / "long.txt").write_text("Une phrase.\n" * 100_000, encoding="utf-8")
        return tmp_path

    @pytest.mark.parametrize("name, message", [
        ("missing.txt", "no such file"),
        ("empty.txt", "empty file"),
        ("binary.bin", "binary file"),
        ("latin1.txt", "byte offset 3: not valid utf-8"),
        ("huge.txt", "line of 10,500,000 characters"),
        (".", "is a directory"),
    ])
    def test_one_line_error_and_exit_1(self, capsys, files, name, message):
        other = "long.txt" if name == "huge.txt" else "ok.txt"   # against a short one, the sizes alone stop it
        code, out, err = run(capsys, "pairs", str(files / name), str(files / other))
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith("align: error: ") and message in err

    @pytest.mark.parametrize("command", [["pairs"], ["compare", "--out"], ["report", "--out"]])
    @pytest.mark.parametrize("empty_first", [True, False])
    def test_an_empty_side_is_named_as_empty_whatever_the_other_size(self, capsys, files, command, empty_first):
        pair = [str(files / "empty.txt"), str(files / "long.txt")]   # 1.2 MB against 0: sizes alone would refuse
        out_dir = [str(files / "out")] if "--out" in command else []
        code, out, err = run(capsys, command[0], *(pair if empty_first else pair[::-1]), *command[1:], *out_dir)
        assert code == 1 and err.count("\n") == 1 and "empty.txt: empty file" in err
        assert not (files / "out").exists()

    def test_encoding_option_reads_latin1(self, capsys, files):
        code, out, _ = run(capsys, "segment", str(files / "latin1.txt"), "--encoding", "latin-1")
        assert code == 0 and "café crème" in out

    @pytest.mark.parametrize("argv", [
        ["pairs", SOURCE_SEED, TARGET_SEED, "--bogus"],
        ["segment"],
        ["nonsense"],
        ["pairs", SOURCE_SEED, TARGET_SEED, "--format", "xml"],
        ["segment", SOURCE_SEED, "--lang", "not a language"],
        [],
    ])
    def test_usage_errors_exit_2_in_one_line(self, capsys, argv):
        code, out, err = run(capsys, *argv)
        assert code == 2 and err.count("\n") == 1 and err.startswith("align: error: ")

    def test_help_exits_zero(self, capsys):
        with pytest.raises(SystemExit) as exit_:
            main(["--help"])
        assert exit_.value.code == 0 and "pairs" in capsys.readouterr().out


def test_python_dash_m_runs(tmp_path):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "align", "segment", TARGET_SEED, "--format", "tsv"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and result.stdout.count("\tlink\t") == 2


class TestReport:
    def test_writes_every_file_and_a_one_line_summary(self, capsys, tmp_path):
        code, out, err = run(capsys, "report", SOURCE_SEED, TARGET_SEED, "--out", str(tmp_path / "r"))
        assert code == 0 and out == "" and err.count("\n") == 1 and "1 warning," in err
        assert sorted(os.listdir(tmp_path / "r")) == ["pairs.csv", "pairs.tmx", "pairs.xlf", "pairs.xlsx",
                                                      "report.html", "report.json", "report.md"]

    def test_the_edited_seed_translation_is_reviewed_edit_by_edit(self, capsys, tmp_path):
        """examples/000_edited_…: the seed's French with four edits; each is reported at its pair, nothing else."""
        import json
        edited = os.path.join(ROOT, "examples", "000_edited_align-project.txt")
        code, _, err = run(capsys, "report", SOURCE_SEED, edited, "--out", str(tmp_path / "r"))
        assert code == 0 and "2 errors, 4 warnings" in err
        with open(tmp_path / "r" / "report.json", encoding="utf-8") as handle:
            report = json.load(handle)
        found = {(tuple(p["source_ids"]), f["type"], f["severity"]) for p in report["pairs"] for f in p["flags"]
                 if f["severity"] != "info"}
        assert found == {(("s3",), "entity_mismatch", "warning"),      # Jin Zhuanlong
                         (("s4",), "partial_omission", "warning"),     # the seed's own: "Xinhua" left out
                         ((), "moved", "warning"), (("s11",), "moved", "warning"),   # a paragraph moved up
                         (("s10",), "untranslated", "error"),          # a paragraph left in English
                         (("s12",), "number_mismatch", "error")}       # 12 000 firms become 15 000

    def test_out_is_required(self, capsys):
        code, _, err = run(capsys, "report", SOURCE_SEED, TARGET_SEED)
        assert code == 2 and "--out" in err

    def test_one_side_empty_is_an_input_error(self, capsys, tmp_path):
        empty = tmp_path / "empty.txt"
        empty.write_text("\n\n", encoding="utf-8")
        code, _, err = run(capsys, "report", SOURCE_SEED, str(empty), "--out", str(tmp_path / "r"))
        assert code == 1 and "empty" in err and not (tmp_path / "r").exists()

    def test_unwritable_out_is_one_line(self, capsys, tmp_path):
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")
        code, _, err = run(capsys, "report", SOURCE_SEED, TARGET_SEED, "--out", str(blocker / "sub"))
        assert code == 1 and err.startswith("align: error: ") and err.count("\n") == 1


class TestCompareAndCheck:
    HYP = os.path.join(ROOT, "seeds", "004_61cc61bc62d06839.txt")
    REF = os.path.join(ROOT, "examples", "004_post-edit_align-project.txt")

    def test_compare_writes_reports_and_prints_a_unified_diff(self, capsys, tmp_path):
        code, out, err = run(capsys, "compare", self.HYP, self.REF, "--out", str(tmp_path / "c"), "--unified")
        assert code == 0 and out.startswith("--- ") and "+++ " in out and "chrF" in err
        doc = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))
        assert set(doc["corpus_scores"]) == {"bleu", "chrf", "ter"}
        assert all(set(p["scores"]) == {"bleu", "chrf", "ter"} and "diff" in p for p in doc["pairs"])

    def test_compare_with_two_references(self, capsys, tmp_path):
        code, _, _ = run(capsys, "compare", self.HYP, "--reference", self.REF, "--reference", self.REF,
                         "--out", str(tmp_path))
        doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert code == 0 and doc["corpus_scores"]["bleu"]["signature"].startswith("nrefs:2|")

    @pytest.mark.parametrize("argv", [["compare", "x.txt", "--out", "d"], ["compare", "a.txt", "b.txt"]])
    def test_compare_usage_errors(self, capsys, argv):
        code, _, err = run(capsys, *argv)
        assert code == 2 and err.count("\n") == 1

    def test_check_report(self, capsys, tmp_path):
        code, _, err = run(capsys, "check", self.HYP, "--out", str(tmp_path))
        doc = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
        assert code == 0 and {"segment_id", "type", "severity", "message"} <= set(doc["flags"][0])
        assert doc["source"]["segments"][7]["text"] == "needed, they added."

    def test_committed_004_reports_are_up_to_date(self, tmp_path, monkeypatch):
        monkeypatch.chdir(ROOT)
        hyp, ref = "seeds/004_61cc61bc62d06839.txt", "examples/004_post-edit_align-project.txt"
        assert main(["compare", hyp, ref, "--out", str(tmp_path / "compare")]) == 0
        assert main(["check", hyp, "--out", str(tmp_path / "check")]) == 0
        for sub, folder in (("compare", "004-compare"), ("check", "004-check")):
            for name in os.listdir(tmp_path / sub):
                with open(os.path.join(ROOT, "reports", folder, name), "rb") as handle:
                    assert (tmp_path / sub / name).read_bytes() == handle.read(), f"{folder}/{name}"


def test_no_dictionary_aligns_on_the_texts_own_evidence(tmp_path, capsys):
    src, tgt = tmp_path / "zh.txt", tmp_path / "en.txt"
    src.write_text("今天北京的天气很好，阳光明媚。\n市场上的水果价格上涨了。\n学生们在学校里学习数学和历史。\n"
                   "老人每天早上在公园里散步。\n这家工厂生产汽车和卡车。\n孩子们喜欢在河边玩水。\n医生说病人需要多休息。\n",
                   encoding="utf-8")
    tgt.write_text("The weather in Beijing is fine today, and the sun is shining.\nThe price of fruit in the market has "
                   "risen.\nThe old man walks in the park every morning.\nThis factory produces cars and trucks.\n"
                   "The children like to play with water by the river.\nThe doctor said the patient needs more rest.\n",
                   encoding="utf-8")
    outputs = []
    for extra in ([], ["--no-dictionary"]):
        assert main(["pairs", "--presegmented", str(src), str(tgt), *extra]) == 0
        outputs.append(capsys.readouterr().out)
    assert "[4]:[3]" in outputs[0] and outputs[0] != outputs[1]
