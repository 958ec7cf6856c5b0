"""Write a case (settings and text tables) as one ``.xlsx`` workbook."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from mcda.ahp import parse_ratio
from optimize.case.raw import RawCase
from optimize.case.schema import NUMERIC_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from optimize.casefiles.settings_rows import (
    BUDGET_SECTIONS,
    SETTING_COLUMNS,
    _setting_rows,
    _SettingRow,
)
from optimize.casefiles.workbook_layout import (
    ABOUT_SHEET,
    BUDGET_SHEET,
    RULES_SHEET,
    SCENARIO_COLUMNS,
    SCENARIOS_SHEET,
    SHEET_ORDER,
)
from optimize.spreadsheet import new_workbook, workbook_bytes, write_lines, write_rows


def case_workbook(raw: RawCase, about: Sequence[str]) -> bytes:
    """The case as ``.xlsx`` content: an about sheet, one sheet per table and the settings.

    Parameters
    ----------
    raw : RawCase
        The case's settings and text tables.
    about : sequence of str
        Lines of the first sheet (title, provenance notice, instructions).

    Returns
    -------
    bytes
        The workbook file.
    """
    book = new_workbook()
    rows = _setting_rows(raw.settings)
    for sheet_name in SHEET_ORDER:
        sheet = book.create_sheet(sheet_name)
        if sheet_name == ABOUT_SHEET:
            write_lines(sheet, about)
        elif sheet_name == BUDGET_SHEET:
            write_rows(sheet, SETTING_COLUMNS, _settings_cells(rows, budget=True))
        elif sheet_name == RULES_SHEET:
            write_rows(sheet, SETTING_COLUMNS, _settings_cells(rows, budget=False))
        elif sheet_name == SCENARIOS_SHEET:
            write_rows(sheet, SCENARIO_COLUMNS, [])
        else:
            table = raw.tables.get(sheet_name, _blank_table(sheet_name))
            write_rows(sheet, list(table.columns), _table_cells(sheet_name, table))
    return workbook_bytes(book)


def _blank_table(key: str) -> pd.DataFrame:
    """A table with its required and optional columns and no rows."""
    return pd.DataFrame(columns=[*REQUIRED_COLUMNS[key], *OPTIONAL_COLUMNS[key]], dtype=object)


def _table_cells(key: str, table: pd.DataFrame) -> list[list[Any]]:
    """Rows of a text table as cell values: numbers in numeric columns, text elsewhere."""
    numeric = [column in NUMERIC_COLUMNS.get(key, ()) for column in table.columns]
    return [
        [_as_number(t) if number else t or None for t, number in zip(row, numeric, strict=True)]
        for row in table.itertuples(index=False)
    ]


def _as_number(text: str) -> int | float | str | None:
    """A numeric column's text as a number cell; ratios (1/3) and non-numbers stay text.

    Keeping bad text as text lets the workbook give the same error as the CSV file did.
    """
    if not text:
        return None
    try:
        value = parse_ratio(text)
    except ValueError:
        return text
    if "/" in text:
        return text
    return int(value) if value.is_integer() and text.lstrip("+-").isdigit() else value


def _settings_cells(rows: Sequence[_SettingRow], budget: bool) -> list[list[Any]]:
    """Cells of the settings rows on the budget sheet (`budget`) or the rules sheet."""
    return [
        [row.rule, row.key or None, row.field or None, _cell_of(row.value), row.provenance or None]
        for row in rows
        if (row.rule in BUDGET_SECTIONS) == budget
    ]


def _cell_of(value: Any) -> Any:
    """A TOML value as a cell: lists as their TOML (= JSON) text, empty text as no value."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return None if value == "" else value
