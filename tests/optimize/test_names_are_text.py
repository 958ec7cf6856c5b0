"""Names are data: whatever a case calls its clusters and criteria shows as that text."""

import csv
import io
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from openpyxl import load_workbook

from optimize.case import clean_name
from optimize.report import escape_markdown
from optimize.spreadsheet import neutralise_text
from tests.optimize.clirun import run_cli

HOSTILE = (
    "<script>alert(1)</script>",
    "[/bold]",
    "[red]x",
    "$\\frac{1$",
    "$\\frac{1",
    '=HYPERLINK("http://example.com","x")',
    "+1-2",
    "|a|b|",
    "a\nb",
    "a\r\nb\tc",
    "`code` and ``more``",
    "**bold** _it_ ~~gone~~",
    "[link](javascript:alert(1))",
    ":smile: 😀 👩‍👩‍👧",
    "\u202eevil right-to-left",
    "&lt;b&gt; &amp;",
    "ends with a backslash \\",
    "\\| escaped pipe",
    "# not a heading",
    "x" * 300,
)
#: Any text but surrogates and Chinese (drawing Chinese needs the CJK font: test_plots).
ANY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), min_size=1, max_size=40
).filter(lambda text: clean_name(text.strip()) != "")
NAMES = st.sampled_from(HOSTILE) | ANY_TEXT
PNG = b"\x89PNG"


def replace_names(case: Path, names: list[str]) -> list[str]:
    """Put `names` into the tiny case: clusters a, b (name_en), c (name_zh), criterion L1."""
    places = [("clusters.csv", "a", "name_en"), ("clusters.csv", "b", "name_en")]
    places += [("clusters.csv", "c", "name_zh"), ("criteria.csv", "L1", "name_en")]
    for (file, key, column), name in zip(places, names, strict=True):
        path = case / file
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row["id"] == key:
                row[column] = name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return [clean_name(name.strip()) for name in names]


def markdown_cells(line: str) -> int:
    """Number of cells of a Markdown table row, honouring backslash escapes."""
    pipes, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            pipes += 1
    return pipes - 1


def table_blocks(report: str) -> list[list[str]]:
    """The Markdown tables of a report, each as its lines."""
    blocks: list[list[str]] = []
    previous = False
    for line in report.splitlines():
        is_row = line.startswith("|")
        if is_row and not previous:
            blocks.append([])
        if is_row:
            blocks[-1].append(line)
        previous = is_row
    return blocks


def run_with_names(names: list[str], tiny_path, monkeypatch, capsys):
    """Run the tiny case with `names`; exit code, terminal text, output folder, shown names."""
    folder = Path(tempfile.mkdtemp())
    case = folder / "case"
    shutil.copytree(tiny_path, case)
    shown = replace_names(case, names)
    out = folder / "out"
    monkeypatch.setenv("COLUMNS", "1000")  # long names on one line of the terminal table
    code, text, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    return code, text + err, out, shown


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(names=st.lists(NAMES, min_size=4, max_size=4))
@example(names=["<script>alert(1)</script>", "[/bold] $\\frac{1$", "=HYPERLINK(1)", "|a|b|\nc"])
@example(names=["\u202e😀", "[red]x", "`|`", "x" * 300])
def test_hostile_names_run_and_show_as_text(names, tiny_path, monkeypatch, capsys):
    code, terminal, out, shown = run_with_names(names, tiny_path, monkeypatch, capsys)
    try:
        assert code == 0, terminal
        report = (out / "report.md").read_text(encoding="utf-8")
        assert "<" not in report  # no raw HTML at all: every "<" is written &lt;
        for name in shown[:2] + shown[3:]:
            assert escape_markdown(name) in report
        for block in table_blocks(report):
            widths = {markdown_cells(line) for line in block}
            assert len(widths) == 1, block
        html = (out / "report.html").read_text(encoding="utf-8")
        assert "<script" not in html
        assert str(escape(shown[0])) in html
        charts = sorted((out / "charts").glob("*.png"))
        assert len(charts) == 5 and all(p.read_bytes().startswith(PNG) for p in charts)
        for name in shown[:2]:
            assert name in terminal  # the ranking table lists every cluster of the tiny case
        with (out / "ranking.csv").open(encoding="utf-8", newline="") as handle:
            ranked = {row["cluster"]: row for row in csv.DictReader(handle)}
        assert ranked["a"]["name_en"] == neutralise_text(shown[0])
        assert ranked["c"]["name_zh"] == neutralise_text(shown[2])
        book = load_workbook(out / "results.xlsx")
        assert all(cell.data_type != "f" for sheet in book for row in sheet for cell in row)
        values = {cell.value for row in book["ranking"] for cell in row}
        assert {shown[0], shown[1]} <= values
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)


