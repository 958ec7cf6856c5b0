"""Checks of numeric command-line options, with the same rules as the numbers of a case.

Click lets ``inf`` and huge values through a range check, and counts (``--steps``,
``--samples``, ``--jobs``, ``--threads``) scale work and memory; each is checked here before
the command starts its work, and refused with one line naming the option.
"""

from __future__ import annotations

from optimize.case.limits import check_limit
from optimize.case.values import ValueRangeError, checked_number
from optimize.errors import InputError, Message, msg


def check_finite(
    option: str,
    value: float | None,
    minimum: float | None = None,
    maximum: float | None = None,
    positive: bool = False,
) -> None:
    """Refuse an option value that is not finite, too large or out of range (None passes).

    Raises
    ------
    InputError
        Naming the option (``--budget``) and what is wrong.
    """
    if value is None:
        return
    try:
        checked_number(value, minimum, maximum, positive=positive)
    except ValueRangeError as problem:
        raise InputError(option, problem.message) from None


def check_count(option: str, value: int | None, name: str, what: Message) -> None:
    """Refuse a count option above limit `name` of :mod:`optimize.case.limits` (None passes).

    Raises
    ------
    InputError
        Naming the option, the limit and how to raise it.
    """
    if value is not None:
        check_limit(name, value, what, option)


def check_power_of_two(option: str, value: int) -> None:
    """Refuse a count that is not a power of 2 (Sobol' designs lose their balance otherwise).

    Raises
    ------
    InputError
        Naming the option and the nearest powers of 2.
    """
    if value < 1 or value & (value - 1):
        lower = 1 << max(value.bit_length() - 1, 0)
        raise InputError(
            option, msg("errors.option.power_of_two", value=value, lower=lower, upper=lower * 2)
        )
