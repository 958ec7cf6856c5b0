"""Errors raised for bad decision-analysis input."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Self


class MCDAError(ValueError):
    """Base class of input errors raised by :mod:`mcda`.

    Parameters
    ----------
    message : str
        What is wrong, in English.
    key : str, optional
        A stable name of the message (``"judgment.self"``) with which an application can
        show it in another language; :mod:`mcda` itself keeps no translations.
    fields : Mapping[str, object], optional
        The values the message quotes, by name, for such a translation.
    """

    def __init__(
        self,
        message: str = "",
        *,
        key: str | None = None,
        fields: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        self.key = key
        self.fields: Mapping[str, object] = MappingProxyType(dict(fields or {}))


class LocatedError(MCDAError):
    """Bad input that can say where it is: file, spreadsheet row or cell, and column.

    Parameters
    ----------
    message : str
        What is wrong, in words the analyst can act on.
    file : str, optional
        File the input was read from.
    row : int, optional
        Spreadsheet-style row number in that file (the header is row 1).
    field : str, optional
        Column name in that file.
    cell : str, optional
        Workbook cell in Excel notation (``"goal!C7"``); it replaces the row.
    key, fields : optional
        As for :class:`MCDAError`.

    Notes
    -----
    ``str(error)`` is one line: ``"file, row r, field 'f': message"`` (``"file, cell s!C7:
    message"`` for a cell), leaving out the parts that are not known, so that a command line
    can print it as it is.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        field: str | None = None,
        cell: str | None = None,
        key: str | None = None,
        fields: Mapping[str, object] | None = None,
    ) -> None:
        self.message, self.file, self.row, self.field = message, file, row, field
        self.cell = cell
        where = [file] if file else []
        if cell is not None:
            where.append(f"cell {cell}")
        elif row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field {field!r}")
        text = f"{', '.join(where)}: {message}" if where else message
        super().__init__(text, key=key, fields=fields)

    def at(
        self, *, file: str | None = None, row: int | None = None, field: str | None = None
    ) -> Self:
        """The same error located in a file, keeping any location it already has."""
        return type(self)(
            self.message,
            file=self.file or file,
            row=self.row if self.row is not None else row,
            field=self.field if self.field is not None else field,
            cell=self.cell,
            key=self.key,
            fields=self.fields,
        )


class JudgmentError(LocatedError):
    """A pairwise judgment or matrix is malformed; the message names the cell."""


class TableError(LocatedError):
    """A file cannot be read as a table (missing, unreadable, empty or ragged)."""


class MatrixError(MCDAError):
    """A decision matrix, weight vector or direction vector is malformed."""


class CellError(LocatedError):
    """A cell of an imprecise decision matrix, a rating scale or a rating is malformed."""
