"""Read a CSV file or one sheet of an .xlsx workbook as rows of text cells.

Rows keep their spreadsheet numbers (the header is row 1) so that every error can name the row a
planner sees in Excel. :func:`sheet_values` is the one cell policy for workbooks, also used by
the case-workbook reader: values only, never formulas, error values or dates.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcda.errors import TableError

#: Spreadsheet number of the header row.
HEADER_ROW = 1

#: What a workbook cell may hold: text, a number, a boolean or nothing.
CellValue = str | int | float | bool | None


@dataclass(frozen=True)
class TextTable:
    """A table read as text.

    Attributes
    ----------
    name : str
        How messages name the table (file name, and the sheet for workbooks).
    header : tuple of str
        Column names, stripped.
    rows : tuple of (int, tuple of str)
        Spreadsheet row number and stripped cells of each non-blank row, as many cells as
        the header has.
    """

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def read_rows(path: str | Path, *, sheet: str | None = None, label: str | None = None) -> TextTable:
    """Read a UTF-8 CSV file, or a sheet of an .xlsx workbook, as text.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; ``.xlsx`` is read as a workbook, anything else as CSV.
    sheet : str, optional
        Workbook sheet to read; the first sheet when omitted. Ignored for CSV.
    label : str, optional
        Name used in messages; the file name when omitted.

    Returns
    -------
    TextTable

    Raises
    ------
    TableError
        If the file or sheet is missing or unreadable, empty, a row has more or fewer
        cells than the header, or a workbook cell holds a formula, an error value or a date
        (see :func:`sheet_values`).
    """
    location = Path(path)
    name = label or location.name
    if not location.is_file():
        raise TableError("file not found", file=name, key="table.not_found")
    workbook = location.suffix.lower() == ".xlsx"
    if workbook:
        name, grid = workbook_grid(location, sheet, name)
    else:
        grid = csv_grid(location, name)
    if not grid:
        raise TableError("the file is empty (a header row is needed)", file=name, key="table.empty")
    header = tuple(grid[0])
    body = []
    for offset, cells in enumerate(grid[1:]):
        line = offset + HEADER_ROW + 1
        if not any(cells):
            continue
        if workbook and len(cells) < len(header):
            # Excel does not store trailing empty cells; they are empty, not missing.
            cells = cells + [""] * (len(header) - len(cells))
        if len(cells) != len(header):
            raise TableError(
                f"has {len(cells)} cells, the header has {len(header)}",
                file=name,
                row=line,
                key="table.ragged",
                fields={"cells": len(cells), "header": len(header)},
            )
        body.append((line, tuple(cells)))
    return TextTable(name, header, tuple(body))


def csv_grid(path: Path, name: str) -> list[list[str]]:
    """Every row of a UTF-8 CSV file (a byte-order mark is allowed), cells stripped."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [[cell.strip() for cell in row] for row in csv.reader(handle)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TableError(
            f"cannot read as UTF-8 CSV ({exc})",
            file=name,
            key="table.not_csv",
            fields={"problem": exc},
        ) from None


def workbook_grid(path: Path, sheet: str | None, name: str) -> tuple[str, list[list[str]]]:
    """The name and the rows of one workbook sheet, cells as text, trailing empty cells cut.

    Every cell passes :func:`sheet_values`; an error names the file and the cell.
    """
    from openpyxl import load_workbook  # imported here: only workbooks need it

    try:
        # data_only=False: a formula must be seen to be refused, not read as its cached value.
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise TableError(
            f"cannot read as an .xlsx workbook ({exc})",
            file=name,
            key="table.not_xlsx",
            fields={"problem": exc},
        ) from None
    try:
        titles = list(book.sheetnames)
        title = sheet if sheet is not None else titles[0]
        if title not in titles:
            raise TableError(
                f"has no sheet {title!r} (sheets: {', '.join(titles)})",
                file=name,
                key="table.no_sheet",
                fields={"sheet": title, "sheets": ", ".join(titles)},
            )
        grid = [trimmed([cell_text(v) for v in row]) for row in sheet_values(book[title])]
    except TableError as exc:
        raise exc.at(file=name) from None
    finally:
        book.close()
    return f"{name} [{title}]", grid


def sheet_values(sheet: Any) -> list[list[CellValue]]:
    """Every row of a worksheet as cell values, under one cell policy.

    A cell must hold a value: text, a number, a boolean or nothing. A formula is refused
    rather than read as the value a spreadsheet program last computed, which may be stale
    or absent (a file written by a program that does not calculate) and is never
    recomputed here; so are Excel error values (``#N/A``) and dates, which in a table of
    judgments or scores are almost always a ratio such as 1/3 that Excel turned into a date.

    Parameters
    ----------
    sheet : openpyxl.worksheet.worksheet.Worksheet
        A sheet of a workbook opened with ``data_only=False`` (read-only or not).

    Returns
    -------
    list of list
        Rows from row 1, each cell's value (None for an empty cell).

    Raises
    ------
    TableError
        Naming the first refused cell (``cell="sheet!C7"``), without a file.
    """
    rows = sheet.iter_rows()
    try:
        return [[cell_value(cell) for cell in row] for row in rows]
    finally:
        # A read-only sheet streams from the file; stop the stream now, not at garbage
        # collection, so that closing the workbook closes the file even after a refusal.
        rows.close()


def cell_value(cell: Any) -> CellValue:
    """One openpyxl cell's value, refusing what is not a value (see :func:`sheet_values`)."""
    data_type = getattr(cell, "data_type", "n")
    value = cell.value
    if data_type == "f":
        text = value if isinstance(value, str) else "an array formula"
        raise TableError(
            f"formula {text!r} where a value is expected (formulas are not evaluated: "
            "paste the value itself)",
            cell=cell_name(cell),
            key="table.formula",
            fields={"formula": text},
        )
    if data_type == "e":
        raise TableError(
            f"holds the spreadsheet error {value}",
            cell=cell_name(cell),
            key="table.error_value",
            fields={"value": value},
        )
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise TableError(
            f"is a date or time ({value}) where text or a number is expected (a ratio such "
            "as 1/3 turns into a date unless typed as '1/3)",
            cell=cell_name(cell),
            key="table.date",
            fields={"value": value},
        )
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TableError(
        f"holds {type(value).__name__}, not text or a number",
        cell=cell_name(cell),
        key="table.not_a_value",
        fields={"kind": type(value).__name__},
    )


def cell_name(cell: Any) -> str:
    """A cell in Excel notation with its sheet, e.g. ``scores!C7``."""
    return f"{cell.parent.title}!{cell.coordinate}"


def cell_text(value: CellValue) -> str:
    """A cell value as the text a CSV file would hold (floats exactly, booleans lowercase)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def trimmed(cells: list[str]) -> list[str]:
    """`cells` without trailing empty cells (workbook rows are padded to the widest row)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
