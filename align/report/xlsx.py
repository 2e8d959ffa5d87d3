"""`pairs.xlsx`: one row per pair for review in Excel (as Xbench users do), with filters and the severity as a
fill colour.

Written with the standard library's zipfile: openpyxl stamps the time of writing into every workbook, and a
report must be the same bytes for the same input; the tests read the workbook back with openpyxl. Texts are
inline strings, so no cell can ever run as a formula.
"""
from __future__ import annotations

import io
import zipfile
from html import escape as _html_escape

from align.report.xmltext import xml_text
from align.review.review import Review

COLUMNS = ("pair", "source_ids", "target_ids", "source", "target", "score", "severity", "flags")
_WIDTHS = (6, 10, 10, 60, 60, 8, 10, 60)
_STYLE = {"": 0, "header": 1, "error": 2, "warning": 3, "info": 4}
MAX_CELL = 32767
"""Excel's limit on the characters of one cell."""

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<sheets><sheet name="Pairs" sheetId="1" r:id="rId1"/></sheets>\
<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Pairs!$A$1:$H${last}</definedName></definedNames>\
</workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
</Relationships>"""
# fills 0 and 1 are the two Excel requires; then error (red), warning (amber), info (blue): the report's colours
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFF8C9C4"/><bgColor indexed="64"/></patternFill></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFFFE1A8"/><bgColor indexed="64"/></patternFill></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFDBE6F5"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"""


def _column(n: int) -> str:
    return "ABCDEFGH"[n]


def _cell(ref: str, value: object, style: int) -> str:
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    text = _html_escape(xml_text(str(value))[:MAX_CELL], quote=False)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{text}</t></is></c>'


def review_rows(review: Review) -> list[tuple]:
    """The workbook's rows (no header): the same columns as pairs.csv; an unaligned pair has no score."""
    rows = []
    for k, pair in enumerate(review.pairs):
        severity = max((f.severity for f in pair.flags), key=("info", "warning", "error").index, default="")
        rows.append((k, " ".join(s.id for s in pair.source), " ".join(t.id for t in pair.target),
                     " ".join(s.text for s in pair.source), " ".join(t.text for t in pair.target),
                     round(pair.score, 4) if pair.source and pair.target else None, severity,
                     "; ".join(f"{f.type}: {f.message}" for f in pair.flags)))
    return rows


def format_review_xlsx(review: Review) -> bytes:
    rows = review_rows(review)
    last = len(rows) + 1
    lines = ['<row r="1">' + "".join(_cell(f"{_column(c)}1", name, _STYLE["header"])
                                      for c, name in enumerate(COLUMNS)) + "</row>"]
    for r, row in enumerate(rows, start=2):
        style = _STYLE[row[6]]
        lines.append(f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", value, style)
                                                for c, value in enumerate(row)) + "</row>")
    cols = "".join(f'<col min="{c + 1}" max="{c + 1}" width="{w}" customWidth="1"/>' for c, w in enumerate(_WIDTHS))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
             'state="frozen"/></sheetView></sheetViews>'
             f'<cols>{cols}</cols><sheetData>{"".join(lines)}</sheetData>'
             f'<autoFilter ref="A1:H{last}"/></worksheet>')
    parts = {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _ROOT_RELS,
             "xl/workbook.xml": _WORKBOOK.replace("{last}", str(last)), "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
             "xl/styles.xml": _STYLES, "xl/worksheets/sheet1.xml": sheet}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))   # a fixed time: the same bytes every run
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()
