"""The long table form of an imprecise matrix, from a DataFrame, a CSV file or an .xlsx sheet.

One row per cell, with columns ``alternative``, ``criterion``, ``status`` and any of ``value``,
``low``, ``high``, ``mode``, ``provenance`` (a missing column is empty in every row; other
columns are ignored). Which numbers a row holds must fit its status (:mod:`mcda.imprecise.cells`);
every (alternative, criterion) pair needs exactly one row; an unmeasured cell is a row with
status ``unknown``. Workbook cells follow :func:`mcda.sheets.sheet_values`: values only, no
formulas. :func:`imprecise_from_rows` reads a table another reader has already turned into
text (a case's scores table), with its own name for the alternatives' column and rated cells
whose numbers come from experts' ratings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pandas as pd

from mcda.errors import CellError
from mcda.imprecise.cells import NUMBERS, Cell
from mcda.imprecise.long_rows import LongRows, long_rows
from mcda.imprecise.matrix import CellKey, ImpreciseMatrix
from mcda.sheets import HEADER_ROW, TextTable, cell_text, read_rows

#: Columns every table needs.
KEY_COLUMNS = ("alternative", "criterion", "status")

#: Every column the table form knows, in the order :func:`imprecise_table` writes.
COLUMNS = ("alternative", "criterion", "value", "low", "high", "mode", "status", "provenance")


def read_imprecise(
    path: str | Path,
    directions: pd.Series | Mapping[str, str],
    *,
    sheet: str | None = None,
) -> ImpreciseMatrix:
    """Read an imprecise matrix from a long table in a CSV file or a workbook sheet.

    Parameters
    ----------
    path : str or pathlib.Path
        The file; ``.xlsx`` is read as a workbook.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    sheet : str, optional
        Workbook sheet; the first when omitted.

    Returns
    -------
    ImpreciseMatrix

    Raises
    ------
    CellError or TableError
        One line naming the file, row and column of the first bad cell.
    MatrixError
        On a bad direction.
    """
    return _matrix(read_rows(path, sheet=sheet), directions)


def imprecise_from_table(
    frame: pd.DataFrame,
    directions: pd.Series | Mapping[str, str],
    *,
    name: str = "table",
) -> ImpreciseMatrix:
    """Read an imprecise matrix from a long table already in memory.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per cell (see the module notes); rows are numbered as a spreadsheet would
        (the header is row 1, the first row of `frame` row 2). NaN and None are empty.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    name : str
        How messages name the table.

    Returns
    -------
    ImpreciseMatrix

    Raises
    ------
    CellError
        Naming the table, row and column of the first bad cell.
    """
    header = tuple(str(column).strip() for column in frame.columns)
    rows = tuple(
        (HEADER_ROW + 1 + k, tuple(_text(x) for x in record))
        for k, record in enumerate(frame.itertuples(index=False, name=None))
    )
    return _matrix(TextTable(name, header, rows), directions)


def imprecise_from_rows(
    table: TextTable,
    directions: pd.Series | Mapping[str, str],
    *,
    alternative: str = "alternative",
    rated: Mapping[CellKey, Cell] | None = None,
) -> ImpreciseMatrix:
    """Read an imprecise matrix from a long table already read as text.

    Parameters
    ----------
    table : TextTable
        One row per cell (see the module notes), with spreadsheet row numbers; the
        alternatives' column is named `alternative`.
    directions : pandas.Series or mapping
        ``"benefit"`` or ``"cost"`` per criterion.
    alternative : str
        Lower-case name of the column holding the alternatives (e.g. ``"cluster"``).
    rated : mapping of (alternative, criterion) to Cell, optional
        Rated cells made from experts' ratings (:func:`mcda.imprecise.ratings.rated_cells`):
        a row of status ``rated`` whose numeric columns are all empty takes its cell from
        here, keeping the row's provenance.

    Returns
    -------
    ImpreciseMatrix

    Raises
    ------
    CellError
        Naming the table, row and column of the first bad cell, including a rated row with
        neither numbers nor ratings, and a criterion mixing rated and numeric cells.
    """
    return _matrix(table, directions, alternative=alternative, rated=rated or {})


def imprecise_table(matrix: ImpreciseMatrix) -> pd.DataFrame:
    """The long table of `matrix`, one row per cell, columns :data:`COLUMNS`.

    A rated cell is written as its interval [low, high]: the experts' intensities of an
    empirical spread live in the ratings file, not in this table.
    """
    records = [
        (
            alternative,
            criterion,
            cell.value,
            cell.low,
            cell.high,
            cell.mode,
            cell.status,
            cell.provenance,
        )
        for alternative, row in matrix.cells.iterrows()
        for criterion, cell in row.items()
    ]
    table = pd.DataFrame(records, columns=list(COLUMNS))
    return table.astype(dict.fromkeys(NUMBERS, float))


def _text(value: object) -> str:
    """A DataFrame entry as the text a CSV file would hold (NaN and None empty)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str | int | float | bool):
        return cell_text(value)
    return str(value).strip()


