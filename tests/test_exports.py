"""Exports a translation memory can trust (TMX, XLIFF 2.0 and 1.2, Excel, CSV), and the reviser's first checks
on mutations of the seed pair, end to end through the command line."""
import io
import json
import os
import xml.etree.ElementTree as ET

import pytest

from align.cli import main
from align.report.tmx import format_review_tmx, tm_pairs
from align.report.xliff import format_review_xliff
from align.report.xlsx import format_review_xlsx
from align.review.review import review_documents
from conftest import ROOT, SOURCE_SEED, TARGET_SEED, read

SCHEMAS = os.path.join(ROOT, "tests", "schemas")
SEED_002 = os.path.join(ROOT, "seeds", "002_a0ae1ba2b7e4c5d9.txt")


def seed(name: str) -> str:
    (path,) = [os.path.join(ROOT, "seeds", n) for n in os.listdir(os.path.join(ROOT, "seeds")) if n.startswith(name)]
    return path


@pytest.fixture(scope="module")
def seed_review():
    return review_documents(read(SOURCE_SEED), read(TARGET_SEED), source_path="en.txt", target_path="fr.txt")


def report(capsys, tmp_path, *argv):
    code = main(["report", *map(str, argv), "--out", str(tmp_path / "r")])
    _, err = capsys.readouterr()
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8")) if code == 0 else None
    return code, err, data


def flags_of(data):
    return [f["type"] for p in data["pairs"] for f in p["flags"]]


class TestTmx:
    def test_default_keeps_clean_pairs_with_their_flags(self, seed_review):
        root = ET.fromstring(format_review_tmx(seed_review))
        units = root.findall("body/tu")
        kept = tm_pairs(seed_review)
        assert len(units) == len(kept) == 10
        flagged = [u for u in units if u.find("prop[@type='x-align-flags']") is not None]
        assert len(flagged) == 1 and "partial_omission" in flagged[0].find("note").text
        assert all(u.find("prop[@type='x-align-score']") is not None for u in units)

    def test_an_error_or_a_low_score_keeps_a_pair_out(self):
        fr = read(TARGET_SEED)
        assert "12 000" in fr
        review = review_documents(read(SOURCE_SEED), fr.replace("12 000", "15 000"), "en", "fr")
        (wrong,) = [k for k, p in enumerate(review.pairs) if any(f.type == "number_mismatch" for f in p.flags)]
        assert review.pairs[wrong].score >= 0.5
        assert wrong not in tm_pairs(review) and wrong in tm_pairs(review, include="scored")
        assert len(tm_pairs(review, include="all")) == len(tm_pairs(review)) + 1
        assert tm_pairs(review, min_score=1.0, include="scored") == []

    def test_wrong_file_writes_no_unit(self, capsys, tmp_path):
        code, err, data = report(capsys, tmp_path, seed("002"), TARGET_SEED)
        assert code == 0 and "align: warning: " in err and data["summary"]["warnings"][0]["kind"] == "not_translations"
        assert ET.parse(tmp_path / "r" / "pairs.tmx").getroot().findall("body/tu") == []

    def test_region_tags_are_kept(self, capsys, tmp_path):
        code, err, data = report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--source-lang", "en-US",
                                 "--target-lang", "fr-CA")
        assert code == 0 and "warning:" not in err
        tuvs = ET.parse(tmp_path / "r" / "pairs.tmx").getroot().findall("body/tu/tuv")
        assert {t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in tuvs} == {"en-US", "fr-CA"}
        assert data["source"]["lang"] == "en-US"
        assert flags_of(data).count("number_mismatch") == 0   # the rules read en-US as en


