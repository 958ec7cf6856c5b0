"""Write cells and tables into openpyxl worksheets safely and readably.

Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is what a
spreadsheet program may run as a formula (CSV/formula injection, OWASP). Such text is
written as a string cell with Excel's quote prefix (the apostrophe a user types to keep
``=1+1`` as text): it shows and reads back as the same text and is never evaluated.
CSV exports get the literal apostrophe that OWASP recommends.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

#: First characters that make a spreadsheet program read text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
#: Widest column the writer sets [characters]; longer text wraps in the cell.
MAX_WIDTH = 60


def is_risky(value: object) -> bool:
    """Whether `value` is text a spreadsheet program could evaluate as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise_text(value: object) -> object:
    """OWASP's CSV defence: prefix risky text with an apostrophe; other values unchanged."""
    return f"'{value}" if is_risky(value) else value


def _neutral_labels(index: pd.Index) -> pd.Index:
    """`index` with risky text labels neutralised (each level of a MultiIndex)."""
    if isinstance(index, pd.MultiIndex) and len(index):
        return pd.MultiIndex.from_tuples(
            [tuple(neutralise_text(part) for part in label) for label in index],
            names=index.names,
        )
    return index.map(neutralise_text)


def safe_csv(frame: pd.DataFrame, **options: Any) -> str:
    """`frame` as CSV text with every risky text cell and label (row or column) neutralised."""
    cleaned = frame.map(neutralise_text)
    cleaned.index = _neutral_labels(cleaned.index)
    cleaned.columns = _neutral_labels(cleaned.columns)
    text: str = cleaned.to_csv(**options)
    return text


def put(sheet: Worksheet, row: int, column: int, value: Any) -> None:
    """Write one cell; risky text becomes a quote-prefixed string cell, never a formula.

    Control characters the xlsx format cannot hold become spaces.

    Parameters
    ----------
    sheet : openpyxl.worksheet.worksheet.Worksheet
        Target sheet.
    row, column : int
        1-based cell position.
    value : Any
        Text, number, bool or None (an empty cell).
    """
    if isinstance(value, str):
        # The xlsx format cannot hold most control characters (openpyxl raises): a name
        # or title holding one is written with a space in its place.
        value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if is_risky(value):
        # openpyxl turns text starting with "=" into a formula cell; force plain text.
        cell.data_type = "s"
        cell.quotePrefix = True


def write_rows(
    sheet: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    number_formats: Mapping[str, str] | None = None,
) -> None:
    """Write a header row and data rows; freeze the header and size the columns.

    Parameters
    ----------
    sheet : openpyxl.worksheet.worksheet.Worksheet
        An empty sheet.
    header : sequence of str
        Column names (row 1).
    rows : iterable of sequences
        Data rows, each as long as `header`.
    number_formats : mapping of str to str, optional
        Excel number format per column name (e.g. ``"0.000"``).
    """
    formats = number_formats or {}
    widths = [len(name) for name in header]
    for column, name in enumerate(header, start=1):
        put(sheet, 1, column, name)
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
            name = header[column - 1]
            if name in formats and isinstance(value, int | float) and not isinstance(value, bool):
                sheet.cell(row=row, column=column).number_format = formats[name]
            widths[column - 1] = max(widths[column - 1], len(str(value or "")))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"


def write_lines(sheet: Worksheet, lines: Sequence[str]) -> None:
    """Write text lines down column A (an instructions sheet), wrapped at a readable width."""
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(lines, start=1):
        put(sheet, row, 1, line)
        sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    if lines:
        sheet.cell(row=1, column=1).font = Font(bold=True, size=14)


def workbook_bytes(book: Workbook) -> bytes:
    """The workbook as ``.xlsx`` file content."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def new_workbook() -> Workbook:
    """An empty workbook (without openpyxl's default sheet)."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    return book
