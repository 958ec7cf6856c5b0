"""Read a CSV file or one sheet of an .xlsx workbook as rows of text cells.

Rows keep their spreadsheet numbers (the header is row 1) so that every error can name the row a
planner sees in Excel.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcda.errors import TableError

#: Spreadsheet number of the header row.
HEADER_ROW = 1


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
        If the file or sheet is missing or unreadable, empty, or a row has more or fewer
        cells than the header.
    """
    location = Path(path)
    name = label or location.name
    if not location.is_file():
        raise TableError("file not found", file=name)
    workbook = location.suffix.lower() == ".xlsx"
    if workbook:
        name, grid = workbook_grid(location, sheet, name)
    else:
        grid = csv_grid(location, name)
    if not grid:
        raise TableError("the file is empty (a header row is needed)", file=name)
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
                f"has {len(cells)} cells, the header has {len(header)}", file=name, row=line
            )
        body.append((line, tuple(cells)))
    return TextTable(name, header, tuple(body))


def csv_grid(path: Path, name: str) -> list[list[str]]:
    """Every row of a UTF-8 CSV file (a byte-order mark is allowed), cells stripped."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [[cell.strip() for cell in row] for row in csv.reader(handle)]
    except (UnicodeDecodeError, csv.Error) as exc:
        raise TableError(f"cannot read as UTF-8 CSV ({exc})", file=name) from None


def workbook_grid(path: Path, sheet: str | None, name: str) -> tuple[str, list[list[str]]]:
    """The name and the rows of one workbook sheet, cells as text, trailing empty cells cut.

    Cells hold what Excel last computed (``data_only``), so a formula counts as its value.
    """
    from openpyxl import load_workbook  # imported here: only workbooks need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise TableError(f"cannot read as an .xlsx workbook ({exc})", file=name) from None
    try:
        titles = list(book.sheetnames)
        title = sheet if sheet is not None else titles[0]
        if title not in titles:
            raise TableError(f"has no sheet {title!r} (sheets: {', '.join(titles)})", file=name)
        grid = [
            trimmed([cell_text(value) for value in row])
            for row in book[title].iter_rows(values_only=True)
        ]
    finally:
        book.close()
    return f"{name} [{title}]", grid


def cell_text(value: Any) -> str:
    """A workbook cell as the text a CSV would hold (floats keep every digit)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def trimmed(cells: list[str]) -> list[str]:
    """`cells` without trailing empty cells (workbook rows are padded to the widest row)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
