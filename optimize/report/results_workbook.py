"""The results workbook ``results.xlsx``: one sheet per result table, formatted for reading."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from optimize.case.case import Case
from optimize.report.labels import Lang, _column, _group_name, _sheet
from optimize.report.registry import ResultTable
from optimize.spreadsheet import new_workbook, workbook_bytes, write_lines, write_rows


def _cell(value: Any) -> Any:
    """A DataFrame value as a cell value (numpy scalars unboxed, NaN as an empty cell)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def _heading(column: str, lang: Lang, case: Case | None) -> str:
    """Header of `column` in `lang`: a known heading, else (Chinese) the case's name of the id.

    English headers are the column names, as in the CSV files.
    """
    heading = _column(column, lang)
    if lang == "zh" and heading == column and case is not None:
        return _group_name(case, column, lang)
    return heading


def results_workbook(
    tables: Sequence[tuple[ResultTable, pd.DataFrame]],
    about: Sequence[str],
    lang: Lang = "en",
    case: Case | None = None,
) -> bytes:
    """The results as ``.xlsx`` content.

    Parameters
    ----------
    tables : sequence of (ResultTable, pandas.DataFrame)
        Each table with its registry entry (sheet name, number formats); the index is
        written as the first column.
    about : sequence of str
        Lines of the first sheet: the provenance notice first.
    lang : {"en", "zh"}
        Language of the sheet names and headers (English: the tables' own names, as in
        the CSV files).
    case : Case, optional
        Names the instruments and cluster types that head columns, in `lang`.

    Returns
    -------
    bytes
        The workbook file; headers frozen, numbers formatted, risky text neutralised.
    """
    book = new_workbook()
    write_lines(book.create_sheet(_sheet("about", lang)), about)
    for entry, table in tables:
        sheet = book.create_sheet(_sheet(entry.name, lang))
        flat = table.reset_index()
        columns = [str(c) for c in flat.columns]
        rows = [[_cell(v) for v in record] for record in flat.itertuples(index=False)]
        formats = entry.number_formats(columns)
        header = [_heading(column, lang, case) for column in columns]
        write_rows(sheet, header, rows, dict(zip(header, formats.values(), strict=True)))
        sheet.freeze_panes = "B2"  # keep the header row and the row labels in view
    return workbook_bytes(book)
