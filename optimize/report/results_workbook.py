"""The results workbook ``results.xlsx``: one sheet per result table, formatted for reading."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from optimize.spreadsheet import new_workbook, workbook_bytes, write_lines, write_rows

#: Columns holding money [1e8 CNY] (two decimals).
AMOUNT_COLUMNS = {
    "platform",
    "pilot_base",
    "demonstration",
    "total",
    "amount",
    "min_grant",
    "max_grant",
    "activity",
    "bound",
    "slack",
    "budget",
}
#: Columns holding weights or shares [-] (four decimals).
WEIGHT_COLUMNS = {"local_weight", "group_weight", "global_weight", "weight", "share", "priority"}


def number_format(column: str) -> str:
    """Excel number format of a result column."""
    if column in AMOUNT_COLUMNS:
        return "0.00"
    if column in WEIGHT_COLUMNS:
        return "0.0000"
    return "0.000"


def cell(value: Any) -> Any:
    """A DataFrame value as a cell value (numpy scalars unboxed, NaN as an empty cell)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value


def results_workbook(tables: Mapping[str, pd.DataFrame], about: Sequence[str]) -> bytes:
    """The results as ``.xlsx`` content.

    Parameters
    ----------
    tables : mapping of str to pandas.DataFrame
        Sheet name (at most 31 characters) to table; the index is written as the first
        column.
    about : sequence of str
        Lines of the first sheet: the provenance notice first.

    Returns
    -------
    bytes
        The workbook file; headers frozen, numbers formatted, risky text neutralised.
    """
    book = new_workbook()
    write_lines(book.create_sheet("about"), about)
    for name, table in tables.items():
        sheet = book.create_sheet(name[:31])
        flat = table.reset_index()
        header = [str(c) for c in flat.columns]
        rows = [[cell(v) for v in record] for record in flat.itertuples(index=False)]
        write_rows(sheet, header, rows, {c: number_format(c) for c in header})
        sheet.freeze_panes = "B2"  # keep the header row and the row labels in view
    return workbook_bytes(book)
