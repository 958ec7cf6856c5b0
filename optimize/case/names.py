"""Identifiers and display names in a case's tables.

Ids are keys: two ids that print alike must be the same id, so they are NFKC-normalised
(full-width ``ａ`` is ``a``) and may hold no invisible character (control, zero-width or
other format characters, line separators). Display names (``name_en``, ``name_zh``) may be
any text, emoji and right-to-left marks included, but on one line: control characters and
line breaks become spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

import pandas as pd

from optimize.case.schema import TABLES
from optimize.errors import InputError, msg

#: Unicode categories refused in ids: control, format (zero-width, bidi), line, paragraph.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})
#: Runs of control characters (categories Cc, Zl, Zp) in a display name.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
#: Columns holding display names.
_NAME_COLUMNS = ("name_en", "name_zh")


def _is_id(kind: str) -> bool:
    """Whether a schema column kind is an identifier or a reference to one."""
    return kind == "identifier" or kind.endswith(" id")


def clean_id(text: str, label: str, row: int, field: str) -> str:
    """The NFKC form of an id, refusing invisible characters and edge spaces.

    Parameters
    ----------
    text : str
        The cell.
    label, row, field : str, int, str
        Where the cell is, for the error message.

    Returns
    -------
    str
        The normalised id.

    Raises
    ------
    InputError
        If the id holds a character of category Cc, Cf, Zl or Zp, or starts or ends with
        white space (after normalisation).
    """
    normal = unicodedata.normalize("NFKC", text)
    hidden = next((c for c in normal if unicodedata.category(c) in _INVISIBLE), None)
    if hidden is not None:
        name = unicodedata.name(hidden, "a control character")
        raise InputError(
            label,
            msg("errors.table.invisible_id", id=text, code=f"{ord(hidden):04X}", name=name),
            row=row,
            field=field,
        )
    if normal != normal.strip():
        raise InputError(label, msg("errors.table.padded_id", id=text), row=row, field=field)
    return normal


def clean_name(text: str) -> str:
    """A display name on one line: each run of control characters becomes one space."""
    return _CONTROLS.sub(" ", text).strip()


def clean_tables(
    tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str]
) -> dict[str, pd.DataFrame]:
    """Copies of `tables` with ids normalised and display names on one line.

    Id columns are those whose schema kind is an identifier or a reference to one (see
    :data:`optimize.case.schema.TABLES`).

    Raises
    ------
    InputError
        Naming the file, row and field of the first id refused by :func:`clean_id`.
    """
    cleaned = {}
    for key, table in tables.items():
        table = table.copy()
        for column in TABLES.get(key, ()):
            if column.name not in table.columns:
                continue
            cells = table[column.name]
            label = labels.get(key, key)
            if _is_id(column.kind):
                table[column.name] = [
                    clean_id(str(text), label, int(str(row)), column.name)
                    for row, text in cells.items()
                ]
            elif column.name in _NAME_COLUMNS:
                table[column.name] = [clean_name(str(text)) for text in cells]
        cleaned[key] = table
    return cleaned
