"""Write every review output into a folder, each file whole or not at all."""
from __future__ import annotations

import os

from align.report.atomic import write_atomic
from align.review import Review

REVIEW_FILES = ("report.json", "report.html", "report.md", "pairs.csv", "pairs.tmx")


def write_review(review: Review, out_dir: str) -> tuple[str, ...]:
    """Write report.json, report.html, report.md, pairs.csv and pairs.tmx into `out_dir` (created if missing)."""
    from align.report.csv import format_review_csv
    from align.report.html import format_review_html
    from align.report.json import format_review_json
    from align.report.md import format_review_md
    from align.report.tmx import format_review_tmx

    os.makedirs(out_dir, exist_ok=True)
    contents = {"report.json": format_review_json(review), "report.html": format_review_html(review),
                "report.md": format_review_md(review), "pairs.csv": format_review_csv(review),
                "pairs.tmx": format_review_tmx(review)}
    written = []
    for name in REVIEW_FILES:
        path = os.path.join(out_dir, name)
        write_atomic(path, contents[name])
        written.append(path)
    return tuple(written)
