"""Read CSV tables of a case as text and parse their columns with precise errors."""

from __future__ import annotations

import pandas as pd

from mcda import TextTable
from optimize.case.limits import check_table_limits
from optimize.case.values import ValueRangeError, checked_number, number_from_text
from optimize.errors import InputError, msg

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
        raise InputError(label, msg("errors.table.empty_file"))
    width = max(len(cells) for cells in rows)
    check_table_limits(len(rows), width, label)
    header = [cell.strip() for cell in rows[0]]
    duplicated = sorted({c for c in header if header.count(c) > 1})
    if duplicated:
        raise InputError(label, msg("errors.table.column_twice"), row=1, field=duplicated[0])
    body = []
    for offset, cells in enumerate(rows[1:]):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(
                label,
                msg("errors.table.ragged", cells=len(cells), header=len(header)),
                row=offset + FIRST_DATA_ROW,
            )
        body.append([cell.strip() for cell in cells] + [str(offset + FIRST_DATA_ROW)])
    frame = pd.DataFrame(body, columns=[*header, "_row"], dtype=object)
    return frame.set_index("_row", drop=True)


def as_text_table(table: pd.DataFrame, label: str) -> TextTable:
    """A table from :func:`table_from_rows` in the form :mod:`mcda`'s readers take."""
    header = tuple(str(column) for column in table.columns)
    rows = tuple(
        (int(str(line)), tuple(str(cell) for cell in cells))
        for line, cells in zip(table.index, table.itertuples(index=False), strict=True)
    )
    return TextTable(label, header, rows)


def with_columns(table: pd.DataFrame, label: str, required: tuple[str, ...]) -> pd.DataFrame:
    """A copy of `table` after checking that it has the `required` columns.

    Raises
    ------
    InputError
        Naming the first missing column (in the header, row 1).
    """
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise InputError(label, msg("errors.table.column_missing"), row=1, field=missing[0])
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
            raise InputError(
                label, msg("errors.table.empty_value"), row=int(empty[0]), field=column
            )


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
        raise InputError(
            label,
            msg("errors.table.duplicate", columns="/".join(columns), key=key),
            row=row,
            field=columns[0],
        )


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
            msg(
                "errors.table.unknown_value",
                value=table.at[str(row), column],
                expected=", ".join(allowed),
            ),
            row=row,
            field=column,
        )


def _parse_number(
    table: pd.DataFrame,
    label: str,
    column: str,
    minimum: float | None = None,
    strictly_positive: bool = False,
    whole: bool = False,
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
    whole : bool
        Refuse values with a fractional part.

    Returns
    -------
    pandas.Series
        Float values with the table's index.

    Raises
    ------
    InputError
        Naming the first cell that is not a number as a spreadsheet writes it, is out of
        range or has a magnitude no computation can use (see :mod:`optimize.case.values`).
    """
    values = {}
    for label_row, text in table[column].items():
        try:
            number = checked_number(
                number_from_text(str(text)), minimum, positive=strictly_positive, whole=whole
            )
        except ValueRangeError as problem:
            raise InputError(
                label, problem.message, row=int(str(label_row)), field=column
            ) from None
        values[label_row] = number
    return pd.Series(values, dtype=float, name=column)
