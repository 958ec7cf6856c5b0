"""Read a case workbook (``.xlsx``) into the same RawCase, and so the same Case, as a folder.

Each sheet is turned into the text table that :func:`optimize.case.text_table.table_from_rows` makes
of a CSV file, with spreadsheet row numbers, so every table check is the CSV loader's own.
What only a workbook can get wrong is refused here, naming the cell: merged cells, an empty
row in the middle of a table, a value outside the header, and, under the cell policy that
:func:`mcda.sheet_values` applies to judgments workbooks too, formulas, dates and Excel error
values.
Errors raised later by the shared checks (naming a sheet, row and column, or a ``case.toml``
key) are translated to the cell, e.g. ``case.xlsx, cell scores!C7``.
"""

from __future__ import annotations

import tomllib
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from mcda import CellValue, MCDAError, TableError, cell_text, sheet_values
from optimize.case.assemble import assemble
from optimize.case.case import Case
from optimize.case.raw import RawCase
from optimize.case.schema import CASE_TABLES, OPTIONAL_TABLES
from optimize.case.settings import CASE_FILE
from optimize.case.text_table import FIRST_DATA_ROW, table_from_rows, with_columns
from optimize.casefiles.file_limits import check_sheet_size, check_workbook_archive
from optimize.casefiles.settings_rows import SETTING_COLUMNS, _SettingRow, _settings_from_rows
from optimize.casefiles.workbook_layout import BUDGET_SHEET, REQUIRED_SHEETS, RULES_SHEET
from optimize.errors import InputError, mcda_input_error, mcda_message, msg


@dataclass(frozen=True)
class _Layout:
    """Where things are in a workbook, to turn an error into a cell reference.

    Attributes
    ----------
    book : str
        The workbook's file name.
    columns : mapping
        Per sheet, the column letter of each header name.
    settings : mapping of str to str
        Per dotted ``case.toml`` key, the cell holding its value.
    """

    book: str
    columns: Mapping[str, Mapping[str, str]]
    settings: Mapping[str, str]

    def locate(self, error: InputError) -> InputError:
        """The same error, naming the workbook cell (or sheet) instead of file and row."""
        if error.file in self.columns:
            letter = self.columns[error.file].get(error.field or "")
            if error.row is not None and letter is not None:
                cell = f"{error.file}!{letter}{error.row}"
                return InputError(self.book, error.message, field=error.field, cell=cell)
            return InputError(self.book, error.message, error.row, error.field, sheet=error.file)
        if error.file == CASE_FILE and error.field is not None:
            setting = self.setting_cell(error.field)
            if setting is not None:
                return InputError(self.book, error.message, field=error.field, cell=setting)
            return InputError(
                self.book, error.message, None, error.field, sheet=f"{BUDGET_SHEET}/{RULES_SHEET}"
            )
        return InputError(self.book, error.message, error.row, error.field)

    def setting_cell(self, key: str) -> str | None:
        """Cell of the setting `key`, or of the first setting below it (``rules.x``)."""
        if key in self.settings:
            return self.settings[key]
        below = [cell for path, cell in self.settings.items() if path.startswith(f"{key}.")]
        return below[0] if below else None


def load_workbook_case(path: Path) -> Case:
    """Read and validate a case workbook.

    Raises
    ------
    InputError
        One line naming the workbook, the sheet and cell, and the problem.
    """
    raw, layout = read_workbook(path)
    try:
        return assemble(raw, path)
    except InputError as exc:
        raise layout.locate(exc) from None
    except MCDAError as exc:
        raise mcda_input_error(exc, path.name) from None


