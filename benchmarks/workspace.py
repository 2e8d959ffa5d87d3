"""How the review page behaves on a long document, in headless Chromium: time to first paint, until the
workspace is ready, and to apply a filter, on a 5,000-pair review (the Chinese-English Bible pair).

    python benchmarks/workspace.py [--repeat 3]

Needs Chromium, chromedriver and selenium (the test extras); skips when they or the data are absent.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from harness import load_suite  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    chromium, driver_path = shutil.which("chromium") or shutil.which("google-chrome"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("selenium is not installed; skipped")
        return 0
    docs = [d for d in load_suite() if d.set == "bible-zh-en"]
    if not chromium or not driver_path or not docs:
        print("Chromium, chromedriver or the Bible pair is absent; skipped")
        return 0
    from align.search.align import Options as AlignOptions
    from align.report.html import format_review_html
    from align.review.review import review_documents

    doc = docs[0]
    review = review_documents("\n".join(doc.source) + "\n", "\n".join(doc.target) + "\n", "zh", "en",
                              AlignOptions(presegmented=True))
    folder = tempfile.mkdtemp()
    page = os.path.join(folder, "report.html")
    with open(page, "w", encoding="utf-8") as handle:
        handle.write(format_review_html(review))
    os.environ["SE_AVOID_STATS"] = "true"
    options = Options()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    paint, ready, filtering, load, script = [], [], [], [], []
    try:
        for _ in range(args.repeat):
            start = time.perf_counter()
            browser.get(f"file://{page}")
            load.append(time.perf_counter() - start)
            paint.append(browser.execute_script(
                "var e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null;"))
            ready.append(browser.execute_script("return performance.getEntriesByName('align-ready')[0].startTime;"))
            script.append(browser.execute_script("return performance.getEntriesByName('align-ready')[0].startTime - "
                                                 "performance.getEntriesByName('align-start')[0].startTime;"))
            filtering.append(browser.execute_script(
                "var s = document.getElementById('filter-severity'), t0 = performance.now(); s.value = 'warning';"
                "s.dispatchEvent(new Event('change')); return performance.now() - t0;"))
    finally:
        browser.quit()
    print(f"{len(review.pairs)} pairs, page {os.path.getsize(page) / 1e6:.1f} MB; medians of {args.repeat} loads")
    print(f"  first contentful paint  {statistics.median(p for p in paint if p is not None):7.0f} ms")
    print(f"  workspace ready         {statistics.median(ready):7.0f} ms (its script {statistics.median(script):.0f} ms)")
    print(f"  apply a filter          {statistics.median(filtering):7.0f} ms")
    print(f"  whole page load         {statistics.median(load) * 1000:7.0f} ms (selenium's get)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
