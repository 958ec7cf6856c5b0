"""The workspace as a planner uses it: real headless Chromium, driven by Selenium.

Debian's ``chromium`` and ``chromium-driver`` (scripts/system-packages.sh) run it; without
them the test is skipped locally (CI installs both and runs it).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from optimize.casefiles import load_case, load_scenarios
from optimize.messages import say
from optimize.workspace import VIEWS
from tests.bad_workbooks.corpus import bad_workbook

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ROOT = Path(__file__).resolve().parents[3]

pytestmark = pytest.mark.skipif(
    not (Path(CHROMIUM).exists() and Path(DRIVER).exists()) and os.environ.get("CI") != "true",
    reason="chromium and chromium-driver are not installed (CI installs them)",
)

#: Draws each character of `text` and an unassigned code point (which every font shows as
#: the same missing-glyph box, "tofu") on a canvas in the element's font; returns the
#: characters drawn exactly like the box, and whether any ink was drawn at all.
TOFU_SCRIPT = """
const [selector, text] = arguments;
const font = getComputedStyle(document.querySelector(selector)).fontFamily;
const draw = (ch) => {
  const canvas = document.createElement('canvas');
  canvas.width = 64; canvas.height = 64;
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff'; g.fillRect(0, 0, 64, 64);
  g.fillStyle = '#000'; g.font = `40px ${font}`; g.fillText(ch, 8, 48);
  return Array.from(g.getImageData(0, 0, 64, 64).data).join(',');
};
const box = draw('\\u0378');
const blank = (() => { const c = document.createElement('canvas'); c.width = 64; c.height = 64;
  const g = c.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 64, 64);
  return Array.from(g.getImageData(0, 0, 64, 64).data).join(','); })();
const drawn = [...text].map(draw);
return {tofu: [...text].filter((ch, i) => drawn[i] === box),
        blank: drawn.filter(d => d === blank).length};
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(shipped_folder):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "optimize", "serve", str(shipped_folder)]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--lang", "zh"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert process.poll() is None, process.communicate()
            time.sleep(0.3)
    yield f"http://127.0.0.1:{port}"
    # Ctrl-C: the server stops, says so in one line, and exits 130 like every command
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == say("cli.interrupted", "zh", signal="SIGINT")
    assert out.startswith(say("workspace.cli_serving", "zh", url=f"http://127.0.0.1:{port}/"))


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,1600",
        "--disable-background-networking",
        "--disable-component-update",
    ):
        options.add_argument(flag)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.downloads = downloads
    yield driver
    driver.quit()


def wait_for(browser, condition, seconds=60):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, seconds, poll_frequency=0.1).until(condition)


def shown(selector):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    return ec.visibility_of_element_located((By.CSS_SELECTOR, selector))


def test_a_planner_moves_the_budget_saves_a_scenario_and_exports(
    server, browser, shipped_folder, tmp_path
):
    from selenium.webdriver.common.by import By

    find = browser.find_element
    browser.get(server + "/")
    notice = wait_for(browser, shown("#notice"))
    assert notice.text.startswith("示意") and notice.location["y"] < 400
    glyphs = browser.execute_script(TOFU_SCRIPT, "h1", "规划工作台预算资金分配")
    assert glyphs == {"tofu": [], "blank": 0}

    # every view, screenshotted
    for view in VIEWS:
        find(By.ID, f"nav-{view}").click()
        wait_for(browser, shown(f"#view-{view}"))
        shot = tmp_path / f"{view}.png"
        browser.save_screenshot(str(shot))
        with Image.open(shot) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50, view
        heading = find(By.CSS_SELECTOR, f"#view-{view} h2").text
        assert heading == say(f"workspace.view_{view}", "zh")
        assert browser.execute_script(TOFU_SCRIPT, f"#view-{view} h2", heading)["tofu"] == []
        assert find(By.ID, "notice").is_displayed()

    # move the budget: the allocation table changes
    find(By.ID, "nav-allocation").click()
    table = wait_for(browser, shown("#allocation-table")).text
    browser.execute_script(
        "const s = document.getElementById('budget-slider'); s.value = 30;"
        "s.dispatchEvent(new Event('input', {bubbles: true}));"
        "s.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    wait_for(browser, lambda b: b.find_element(By.ID, "status-budget").text == "30.00")
    wait_for(browser, lambda b: b.find_element(By.ID, "allocation-table").text != table)
    assert float(find(By.ID, "status-spent").text) <= 30.0

    # save a scenario into the case folder
    find(By.ID, "nav-scenarios").click()
    wait_for(browser, shown("#scenario-name")).send_keys("预算减半")
    find(By.ID, "scenario-description").send_keys("30 亿元")
    find(By.ID, "scenario-save").click()
    wait_for(browser, shown("#saved"))
    saved = {s.name: s for s in load_scenarios(shipped_folder, load_case(shipped_folder))}
    assert saved["预算减半"].budget == 30.0

    # export the report: a real download
    find(By.ID, "nav-export").click()
    wait_for(browser, shown("#export-report-html")).click()
    report = browser.downloads / "miit2021-report.html"
    wait_for(browser, lambda b: report.exists() and report.stat().st_size > 10_000)
    assert "示意输入" in report.read_text("utf-8")  # the scores are sourced, the money is not

    # a bad workbook: the located one-line message, and the session goes on
    book = bad_workbook("merged_cells", tmp_path)
    find(By.ID, "workbook").send_keys(str(book))
    find(By.ID, "upload").click()
    line = wait_for(browser, shown("#message")).text
    # the page is in Chinese here: the line names the workbook and the cells all the same
    assert "tiny.xlsx" in line and "clusters!F3:F4" in line and "\n" not in line
    find(By.ID, "nav-allocation").click()
    wait_for(browser, shown("#allocation-table"))
    assert find(By.ID, "status-budget").text == "30.00"

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