def read_workbook(path: Path) -> tuple[RawCase, _Layout]:
    """The settings and text tables of a case workbook, and where each lies.

    Raises
    ------
    InputError
        If the file is missing or not a workbook, a required sheet is missing, or a sheet
        has merged cells, formulas, dates, error values, an empty row inside its table or a
        value outside its header.
    """
    book = path.name
    if not path.is_file():
        raise InputError(book, msg("errors.file.no_workbook"))
    check_workbook_archive(path, book)
    try:
        workbook = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputError(book, msg("errors.file.not_xlsx", problem=exc)) from None
    missing = [name for name in REQUIRED_SHEETS if name not in workbook.sheetnames]
    if missing:
        raise InputError(
            book,
            msg("errors.file.sheet_missing", sheets=", ".join(REQUIRED_SHEETS)),
            sheet=missing[0],
        )
    grids = {
        name: _sheet_grid(workbook[name], book)
        for name in (*CASE_TABLES, BUDGET_SHEET, RULES_SHEET)
        if name in workbook.sheetnames
    }
    columns = {name: _header_letters(grid) for name, grid in grids.items()}
    layout = _Layout(book, columns, {})
    try:
        tables = {key: _grid_table(grids[key], key) for key in CASE_TABLES if key in grids}
        for key in OPTIONAL_TABLES:
            if key in tables and tables[key].empty:
                del tables[key]  # an empty optional sheet means the case lacks that table
        rows = [
            *_setting_rows_of(grids[BUDGET_SHEET], BUDGET_SHEET),
            *_setting_rows_of(grids[RULES_SHEET], RULES_SHEET),
        ]
        settings = _settings_from_rows(rows)
    except InputError as exc:
        raise layout.locate(exc) from None
    # Both settings sheets passed the column check, so each has a value column.
    cells = {row.path: f"{row.sheet}!{columns[row.sheet]['value']}{row.line}" for row in rows}
    layout = _Layout(book, columns, cells)
    raw = RawCase(path.stem, settings, tables, {key: key for key in tables})
    return raw, layout


def _sheet_grid(sheet: Worksheet, book: str) -> list[list[CellValue]]:
    """The values of a sheet's table, row 1 first, checked cell by cell.

    Raises
    ------
    InputError
        Naming the first merged range, formula, date, error value, empty header cell,
        value outside the header or empty row inside the table.
    """
    name = sheet.title
    check_sheet_size(sheet, book)
    if sheet.merged_cells.ranges:
        merged = sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))[0]
        raise InputError(
            book,
            msg("errors.file.merged_cells"),
            cell=f"{name}!{merged.coord}",
        )
    try:
        grid = sheet_values(sheet)
    except TableError as exc:
        raise InputError(book, mcda_message(exc), cell=exc.cell) from None
    filled = [n for n, row in enumerate(grid) if any(v not in (None, "") for v in row)]
    if not filled:
        return []
    grid = grid[: filled[-1] + 1]
    header = grid[0]
    width = max((n + 1 for n, v in enumerate(header) if v not in (None, "")), default=0)
    for column, value in enumerate(header[:width], start=1):
        if value in (None, ""):
            raise InputError(
                book, msg("errors.file.empty_header"), cell=f"{name}!{get_column_letter(column)}1"
            )
    for number, row in enumerate(grid[1:], start=FIRST_DATA_ROW):
        if all(v in (None, "") for v in row):
            raise InputError(
                book,
                msg("errors.file.empty_row", row=number),
                cell=f"{name}!A{number}",
            )
        extra = [n for n, v in enumerate(row[width:], start=width + 1) if v not in (None, "")]
        if extra:
            raise InputError(
                book,
                msg("errors.file.headless_value"),
                cell=f"{name}!{get_column_letter(extra[0])}{number}",
            )
    return [row[:width] + [None] * (width - len(row[:width])) for row in grid]


def _header_letters(grid: list[list[CellValue]]) -> dict[str, str]:
    """Column letter of each header name of a sheet."""
    header = grid[0] if grid else []
    return {cell_text(v): get_column_letter(n) for n, v in enumerate(header, start=1)}


def _grid_table(grid: list[list[CellValue]], label: str) -> pd.DataFrame:
    """A sheet as the CSV loader's text table."""
    return table_from_rows([[cell_text(v) for v in row] for row in grid], label)


def _setting_rows_of(grid: list[list[CellValue]], sheet: str) -> list[_SettingRow]:
    """The settings rows of the budget or rules sheet, values keeping their cell type."""
    table = with_columns(_grid_table(grid, sheet), sheet, SETTING_COLUMNS)
    header = [cell_text(v) for v in grid[0]] if grid else []
    rows = []
    for line, record in table.iterrows():
        number = int(str(line))
        typed = grid[number - 1][header.index("value")]
        rows.append(
            _SettingRow(
                rule=str(record["rule"]),
                key=str(record["key"]),
                field=str(record["field"]),
                value=_setting_value(typed, sheet, number),
                provenance=str(record["provenance"]),
                sheet=sheet,
                line=number,
            )
        )
    return rows


def _setting_value(value: CellValue, sheet: str, line: int) -> Any:
    """A settings cell as a TOML value: text in square brackets is a list.

    Raises
    ------
    InputError
        If bracketed text is not a TOML list.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        text = value.strip()
        if not text.startswith("["):
            return text
        try:
            return tomllib.loads(f"value = {text}")["value"]
        except tomllib.TOMLDecodeError:
            raise InputError(
                sheet, msg("errors.file.not_a_list", text=text), line, "value"
            ) from None
    return value
