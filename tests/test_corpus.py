import os

from align.cli import main
from align.compare.corpus import compare_corpus
from conftest import ROOT, read

SEEDS = ["001_4fa10e781d0ee104.txt", "002_d6988d8b7820869a.txt", "003_6374a0250a8da33c.txt",
         "004_61cc61bc62d06839.txt"]


def test_matrix_is_symmetric_and_shared_passages_are_found():
    paths = [f"seeds/{n}" for n in SEEDS]
    c = compare_corpus([read(os.path.join(ROOT, p)) for p in paths], paths, "en")
    assert all(c.matrix[a][b] == c.matrix[b][a] for a in range(4) for b in range(4))
    assert all(c.matrix[a][a] == 100.0 for a in range(4)) and all(0 < v < 100 for r in c.matrix for v in r if v != 100)
    thirteen = [m for m in c.matches if m.a == 1 and m.b == 3 and "13 consecutive years" in m.a_segment.text]
    assert thirteen and "13 consecutive years" in thirteen[0].b_segment.text


def test_identical_documents_match_every_sentence():
    text = read(os.path.join(ROOT, "seeds", SEEDS[1]))
    c = compare_corpus([text, text], ["a", "b"], "en")
    assert c.matrix[0][1] == 100.0
    assert len(c.matches) == sum(1 for s in c.segments[0] if len(s.text.split()) >= 5)


def test_committed_corpus_report_is_up_to_date(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["corpus", *[f"seeds/{n}" for n in SEEDS], "--out", str(tmp_path)]) == 0
    for name in sorted(os.listdir(tmp_path)):
        with open(os.path.join(ROOT, "reports", "corpus", name), "rb") as handle:
            assert (tmp_path / name).read_bytes() == handle.read(), name


def test_needs_two_documents(capsys):
    assert main(["corpus", os.path.join(ROOT, "seeds", SEEDS[0]), "--out", "x"]) == 2
