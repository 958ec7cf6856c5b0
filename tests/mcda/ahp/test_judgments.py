"""Judgments from CSV and .xlsx files: full matrices and long tables, and every refusal."""

import datetime as dt
import re
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook

from mcda.ahp.bwm import bwm
from mcda.ahp.judgments import (
    SOLE_EXPERT,
    Judgment,
    judgment_matrices,
    judgments_form,
    matrix_from_upper,
    read_bwm,
    read_judgments,
)
from mcda.ahp.priorities import priorities
from mcda.errors import JudgmentError, TableError
from tests.mcda.published import (
    DRINKS_CSV,
    DRINKS_MATRIX,
    INCOMPLETE_4,
    INCOMPLETE_4_WEIGHTS,
    matrix,
    write,
)


def only_matrix(judgments: dict[str, dict[str, pd.DataFrame]]) -> pd.DataFrame:
    ((_, experts),) = judgments.items()
    ((_, frame),) = experts.items()
    return frame


def test_full_matrix_csv(tmp_path: Path) -> None:
    judgments = read_judgments(write(tmp_path, "drinks.csv", DRINKS_CSV))
    assert list(judgments) == ["drinks"] and list(judgments["drinks"]) == [SOLE_EXPERT]
    pd.testing.assert_frame_equal(
        judgments["drinks"][SOLE_EXPERT], DRINKS_MATRIX, check_names=False
    )


def test_full_matrix_with_labels_gaps_and_only_the_upper_triangle(tmp_path: Path) -> None:
    text = (
        "x,a,b,c,d\n"
        "a,,equal,strong,equal to moderate\n"
        "b,,,moderate,moderate to strong\n"
        "c,,,,\n"
        "d,,,,\n"
    )
    frame = only_matrix(read_judgments(write(tmp_path, "m.csv", text), reciprocal="upper"))
    result = priorities(frame, ri="donegan_dodd")
    assert result.completed
    assert result.weights.to_dict() == pytest.approx(INCOMPLETE_4_WEIGHTS, abs=1e-4)


def test_long_table_with_experts_nodes_and_labels(tmp_path: Path) -> None:
    text = (
        "node,row,col,value,expert,provenance\n"
        "goal,a,b,strong,ann,x\n"
        "goal,b,a,1/3,bob,x\n"
        "goal,a,c,9,ann,x\n"
        "goal,c,a,1/7,bob,x\n"
        "goal,b,c,moderate,ann,x\n"
        "goal,b,c,3,bob,x\n"
        "other,p,q,2,ann,x\n"
    )
    judgments = read_judgments(write(tmp_path, "long.csv", text))
    assert list(judgments) == ["goal", "other"]
    assert list(judgments["goal"]) == ["ann", "bob"]
    assert judgments["goal"]["ann"].loc["a", "b"] == 5.0
    assert judgments["goal"]["bob"].loc["a", "b"] == pytest.approx(3.0)
    assert judgments["goal"]["bob"].loc["a", "c"] == pytest.approx(7.0)
    assert judgments["other"]["ann"].loc["q", "p"] == 0.5


def test_long_table_may_leave_pairs_out(tmp_path: Path) -> None:
    rows = "".join(f"{r},{c},{v}\n" for (r, c), v in INCOMPLETE_4.items())
    frame = only_matrix(read_judgments(write(tmp_path, "u.csv", "row,col,value\n" + rows)))
    pd.testing.assert_frame_equal(frame, matrix(INCOMPLETE_4), check_names=False)


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_sheets(tmp_path: Path) -> None:
    grid = [line.split(",") for line in DRINKS_CSV.strip().splitlines()]
    numeric = [grid[0]] + [[row[0], *(float(Fraction(c)) for c in row[1:])] for row in grid[1:]]
    long = [["row", "col", "value"], ["a", "b", "strong"], ["a", "c", 3], ["b", "c", None]]
    path = workbook(tmp_path / "j.xlsx", {"drinks": numeric, "long": long})
    pd.testing.assert_frame_equal(
        only_matrix(read_judgments(path)), DRINKS_MATRIX, check_names=False
    )
    with pytest.raises(
        JudgmentError, match=r"j.xlsx \[long\], row 4, field 'value': value is empty"
    ):
        read_judgments(path, sheet="long")
    with pytest.raises(
        TableError, match=re.escape("j.xlsx: has no sheet 'G9' (sheets: drinks, long)")
    ):
        read_judgments(path, sheet="G9")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # openpyxl, like other writers that do not calculate, stores no cached value: read
        # with data_only=True this judgment would silently be missing.
        ("=1/3", "formula '=1/3' where a value is expected"),
        (dt.datetime(2024, 1, 3), "is a date or time (2024-01-03 00:00:00)"),
        ("#DIV/0!", "holds the spreadsheet error #DIV/0!"),
    ],
)
def test_xlsx_cells_hold_values_only(tmp_path: Path, value: object, message: str) -> None:
    long = [["row", "col", "value"], ["a", "b", 3], ["a", "c", value], ["b", "c", 2]]
    path = workbook(tmp_path / "j.xlsx", {"long": long})
    with pytest.raises(TableError) as caught:
        read_judgments(path)
    assert str(caught.value).startswith(f"j.xlsx, cell long!C3: {message}")
    assert caught.value.cell == "long!C3"


