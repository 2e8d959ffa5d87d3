"""Write every review output into a folder, each file whole or not at all."""
from __future__ import annotations

from typing import TYPE_CHECKING

from align.report.atomic import write_folder
from align.review import Review

if TYPE_CHECKING:
    from align.compare import Comparison

REVIEW_FILES = ("report.json", "report.html", "report.md", "pairs.csv", "pairs.tmx")
COMPARE_FILES = ("report.json", "report.html", "report.md", "pairs.csv")


def write_review(review: Review, out_dir: str) -> tuple[str, ...]:
    """Write report.json, report.html, report.md, pairs.csv and pairs.tmx into `out_dir` (created if missing)."""
    from align.report.csv import format_review_csv
    from align.report.html import format_review_html
    from align.report.json import format_review_json
    from align.report.md import format_review_md
    from align.report.tmx import format_review_tmx

    return write_all(out_dir, {"report.json": format_review_json(review), "report.html": format_review_html(review),
                                "report.md": format_review_md(review), "pairs.csv": format_review_csv(review),
                                "pairs.tmx": format_review_tmx(review)})


def write_comparison(comparison: "Comparison", out_dir: str, worst_first: bool = False) -> tuple[str, ...]:
    """Write report.json, report.html, report.md and pairs.csv of a same-language comparison."""
    from align.report.comparison import (format_comparison_csv, format_comparison_html, format_comparison_json,
                                         format_comparison_md)

    return write_all(out_dir, {"report.json": format_comparison_json(comparison),
                                "report.html": format_comparison_html(comparison, worst_first),
                                "report.md": format_comparison_md(comparison),
                                "pairs.csv": format_comparison_csv(comparison)})


def write_all(out_dir: str, contents: dict[str, str]) -> tuple[str, ...]:
    """The whole set of files or none of them, in a stable order; the folder is created when missing."""
    return write_folder(out_dir, contents)
