"""Screenshot of the workspace for the README and the docs, made by headless Chromium.

Starts ``clusterplan serve`` on the shipped case (Chinese), opens the allocation view in
Debian's chromium through chromium-driver, moves the budget to 48 (亿元) and saves the page as
``docs/images/workspace-allocation.png``.

Usage: ``python scripts/workspace_screenshot.py [OUT.png]``.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from optimize.case import shipped_case
from optimize.workspace import create_app, load

OUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "workspace-allocation.png"


def main() -> None:
    """Serve, browse, move the budget, save the screenshot."""
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(load(shipped_case()), "zh"), port=port, log_level="warning")
    server = uvicorn.Server(config)
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--window-size=1200,1500", "--hide-scrollbars"):
        options.add_argument(flag)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.get(f"http://127.0.0.1:{port}/")
        driver.find_element(By.ID, "nav-allocation").click()
        wait = WebDriverWait(driver, 60)
        wait.until(lambda d: d.find_elements(By.ID, "marginal-table"))
        driver.execute_script(
            "const s = document.getElementById('budget-slider'); s.value = 48;"
            "s.dispatchEvent(new Event('input', {bubbles: true}));"
            "s.dispatchEvent(new Event('change', {bubbles: true}));"
        )
        wait.until(lambda d: d.find_element(By.ID, "status-budget").text == "48.00")
        wait.until(lambda d: d.find_elements(By.ID, "marginal-table"))
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
        server.should_exit = True
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
