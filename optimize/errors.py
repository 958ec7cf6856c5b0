"""Errors for bad case input: each names the file, the row and the field."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input in a case; ``str(error)`` is one line naming file, row and field.

    Parameters
    ----------
    file : str
        File name relative to the case folder (e.g. ``"clusters.csv"``), or a workbook's
        name with its sheet (e.g. ``"case.xlsx, sheet scores"``).
    message : str
        What is wrong, in words a planner can act on.
    row : int, optional
        Spreadsheet-style row number: the header is row 1, the first data row is row 2.
    field : str, optional
        Column name or TOML key.
    cell : str, optional
        Workbook cell or range in Excel notation (``"scores!C7"``); it replaces the row.
    """

    def __init__(
        self,
        file: str,
        message: str,
        row: int | None = None,
        field: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.file, self.row, self.field, self.message, self.cell = file, row, field, message, cell
        where = [file]
        if cell is not None:
            where.append(f"cell {cell}")
        elif row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}")


class InfeasibleError(RuntimeError):
    """The allocation model has no feasible solution under the case's rules."""
