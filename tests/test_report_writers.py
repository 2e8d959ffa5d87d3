"""The review writers: the JSON contract, golden files per writer, escaping, TMX round trip, a real browser."""
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from align.cli import main
from align.report.csv import format_review_csv, spreadsheet_safe
from align.report.html import format_review_html
from align.report.json import format_review_json
from align.report.md import format_review_md
from align.report.tmx import format_review_tmx
from align.report.write import REVIEW_FILES, write_review
from align.review.review import review_documents
from conftest import ROOT, SOURCE_SEED, TARGET_SEED, read

GOLDEN = os.path.join(ROOT, "tests", "golden")
WRITERS = {"review.json": format_review_json, "review.html": format_review_html, "review.md": format_review_md,
           "review.csv": format_review_csv, "review.tmx": format_review_tmx}

# A small pair with markup, a formula-like cell, a changed number and an added line.
HOSTILE_SOURCE = ("The <b>board</b> approved 12,000 new posts in Geneva.\n\n"
                  "=HYPERLINK(\"http://example.com\") was typed into the minutes by Mr. Smith.\n\n"
                  "The meeting ended at noon after a long debate on the budget.\n")
HOSTILE_TARGET = ("Le <b>conseil</b> a approuvé 15 000 nouveaux postes à Genève.\n\n"
                  "=HYPERLINK(\"http://example.com\") a été saisi dans le procès-verbal par M. Smith.\n\n"
                  "Lire aussi : <script>alert(1)</script>\n\n"
                  "La réunion s’est terminée à midi après un long débat sur le budget.\n")


@pytest.fixture(scope="module")
def hostile():
    return review_documents(HOSTILE_SOURCE, HOSTILE_TARGET, "en", "fr", source_path="a.en", target_path="a.fr")


@pytest.fixture(scope="module")
def seed_review():
    return review_documents(read(SOURCE_SEED), read(TARGET_SEED), source_path="001.txt", target_path="000.txt")


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_golden(hostile, name):
    """Byte-for-byte golden files; set ALIGN_REGENERATE_GOLDEN=1 to rewrite them on purpose."""
    text = WRITERS[name](hostile)
    path = os.path.join(GOLDEN, name)
    if os.environ.get("ALIGN_REGENERATE_GOLDEN"):
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    with open(path, encoding="utf-8", newline="") as handle:
        assert text == handle.read()


class TestJsonContract:
    def test_top_level_fields(self, seed_review):
        doc = json.loads(format_review_json(seed_review))
        assert doc["schema_version"] == 1
        assert set(doc) >= {"source", "target", "pairs", "summary"}
        for side in ("source", "target"):
            assert set(doc[side]) >= {"path", "lang", "segments"}
            assert all(set(s) >= {"id", "text", "kind"} for s in doc[side]["segments"])
        for pair in doc["pairs"]:
            assert set(pair) >= {"source_ids", "target_ids", "score", "flags"} and 0 <= pair["score"] <= 1
            for flag in pair["flags"]:
                assert set(flag) >= {"type", "severity", "message", "spans"}
                assert flag["severity"] in ("info", "warning", "error")

    def test_every_segment_in_exactly_one_pair_in_order(self, seed_review):
        doc = json.loads(format_review_json(seed_review))
        for side, key in (("source", "source_ids"), ("target", "target_ids")):
            ids = [i for pair in doc["pairs"] for i in pair[key]]
            assert ids == [s["id"] for s in doc[side]["segments"]]

    def test_spans_point_at_text(self, seed_review):
        doc = json.loads(format_review_json(seed_review))
        texts = {s["id"]: s["text"] for side in ("source", "target") for s in doc[side]["segments"]}
        spans = [sp for p in doc["pairs"] for f in p["flags"] for sp in f["spans"]]
        assert spans and all(0 <= sp["start"] < sp["end"] <= len(texts[sp["segment_id"]]) for sp in spans)


def test_html_escapes_document_text(hostile):
    html = format_review_html(hostile)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>board</b>" not in html and "&lt;b&gt;board&lt;/b&gt;" in html
    assert "http" not in html.split("<body")[0]  # no external assets in the head


def test_html_marks_the_mismatched_numbers(hostile):
    html = format_review_html(hostile)
    assert '<mark class="error">12,000</mark>' in html and '<mark class="error">15 000</mark>' in html


def test_csv_cells_never_run_as_formulas(hostile):
    import csv
    import io
    rows = list(csv.DictReader(io.StringIO(format_review_csv(hostile))))
    cells = [v for row in rows for v in row.values()]
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert not any(v.startswith(("=", "+", "-", "@")) for v in cells)


@pytest.mark.parametrize("value, shown", [("=1+1", "'=1+1"), ("+33", "'+33"), ("-x", "'-x"), ("@a", "'@a"),
                                          ("plain", "plain")])
def test_spreadsheet_safe(value, shown):
    assert spreadsheet_safe(value) == shown


class TestTmx:
    def test_valid_with_required_header_and_languages(self, seed_review):
        root = ET.fromstring(format_review_tmx(seed_review).split("\n", 2)[2])
        header = root.find("header")
        assert {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang",
                "datatype"} <= set(header.attrib)
        tuvs = root.iter("tuv")
        assert all(tuv.get("{http://www.w3.org/XML/1998/namespace}lang") in ("en", "fr") for tuv in tuvs)
        assert len(root.findall("body/tu")) == 10

    def test_round_trip_through_translate_toolkit(self, seed_review, tmp_path):
        tmx = pytest.importorskip("translate.storage.tmx")
        path = tmp_path / "pairs.tmx"
        path.write_text(format_review_tmx(seed_review), encoding="utf-8")
        with open(path, "rb") as handle:
            store = tmx.tmxfile(handle, "en", "fr")
        units = [u for u in store.units if u.source]
        expected = [(" ".join(s.text for s in p.source), " ".join(t.text for t in p.target))
                    for p in seed_review.pairs if p.source and p.target]
        assert [(u.source, u.target) for u in units] == expected


def test_write_review_creates_the_folder_and_every_file(seed_review, tmp_path):
    out = tmp_path / "new" / "dir"
    written = write_review(seed_review, str(out))
    assert sorted(os.listdir(out)) == sorted(REVIEW_FILES) and len(written) == 7


def test_outputs_are_deterministic(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    for run in ("a", "b"):
        assert main(["report", os.path.relpath(SOURCE_SEED), os.path.relpath(TARGET_SEED),
                     "--out", str(tmp_path / run)]) == 0
    for name in REVIEW_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_committed_seed_report_is_up_to_date(tmp_path, monkeypatch):
    """reports/seed-review is what the README's first command writes; rerun it when this fails."""
    monkeypatch.chdir(ROOT)
    assert main(["report", "seeds/001_4fa10e781d0ee104.txt", "seeds/000_b2c92323d477a4f3.txt",
                 "--out", str(tmp_path)]) == 0
    for name in REVIEW_FILES:
        with open(os.path.join(ROOT, "reports", "seed-review", name), "rb") as handle:
            assert (tmp_path / name).read_bytes() == handle.read(), name


def test_report_renders_in_headless_chromium(tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    page = os.path.join(ROOT, "reports", "seed-review", "report.html")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"file://{page}"],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    dom = result.stdout
    assert "Show only flagged pairs" in dom and "partial_omission" in dom and dom.count("<tr") == 16