def _matrix(
    table: TextTable,
    directions: pd.Series | Mapping[str, str],
    *,
    alternative: str = "alternative",
    rated: Mapping[CellKey, Cell] | None = None,
) -> ImpreciseMatrix:
    """Cells from the rows of a long table; every error located in the table."""
    keys = (alternative, *KEY_COLUMNS[1:])
    long = long_rows(table, keys, tuple(c for c in COLUMNS if c not in KEY_COLUMNS))
    field = long.fields
    cells: dict[CellKey, Cell] = {}
    first: dict[CellKey, int] = {}
    for line, get in long.rows:
        key = (get[alternative], get["criterion"])
        if key in first:
            raise long.error(
                f"{key[0]!r} on {key[1]!r} already has a row (row {first[key]})",
                line,
                "criterion",
                key="cell.row_twice",
                fields={"alternative": key[0], "criterion": key[1], "first": first[key]},
            )
        numbers = {
            name: _number(get.get(name, ""), table.name, line, field.get(name, name))
            for name in NUMBERS
        }
        status = get["status"].lower()
        given = any(number is not None for number in numbers.values())
        if status == "rated" and rated is not None and key in rated and not given:
            cells[key] = replace(rated[key], provenance=get.get("provenance", "") or "unspecified")
            first[key] = line
            continue
        try:
            cells[key] = Cell(
                status,  # type: ignore[arg-type]  # Cell checks it
                value=numbers["value"],
                low=numbers["low"],
                high=numbers["high"],
                mode=numbers["mode"],
                provenance=get.get("provenance", "") or "unspecified",
            )
        except CellError as exc:
            name = exc.field or "status"
            message, known_as, fields = exc.message, exc.key, exc.fields
            if status == "rated" and rated is not None and not given:
                message = "a rated cell needs low and high, or experts' ratings of it"
                name, known_as, fields = "status", "cell.rated_needs", {}
            where = field.get(name, name)
            raise CellError(
                message, file=table.name, row=line, field=where, key=known_as, fields=fields
            ) from None
        first[key] = line
    if not cells:
        raise CellError("holds no cells", file=table.name, key="cell.none")
    alternatives = list(dict.fromkeys(a for a, _ in cells))
    criteria = list(dict.fromkeys(c for _, c in cells))
    for alternative in alternatives:
        for criterion in criteria:
            if (alternative, criterion) not in cells:
                raise CellError(
                    f"no row for {alternative!r} on {criterion!r} (give it a row with status "
                    "unknown if nothing is known)",
                    file=table.name,
                    key="cell.no_row",
                    fields={"alternative": alternative, "criterion": criterion},
                )
    _check_rated_criteria(long, cells, first)
    return ImpreciseMatrix.build(cells, directions)


def _check_rated_criteria(
    long: LongRows, cells: Mapping[CellKey, Cell], first: Mapping[CellKey, int]
) -> None:
    """Refuse a numeric cell in a criterion that has rated cells, naming its row."""
    rated = {criterion for (_, criterion), cell in cells.items() if cell.status == "rated"}
    for key, cell in cells.items():
        if key[1] in rated and cell.status not in ("rated", "unknown"):
            raise long.error(
                f"criterion {key[1]!r} has rated cells, measured by rating intensities [-]; "
                f"its other cells must be rated or unknown, not {cell.status}",
                first[key],
                "status",
                key="cell.rated_criterion",
                fields={"criterion": key[1], "status": cell.status},
            )


def _number(text: str, file: str, line: int, field: str) -> float | None:
    """One numeric cell: empty, or a finite number; the error names file, row and column."""
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise CellError(
            f"{text!r} is not a finite number",
            file=file,
            row=line,
            field=field,
            key="cell.not_finite_text",
            fields={"text": text},
        )
    return value