def test_the_markdown_cell_counter_can_tell_a_broken_row():
    assert markdown_cells("| a | b\\|c |") == 2
    assert markdown_cells("| a\\\\| b |") == 2
    assert markdown_cells("| " + escape_markdown("|x|\\") + " | y |") == 2


def test_html_report_escapes_names(tiny_path, monkeypatch, capsys):
    names = ["<b onmouseover=x>'\"&", "[/bold]", "丙", "R&D"]
    code, terminal, out, _ = run_with_names(names, tiny_path, monkeypatch, capsys)
    assert code == 0, terminal
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=x&gt;&#39;&#34;&amp;" in html
    assert "<b onmouseover" not in html
    shutil.rmtree(out.parent)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("a\nb", "a b"), ("\ttab\x00nul\u2028line", "tab nul line"), ("\u202eok 😀", "\u202eok 😀")],
)
def test_display_names_keep_to_one_line(cell, shown):
    assert clean_name(cell) == shown


def test_markdown_literal_writes_every_syntax_character_as_itself():
    assert escape_markdown("<i>a|b</i> *x* _y_ `z` [l](u) $m$ ~s~ #h \\") == (
        "&lt;i>a\\|b&lt;/i> \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\$m\\$ \\~s\\~ \\#h \\\\"
    )
    assert escape_markdown("a\r\nb\u2028c") == "a b c"
    assert escape_markdown("&amp;") == "&amp;amp;"


def test_terminal_takes_no_markup_and_no_emoji_codes():
    from optimize.cli import console, errors

    for target in (console, errors):
        with target.capture() as captured:
            target.print("[/bold] [red]x :smile:")
        assert captured.get().strip() == "[/bold] [red]x :smile:"


def test_charts_draw_dollar_signs_literally():
    import pandas as pd

    from mcda import plots
    from optimize.report import horizontal_bars

    labels = pd.Series([1.0, 2.0], index=["$\\frac{1$", "$x$ 😀"])
    assert horizontal_bars(labels, "$\\frac{1$", "[-]", "en").startswith(PNG)
    chart = plots.weights_chart(labels, title="$\\frac{1$")
    chart.axes[0].set_xlabel("$\\sqrt{$")  # a label added after the chart was built
    assert plots.png_bytes(chart).startswith(PNG)


def test_results_csv_neutralises_formulas():
    import pandas as pd

    from optimize.spreadsheet import safe_csv

    text = safe_csv(pd.DataFrame({"name": ["=1+1", "@SUM(A1)", "ok"]}, index=["-a", "b", "c"]))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1:] == [["'-a", "'=1+1"], ["b", "'@SUM(A1)"], ["c", "ok"]]


def test_instrument_and_type_names_show_as_text_in_the_chinese_allocation(
    tiny_path, monkeypatch, capsys, tmp_path
):
    # The allocation table names types and instruments by the case's name_zh in Chinese.
    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    hostile = {"instruments": '[/bold]<script>x</script>$\\frac{=HYPERLINK("a")', "types": "[red]x"}
    for table, name in hostile.items():
        rows = pd.read_csv(case / f"{table}.csv", dtype=str, keep_default_na=False)
        rows.loc[0, "name_zh"] = name
        rows.to_csv(case / f"{table}.csv", index=False)
    monkeypatch.setenv("COLUMNS", "1000")
    code, out, err = run_cli(["allocate", str(case), "--lang", "zh"], monkeypatch, capsys)
    assert code == 0, err
    assert all(name in out for name in hostile.values())
