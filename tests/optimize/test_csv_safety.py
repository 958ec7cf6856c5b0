"""Every CSV a command writes neutralises text that a spreadsheet would run as a formula."""

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from optimize.spreadsheet import FORMULA_TRIGGERS
from tests.optimize.clirun import run_cli

RISKY = '=HYPERLINK("http://x","y")'
#: A scenario name that a spreadsheet would evaluate.
RISKY_SCENARIO = "=1+1"

#: Each command with its options (small grids and samples to keep the runs short).
COMMANDS = {
    "run": ["run"],
    "rank": ["rank", "--robustness", "20"],
    "allocate": ["allocate"],
    "sweep budget": ["sweep", "budget", "--from", "3", "--to", "7", "--steps", "3"],
    "sweep robustness": ["sweep", "robustness", "--samples", "4"],
    "sweep sobol": ["sweep", "sobol", "--samples", "8", "--seed", "2"],
    "sweep scenarios": ["sweep", "scenarios"],
}


@pytest.fixture(scope="module")
def risky_case(tiny_path, tmp_path_factory) -> Path:
    """The tiny case with cluster ``a`` named and identified by a formula, and scenarios."""
    folder = tmp_path_factory.mktemp("risky") / "case"
    folder.mkdir()
    for path in tiny_path.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    for name, column in (("clusters", "id"), ("scores", "cluster"), ("projects", "cluster")):
        table = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        table[column] = table[column].replace("a", RISKY)
        if name == "clusters":
            table["name_en"] = table["name_en"].replace("Alpha", RISKY)
        table.to_csv(folder / f"{name}.csv", index=False)
    (folder / "scenarios.toml").write_text(
        f'["{RISKY_SCENARIO}"]\nbudget = 5.0\n\n[lean]\nbudget = 4.0\n', encoding="utf-8"
    )
    return folder


def unescaped(text: str) -> list[str]:
    """Cells (headers too) a spreadsheet would evaluate: risky starts that are not numbers."""
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    risky = [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]
    return [cell for cell in risky if not is_number(cell)]


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_the_check_finds_an_unescaped_formula():
    assert unescaped(f'x,"{RISKY.replace(chr(34), 2 * chr(34))}",-1.5,@a\n') == [RISKY, "@a"]
    assert unescaped("x,'=1+1,-2e-3\n") == []


@pytest.mark.parametrize("command", COMMANDS)
def test_no_csv_cell_is_a_formula(command, risky_case, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    args = [*COMMANDS[command], str(risky_case), "--out", str(out)]
    code, _, err = run_cli(args, monkeypatch, capsys)
    assert code == 0, err
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.rglob("*.csv")}
    assert texts, "the command wrote no CSV"
    assert {name: unescaped(text) for name, text in texts.items() if unescaped(text)} == {}
    # The risky text did reach the files, quoted as text.
    assert any(f"'{RISKY}".replace('"', '""') in text for text in texts.values())
    if command == "sweep scenarios":
        assert any(f"'{RISKY_SCENARIO}" in text for text in texts.values())


def test_a_control_character_in_the_case_title_reaches_the_workbook_as_a_space(
    tiny_path, tmp_path, monkeypatch, capsys
):
    # Found by the fuzzing suite: openpyxl refused the title and `run` crashed (exit 1).
    from openpyxl import load_workbook

    case = tmp_path / "case"
    shutil.copytree(tiny_path, case)
    toml = case / "case.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('"Tiny test case"', '"Tiny\\u001ftest"'),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run_cli(["run", str(case), "--out", str(out)], monkeypatch, capsys)
    assert code == 0, err
    book = load_workbook(out / "results.xlsx")
    texts = [c.value for s in book for r in s.iter_rows() for c in r if isinstance(c.value, str)]
    assert any("Tiny test" in t for t in texts)
    assert not any("\x1f" in t for t in texts)
