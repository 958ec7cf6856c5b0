"""The HTML report as a person sees it: headless Chromium loads it, draws it, logs nothing."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.optimize.test_cli import run_cli

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and os.environ.get("CI") != "true",
    reason="chromium is not installed (CI installs it and runs this test)",
)


def browse(page: Path, tmp: Path, *action: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def console_messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def test_console_messages_are_caught(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<p>x</p><script>console.error('boom'); missing();</script>", "utf-8")
    messages = console_messages(browse(page, tmp_path, "--dump-dom").stderr)
    assert any("boom" in m for m in messages)
    assert any("missing is not defined" in m for m in messages)


def test_report_loads_and_draws_in_chromium(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, _, err = run_cli(["run", "--out", str(out), "--lang", "zh"], monkeypatch, capsys)
    assert code == 0, err
    report = out / "report.html"
    dom = browse(report, tmp_path, "--dump-dom")
    assert console_messages(dom.stderr) == []
    assert 'id="table-ranking"' in dom.stdout and "成都市与德阳市高端能源装备集群" in dom.stdout
    assert dom.stdout.count('<img src="data:image/png;base64,') >= 3
    shot = tmp_path / "report.png"
    drawn = browse(report, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000")
    assert console_messages(drawn.stderr) == []
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 200  # text, tables and charts, not blank
