"""Real documents in: each reader on a file the test builds, detection, errors, and the seed review read from
Word and from HTML equal to the plain-text review pair for pair."""
import html
import io
import json
import zipfile

import pytest

from align.cli import main
from align.errors import AlignError
from align.review.review import review_documents
from align.text.formats import detect_format, read_input
from align.text.segment import HEADING, split_document
from conftest import SOURCE_SEED, TARGET_SEED, read


def paragraphs(path) -> list[str]:
    return [line for line in read(path).split("\n") if line.strip()]


def write_docx(path, lines, heading_first=True):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for k, line in enumerate(lines):
        if k == 0 and heading_first:
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
    document.save(str(path))


def write_html(path, lines):
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    path.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>\n"
                    f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\n<article>{body}</article>\n"
                    f"<footer>Copyright 2024. All rights reserved.</footer></body></html>", encoding="utf-8")


def pairs_of(review):
    return [([s.text for s in p.source], [t.text for t in p.target], round(p.score, 4), [f.type for f in p.flags])
            for p in review.pairs]


class TestWord:
    def test_paragraphs_headings_tables_and_tracked_changes(self, tmp_path):
        docx = pytest.importorskip("docx")
        document = docx.Document()
        document.add_heading("Robots in factories", level=1)
        document.add_paragraph("China remained the largest market.")
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Units", "290,000"
        document.add_paragraph("Demand stays strong.", style="List Bullet")
        buffer = io.BytesIO()
        document.save(buffer)
        source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        xml = source.read("word/document.xml").decode()
        tracked = ('<w:ins w:id="1" w:author="r" w:date="2024-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> '
                   'last year.</w:t></w:r></w:ins><w:del w:id="2" w:author="r" w:date="2024-01-01T00:00:00Z"><w:r>'
                   '<w:delText> in 2020</w:delText></w:r></w:del>')
        xml = xml.replace("the largest market.</w:t></w:r>", "the largest market</w:t></w:r>" + tracked, 1)
        with zipfile.ZipFile(tmp_path / "a.docx", "w") as out:
            for name in source.namelist():
                out.writestr(name, xml if name == "word/document.xml" else source.read(name))
        doc = read_input(str(tmp_path / "a.docx"))
        assert doc.format == "docx"
        assert doc.text.splitlines() == ["Robots in factories", "China remained the largest market last year.",
                                         "Units", "290,000", "Demand stays strong."]
        segments = split_document(doc.text, "en", headings=doc.headings)
        assert segments[0].kind == HEADING and segments[1].kind != HEADING

    def test_a_broken_word_file_is_one_line(self, tmp_path):
        (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really a zip")
        with pytest.raises(AlignError, match=r"bad.docx: not a Word document \(bad zip\)|bad.docx"):
            read_input(str(tmp_path / "bad.docx"), format="docx")


def test_opendocument_text(tmp_path):
    odf = pytest.importorskip("odf.opendocument")
    from odf.text import H, P

    document = odf.OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Robots in factories"))
    document.text.addElement(P(text="China remained the largest market."))
    document.save(str(tmp_path / "a.odt"))
    doc = read_input(str(tmp_path / "a.odt"))
    assert doc.format == "odt" and doc.text.splitlines() == ["Robots in factories", "China remained the largest market."]
    assert doc.headings == frozenset({0})


class TestHtml:
    def test_the_article_not_the_page(self, tmp_path):
        page = tmp_path / "page.html"
        page.write_text(
            "<!DOCTYPE html><html><head><title>Site</title><style>p{}</style></head><body>"
            "<div class='nav'><a href='/'>Home</a></div><h1>China remains the largest market</h1>"
            "<div id='Content'><p>Installations rose 5 percent.</p><p>Related: <a href='/a'>Robots boom</a></p></div>"
            "<div class='share'>Share: Twitter</div><div class='right'><h3>Most Viewed</h3><ol><li>Mooncakes</li>"
            "</ol></div><div id='footer'>Copyright 1995-2023</div></body></html>", encoding="utf-8")
        doc = read_input(str(page))
        assert doc.text.splitlines() == ["China remains the largest market", "Installations rose 5 percent.",
                                         "Related: Robots boom"]
        assert doc.headings == frozenset({0})

    def test_a_fragment_is_markup_too(self, tmp_path):
        (tmp_path / "f.html").write_text("<p>One &amp; two.</p><p>Three.</p>", encoding="utf-8")
        assert read_input(str(tmp_path / "f.html")).text == "One & two.\nThree.\n"


def test_markdown(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nA paragraph that\nwraps, with a [link](http://x.org) and **bold**.\n\n"
                                   "- first item\n- second item\n\n```\ncode()\n```\n| a | b |\n|---|---|\n| c | d |\n",
                                   encoding="utf-8")
    doc = read_input(str(tmp_path / "a.md"))
    assert doc.text.splitlines() == ["Title", "A paragraph that wraps, with a link and bold.", "first item",
                                     "second item", "a", "b", "c", "d"]
    assert doc.headings == frozenset({0})


class TestSubtitles:
    SRT = ("1\n00:00:01,000 --> 00:00:03,000\nChina remained the largest\n\n"
           "2\n00:00:03,100 --> 00:00:05,000\nmarket for robots.\n\n"
           "3\n00:00:05,500 --> 00:00:07,000\n<i>Demand stays strong.</i>\n")

    def test_srt_cues_joined_into_sentences_and_kept_as_units(self, tmp_path):
        (tmp_path / "a.srt").write_text(self.SRT, encoding="utf-8")
        doc = read_input(str(tmp_path / "a.srt"))
        assert doc.text == "China remained the largest market for robots.\nDemand stays strong.\n"
        assert [u.label for u in doc.units] == ["1 00:00:01,000 --> 00:00:03,000", "2 00:00:03,100 --> 00:00:05,000",
                                                "3 00:00:05,500 --> 00:00:07,000"]
        assert [doc.text[u.start:u.end] for u in doc.units] == ["China remained the largest", "market for robots.",
                                                               "Demand stays strong."]

    def test_vtt_and_the_report_points_back_to_cues(self, capsys, tmp_path):
        (tmp_path / "en.vtt").write_text("WEBVTT\n\n" + self.SRT.replace(",", "."), encoding="utf-8")
        (tmp_path / "fr.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nLa Chine est restée le plus grand "
                                         "marché de robots.\n\n00:00:05.500 --> 00:00:07.000\nLa demande reste forte.\n",
                                         encoding="utf-8")
        assert main(["report", str(tmp_path / "en.vtt"), str(tmp_path / "fr.vtt"), "--out", str(tmp_path / "r")]) == 0
        data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
        assert [u["label"].split()[1] for u in data["source"]["units"]] == ["00:00:01.000", "00:00:03.100",
                                                                             "00:00:05.500"]
        first = data["pairs"][0]
        assert first["source_units"] == ["su0", "su1"] and first["target_units"] == ["tu0"]


class TestBilingual:
    def units(self):
        return [("China remained the largest market for robots.", "La Chine est restée le plus grand marché."),
                ("Demand stays strong, the federation said.", "La demande reste forte, selon la fédération."),
                ("Installations rose 5 percent.", "")]

    def test_tmx_written_by_translate_toolkit(self, tmp_path):
        tmx = pytest.importorskip("translate.storage.tmx")
        store = tmx.tmxfile(sourcelanguage="en", targetlanguage="fr")
        for source, target in self.units()[:2]:
            store.addtranslation(source, "en", target, "fr")
        (tmp_path / "m.tmx").write_bytes(bytes(store))
        doc = read_input(str(tmp_path / "m.tmx"))
        assert doc.format == "tmx" and doc.pairs == tuple(self.units()[:2])
        assert read_input(str(tmp_path / "m.tmx"), side="target").text.splitlines()[0].startswith("La Chine")

    def test_xliff_reviewed_as_it_is(self, capsys, tmp_path):
        xliff = pytest.importorskip("translate.storage.xliff")
        store = xliff.xlifffile(sourcelanguage="en", targetlanguage="fr")
        for source, target in self.units():
            unit = store.addsourceunit(source)
            if target:
                unit.target = target
        (tmp_path / "job.xlf").write_bytes(bytes(store))
        assert main(["report", str(tmp_path / "job.xlf"), "--out", str(tmp_path / "r"), "--source-lang", "en",
                     "--target-lang", "fr"]) == 0
        data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
        assert [(p["source_ids"], p["target_ids"]) for p in data["pairs"]] == [(["s0"], ["t0"]), (["s1"], ["t1"]),
                                                                                (["s2"], [])]
        assert [f["type"] for f in data["pairs"][2]["flags"]] == ["dropped"]
        assert data["pairs"][0]["score"] > 0.5

    def test_one_plain_file_is_not_enough(self, capsys):
        assert main(["report", SOURCE_SEED, "--out", "/nonexistent/x"]) == 2
        assert "one XLIFF or TMX file" in capsys.readouterr().err


class TestDetection:
    def test_by_content_before_the_name(self, tmp_path):
        assert detect_format("x.txt", b"WEBVTT\n\n") == "vtt"
        assert detect_format("x.txt", b"<?xml version='1.0'?><xliff version='1.2'>") == "xliff"
        assert detect_format("x.dat", b"<!DOCTYPE html><html>") == "html"
        assert detect_format("notes.md", b"# Title") == "md" and detect_format("a.txt", b"plain") == "text"

    def test_pdf_is_refused_with_advice(self, tmp_path):
        (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7\n...")
        with pytest.raises(AlignError, match="export it as text or .docx"):
            read_input(str(tmp_path / "a.pdf"))

    def test_format_in_forces_a_reader(self, capsys, tmp_path):
        (tmp_path / "page.txt").write_text("<p>One sentence here.</p><p>Two.</p>", encoding="utf-8")
        assert main(["segment", str(tmp_path / "page.txt"), "--format-in", "html"]) == 0
        assert "<p>" not in capsys.readouterr().out
        assert main(["segment", str(tmp_path / "page.txt"), "--format-in", "pdf"]) == 2


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_seed_review_from_word_and_html_equals_the_plain_text_review(tmp_path, kind):
    plain = review_documents(read(SOURCE_SEED), read(TARGET_SEED))
    writer = write_docx if kind == "docx" else write_html
    for path, side in ((tmp_path / f"en.{kind}", SOURCE_SEED), (tmp_path / f"fr.{kind}", TARGET_SEED)):
        lines = paragraphs(side)
        if kind == "docx":
            writer(path, lines, heading_first=False)
        else:
            writer(path, lines)
    converted = review_documents(read_input(str(tmp_path / f"en.{kind}")), read_input(str(tmp_path / f"fr.{kind}")))
    assert pairs_of(converted) == pairs_of(plain)


def test_a_missing_extra_is_named(monkeypatch, tmp_path):
    import sys

    (tmp_path / "m.tmx").write_text('<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body/></tmx>',
                                    encoding="utf-8")
    monkeypatch.setitem(sys.modules, "translate.storage.tmx", None)    # as if translate-toolkit were absent
    if "translate.storage" in sys.modules:
        monkeypatch.delattr(sys.modules["translate.storage"], "tmx", raising=False)
    with pytest.raises(AlignError, match=r"align-translation-review\[formats\]"):
        read_input(str(tmp_path / "m.tmx"))


def test_the_same_file_gives_the_same_text(tmp_path):
    write_html(tmp_path / "a.html", paragraphs(SOURCE_SEED))
    assert read_input(str(tmp_path / "a.html")) == read_input(str(tmp_path / "a.html"))