class TestXliff:
    @pytest.mark.parametrize("version, schema", [("2.0", "xliff-core-2.0-subset.xsd"),
                                                 ("1.2", "xliff-core-1.2-subset.xsd")])
    def test_valid_against_the_schema(self, seed_review, version, schema):
        lxml = pytest.importorskip("lxml.etree")
        xsd = lxml.XMLSchema(lxml.parse(os.path.join(SCHEMAS, schema)))
        doc = lxml.fromstring(format_review_xliff(seed_review, version).encode("utf-8"))
        assert xsd.validate(doc), xsd.error_log

    def test_read_back_with_translate_toolkit_2_0(self, seed_review):
        xliff2 = pytest.importorskip("translate.storage.xliff2")
        store = xliff2.Xliff2File.parsestring(format_review_xliff(seed_review, "2.0").encode("utf-8"))
        units = [u for u in store.units if not u.isheader()]
        assert len(units) == len(seed_review.pairs)
        first = next(k for k, p in enumerate(seed_review.pairs) if p.source and p.target)
        assert units[first].source == " ".join(s.text for s in seed_review.pairs[first].source)
        assert units[first].target == " ".join(t.text for t in seed_review.pairs[first].target)

    def test_read_back_with_translate_toolkit_1_2(self, seed_review):
        xliff = pytest.importorskip("translate.storage.xliff")
        store = xliff.xlifffile.parsestring(format_review_xliff(seed_review, "1.2").encode("utf-8"))
        assert len(store.units) == len(seed_review.pairs)
        flagged = next(k for k, p in enumerate(seed_review.pairs) if any(f.type == "partial_omission" for f in p.flags))
        assert "partial_omission" in store.units[flagged].getnotes() and "omission" in store.units[flagged].getnotes()

    def test_report_writes_the_version_asked(self, capsys, tmp_path):
        assert report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--xliff", "1.2")[0] == 0
        assert 'version="1.2"' in (tmp_path / "r" / "pairs.xlf").read_text(encoding="utf-8")


class TestSpreadsheets:
    def test_xlsx_reads_back_with_filters_and_fills(self, seed_review):
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.load_workbook(io.BytesIO(format_review_xlsx(seed_review)))
        sheet = book.active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0] == ("pair", "source_ids", "target_ids", "source", "target", "score", "severity", "flags")
        assert len(rows) == len(seed_review.pairs) + 1 and sheet.auto_filter.ref == f"A1:H{len(rows)}"
        warning_row = next(r for r in range(2, len(rows) + 1) if sheet.cell(r, 7).value == "warning")
        assert sheet.cell(warning_row, 7).fill.fgColor.rgb == "FFFFE1A8"
        unaligned = next(r for r in rows[1:] if not r[1] or not r[2])
        assert unaligned[5] is None                         # no score for a sentence alone

    def test_xlsx_is_the_same_bytes_every_time(self, seed_review):
        assert format_review_xlsx(seed_review) == format_review_xlsx(seed_review)

    def test_csv_bom(self, capsys, tmp_path):
        assert report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--csv-bom")[0] == 0
        data = (tmp_path / "r" / "pairs.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbfpair,")
        lines = data.decode("utf-8-sig").splitlines()
        assert any(",,info," in line or ",,warning," in line for line in lines)   # unaligned: empty score


