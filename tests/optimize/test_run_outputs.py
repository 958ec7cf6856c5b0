"""What `clusterplan run` writes: reports, results workbook, charts; safe and complete."""

import base64
import io
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from optimize import appraise, load_case, solve
from optimize.appraisal import assess
from optimize.report import html_report, markdown_report, report_content
from optimize.spreadsheet import FORMULA_TRIGGERS, new_workbook, put, safe_csv
from tests.optimize.clirun import STALL_IN_STAGING
from tests.optimize.test_cli import run_cli

REPO = Path(__file__).resolve().parents[2]
RUN_FILES = [
    "allocation.csv",
    "cell_status.csv",
    "charts",
    "pairwise_winning.csv",
    "rank_intervals.csv",
    "ranking.csv",
    "report.html",
    "report.md",
    "results.xlsx",
    "summary.json",
    "tiers.csv",
    "weights.csv",
]


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    tiny = Path(__file__).resolve().parents[1] / "cases" / "tiny"
    case = load_case(tiny)
    appraisal = appraise(case)
    return case, appraisal, solve(case, appraisal)


def test_run_writes_reports_workbook_and_charts(tiny_path, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == RUN_FILES
    # The weights-only acceptability heatmap is superseded by the SMAA-2 charts.
    assert sorted(p.name for p in (out / "charts").iterdir()) == [
        "allocation_region.png",
        "allocation_type.png",
        "rank_intervals.png",
        "weights.png",
        "winning.png",
    ]
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.splitlines()[2].startswith("> **ILLUSTRATIVE DATA")
    for heading in ("Criteria tree", "Ranking", "by cluster type", "by region", "Binding"):
        assert heading in report
    assert "![Allocation by cluster type and instrument" in report


def test_results_workbook_sheets_formats_and_frozen_headers(
    tiny_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    run_cli(["run", str(tiny_path), "--out", str(out), "--marginals"], monkeypatch, capsys)
    book = load_workbook(out / "results.xlsx")
    # The uncertainty tables lead, as in the report; then the appraisal's.
    assert book.sheetnames[:5] == [
        "about",
        "cell_status",
        "tiers",
        "rank_intervals",
        "pairwise_winning",
    ]
    assert book.sheetnames[5:8] == ["weights", "consistency", "ranking"]
    assert {"by_type_instrument", "by_region", "rules", "marginal_values"} <= set(book.sheetnames)
    assert book["about"]["A2"].value.startswith("ILLUSTRATIVE DATA")
    weights = book["weights"]
    assert weights.freeze_panes == "B2"
    header = [c.value for c in weights[1]]
    assert weights.cell(2, header.index("global_weight") + 1).number_format == "0.0000"
    grid = book["by_type_instrument"]
    assert grid.cell(2, 2).number_format == "0.00"
    total = next(row for row in grid.iter_rows(values_only=True) if row[0] == "total")
    assert total[-1] == pytest.approx(6.0)


RISKY = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)"]


def test_every_risky_text_cell_is_neutralised(tiny_path, tmp_path, monkeypatch, capsys):
    case = tmp_path / "case"
    case.mkdir()
    for path in tiny_path.iterdir():
        (case / path.name).write_bytes(path.read_bytes())
    clusters = pd.read_csv(case / "clusters.csv", dtype=str, keep_default_na=False)
    clusters["name_en"] = RISKY
    clusters["name_zh"] = RISKY[::-1]
    clusters.to_csv(case / "clusters.csv", index=False)
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    with zipfile.ZipFile(out / "results.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(re.search(r"<f[ >]", archive.read(n).decode()) for n in sheets)
    book = load_workbook(out / "results.xlsx")
    risky_cells = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS)
    ]
    assert {c.value for c in risky_cells} >= set(RISKY)
    assert all(c.data_type == "s" and c.quotePrefix for c in risky_cells)
    ranking = pd.read_csv(out / "ranking.csv", dtype=str, keep_default_na=False)
    assert set(ranking["name_en"]) == {f"'{text}" for text in RISKY}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "=HYPERLINK(&#34;http://x&#34;" in html  # escaped text, never markup


def test_tab_and_carriage_return_starts_are_neutralised_too():
    # Case tables strip their cells, so these reach outputs only through other text.
    book = new_workbook()
    sheet = book.create_sheet("t")
    for row, text in enumerate(["\tcmd", "\rcmd", "plain", "1-2"], start=1):
        put(sheet, row, 1, text)
    cells = [sheet.cell(row, 1) for row in range(1, 5)]
    assert [c.quotePrefix for c in cells] == [True, True, False, False]
    assert safe_csv(pd.DataFrame({"v": ["\tcmd", "plain"]})).splitlines()[1:] == [
        "0,'\tcmd",
        "1,plain",
    ]


