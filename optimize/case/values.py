"""What a number in a case or a command may be: finite, in range, of the right type.

One check serves every way a number comes in: a ``case.toml`` or ``scenarios.toml`` value
(:func:`optimize.case.settings.check_number`), a CSV or worksheet cell
(:func:`optimize.case.text_table.parse_number`) and a command-line option. Each caller adds
where the value was; this module says what is wrong with it.

Magnitudes are bounded: a number above :data:`MAX_MAGNITUDE`, or non-zero below
:data:`MIN_MAGNITUDE`, is refused. Squares of such numbers (a TOPSIS vector norm, a solver's
scaling) overflow or vanish in floating point, which silently inverts rankings (a score of
1e308 once made a cluster's closeness *drop*) or stalls the solver; no quantity of a case
(money in 1e8 CNY, shares, scores in a criterion's unit, ratios) needs them.
"""

from __future__ import annotations

import math
import re
from typing import Final

from optimize.errors import Message, msg

#: Largest magnitude of any number of a case [-] (its square stays far from overflow).
MAX_MAGNITUDE: Final = 1e15
#: Smallest non-zero magnitude of any number of a case [-].
MIN_MAGNITUDE: Final = 1e-15

#: A decimal number as a spreadsheet writes it (no ``1_000``, ``nan``, ``inf`` or ``0x1``).
_DECIMAL = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
_NUMBER_TEXT = re.compile(rf"(?P<num>{_DECIMAL})(?:\s*/\s*(?P<den>{_DECIMAL}))?", re.ASCII)


class ValueRangeError(ValueError):
    """What is wrong with a value, as a catalogue message; the caller adds where it is."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))


def checked_number(
    value: object,
    minimum: float | None = None,
    maximum: float | None = None,
    *,
    positive: bool = False,
    whole: bool = False,
) -> float:
    """A parsed value checked to be a finite number of moderate magnitude within range.

    Parameters
    ----------
    value : object
        A TOML value or a number (text is not a number here: see :func:`number_from_text`).
    minimum, maximum : float, optional
        Inclusive bounds.
    positive : bool
        Refuse zero and negative values.
    whole : bool
        Refuse values with a fractional part.

    Returns
    -------
    float
        The value.

    Raises
    ------
    ValueRangeError
        If the value is not a number (booleans and text are not), is NaN or infinite, has a
        magnitude outside [MIN_MAGNITUDE, MAX_MAGNITUDE] (zero aside), or breaks a bound.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueRangeError(msg("errors.value.not_number", value=value))
    if isinstance(value, int) and abs(value) > MAX_MAGNITUDE:
        # checked before float(): a huge TOML integer overflows the conversion
        digits = len(str(abs(value))) if value.bit_length() < 10_000 else "many"
        raise ValueRangeError(_too_large(msg("errors.value.digits", digits=digits)))
    number = float(value)
    if not math.isfinite(number):
        raise ValueRangeError(msg("errors.value.not_finite", value=value))
    if abs(number) > MAX_MAGNITUDE:
        raise ValueRangeError(_too_large(f"{number:g}"))
    if 0 < abs(number) < MIN_MAGNITUDE:
        raise ValueRangeError(
            msg("errors.value.too_small", shown=f"{number:g}", smallest=f"{MIN_MAGNITUDE:g}")
        )
    if whole and number != math.floor(number):
        raise ValueRangeError(msg("errors.value.not_whole", value=value))
    if positive and number <= 0:
        raise ValueRangeError(msg("errors.value.not_positive", value=value))
    if minimum is not None and number < minimum:
        raise ValueRangeError(_out_of_range(value, minimum, maximum, "errors.value.at_least"))
    if maximum is not None and number > maximum:
        raise ValueRangeError(_out_of_range(value, minimum, maximum, "errors.value.at_most"))
    return number


def number_from_text(text: str) -> float:
    """A cell's text as a number: a decimal (``3``, ``-0.25``, ``1e6``) or a ratio (``1/3``).

    Python's ``float`` also reads ``nan``, ``inf``, ``1_000`` and non-ASCII digits; a
    spreadsheet reads none of them as a number, so neither does a case.

    Raises
    ------
    ValueRangeError
        If the text is not such a number, divides by zero, or fails :func:`checked_number`'s
        magnitude check.
    """
    match = _NUMBER_TEXT.fullmatch(text.strip())
    if match is None:
        raise ValueRangeError(msg("errors.value.not_number", value=text))
    numerator = _decimal(match["num"], text)
    if match["den"] is None:
        return checked_number(numerator)
    denominator = _decimal(match["den"], text)
    if denominator == 0:
        raise ValueRangeError(msg("errors.value.divides_by_zero", value=text))
    return checked_number(numerator / denominator)


def _decimal(part: str, text: str) -> float:
    """One decimal of a cell, refusing what overflows to infinity."""
    value = float(part)
    if not math.isfinite(value):
        raise ValueRangeError(_too_large(text.strip()))
    return checked_number(value)


def _too_large(shown: str | Message) -> Message:
    return msg("errors.value.too_large", shown=shown, largest=f"{MAX_MAGNITUDE:g}")


def _out_of_range(value: object, minimum: float | None, maximum: float | None, key: str) -> Message:
    """``must be >= 0 and <= 1``: the broken bound first, then the other one, if any."""
    if key == "errors.value.at_least":
        bound, other = (
            minimum,
            (msg("errors.value.and_at_most", bound=f"{maximum:g}") if maximum is not None else ""),
        )
    else:
        bound, other = (
            maximum,
            (msg("errors.value.and_at_least", bound=f"{minimum:g}") if minimum is not None else ""),
        )
    return msg(key, value=value, bound=f"{bound:g}", other=other)
