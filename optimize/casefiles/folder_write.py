"""Write a case (settings and text tables) as a folder: ``case.toml`` plus one CSV per table."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
import tomli_w

from optimize.case.raw import RawCase
from optimize.case.schema import SECTIONS, TABLES_SECTION
from optimize.case.settings import CASE_FILE


def case_folder_files(raw: RawCase, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The files of the case folder by name.

    Parameters
    ----------
    raw : RawCase
        The case's settings and text tables.
    extra : dict of str to str, optional
        Further files (e.g. a README) to add.

    Returns
    -------
    dict of str to str
        ``case.toml`` and ``<table>.csv`` per table.
    """
    names = {key: f"{key}.csv" for key in raw.tables}
    files = {CASE_FILE: _case_toml(raw.settings, names)}
    files.update({names[key]: table_csv(table) for key, table in raw.tables.items()})
    files.update(extra or {})
    return files


def _case_toml(settings: Mapping[str, Any], tables: dict[str, str]) -> str:
    """``case.toml`` text with its sections in the schema's order (``[tables]`` second)."""
    sections = {**settings, TABLES_SECTION: tables}
    known = [key for key in SECTIONS if key in sections]
    ordered = {key: sections[key] for key in [*known, *sorted(set(sections) - set(known))]}
    return tomli_w.dumps(ordered)


def table_csv(table: pd.DataFrame) -> str:
    """A text table as CSV (header, then the rows; the row-number index is not written)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(list(table.columns))
    writer.writerows(table.itertuples(index=False))
    return buffer.getvalue()