def test_html_report_is_self_contained_with_the_notice_first(tiny_run):
    html = html_report(report_content(*tiny_run, lang="zh"))
    body = html.split("<body>", 1)[1]
    assert body.lstrip().startswith('<div class="notice"')
    assert "示意数据" in body.split("</div>", 1)[0]  # the notice in the report's language
    sources = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    assert "<script" not in html and "<link" not in html
    assert 'id="table-ranking"' in html and "甲" in html and "基础产业" in html
    png = base64.b64decode(sources[0].split(",", 1)[1])
    assert png.startswith(b"\x89PNG")


def test_robustness_sections_render_only_when_present(tiny_run):
    plain = html_report(report_content(*tiny_run))
    assert 'id="acceptability"' not in plain and 'id="agreement"' not in plain
    case, appraisal, _ = tiny_run
    robustness = assess(case, appraisal.weights, names=["topsis", "vikor"], samples=200, seed=1)
    content = report_content(*tiny_run, robustness=robustness)
    full = html_report(content)
    for key in ("agreement", "acceptability"):
        assert f'id="{key}"' in full
    assert len(re.findall("<img ", full)) == len(re.findall("<img ", plain)) + 1
    assert "## Rank acceptability" in markdown_report(content)


def test_marginal_values_section_when_computed(tiny_run):
    from optimize.model import marginal_values

    case, appraisal, allocation = tiny_run
    content = report_content(case, appraisal, allocation, marginal_values(*tiny_run))
    assert "marginal" in [s.key for s in content.sections]
    assert "marginal" not in [s.key for s in report_content(*tiny_run).sections]


def test_a_killed_run_leaves_the_previous_results_untouched(
    tiny_path, tmp_path, monkeypatch, capsys
):
    out = tmp_path / "out"
    code, _, _ = run_cli(["run", str(tiny_path), "--out", str(out)], monkeypatch, capsys)
    assert code == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    script = STALL_IN_STAGING + "from optimize.cli.app import main\nmain()\n"
    process = subprocess.Popen(
        [sys.executable, "-c", script, "run", str(tiny_path), "--out", str(out), "--force"],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staging = tmp_path / f".out.partial-{process.pid}"
    deadline = time.monotonic() + 120
    try:
        while not (staging / "results.xlsx").is_file():
            assert process.poll() is None, "the run ended before it was killed"
            assert time.monotonic() < deadline, "the staging folder never appeared"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert (staging / "report.md").is_file()  # killed with part of the new run written
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert staging.exists()  # the half-written run stayed aside ...
    code, _, _ = run_cli(["run", str(tiny_path), "--out", str(out), "--force"], monkeypatch, capsys)
    assert code == 0
    assert not staging.exists()  # ... until the next run cleaned it up


def test_display_text_hides_the_sign_of_zero():
    from optimize.report import display_text as cell_text

    assert [cell_text(v, 3) for v in (-1e-12, -0.0, -0.0004, -0.0006, 2.5)] == [
        "0.000",
        "0.000",
        "0.000",
        "-0.001",
        "2.500",
    ]


def test_a_table_added_to_the_registry_reaches_csv_and_workbook(tiny_path, monkeypatch):
    from optimize.pipeline import run_case
    from optimize.report import RESULT_TABLES, ResultTable, run_files

    run = run_case(tiny_path)
    counts = ResultTable(
        "project_counts",
        lambda r: r.allocation.projects.groupby("cluster").size().to_frame("projects"),
        "allocation",
        {"projects": "count"},
        run_csv=True,
    )
    monkeypatch.setattr("optimize.report.registry.RESULT_TABLES", (*RESULT_TABLES, counts))
    files = run_files(run)
    csvs = sorted(name for name in files if name.endswith(".csv"))
    assert csvs == [
        "allocation.csv",
        "cell_status.csv",
        "pairwise_winning.csv",
        "project_counts.csv",
        "rank_intervals.csv",
        "ranking.csv",
        "tiers.csv",
        "weights.csv",
    ]
    book = load_workbook(io.BytesIO(files["results.xlsx"]))
    assert book.sheetnames[-1] == "project_counts"
    assert book["project_counts"].cell(2, 2).number_format == "0"
    ranking = book["ranking"]
    header = [c.value for c in ranking[1]]
    assert ranking.cell(2, header.index("rank") + 1).number_format == "0"
    assert ranking.cell(2, header.index("score") + 1).number_format == "0.000"
