"""The long table form: CSV, .xlsx and DataFrame; every refusal names file, row and field."""

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from mcda.errors import CellError, MatrixError, TableError
from mcda.imprecise import (
    Cell,
    imprecise_from_rows,
    imprecise_from_table,
    imprecise_table,
    read_imprecise,
    resolve_unknown,
)
from mcda.sheets import TextTable
from tests.mcda.published import write

DIRECTIONS = {"patents": "benefit", "cost": "cost"}
HEADER = "alternative,criterion,value,low,high,mode,status,provenance\n"
GOOD = (
    HEADER
    + "chengdu,patents,131,,,,point,facts:S4\n"
    + "chengdu,cost,,2,5,,interval,estimate\n"
    + "qingdao,patents,,30,45,,list,national list strict/broad\n"
    + "qingdao,cost,3,1,6,2,triangular,panel\n"
)


def test_a_csv_table_loads_every_status(tmp_path: Path) -> None:
    matrix = read_imprecise(write(tmp_path, "cells.csv", GOOD), DIRECTIONS)
    assert matrix.status.to_dict() == {
        "patents": {"chengdu": "point", "qingdao": "list"},
        "cost": {"chengdu": "interval", "qingdao": "triangular"},
    }
    cell = matrix.cells.loc["qingdao", "cost"]
    assert (cell.low, cell.mode, cell.high, cell.value) == (1.0, 2.0, 6.0, 3.0)
    assert matrix.provenance.loc["qingdao", "patents"] == "national list strict/broad"


def test_a_workbook_sheet_loads_like_the_csv(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "cells"
    for line in GOOD.splitlines():
        sheet.append(
            [float(x) if x.replace(".", "").isdigit() else (x or None) for x in line.split(",")]
        )
    book.save(tmp_path / "cells.xlsx")
    matrix = read_imprecise(tmp_path / "cells.xlsx", DIRECTIONS, sheet="cells")
    csv = read_imprecise(write(tmp_path, "cells.csv", GOOD), DIRECTIONS)
    pd.testing.assert_frame_equal(matrix.status, csv.status)
    for name in ("value", "low", "high", "mode"):
        pd.testing.assert_frame_equal(matrix.number(name), csv.number(name))


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("chengdu,cost,,5,2,,interval,x", "low", "low 5 is above high 2"),
        ("chengdu,cost,,1,6,9,triangular,x", "mode", "mode 9 is outside"),
        ("chengdu,cost,7,1,6,,interval,x", "value", "value 7 is outside"),
        ("chengdu,cost,,1,6,,point,x", "value", "needs value"),
        ("chengdu,cost,2,,,,unknown,x", "value", "must be empty"),
        ("chengdu,cost,inf,,,,point,x", "value", "not a finite number"),
        ("chengdu,cost,abc,,,,point,x", "value", "'abc' is not a finite number"),
        ("chengdu,cost,1,,,,maybe,x", "status", "unknown status 'maybe'"),
        ("chengdu,,1,,,,point,x", "criterion", "criterion is empty"),
        ("chengdu,patents,1,,,,point,x", "criterion", r"already has a row \(row 2\)"),
    ],
)
def test_a_bad_row_is_named_by_file_row_and_field(
    tmp_path: Path, row: str, field: str, words: str
) -> None:
    text = HEADER + "chengdu,patents,131,,,,point,x\n" + row + "\n"
    with pytest.raises(CellError, match=words) as caught:
        read_imprecise(write(tmp_path, "cells.csv", text), DIRECTIONS)
    assert (caught.value.file, caught.value.row, caught.value.field) == ("cells.csv", 3, field)
    assert str(caught.value).startswith(f"cells.csv, row 3, field '{field}': ")


