"""Read scalar settings and tables of ``case.toml`` with errors naming the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from optimize.case.schema import DEFAULTS
from optimize.errors import InputError

CASE_FILE = "case.toml"


def section(doc: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """A TOML table of the case file, empty when absent."""
    value = doc.get(key, {})
    if not isinstance(value, dict):
        raise InputError(CASE_FILE, "must be a table", field=key)
    return value


def _number(
    table: Mapping[str, Any],
    key: str,
    minimum: float,
    default: float | None = None,
    maximum: float | None = None,
) -> float:
    """The numeric setting named by the last part of `key`, checked against its range.

    Absent, it is `default`, or else the schema's default of `key` (:data:`DEFAULTS`).
    """
    if default is None:
        default = DEFAULTS.get(key)
    return _check_number(table.get(key.rpartition(".")[2], default), key, minimum, maximum)


def _check_number(value: Any, key: str, minimum: float, maximum: float | None = None) -> float:
    """A TOML value that must be a number within [minimum, maximum].

    Raises
    ------
    InputError
        Naming `key` when the value is missing, not a number or out of range.
    """
    if value is None:
        raise InputError(CASE_FILE, "setting is missing", field=key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(CASE_FILE, f"{value!r} is not a number", field=key)
    if value < minimum or (maximum is not None and value > maximum):
        upper = f" and <= {maximum:g}" if maximum is not None else ""
        raise InputError(CASE_FILE, f"{value!r} must be >= {minimum:g}{upper}", field=key)
    return float(value)