def replaced(old: str, new: str, count: int = 1) -> str:
    assert old in DRINKS_CSV
    return DRINKS_CSV.replace(old, new, count)


@pytest.mark.parametrize(
    ("text", "options", "message"),
    [
        (replaced("coffee,1,9,", "coffee,1,0,"), {}, "d.csv, row 2, field 'wine': 0 must be > 0"),
        (replaced("coffee,1,9,", "coffee,1,-9,"), {}, "d.csv, row 2, field 'wine': -9 must be > 0"),
        (
            replaced("coffee,1,9,", "coffee,1,nan,"),
            {},
            "field 'wine': 'nan' is not a finite number",
        ),
        (
            replaced("coffee,1,9,", "coffee,1,stronk,"),
            {},
            "field 'wine': unknown verbal label 'stronk'",
        ),
        (
            replaced("coffee,1,9,", "coffee,1,,"),
            {},
            r"d.csv: judgment \(coffee, wine\) is missing but",
        ),
        (
            replaced("coffee,1,9,5,", "coffee,1,9,4,"),
            {},
            r"d.csv: judgments \(coffee, tea\) = 4 and \(tea, coffee\) = 0.2 are not",
        ),
        (
            replaced("coffee,1,9,", "coffee,2,9,"),
            {},
            r"d.csv: diagonal judgment \(coffee, coffee\) must be 1",
        ),
        (
            replaced("coffee,1,9,", "coffee,1,8.5,"),
            {"strict_scale": True},
            "row 2, field 'wine': 8.5 is off Saaty's 1/9..9 scale",
        ),
        (
            replaced("tea,1/5", "wine,1/5"),
            {},
            "d.csv, row 4, field 'item': row is labelled 'wine' but column 4 is 'tea'",
        ),
        (
            replaced("water,2,9,9,3,2,3,1\n", ""),
            {},
            "a full matrix needs one row per item: 7 items in the header, 6 rows",
        ),
        (replaced("water,2,9,", "water,2,9,9,"), {}, "d.csv, row 8: has 9 cells, the header has 8"),
        ("", {}, "d.csv: the file is empty"),
    ],
)
def test_bad_matrix_files_are_refused_in_one_line(
    tmp_path: Path, text: str, options: dict, message: str
) -> None:
    with pytest.raises((JudgmentError, TableError), match=message) as info:
        read_judgments(write(tmp_path, "d.csv", text), **options)
    assert "\n" not in str(info.value)


def test_upper_triangle_reading_ignores_a_broken_lower_triangle(tmp_path: Path) -> None:
    text = replaced("tea,1/5,3,", "tea,junk,7,")
    with pytest.raises(JudgmentError, match="'junk'"):
        read_judgments(write(tmp_path, "d.csv", text))
    frame = only_matrix(read_judgments(write(tmp_path, "d.csv", text), reciprocal="upper"))
    pd.testing.assert_frame_equal(frame, DRINKS_MATRIX, check_names=False)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            "a,b,3\nb,a,1/3\n",
            "l.csv, row 3, field 'col': judgment (b, a) repeats a pair (first given in row 2)",
        ),
        ("a,a,1\n", "l.csv, row 2, field 'col': judgment compares 'a' with itself"),
        ("a,b,extremely\n", "l.csv, row 2, field 'value': unknown verbal label 'extremely'"),
        ("a,b,\n", "l.csv, row 2, field 'value': value is empty"),
        ("a,b,2.5\n", "l.csv, row 2, field 'value': 2.5 is off Saaty's"),
    ],
)
def test_bad_long_tables_are_refused_in_one_line(tmp_path: Path, rows: str, message: str) -> None:
    with pytest.raises(JudgmentError, match=re.escape(message)):
        read_judgments(write(tmp_path, "l.csv", "row,col,value\n" + rows), strict_scale=True)


def test_missing_file_is_refused() -> None:
    with pytest.raises(TableError, match=re.escape("nowhere.csv: file not found")):
        read_judgments(Path("nowhere.csv"))


