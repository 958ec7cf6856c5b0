"""Rows of a long table as {column: text}, with its needed columns and cells checked."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mcda.errors import CellError
from mcda.sheets import TextTable


@dataclass(frozen=True)
class LongRows:
    """The rows of a long table, by lower-cased column name.

    Attributes
    ----------
    name : str
        How messages name the table.
    fields : dict of str to str
        Column name as the file spells it, per lower-cased name (for messages).
    rows : tuple of (int, dict of str to str)
        Spreadsheet row number and the cells of each row, per lower-cased name; a known
        optional column the file lacks is absent.
    """

    name: str
    fields: dict[str, str]
    rows: tuple[tuple[int, dict[str, str]], ...]

    def error(
        self,
        message: str,
        line: int,
        column: str,
        key: str | None = None,
        fields: Mapping[str, object] | None = None,
    ) -> CellError:
        """An error located at row `line` and the lower-case `column` of this table.

        `key` and `fields` name the message for a translation (see :class:`mcda.MCDAError`).
        """
        return CellError(
            message, file=self.name, row=line, field=self.fields[column], key=key, fields=fields
        )


def long_rows(
    table: TextTable, needed: tuple[str, ...], optional: tuple[str, ...] = ()
) -> LongRows:
    """Check a long table's needed columns and cells; other columns are ignored.

    Parameters
    ----------
    table : TextTable
        The table as read by :func:`mcda.sheets.read_rows`.
    needed : tuple of str
        Lower-case columns that must exist, with a non-empty cell in every row.
    optional : tuple of str
        Lower-case columns that may exist and may be empty.

    Returns
    -------
    LongRows

    Raises
    ------
    CellError
        Naming the file and the missing columns, or the row and column of an empty cell.
    """
    columns = [name.lower() for name in table.header]
    missing = [name for name in needed if name not in columns]
    if missing:
        raise CellError(
            f"needs columns {', '.join(needed)}; missing {', '.join(missing)} "
            f"(found: {', '.join(table.header)})",
            file=table.name,
            key="table.columns_missing",
            fields={
                "needed": ", ".join(needed),
                "missing": ", ".join(missing),
                "found": ", ".join(table.header),
            },
        )
    at = {name: columns.index(name) for name in needed + optional if name in columns}
    fields = {name: table.header[k] for name, k in at.items()}
    rows = []
    for line, texts in table.rows:
        cells = {name: texts[k] for name, k in at.items()}
        rows.append((line, cells))
    long = LongRows(table.name, fields, tuple(rows))
    for line, cells in long.rows:
        for name in needed:
            if not cells[name]:
                raise long.error(
                    f"{name} is empty", line, name, key="table.cell_empty", fields={"name": name}
                )
    return long
