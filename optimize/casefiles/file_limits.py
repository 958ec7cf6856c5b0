"""Size checks on case files, made before a file is parsed (see :mod:`optimize.case.limits`).

A file's size bounds the memory its parser needs, except for a workbook: an ``.xlsx`` is a zip
archive whose parts may expand a thousandfold (shared strings of gigabytes), and a worksheet
read cell by cell spans every row and column up to its last used cell (one value at row
1,048,576 spans a million rows). Both are measured before reading.
"""

from __future__ import annotations

import tomllib
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from optimize.case.limits import check_limit, check_table_limits
from optimize.errors import InputError, msg

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet


def check_file_size(path: Path, label: str, name: str) -> None:
    """Refuse a file larger than limit `name` [bytes]; a missing file passes (callers say so)."""
    if path.is_file():
        check_limit(name, path.stat().st_size, msg("errors.noun.bytes"), label)


def read_toml(path: Path, label: str) -> dict[str, Any]:
    """A TOML file of settings, checked for size before it is parsed.

    Raises
    ------
    InputError
        If the file exceeds the ``settings_bytes`` limit, is not UTF-8 TOML, or nests so
        deeply that the parser gives up.
    """
    check_file_size(path, label, "settings_bytes")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(label, msg("errors.file.not_toml", reason=exc)) from None
    except RecursionError:
        raise InputError(label, msg("errors.file.toml_too_deep")) from None


def check_workbook_archive(path: Path, book: str) -> None:
    """Refuse a workbook whose file or decompressed parts exceed their limits.

    The sizes come from the zip directory; the zip reader stops at the declared size of
    each part, so a part cannot expand beyond what is checked here.

    Raises
    ------
    InputError
        Naming the workbook, the size, the limit and how to raise it; or if it is not a zip
        archive at all.
    """
    check_file_size(path, book, "workbook_bytes")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(book, msg("errors.file.not_xlsx", problem=exc)) from None
    check_limit("workbook_unpacked", unpacked, msg("errors.noun.bytes_unpacked"), book)


def check_sheet_size(sheet: Worksheet, book: str) -> None:
    """Refuse a worksheet spanning more rows, columns or cells than the limits allow.

    Raises
    ------
    InputError
        Naming the sheet's last used cell, the size, the limit and how to raise it.
    """
    rows, columns = sheet.max_row, sheet.max_column
    check_table_limits(rows, columns, book, sheet=sheet.title)


def check_table_file(path: Path) -> None:
    """Refuse a CSV table or a workbook beyond its size limits, before it is read.

    Raises
    ------
    InputError
        As :func:`check_file_size` or :func:`check_workbook_archive`.
    """
    if path.suffix.lower() == ".xlsx":
        check_workbook_archive(path, path.name)
    else:
        check_file_size(path, path.name, "table_bytes")
