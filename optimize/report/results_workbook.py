"""The results workbook ``results.xlsx``: one sheet per result table, formatted for reading."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from optimize.report.registry import ResultTable
from optimize.spreadsheet import new_workbook, workbook_bytes, write_lines, write_rows


def _cell(value: Any) -> Any:
    """A DataFrame value as a cell value (numpy scalars unboxed, NaN as an empty cell)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def results_workbook(
    tables: Sequence[tuple[ResultTable, pd.DataFrame]], about: Sequence[str]
) -> bytes:
    """The results as ``.xlsx`` content.

    Parameters
    ----------
    tables : sequence of (ResultTable, pandas.DataFrame)
        Each table with its registry entry (sheet name, number formats); the index is
        written as the first column.
    about : sequence of str
        Lines of the first sheet: the provenance notice first.

    Returns
    -------
    bytes
        The workbook file; headers frozen, numbers formatted, risky text neutralised.
    """
    book = new_workbook()
    write_lines(book.create_sheet("about"), about)
    for entry, table in tables:
        sheet = book.create_sheet(entry.name[:31])
        flat = table.reset_index()
        header = [str(c) for c in flat.columns]
        rows = [[_cell(v) for v in record] for record in flat.itertuples(index=False)]
        write_rows(sheet, header, rows, entry.number_formats(header))
        sheet.freeze_panes = "B2"  # keep the header row and the row labels in view
    return workbook_bytes(book)