def test_matrix_from_upper_builds_reciprocals_and_refuses_gaps() -> None:
    full = matrix_from_upper(["a", "b", "c"], {("a", "b"): 3, ("c", "a"): 2, ("b", "c"): 0.5})
    assert full.at["b", "a"] == pytest.approx(1 / 3)
    assert full.at["a", "c"] == pytest.approx(0.5)
    with pytest.raises(JudgmentError, match="no judgment comparing a with c"):
        matrix_from_upper(["a", "b", "c"], {("a", "b"): 3, ("b", "c"): 2})
    with pytest.raises(JudgmentError, match=r"judgment \(b, a\) repeats a pair"):
        matrix_from_upper(["a", "b"], {("a", "b"): 3, ("b", "a"): 3})
    with pytest.raises(JudgmentError, match="'z' is not one of the compared items"):
        matrix_from_upper(["a", "b"], {("a", "z"): 3})


def test_missing_judgment_names_node_and_expert_when_several() -> None:
    records = [
        Judgment("a", "b", 2, "ann"),
        Judgment("a", "b", 3, "bob"),
        Judgment("b", "c", 3, "bob"),
    ]
    with pytest.raises(
        JudgmentError, match="no judgment for node 'G1' comparing a with c from expert 'ann'"
    ):
        judgment_matrices(records, ["a", "b", "c"], node="G1", require_all=True)
    gaps = judgment_matrices(records, ["a", "b", "c"])
    assert np.isnan(gaps["ann"].loc["a", "c"]) and gaps["bob"].loc["c", "b"] == pytest.approx(1 / 3)


# Rezaei (2016), Omega 64, 126-130, Table 3: the car example as a BWM judgments file; the
# best's best_to_item and the worst's item_to_worst left empty (they are 1), and best and worst
# named on the first row of each node only. A second node holds the consistent Table 2.
BWM_CSV = """node,best,worst,item,best_to_item,item_to_worst,provenance
car,price,style,quality,2,4,Rezaei 2016 Table 3
car,,,price,,8,
car,,,comfort,4,2,
car,,,safety,moderate,3,
car,,,style,8,,
consistent,price,style,quality,2,4,Rezaei 2016 Table 2
consistent,price,style,price,1,8,
consistent,price,style,comfort,4,2,
consistent,price,style,safety,2,4,
consistent,price,style,style,8,1,
"""


def test_bwm_file_reads_into_rezaeis_example(tmp_path: Path) -> None:
    path = write(tmp_path, "bwm.csv", BWM_CSV)
    assert judgments_form(path) == "bwm"
    assert judgments_form(write(tmp_path, "drinks.csv", DRINKS_CSV)) == "pairwise"
    nodes = read_bwm(path)
    assert list(nodes) == ["car", "consistent"]
    car = nodes["car"]
    assert (car.best, car.worst) == ("price", "style")
    assert car.best_to_others.to_dict() == {
        "quality": 2, "price": 1, "comfort": 4, "safety": 3, "style": 8
    }  # fmt: skip
    assert car.others_to_worst.to_dict() == {
        "quality": 4, "price": 8, "comfort": 2, "safety": 3, "style": 1
    }  # fmt: skip
    result = bwm(car.best_to_others, car.others_to_worst, best=car.best, worst=car.worst)
    assert result.weights["price"] == pytest.approx(0.4481, abs=5e-5)
    with pytest.raises(JudgmentError, match="read it with read_bwm"):
        read_judgments(path)


def test_bwm_file_without_node_is_one_node_named_after_it(tmp_path: Path) -> None:
    text = "best,worst,item,best_to_item,item_to_worst\na,c,a,1,4\na,c,b,2,2\na,c,c,4,1\n"
    nodes = read_bwm(write(tmp_path, "panel.csv", text))
    assert list(nodes) == ["panel"] and nodes["panel"].best_to_others.tolist() == [1, 2, 4]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("a,c,a,1,4\na,b,b,2,2\n", "row 3, field 'worst': names 'b' as the worst item"),
        ("a,c,a,1,4\na,c,a,2,2\n", "row 3, field 'item': item 'a' is given twice"),
        ("a,c,a,1,4\na,c,b,,2\na,c,c,4,1\n", "row 3, field 'best_to_item': value is empty"),
        ("a,c,a,1,4\na,c,b,two,2\na,c,c,4,1\n", "row 3, field 'best_to_item'"),
        ("a,,a,1,4\na,,b,2,2\n", "names no worst item"),
        ("a,z,a,1,4\na,z,b,2,2\n", "the worst item 'z' of node 'bwm' has no row"),
    ],
)
def test_bad_bwm_files_are_refused_in_one_line(tmp_path: Path, rows: str, message: str) -> None:
    path = write(tmp_path, "bwm.csv", "best,worst,item,best_to_item,item_to_worst\n" + rows)
    with pytest.raises(JudgmentError, match=re.escape(message)):
        read_bwm(path)


def test_bwm_file_of_several_experts_is_refused(tmp_path: Path) -> None:
    text = "expert,best,worst,item,best_to_item,item_to_worst\nann,a,b,a,1,3\nann,a,b,b,3,1\n"
    with pytest.raises(JudgmentError, match="one file per expert"):
        read_bwm(write(tmp_path, "bwm.csv", text))