class TestSeedMutations:
    """What a reviser checks first, on the seed pair changed as a careless workflow changes it."""

    def test_the_seed_review_has_no_new_flag(self, capsys, tmp_path):
        code, err, data = report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED)
        assert code == 0 and "warning:" not in err and data["summary"]["warnings"] == []
        assert sorted(flags_of(data)) == ["added", "added", "dropped", "dropped", "dropped", "partial_omission"]

    def test_a_line_left_in_english(self, capsys, tmp_path):
        en, fr = read(SOURCE_SEED), read(TARGET_SEED)
        english = next(line for line in en.splitlines() if line.startswith("The country will accelerate"))
        french = next(line for line in fr.splitlines() if line.startswith("Le pays accélérera"))
        (tmp_path / "fr.txt").write_text(fr.replace(french, english), encoding="utf-8")
        code, _, data = report(capsys, tmp_path, SOURCE_SEED, tmp_path / "fr.txt")
        bad = [p for p in data["pairs"] if any(f["type"] == "untranslated" for f in p["flags"])]
        assert code == 0 and len(bad) == 1 and bad[0]["flags"][0]["severity"] == "error"
        tmx = (tmp_path / "r" / "pairs.tmx").read_text(encoding="utf-8")
        assert "The country will accelerate" not in tmx.split('xml:lang="fr"', 1)[-1]

    def test_two_english_texts(self, capsys, tmp_path):
        code, err, data = report(capsys, tmp_path, seed("002"), seed("003"))
        assert code == 0 and "align compare" in err
        assert "same_language" in [w["kind"] for w in data["summary"]["warnings"]]
        assert ET.parse(tmp_path / "r" / "pairs.tmx").getroot().findall("body/tu") == []

    def test_swapped_languages(self, capsys, tmp_path):
        code, err, data = report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--source-lang", "fr",
                                 "--target-lang", "en")
        assert code == 0 and err.count("align: warning: ") == 2 and "swapped?" in err
        assert "untranslated" not in flags_of(data)    # every line would "read as the source": not said
        assert ET.parse(tmp_path / "r" / "pairs.tmx").getroot().findall("body/tu") == []   # no English as "fr"

    @pytest.mark.parametrize("tag", ["xx", "qq", "qb-FR"])   # two letters are never the private-use qaa-qtz
    def test_unknown_language_tag_is_a_usage_error(self, capsys, tmp_path, tag):
        assert main(["report", SOURCE_SEED, TARGET_SEED, "--source-lang", tag, "--out", str(tmp_path / "r")]) == 2
        assert f"unknown language '{tag.split('-')[0].lower()}'" in capsys.readouterr().err
        assert not (tmp_path / "r").exists()

    def test_a_private_use_language_is_accepted(self, capsys, tmp_path):
        assert main(["pairs", SOURCE_SEED, TARGET_SEED, "--target-lang", "qaa", "-o", str(tmp_path / "p")]) == 0

    def test_compare_across_languages_warns(self, capsys, tmp_path):
        assert main(["compare", SOURCE_SEED, TARGET_SEED, "--out", str(tmp_path / "c")]) == 0
        assert "two texts in one language" in capsys.readouterr().err

    def test_compare_with_an_extra_hypothesis_sentence(self, capsys, tmp_path):
        ref = read(os.path.join(ROOT, "examples", "004_post-edit_align-project.txt"))
        first = ref.splitlines()[2]
        hyp = ref.replace(first, first + " Officials in the region declined to comment on the timing.", 1)
        (tmp_path / "hyp.txt").write_text(hyp, encoding="utf-8")
        (tmp_path / "ref.txt").write_text(ref, encoding="utf-8")
        assert main(["compare", str(tmp_path / "hyp.txt"), str(tmp_path / "ref.txt"), "--out", str(tmp_path / "c")]) == 0
        data = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))
        extra = [p for p in data["pairs"] if any(f["type"] == "added" for f in p["flags"])]
        assert len(extra) == 1 and not extra[0]["target_ids"]

    def test_glossary_and_skip_check_from_the_command_line(self, capsys, tmp_path):
        (tmp_path / "terms.tsv").write_text("manufacturing\tindustrie manufacturière\n", encoding="utf-8")
        code, _, data = report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--glossary", tmp_path / "terms.tsv")
        assert code == 0 and "terminology" in flags_of(data)
        code, _, data = report(capsys, tmp_path, SOURCE_SEED, TARGET_SEED, "--glossary", tmp_path / "terms.tsv",
                               "--skip-check", "terminology,partial_omission")
        assert code == 0 and "terminology" not in flags_of(data) and "partial_omission" not in flags_of(data)
        assert main(["report", SOURCE_SEED, TARGET_SEED, "--skip-check", "nope", "--out", str(tmp_path / "x")]) == 2


def test_per_side_encodings(capsys, tmp_path):
    (tmp_path / "en.txt").write_text("The café opened in 2021. It sold 1,200 cups.", encoding="utf-8")
    (tmp_path / "fr.txt").write_bytes("Le café a ouvert en 2021. Il a vendu 1 200 tasses.".encode("cp1252"))
    assert main(["report", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--out", str(tmp_path / "bad")]) == 1
    assert "not valid utf-8" in capsys.readouterr().err
    assert main(["report", str(tmp_path / "en.txt"), str(tmp_path / "fr.txt"), "--target-encoding", "cp1252",
                 "--out", str(tmp_path / "r")]) == 0
    data = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    assert data["source"]["segments"][0]["text"].startswith("The café") and \
        data["target"]["segments"][0]["text"].startswith("Le café") and data["summary"]["severities"]["error"] == 0


def test_batch_summary_names_a_pair_in_doubt(capsys, tmp_path):
    import pandas as pd

    manifest = tmp_path / "m.csv"
    manifest.write_text(f"id,source,target\ngood,{SOURCE_SEED},{TARGET_SEED}\nwrong,{seed('002')},{TARGET_SEED}\n",
                        encoding="utf-8")
    assert main(["batch", str(manifest), "--out", str(tmp_path / "run"), "--jobs", "1"]) == 0
    summary = pd.read_csv(tmp_path / "run" / "summary.csv", keep_default_na=False).set_index("id")
    assert summary.loc["good", "doubts"] == "" and summary.loc["wrong", "doubts"] == "not_translations"
