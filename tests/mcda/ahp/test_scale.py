"""Saaty's scale: numbers, ratios and verbal labels."""

import pytest

from mcda.ahp.scale import (
    SAATY_SCALE,
    VERBAL_SCALE,
    check_on_scale,
    nearest_on_scale,
    parse_judgment,
    scale_label,
)
from mcda.errors import JudgmentError


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5", 5.0),
        ("1/5", 0.2),
        (" 0.25 ", 0.25),
        ("2.5", 2.5),
        ("equal", 1.0),
        ("Equal to moderate", 2.0),
        ("moderate", 3.0),
        ("moderate-to-strong", 4.0),
        ("Strong importance", 5.0),
        ("strong_plus", 6.0),
        ("very strong", 7.0),
        ("Very, very strong", 8.0),
        ("very strong to extreme", 8.0),
        ("EXTREME", 9.0),
    ],
)
def test_judgments_are_read_as_numbers_ratios_or_labels(text: str, value: float) -> None:
    assert parse_judgment(text) == pytest.approx(value)


def test_every_verbal_label_is_on_the_scale_from_1_to_9() -> None:
    assert set(VERBAL_SCALE.values()) == set(range(1, 10))
    assert len(SAATY_SCALE) == 17 and SAATY_SCALE[0] == 1 / 9 and SAATY_SCALE[-1] == 9


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("stronk", "unknown verbal label 'stronk'"),
        ("very weak", "unknown verbal label 'very weak'"),
        ("0", "0 must be > 0"),
        ("-3", "-3 must be > 0"),
        ("nan", "'nan' is not a finite number"),
        ("1/0", "'1/0' divides by zero"),
        ("3x", "'3x' is not a number"),
        ("", "'' is not a number"),
        # forms Python's float reads but a spreadsheet does not
        ("1_000", "'1_000' is not a number"),
        ("１２", "'１２' is not a number"),
        ("0x10", "'0x10' is not a number"),
        ("-inf", "'-inf' is not a finite number"),
        # magnitudes beyond the stated limit
        ("1e300", r"'1e300' is too large \(judgments up to 1,000,000\)"),
        ("1e309", "'1e309' is too large"),
        ("1000001", "'1000001' is too large"),
        ("1/1e300", "'1/1e300' is too small"),
        ("1e-7", r"'1e-7' is too small \(judgments down to 1/1,000,000\)"),
    ],
)
def test_bad_judgments_are_refused(text: str, message: str) -> None:
    with pytest.raises(JudgmentError, match=message):
        parse_judgment(text)


def test_judgments_at_the_limit_are_read() -> None:
    assert parse_judgment("1e6") == 1e6
    assert parse_judgment(" 1 / 1000000 ") == pytest.approx(1e-6)
    assert parse_judgment("+2.5E0") == 2.5


def test_nearest_scale_value_and_labels() -> None:
    assert nearest_on_scale(0.3) == pytest.approx(1 / 3)
    assert nearest_on_scale(12.0) == 9.0
    assert scale_label(0.33) == "1/3" and scale_label(7.0) == "7" and scale_label(2.5) == "2.5"


def test_strict_scale_accepts_rounded_reciprocals_and_refuses_others() -> None:
    for typed in (0.33, 0.14, 0.12, 1 / 7, 9.0):
        check_on_scale(typed)
    with pytest.raises(
        JudgmentError, match=r"2.5 is off Saaty's 1/9..9 scale \(nearest scale value: 3\)"
    ):
        check_on_scale(2.5)
    with pytest.raises(JudgmentError, match="12 is off"):
        check_on_scale(12.0)
