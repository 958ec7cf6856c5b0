"""Read CSV tables of a case as text and parse their columns with precise errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from mcda.errors import TableError
from mcda.scale import parse_ratio
from mcda.sheets import read_rows
from optimize.errors import InputError


def read_table(path: Path, label: str, required: list[str]) -> pd.DataFrame:
    """Read a UTF-8 CSV table (or the first sheet of an .xlsx workbook) as strings.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    label : str
        Name used in error messages (the path relative to the case folder).
    required : list of str
        Columns that must be present.

    Returns
    -------
    pandas.DataFrame
        Every cell as a stripped string; empty cells are ``""``. Indexed by the spreadsheet
        row number as a string.

    Raises
    ------
    InputError
        If the file is missing, unreadable, empty, has a duplicated or missing column, or a
        row with the wrong number of cells.
    """
    try:
        table = read_rows(path, label=label)
    except TableError as exc:
        raise InputError(exc.file or label, exc.message, exc.row, exc.field) from None
    header = list(table.header)
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise InputError(label, "column appears twice in the header", row=1, field=duplicated[0])
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(label, "required column is missing", row=1, field=missing[0])
    body = [[*cells, str(line)] for line, cells in table.rows]
    frame = pd.DataFrame(body, columns=[*header, "_row"], dtype=object)
    return frame.set_index("_row", drop=True)


def require_values(table: pd.DataFrame, label: str, columns: list[str]) -> None:
    """Refuse empty cells in `columns`.

    Raises
    ------
    InputError
        Naming the first empty cell.
    """
    for column in columns:
        empty = table.index[table[column] == ""]
        if len(empty):
            raise InputError(label, "value is empty", row=int(empty[0]), field=column)


def require_unique(table: pd.DataFrame, label: str, columns: list[str]) -> None:
    """Refuse rows that repeat the key formed by `columns`.

    Raises
    ------
    InputError
        Naming the first repeated row.
    """
    repeated = table.index[table.duplicated(subset=columns, keep="first")]
    if len(repeated):
        row = int(repeated[0])
        key = ", ".join(str(table.at[str(row), c]) for c in columns)
        raise InputError(label, f"duplicate {'/'.join(columns)} {key!r}", row=row, field=columns[0])


def require_choice(table: pd.DataFrame, label: str, column: str, allowed: list[str]) -> None:
    """Refuse values of `column` outside `allowed`.

    Raises
    ------
    InputError
        Naming the first unknown value and the allowed ones.
    """
    unknown = table.index[~table[column].isin(allowed)]
    if len(unknown):
        row = int(unknown[0])
        raise InputError(
            label,
            f"unknown value {table.at[str(row), column]!r} (expected one of {', '.join(allowed)})",
            row=row,
            field=column,
        )


def parse_number(
    table: pd.DataFrame,
    label: str,
    column: str,
    minimum: float | None = None,
    strictly_positive: bool = False,
) -> pd.Series:
    """Parse a numeric column; fractions like ``1/3`` are accepted.

    Parameters
    ----------
    table : pandas.DataFrame
        A table from :func:`read_table`.
    label : str
        File name for error messages.
    column : str
        Column to parse.
    minimum : float, optional
        Smallest accepted value.
    strictly_positive : bool
        Refuse zero and negative values.

    Returns
    -------
    pandas.Series
        Float values with the table's index.

    Raises
    ------
    InputError
        Naming the first cell that is not a finite number or is out of range.
    """
    values = {}
    for label_row, text in table[column].items():
        row = int(str(label_row))
        try:
            number = parse_ratio(str(text))
        except ValueError:
            raise InputError(label, f"{text!r} is not a number", row=row, field=column) from None
        if strictly_positive and number <= 0:
            raise InputError(label, f"{text} must be > 0", row=row, field=column)
        if minimum is not None and number < minimum:
            raise InputError(label, f"{text} must be >= {minimum:g}", row=row, field=column)
        values[label_row] = number
    return pd.Series(values, dtype=float, name=column)
