"""Write every review output into a folder, each file whole or not at all."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from align.report.atomic import write_folder
from align.report.tmx import DEFAULT_MIN_SCORE
from align.review.review import Review

if TYPE_CHECKING:
    from align.compare.compare import Comparison

REVIEW_FILES = ("report.json", "report.html", "report.md", "pairs.csv", "pairs.tmx", "pairs.xlf", "pairs.xlsx")
COMPARE_FILES = ("report.json", "report.html", "report.md", "pairs.csv")


@dataclass(frozen=True)
class Exports:
    """How the review's exports are made: which pairs the TMX keeps, the XLIFF version, a BOM in the CSV."""

    min_score: float = DEFAULT_MIN_SCORE
    tmx_include: str = "clean"
    xliff: str = "2.0"
    csv_bom: bool = False


def write_review(review: Review, out_dir: str, exports: Exports = Exports()) -> tuple[str, ...]:
    """Write report.json, report.html, report.md, pairs.csv, pairs.tmx, pairs.xlf and pairs.xlsx into `out_dir`
    (created if missing), as one set."""
    from align.report.csv import format_review_csv
    from align.report.html import format_review_html
    from align.report.json import format_review_json
    from align.report.md import format_review_md
    from align.report.tmx import format_review_tmx
    from align.report.xliff import format_review_xliff
    from align.report.xlsx import format_review_xlsx

    return write_all(out_dir, {"report.json": format_review_json(review), "report.html": format_review_html(review),
                                "report.md": format_review_md(review),
                                "pairs.csv": format_review_csv(review, exports.csv_bom),
                                "pairs.tmx": format_review_tmx(review, exports.min_score, exports.tmx_include),
                                "pairs.xlf": format_review_xliff(review, exports.xliff),
                                "pairs.xlsx": format_review_xlsx(review)})


def write_comparison(comparison: "Comparison", out_dir: str, worst_first: bool = False) -> tuple[str, ...]:
    """Write report.json, report.html, report.md and pairs.csv of a same-language comparison."""
    from align.report.comparison import (format_comparison_csv, format_comparison_html, format_comparison_json,
                                         format_comparison_md)

    return write_all(out_dir, {"report.json": format_comparison_json(comparison),
                                "report.html": format_comparison_html(comparison, worst_first),
                                "report.md": format_comparison_md(comparison),
                                "pairs.csv": format_comparison_csv(comparison)})


def write_all(out_dir: str, contents: dict[str, str | bytes]) -> tuple[str, ...]:
    """The whole set of files or none of them, in a stable order; the folder is created when missing."""
    return write_folder(out_dir, contents)
