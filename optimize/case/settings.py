"""Read scalar settings and tables of ``case.toml`` with errors naming the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from optimize.case.schema import DEFAULTS
from optimize.case.values import ValueRangeError, checked_number
from optimize.errors import InputError, Message, msg

CASE_FILE = "case.toml"


def section(doc: Mapping[str, Any], key: str, file: str = CASE_FILE) -> Mapping[str, Any]:
    """A TOML table of the case file, empty when absent."""
    value = doc.get(key.rpartition(".")[2], {})
    if not isinstance(value, dict):
        raise InputError(file, msg("errors.setting.not_table"), field=key)
    return value


def number(
    table: Mapping[str, Any],
    key: str,
    minimum: float,
    default: float | None = None,
    maximum: float | None = None,
    whole: bool = False,
) -> float:
    """The numeric setting named by the last part of `key`, checked against its range.

    Absent, it is `default`, or else the schema's default of `key` (:data:`DEFAULTS`).
    """
    if default is None:
        default = DEFAULTS.get(key)
    value = table.get(key.rpartition(".")[2], default)
    return check_number(value, key, minimum, maximum, whole=whole)


def check_number(
    value: Any,
    key: str,
    minimum: float | None,
    maximum: float | None = None,
    *,
    whole: bool = False,
    file: str = CASE_FILE,
) -> float:
    """A TOML value that must be a finite number within [minimum, maximum].

    Raises
    ------
    InputError
        Naming `key` when the value is missing, not a number, not finite, too large, not
        whole (with `whole`) or out of range (see :func:`optimize.case.values.checked_number`).
    """
    if value is None:
        raise InputError(file, msg("errors.setting.missing"), field=key)
    try:
        return checked_number(value, minimum, maximum, whole=whole)
    except ValueRangeError as problem:
        raise InputError(file, problem.message, field=key) from None


def string_list(value: Any, key: str, what: Message | str, file: str = CASE_FILE) -> list[str]:
    """A TOML list of strings (``what`` names them in the message).

    Raises
    ------
    InputError
        If the value is not a list or holds anything but strings.
    """
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(file, msg("errors.setting.list_of", what=what), field=key)
    return list(value)


def flag(table: Mapping[str, Any], key: str, default: bool) -> bool:
    """A true/false setting named by the last part of `key`."""
    value = table.get(key.rpartition(".")[2], default)
    if not isinstance(value, bool):
        raise InputError(CASE_FILE, msg("errors.setting.not_flag", value=value), field=key)
    return value
