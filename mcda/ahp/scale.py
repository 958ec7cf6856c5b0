"""Saaty's 1-9 judgment scale: numbers, ratios like ``1/5`` and verbal labels.

A judgment a_ij says how many times more item i matters than item j. Saaty's fundamental scale
uses 1..9 and their reciprocals; the verbal labels below name the integers.

References
----------
.. [1] Saaty, T. L. (2008). Decision making with the analytic hierarchy process.
   *Int. J. Services Sciences* 1(1), 83-98, table 1 (the fundamental scale).
"""

from __future__ import annotations

import math
import re

from mcda.errors import JudgmentError, MCDAError

#: Verbal labels of the fundamental scale [1]_. ``"equal to moderate"``-style names give the
#: in-between values; Saaty's own names for them (weak or slight, moderate plus, strong plus,
#: very very strong) and "demonstrated" (for 7) are accepted too. Matching ignores case,
#: commas, hyphens, underscores, repeated spaces and a trailing word "importance".
VERBAL_SCALE: dict[str, int] = {
    "equal": 1,
    "equal to moderate": 2,
    "weak": 2,
    "slight": 2,
    "moderate": 3,
    "moderate to strong": 4,
    "moderate plus": 4,
    "strong": 5,
    "strong to very strong": 6,
    "strong plus": 6,
    "very strong": 7,
    "demonstrated": 7,
    "very strong to extreme": 8,
    "very very strong": 8,
    "extreme": 9,
}

#: The 17 values of the fundamental scale, 1/9 .. 9, ascending [-].
SAATY_SCALE: tuple[float, ...] = (
    *(1.0 / k for k in range(9, 1, -1)),
    *(float(k) for k in range(1, 10)),
)

#: A value within this relative distance of a scale value counts as on the scale, so that
#: two-decimal reciprocals pass (0.33 for 1/3, 0.14 for 1/7, 0.12 for 1/8 is 4 % off); scale
#: values are at least 12.5 % apart (9/8), so no value is near two of them.
SCALE_TOLERANCE = 0.05

#: Words that :func:`float` reads as non-finite numbers rather than as verbal labels.
NON_FINITE_WORDS = frozenset({"nan", "inf", "infinity"})


def verbal_key(text: str) -> str:
    """Normalise a verbal label for lookup in :data:`VERBAL_SCALE`."""
    words = re.sub(r"[,_\-]+", " ", text.lower()).split()
    if words and words[-1] == "importance":
        words = words[:-1]
    return " ".join(words)


#: Largest magnitude of a judgment, and of its reciprocal [-]. Scales in use stop at 9
#: (Saaty) or a few hundred (geometric scales); anything beyond is a typo, and magnitudes
#: near the float limit overflow in the eigenvector and geometric-mean computations.
MAX_JUDGMENT = 1e6

#: A decimal as a spreadsheet writes it: no ``1_000``, ``0x10``, ``nan`` or non-ASCII digits
#: (which :func:`float` would all read).
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)


def parse_ratio(text: str) -> float:
    """Parse ``"3"``, ``"0.25"`` or ``"1/3"`` into a finite float.

    Only spreadsheet decimals are numbers; a non-zero magnitude must lie within
    [1 / :data:`MAX_JUDGMENT`, :data:`MAX_JUDGMENT`].

    Raises
    ------
    ValueError
        If the text is not a finite number or a ratio of two, or its magnitude is beyond
        the limit.
    """
    numerator, slash, denominator = (part.strip() for part in text.partition("/"))
    parts = [numerator, denominator] if slash else [numerator]
    if not all(_DECIMAL.fullmatch(part) for part in parts):
        finite = numerator.lower().lstrip("+-") not in NON_FINITE_WORDS
        raise MCDAError(
            f"{text!r} is not a {'' if finite else 'finite '}number",
            key="not_number" if finite else "not_finite",
            fields={"text": text},
        )
    try:
        value = float(numerator) / float(denominator) if slash else float(numerator)
    except ZeroDivisionError:
        raise MCDAError(
            f"{text!r} divides by zero", key="divides_by_zero", fields={"text": text}
        ) from None
    bound = {"text": text, "bound": f"{MAX_JUDGMENT:,.0f}"}
    if not math.isfinite(value) or abs(value) > MAX_JUDGMENT:
        raise MCDAError(
            f"{text!r} is too large (judgments up to {MAX_JUDGMENT:,.0f})",
            key="too_large",
            fields=bound,
        )
    if 0 < abs(value) < 1 / MAX_JUDGMENT:
        raise MCDAError(
            f"{text!r} is too small (judgments down to 1/{MAX_JUDGMENT:,.0f})",
            key="too_small",
            fields=bound,
        )
    return value


def parse_judgment(text: str) -> float:
    """Read one judgment: a number, a ratio like ``1/5`` or a verbal label.

    Parameters
    ----------
    text : str
        The cell as typed, e.g. ``"5"``, ``"1/5"``, ``"0.2"`` or ``"strong"``.

    Returns
    -------
    float
        The judgment [-], > 0.

    Raises
    ------
    JudgmentError
        On an unknown verbal label, text that is not a number, or a value <= 0 (without a
        location: the reader adds file, row and column).
    """
    cleaned = text.strip()
    key = verbal_key(cleaned)
    if key in VERBAL_SCALE:
        return float(VERBAL_SCALE[key])
    if key and key.replace(" ", "").isalpha() and key not in NON_FINITE_WORDS:
        known = ", ".join(VERBAL_SCALE)
        raise JudgmentError(
            f"unknown verbal label {cleaned!r} (known: {known})",
            key="judgment.unknown_label",
            fields={"label": cleaned, "known": known},
        )
    try:
        value = parse_ratio(cleaned)
    except MCDAError as exc:
        raise JudgmentError(
            f"{exc}; a judgment is a number, a ratio like 1/5 or a label",
            key=f"judgment.{exc.key}",
            fields=exc.fields,
        ) from None
    if value <= 0:
        raise JudgmentError(
            f"{cleaned} must be > 0: a judgment says how many times more the row item "
            "matters than the column item",
            key="judgment.not_positive",
            fields={"value": cleaned},
        )
    return value


def nearest_on_scale(ratio: float) -> float:
    """The scale value closest to `ratio` on a logarithmic axis [-]."""
    return min(SAATY_SCALE, key=lambda value: abs(math.log(ratio / value)))


def on_scale(value: float) -> bool:
    """Whether `value` is a scale value within :data:`SCALE_TOLERANCE`."""
    return abs(math.log(value / nearest_on_scale(value))) <= math.log1p(SCALE_TOLERANCE)


def scale_label(value: float) -> str:
    """A scale value as typed: ``"5"`` or ``"1/5"``; other values with 4 significant digits."""
    if not on_scale(value):
        return f"{value:.4g}"
    nearest = nearest_on_scale(value)
    return f"{nearest:.0f}" if nearest >= 1 else f"1/{1 / nearest:.0f}"


def check_on_scale(value: float) -> None:
    """Refuse a value off the 1/9..9 scale (for ``strict_scale``).

    Raises
    ------
    JudgmentError
        Naming the value and the nearest scale value.
    """
    if not on_scale(value):
        raise JudgmentError(
            f"{value:.4g} is off Saaty's 1/9..9 scale "
            f"(nearest scale value: {scale_label(nearest_on_scale(value))})",
            key="judgment.off_scale",
            fields={"value": f"{value:.4g}", "nearest": scale_label(nearest_on_scale(value))},
        )
