"""End to end: `report` on short news translations in seventeen languages (examples/news/) raises nothing a
reviser would have to dismiss: every number form, date and place name reads as its translation."""
import glob
import json
import os

import pytest

from align.cli import main

NEWS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "news")
PAIRS = sorted(os.path.basename(p) for p in glob.glob(os.path.join(NEWS, "*-*")))

EXPECTED = {   # (type, severity) of every warning and error: what a reviser is rightly told
    "zh-en": [("dropped", "error")],                      # 专家认为… has no English
    "en-es": [("entity_mismatch", "warning")],            # Parliament / Congreso: an institution translated
    "tr-en": [("entity_mismatch", "warning")],            # Borsası / stock exchange
    "pl-en": [("entity_mismatch", "warning")],            # NBP / national bank
    "vi-en": [("entity_mismatch", "warning")],            # Tổng cục Thống kê / General Statistics Office
}


def test_every_language_pair_is_here():
    assert len(PAIRS) == 17


@pytest.mark.parametrize("pair", PAIRS)
def test_a_faithful_news_translation_raises_no_false_flag(pair, tmp_path, capsys):
    folder = os.path.join(NEWS, pair)
    source, = glob.glob(os.path.join(folder, "source.*.txt"))
    target, = glob.glob(os.path.join(folder, "translation.*.txt"))
    assert main(["report", source, target, "--out", str(tmp_path)]) == 0
    with open(tmp_path / "report.json", encoding="utf-8") as handle:
        report = json.load(handle)
    raised = [(f["type"], f["severity"]) for p in report["pairs"] for f in p["flags"]
              if f["severity"] in ("warning", "error")]
    assert raised == EXPECTED.get(pair, [])
    assert (report["source"]["lang"], report["target"]["lang"]) == tuple(pair.split("-"))
    assert not report["summary"]["warnings"]