def test_a_missing_pair_or_column_is_refused(tmp_path: Path) -> None:
    text = HEADER + "a,patents,1,,,,point,x\na,cost,1,,,,point,x\nb,patents,2,,,,point,x\n"
    with pytest.raises(CellError, match="no row for 'b' on 'cost'"):
        read_imprecise(write(tmp_path, "cells.csv", text), DIRECTIONS)
    with pytest.raises(CellError, match="missing status"):
        read_imprecise(write(tmp_path, "bad.csv", "alternative,criterion,value\na,b,1\n"), {})
    with pytest.raises(TableError, match="file not found"):
        read_imprecise(tmp_path / "absent.csv", DIRECTIONS)


def test_a_dataframe_round_trips_through_the_table_form() -> None:
    frame = pd.DataFrame(
        {
            "alternative": ["a", "a", "b", "b"],
            "criterion": ["patents", "cost", "patents", "cost"],
            "value": [0.1 + 0.2, None, None, None],
            "low": [None, 1 / 3, 2.0, None],
            "high": [None, 2 / 3, 2.0, None],
            "mode": [None, None, None, None],
            "status": ["point", "interval", "list", "unknown"],
            "provenance": ["p", "q", "r", "s"],
        }
    )
    matrix = imprecise_from_table(frame, DIRECTIONS)
    back = imprecise_table(matrix)
    assert back["value"].iloc[0] == 0.1 + 0.2 and back["low"].iloc[1] == 1 / 3
    again = imprecise_from_table(back, DIRECTIONS)
    pd.testing.assert_frame_equal(again.cells, matrix.cells)


def test_a_dataframe_row_is_numbered_as_in_a_spreadsheet() -> None:
    frame = pd.DataFrame(
        {
            "alternative": ["a", "a"],
            "criterion": ["x", "y"],
            "status": ["point", "point"],
            "value": [1.0, None],
        }
    )
    with pytest.raises(CellError, match="needs value") as caught:
        imprecise_from_table(frame, {"x": "cost", "y": "cost"}, name="cells")
    assert (caught.value.file, caught.value.row, caught.value.field) == ("cells", 3, "value")


def rows(*lines: str) -> TextTable:
    """A cluster-keyed long table as text, rows numbered from 2."""
    header = ("cluster", "criterion", "value", "low", "high", "status", "provenance")
    return TextTable(
        "scores", header, tuple((k + 2, tuple(line.split(","))) for k, line in enumerate(lines))
    )


def test_rows_read_as_text_name_their_own_key_column_and_take_rated_cells() -> None:
    table = rows("a,patents,,,,rated,panel", "b,patents,,,,unknown,none")
    experts = {("a", "patents"): Cell.rated([1.0, 0.5], "empirical", "ratings by e1, e2")}
    matrix = imprecise_from_rows(
        table, {"patents": "benefit"}, alternative="cluster", rated=experts
    )
    cell = matrix.cells.loc["a", "patents"]
    assert cell.support == (1.0, 0.5) and cell.provenance == "panel"
    with pytest.raises(CellError, match="needs low and high, or experts' ratings") as caught:
        imprecise_from_rows(table, {"patents": "benefit"}, alternative="cluster", rated={})
    assert (caught.value.row, caught.value.field) == (2, "status")


def test_a_rated_criterion_with_a_number_is_refused_at_its_row() -> None:
    table = rows("a,patents,,0.5,1,rated,panel", "b,patents,3,,,point,facts")
    with pytest.raises(CellError, match="has rated cells") as caught:
        imprecise_from_rows(table, {"patents": "benefit"}, alternative="cluster")
    assert (caught.value.file, caught.value.row, caught.value.field) == ("scores", 3, "status")


def test_unknown_cells_resolve_to_dropped_criteria_or_observed_ranges() -> None:
    table = rows("a,patents,,,,unknown,x", "b,patents,4,,,point,x", "c,patents,,2,9,interval,x")
    matrix = imprecise_from_rows(table, {"patents": "benefit"}, alternative="cluster")
    dropped, ranges = resolve_unknown(matrix, "draw", {"patents": "observed"})
    assert dropped == () and ranges.loc["patents"].tolist() == [2.0, 9.0]
    with pytest.raises(MatrixError, match="every criterion is dropped"):
        resolve_unknown(matrix, "drop")
