"""Read a case folder: ``case.toml``, the CSV tables it names, ``scenarios.toml``."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from optimize.case.assemble import check_sections
from optimize.case.case import Case
from optimize.case.limits import check_limit
from optimize.case.raw import RawCase
from optimize.case.scenario import SCENARIO_FILE, Scenario, parse_scenario
from optimize.case.schema import CASE_TABLES, REQUIRED_TABLES, SECTIONS, TABLES_SECTION
from optimize.case.settings import CASE_FILE, section
from optimize.case.text_table import table_from_rows
from optimize.casefiles.csv_text import check_separator, decode_csv
from optimize.casefiles.file_limits import check_file_size, read_toml
from optimize.errors import InputError, msg


def read_case_folder(path: Path) -> RawCase:
    """Read ``case.toml`` and every CSV table it names as text, without validating values.

    Raises
    ------
    InputError
        If ``case.toml`` is missing or not TOML, names an unknown section or table, a path
        outside the folder, or a table file cannot be read.
    """
    folder = path.parent if path.suffix == ".toml" else path
    toml_path = path if path.suffix == ".toml" else path / CASE_FILE
    if not toml_path.is_file():
        raise InputError(str(toml_path), msg("errors.file.no_case"))
    doc = read_toml(toml_path, CASE_FILE)
    check_sections(doc, set(SECTIONS))
    paths = table_paths(folder, section(doc, TABLES_SECTION))
    labels = {key: _name_of(folder, table) for key, table in paths.items()}
    tables = {key: read_table(table, labels[key]) for key, table in paths.items()}
    settings = {key: value for key, value in doc.items() if key != TABLES_SECTION}
    return RawCase(folder.name, settings, tables, labels)


def table_paths(folder: Path, tables: Mapping[str, Any]) -> dict[str, Path]:
    """Resolve table file names inside the case folder, refusing paths that leave it."""
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise InputError(
            CASE_FILE, msg("errors.file.table_not_named"), field=f"tables.{missing[0]}"
        )
    root = folder.resolve()
    paths = {}
    for key, name in tables.items():
        if key not in CASE_TABLES:
            raise InputError(CASE_FILE, msg("errors.file.unknown_table"), field=f"tables.{key}")
        if not isinstance(name, str) or not name:
            raise InputError(CASE_FILE, msg("errors.file.not_a_name"), field=f"tables.{key}")
        paths[key] = _file_inside(root, name, CASE_FILE, f"tables.{key}")
        if not paths[key].exists():
            raise InputError(
                CASE_FILE, msg("errors.file.named_not_found", name=name), field=f"tables.{key}"
            )
    return paths


def _file_inside(root: Path, name: str, file: str, field: str | None) -> Path:
    """`root / name` resolved, if it stays inside `root` and is a regular file or missing.

    A missing table is reported by :func:`read_table`. The kind of file is checked with
    ``stat`` before anything opens it: a FIFO would block its reader forever.

    Raises
    ------
    InputError
        Naming `file` and `field`: a NUL byte, a symbolic link loop, a path that leaves
        `root`, a name too long, a folder or any other non-regular file.
    """
    if "\0" in name:
        raise InputError(file, msg("errors.file.nul_byte", name=name), field=field)
    try:
        resolved = (root / name).resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop before Python 3.13
        raise InputError(file, msg("errors.file.link_loop", name=name), field=field) from None
    if not resolved.is_relative_to(root):
        raise InputError(file, msg("errors.file.outside", name=name), field=field)
    try:
        mode = resolved.stat().st_mode
    except FileNotFoundError:
        return resolved
    except OSError as exc:  # too long a name, a loop met by stat, no permission
        raise InputError(
            file, msg("errors.file.unreadable", name=name, reason=exc.strerror), field=field
        ) from None
    if stat.S_ISDIR(mode):
        raise InputError(file, msg("errors.file.is_folder", name=name), field=field)
    if not stat.S_ISREG(mode):
        raise InputError(file, msg("errors.file.not_regular", name=name), field=field)
    return resolved


def _name_of(folder: Path, path: Path) -> str:
    """A table's path relative to the case folder, for messages."""
    return str(path.relative_to(folder.resolve()))


def read_table(path: Path, label: str) -> pd.DataFrame:
    """Read a UTF-8 CSV table (a byte-order mark allowed) as strings.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    label : str
        Name used in error messages (the path relative to the case folder).

    Returns
    -------
    pandas.DataFrame
        See :func:`table_from_rows`.

    Raises
    ------
    InputError
        If the file is missing or unreadable, not UTF-8 (naming the row and the encoding it
        looks like), separated by semicolons or tabs, or :func:`table_from_rows` refuses it.
    """
    if not path.is_file():
        raise InputError(label, msg("errors.file.not_found"))
    check_file_size(path, label, "table_bytes")
    text = decode_csv(path.read_bytes(), label)
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise InputError(label, msg("errors.file.not_csv", problem=exc)) from None
    check_separator(rows, label)
    return table_from_rows(rows, label)


def load_scenarios(folder: Path, case: Case) -> list[Scenario]:
    """Scenarios of ``scenarios.toml`` in a case folder (none when the file is absent).

    Raises
    ------
    InputError
        Naming the scenario and field of an unknown key, criterion, rule or a bad value.
    """
    if not os.path.lexists(folder / SCENARIO_FILE):
        return []
    path = _file_inside(folder.resolve(), SCENARIO_FILE, SCENARIO_FILE, None)
    if not path.exists():  # a dangling link
        raise InputError(SCENARIO_FILE, msg("errors.file.dangling_link"))
    doc = read_toml(path, SCENARIO_FILE)
    check_limit("scenarios", len(doc), msg("errors.noun.scenarios"), SCENARIO_FILE)
    return [parse_scenario(name, table, case) for name, table in doc.items()]
