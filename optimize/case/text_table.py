"""Read CSV tables of a case as text and parse their columns with precise errors."""

from __future__ import annotations

import pandas as pd

from mcda.ahp import parse_ratio
from optimize.errors import InputError

#: First data row in spreadsheet numbering (the header is row 1).
FIRST_DATA_ROW = 2


def table_from_rows(rows: list[list[str]], label: str) -> pd.DataFrame:
    """A text table from its rows, the first being the header.

    Parameters
    ----------
    rows : list of list of str
        Cells of spreadsheet rows 1, 2, ... (a CSV file's lines, or a worksheet's rows).
    label : str
        Name used in error messages.

    Returns
    -------
    pandas.DataFrame
        Every cell as a stripped string, empty cells as ``""``, indexed by the spreadsheet
        row number as text (the header is row 1); blank rows are left out.

    Raises
    ------
    InputError
        If there is no header, a column appears twice, or a row has the wrong number of cells.
    """
    if not rows:
        raise InputError(label, "the file is empty (a header row is needed)")
    header = [cell.strip() for cell in rows[0]]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise InputError(label, "column appears twice in the header", row=1, field=duplicated[0])
    body = []
    for offset, cells in enumerate(rows[1:]):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(
                label,
                f"has {len(cells)} cells, the header has {len(header)}",
                row=offset + FIRST_DATA_ROW,
            )
        body.append([cell.strip() for cell in cells] + [str(offset + FIRST_DATA_ROW)])
    frame = pd.DataFrame(body, columns=[*header, "_row"], dtype=object)
    return frame.set_index("_row", drop=True)


def with_columns(table: pd.DataFrame, label: str, required: tuple[str, ...]) -> pd.DataFrame:
    """A copy of `table` after checking that it has the `required` columns.

    Raises
    ------
    InputError
        Naming the first missing column (in the header, row 1).
    """
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise InputError(label, "required column is missing", row=1, field=missing[0])
    return table.copy()


def _require_values(table: pd.DataFrame, label: str, columns: list[str]) -> None:
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


def _require_unique(table: pd.DataFrame, label: str, columns: list[str]) -> None:
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


def _require_choice(table: pd.DataFrame, label: str, column: str, allowed: list[str]) -> None:
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


def _parse_number(
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
        A table from :func:`table_from_rows`.
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
