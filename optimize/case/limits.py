"""Limits on every size that scales work or memory, checked before the work starts.

A case or a command that asks for more is refused with one line naming the limit and the
environment variable that raises it (``CLUSTERPLAN_MAX_<NAME>``, a positive whole number).
The defaults leave room well above the shipped case (25 clusters, 18 leaf criteria, 75
projects) and the benchmarks (about 2 000 clusters, 1e5 model columns, 1e5 weight samples).

=================  ===========  ==========================================================
name               default      what it bounds
=================  ===========  ==========================================================
settings_bytes     1 000 000    size of ``case.toml`` or ``scenarios.toml`` [bytes]
settings_depth     16           nesting of tables and lists in those files [-]
table_bytes        20 000 000   size of one CSV table [bytes]
table_rows         500 000      data rows of one table (CSV file or worksheet) [-]
table_columns      200          columns of one table [-]
workbook_bytes     50 000 000   size of an ``.xlsx`` file as stored [bytes]
workbook_unpacked  100 000 000  size of an ``.xlsx`` file's parts once decompressed [bytes]
table_cells        5 000 000    rows x columns of one table, or spanned by one worksheet [-]
clusters           10 000       clusters of a case [-]
criteria           1 000        criteria of a case (all levels) [-]
projects           50 000       candidate projects of a case [-]
segments           100          ``benefit.top_up_segments`` or ``cluster_blocks`` [-]
periods            100          plan years in ``periods.years`` [-]
scenarios          1 000        scenarios in ``scenarios.toml`` [-]
steps              10 000       grid points of a budget sweep (``--steps``) [-]
samples            100 000      weight samples (``--samples``, ``--robustness``) [-]
sampled_values     50 000 000   samples x clusters x criteria drawn for SMAA-2 (400 MB) [-]
sobol_samples      4 096        base samples of a Sobol design (``--samples``) [-]
jobs               64           worker processes (``--jobs``) [-]
threads            64           solver threads (``--threads``) [-]
=================  ===========  ==========================================================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Final

import pandas as pd

from optimize.errors import InputError, Message, msg

#: Default of each limit (see the module docstring).
LIMITS: Final[dict[str, int]] = {
    "settings_bytes": 1_000_000,
    "settings_depth": 16,
    "table_bytes": 20_000_000,
    "table_rows": 500_000,
    "table_columns": 200,
    "workbook_bytes": 50_000_000,
    "workbook_unpacked": 100_000_000,
    "table_cells": 5_000_000,
    "clusters": 10_000,
    "criteria": 1_000,
    "projects": 50_000,
    "segments": 100,
    "periods": 100,
    "scenarios": 1_000,
    "steps": 10_000,
    "samples": 100_000,
    "sampled_values": 50_000_000,
    "sobol_samples": 4_096,
    "jobs": 64,
    "threads": 64,
}

#: Prefix of the environment variables that raise a limit.
ENV_PREFIX: Final = "CLUSTERPLAN_MAX_"


def env_name(name: str) -> str:
    """The environment variable that sets limit `name` (``CLUSTERPLAN_MAX_PROJECTS``)."""
    return f"{ENV_PREFIX}{name.upper()}"


def limit(name: str) -> int:
    """The value of limit `name`: its environment variable if set, else the default.

    Raises
    ------
    InputError
        If the environment variable is set but not a positive whole number.
    """
    variable = env_name(name)
    text = os.environ.get(variable, "").strip()
    if not text:
        return LIMITS[name]
    if not (text.isascii() and text.isdigit() and len(text) <= 18 and int(text) > 0):
        raise InputError(variable, msg("errors.limit.not_positive_whole", value=text))
    return int(text)


def check_limit(
    name: str,
    count: float,
    what: Message | str,
    file: str,
    field: str | None = None,
    sheet: str | None = None,
) -> None:
    """Refuse `count` above limit `name`, before the work it scales starts.

    Parameters
    ----------
    name : str
        A key of :data:`LIMITS`.
    count : float
        The size asked for (a count, or bytes) [-].
    what : Message or str
        What is counted, for the message (``msg("errors.noun.rows")``, or a table's name).
    file : str
        File, sheet or option named in the message.
    field : str, optional
        Field, key or cell named in the message.
    sheet : str, optional
        Worksheet of the workbook `file` counted.

    Raises
    ------
    InputError
        One line saying the size, the limit and how to raise it.
    """
    allowed = limit(name)
    if count > allowed:
        raise InputError(
            file,
            msg(
                "errors.limit.exceeded",
                count=f"{count:,.0f}",
                what=what,
                allowed=f"{allowed:,}",
                variable=env_name(name),
            ),
            field=field,
            sheet=sheet,
        )


def check_table_limits(rows: int, columns: int, file: str, sheet: str | None = None) -> None:
    """Refuse a table (header row included in `rows`) beyond the row, column or cell limits.

    Raises
    ------
    InputError
        As :func:`check_limit`.
    """
    check_limit("table_rows", rows - 1, msg("errors.noun.rows"), file, sheet=sheet)
    check_limit("table_columns", columns, msg("errors.noun.columns"), file, sheet=sheet)
    check_limit("table_cells", rows * columns, msg("errors.noun.cells"), file, sheet=sheet)


#: Tables whose rows are limited by a limit of their own (besides ``table_rows``).
_TABLE_LIMITS: Final = {"clusters": "clusters", "criteria": "criteria", "projects": "projects"}


def check_table_sizes(tables: Mapping[str, pd.DataFrame], labels: Mapping[str, str]) -> None:
    """Refuse a case with more clusters, criteria or projects than the limits allow.

    Raises
    ------
    InputError
        Naming the table, its row count, the limit and how to raise it.
    """
    for key, name in _TABLE_LIMITS.items():
        if key in tables:
            check_limit(name, len(tables[key]), name, labels.get(key, key))
