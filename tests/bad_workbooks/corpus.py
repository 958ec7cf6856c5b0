"""Bad case workbooks: each is the tiny test case's workbook with one defect.

Every entry names a defect, the edit that makes it (applied with openpyxl to the workbook
that ``clusterplan convert tests/cases/tiny tiny.xlsx`` writes) and the text the one-line
error must contain. ``python -m tests.bad_workbooks.corpus DIR`` writes them all to DIR for
a look in a spreadsheet program.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook

from optimize.casefiles import INSTRUCTIONS, case_workbook, read_case_folder

TINY = Path(__file__).resolve().parents[1] / "cases" / "tiny"
BOOK = "tiny.xlsx"

Edit = Callable[[Workbook], None]


def set_cell(sheet: str, cell: str, value: object) -> Edit:
    def edit(book: Workbook) -> None:
        book[sheet][cell] = value

    return edit


def delete_sheet(book: Workbook) -> None:
    del book["scores"]


def merge(book: Workbook) -> None:
    book["clusters"].merge_cells("F3:F4")


def empty_row(book: Workbook) -> None:
    book["projects"].insert_rows(4)


def interval_row(low: float, high: float) -> Edit:
    """Give the scores sheet status, low and high columns; make row 2 an interval."""

    def edit(book: Workbook) -> None:
        sheet = book["scores"]
        for column, name in zip("FGH", ("status", "low", "high"), strict=True):
            sheet[f"{column}1"] = name
        sheet["C2"], sheet["F2"], sheet["G2"], sheet["H2"] = None, "interval", low, high

    return edit


def rating_off_scale(book: Workbook) -> None:
    """Make L3 a rated criterion; the rating of c uses a level its scale lacks."""
    sheet = book["scores"]
    sheet["F1"] = "status"
    for line in (4, 8, 12, 16):  # the L3 rows
        sheet[f"C{line}"], sheet[f"D{line}"], sheet[f"E{line}"] = None, "ratings", None
        sheet[f"F{line}"] = "rated"
    for row in (["L3", "good", 1], ["L3", "poor", 0.2]):
        book["rating_scales"].append([*row, None, None, None])
    for cluster, level in (("a", "good"), ("b", "poor"), ("c", "excellent"), ("d", "good")):
        book["ratings"].append(["e1", cluster, "L3", level])


def append_rule(book: Workbook) -> None:
    book["rules"].append(["regional_quota", None, "west", 0.2, "made up"])


#: name -> (edit, expected text of the error line)
CORPUS: dict[str, tuple[Edit, str]] = {
    "missing_sheet": (delete_sheet, f"{BOOK}, sheet scores: sheet is missing"),
    "renamed_column": (
        set_cell("projects", "E1", "max grant"),
        f"{BOOK}, sheet projects, row 1, field 'max_grant': required column is missing",
    ),
    "merged_cells": (merge, f"{BOOK}, cell clusters!F3:F4: merged cells"),
    "formula_for_number": (
        set_cell("scores", "C7", "=C6*2"),
        f"{BOOK}, cell scores!C7: formula '=C6*2' where a value is expected",
    ),
    "formula_for_judgment": (
        set_cell("judgments", "D3", "=1/2"),
        f"{BOOK}, cell judgments!D3: formula '=1/2' where a value is expected",
    ),
    "text_in_number_cell": (
        set_cell("scores", "C7", "high"),
        f"{BOOK}, cell scores!C7, field 'value': 'high' is not a number",
    ),
    "empty_row_in_middle": (
        empty_row,
        f"{BOOK}, cell projects!A4: row 4 is empty inside the table",
    ),
    "date_for_ratio": (
        set_cell("judgments", "D3", dt.datetime(2024, 1, 3)),
        f"{BOOK}, cell judgments!D3: is a date or time",
    ),
    "excel_error_value": (
        set_cell("fit", "C4", "#N/A"),
        f"{BOOK}, cell fit!C4: holds the spreadsheet error #N/A",
    ),
    "value_outside_header": (
        set_cell("clusters", "H3", "note"),
        f"{BOOK}, cell clusters!H3: value in a column without a header",
    ),
    "empty_header_cell": (
        set_cell("clusters", "C1", None),
        f"{BOOK}, cell clusters!C1: column header is empty",
    ),
    "duplicate_column": (
        set_cell("clusters", "C1", "name_zh"),
        f"{BOOK}, cell clusters!C1, field 'name_zh': column appears twice in the header",
    ),
    "unknown_cluster_type": (
        set_cell("clusters", "F3", "basik"),
        f"{BOOK}, cell clusters!F3, field 'cluster_type': unknown value 'basik'",
    ),
    "missing_score": (
        set_cell("scores", "A17", None),
        f"{BOOK}, cell scores!A17, field 'cluster': value is empty",
    ),
    "negative_budget": (
        set_cell("budget", "D2", -5),
        f"{BOOK}, cell budget!D2, field 'budget.total': -5 must be >= 0",
    ),
    "text_budget": (
        set_cell("budget", "D2", "sixty"),
        f"{BOOK}, cell budget!D2, field 'budget.total': 'sixty' is not a number",
    ),
    "interval_low_above_high": (
        interval_row(5, 2),
        f"{BOOK}, cell scores!G2, field 'low': low 5 is above high 2",
    ),
    "rating_off_scale": (
        rating_off_scale,
        f"{BOOK}, cell ratings!D4, field 'level': 'excellent' is not a level of the 'L3' scale",
    ),
    "unknown_rule": (
        append_rule,
        f"{BOOK}, cell rules!D14, field 'rules.regional_quota': unknown rule",
    ),
    "broken_list": (
        set_cell("rules", "D12", "[platform"),
        f"{BOOK}, cell rules!D12, field 'value': '[platform' is not a list",
    ),
    "provenance_differs": (
        set_cell("rules", "E9", "another story"),
        f"{BOOK}, cell rules!E9, field 'provenance': provenance differs",
    ),
}


def good_workbook(path: Path) -> Path:
    """Write the tiny case's workbook to `path`."""
    path.write_bytes(case_workbook(read_case_folder(TINY), INSTRUCTIONS))
    return path


def bad_workbook(name: str, folder: Path) -> Path:
    """Write the bad workbook `name` into `folder` (as ``tiny.xlsx``)."""
    path = good_workbook(folder / BOOK)
    book = load_workbook(path)
    CORPUS[name][0](book)
    book.save(path)
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for entry in CORPUS:
        (out / entry).mkdir(parents=True, exist_ok=True)
        bad_workbook(entry, out / entry)
        print(f"{entry}: {CORPUS[entry][1]}")
