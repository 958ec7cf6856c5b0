"""The text of a case's CSV file: UTF-8 only, with messages that say what the file looks like.

A table saved by a spreadsheet program in the system's encoding (GBK in China, Windows-1252
or Latin-1 in Europe) or with the locale's separator (``;``) is refused with a hint naming
what it looks like; the guess is never used to read the file.
"""

from __future__ import annotations

import re

from optimize.errors import InputError, msg

#: Runs of bytes outside ASCII.
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")
#: Separators a spreadsheet program writes instead of commas, with their names.
_SEPARATORS = {";": "semicolon", "\t": "tab"}


def _likely_encoding(data: bytes) -> str:
    """The encoding `data` (not UTF-8) most likely has, for a hint.

    GBK/GB18030 writes each Chinese character as two bytes outside ASCII, so its non-ASCII
    runs have even lengths; Latin-1 text mostly has single accented letters between ASCII.
    """
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "Latin-1/Windows-1252"
    runs = _HIGH_BYTES.findall(data)
    return "GBK/GB18030" if all(len(run) % 2 == 0 for run in runs) else "Latin-1/Windows-1252"


def decode_csv(data: bytes, label: str) -> str:
    """The text of a UTF-8 CSV file (a leading byte-order mark is dropped).

    Parameters
    ----------
    data : bytes
        The file's content.
    label : str
        Name used in error messages.

    Returns
    -------
    str
        The decoded text.

    Raises
    ------
    InputError
        If `data` is not UTF-8: naming the row (line) and byte offset of the first bad
        byte, and the encoding the file looks like.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            label,
            msg(
                "errors.file.not_utf8",
                offset=exc.start,
                byte=data[exc.start : exc.start + 1],
                encoding=_likely_encoding(data),
            ),
            row=row,
        ) from None


def check_separator(rows: list[list[str]], label: str) -> None:
    """Refuse a table whose header is one cell holding semicolons or tabs.

    Raises
    ------
    InputError
        Naming row 1 and the separator the file seems to use.
    """
    if not rows or len(rows[0]) != 1:
        return
    header = rows[0][0]
    for separator, name in _SEPARATORS.items():
        if separator in header:
            raise InputError(
                label,
                msg(f"errors.file.separator.{name}"),
                row=1,
            )
