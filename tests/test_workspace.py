"""The review page as a workspace, driven in a real headless Chromium: corrections, a dismissal, the keyboard,
work kept over a reload, Save decisions, and `report --decisions` reproducing the corrected alignment."""
import json
import os
import shutil
import time

import pytest

from align.cli import main
from conftest import SOURCE_SEED, TARGET_SEED

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


@pytest.fixture
def browser(tmp_path):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    if not CHROMIUM or not DRIVER:
        pytest.skip("Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_AVOID_STATS"] = "true"      # no network: selenium would send statistics
    options = Options()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path / "downloads"),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def rows(driver):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, "table.pairs tbody tr")


def click(driver, action):
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f"[data-action={action}]").click()


def select_row(driver, source_ids):
    for row in rows(driver):
        if row.get_attribute("data-s") == source_ids:
            row.find_element("css selector", "td.n").click()
            return
    raise AssertionError(f"no row {source_ids}")


def test_correct_dismiss_save_and_apply(browser, tmp_path, capsys):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    assert main(["report", SOURCE_SEED, TARGET_SEED, "--out", str(tmp_path / "r")]) == 0
    report = json.loads((tmp_path / "r" / "report.json").read_text(encoding="utf-8"))
    browser.get(f"file://{tmp_path / 'r' / 'report.html'}")
    assert browser.find_element(By.ID, "progress").text == f"0 of {len(report['pairs'])} pairs reviewed"

    # a dismissal with a reason, on the pair with the Xinhua omission
    flagged = next(p for p in report["pairs"] if any(f["type"] == "partial_omission" for f in p["flags"]))
    select_row(browser, " ".join(flagged["source_ids"]))
    browser.find_element(By.ID, "reason").send_keys("the source names the agency twice")
    click(browser, "dismiss")
    # a merge of two one-to-one pairs further down
    ones = [p for p in report["pairs"] if len(p["source_ids"]) == 1 and len(p["target_ids"]) == 1]
    first, second = ones[-3], ones[-2]
    select_row(browser, first["source_ids"][0])
    click(browser, "merge")
    # a boundary move: the last translation sentence of the merged pair goes to the pair below
    select_row(browser, f"{first['source_ids'][0]} {second['source_ids'][0]}")
    click(browser, "down")
    # the keyboard: j jumps to the next unsettled flag, Enter confirms its pair; the arrows move row by row
    browser.find_element(By.TAG_NAME, "body").send_keys("j", Keys.ENTER)
    at = browser.execute_script("return Number(document.querySelector('tr.selected').dataset.k)")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_UP)
    assert browser.execute_script("return Number(document.querySelector('tr.selected').dataset.k)") == at - 1

    model = browser.execute_script("return window.alignWorkspace.pairs()")
    states = [p["state"] for p in model]
    assert states.count("corrected") >= 2 and "reviewed" in browser.find_element(By.ID, "progress").text

    browser.refresh()                          # work in progress survives a reload
    assert browser.execute_script("return window.alignWorkspace.pairs()") == model

    click(browser, "save")
    saved = tmp_path / "downloads" / "decisions.json"
    for _ in range(100):
        if saved.exists() and saved.stat().st_size:
            break
        time.sleep(0.1)
    decisions = json.loads(saved.read_text(encoding="utf-8"))
    assert decisions["source_sha256"] == report["source"]["sha256"]
    assert {f["state"] for f in decisions["flags"]} == {"dismissed"}

    assert main(["report", SOURCE_SEED, TARGET_SEED, "--decisions", str(saved), "--out", str(tmp_path / "c")]) == 0
    corrected = json.loads((tmp_path / "c" / "report.json").read_text(encoding="utf-8"))
    got = [(p["source_ids"], p["target_ids"]) for p in corrected["pairs"]]
    for decided in decisions["pairs"]:
        assert (decided["source_ids"], decided["target_ids"]) in got
    assert got == [(p["s"], p["t"]) for p in model]           # the page's alignment, reproduced
    assert corrected["settled_flags"][0]["reason"] == "the source names the agency twice"
    settled_pair = next(p for p in corrected["pairs"] if p["source_ids"] == flagged["source_ids"])
    assert "partial_omission" not in [f["type"] for f in settled_pair["flags"]]


def test_filters_and_accessibility(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    assert main(["report", SOURCE_SEED, TARGET_SEED, "--out", str(tmp_path / "r")]) == 0
    browser.get(f"file://{tmp_path / 'r' / 'report.html'}")
    Select(browser.find_element(By.ID, "filter-severity")).select_by_value("warning")
    visible = [r for r in rows(browser) if r.is_displayed()]
    assert len(visible) == 1 and "warning" in visible[0].text
    cells = browser.find_elements(By.CSS_SELECTOR, "table.pairs tbody td[lang]")
    assert {c.get_attribute("lang") for c in cells} == {"en", "fr"}
    assert "⚠ warning" in visible[0].text                    # a word and a sign beside the colour
    browser.set_window_size(640, 900)                        # 200 % zoom of a 1280-pixel window
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 660
