"""A cell refuses fields that do not fit its status, naming the field."""

import math

import pytest

from mcda.errors import CellError
from mcda.imprecise import Cell


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"status": "interval", "low": 3.0, "high": 1.0}, "low", "above high"),
        ({"status": "triangular", "low": 0.0, "mode": 5.0, "high": 4.0}, "mode", "outside"),
        ({"status": "interval", "low": 0.0, "high": 1.0, "value": 2.0}, "value", "outside"),
        ({"status": "point"}, "value", "needs value"),
        ({"status": "point", "value": 1.0, "low": 0.0}, "low", "must be empty"),
        ({"status": "interval", "low": 0.0}, "high", "needs low and high"),
        ({"status": "triangular", "low": 0.0, "high": 1.0}, "mode", "needs low and mode"),
        ({"status": "interval", "low": 0.0, "high": 1.0, "mode": 0.5}, "mode", "must be empty"),
        ({"status": "unknown", "value": 1.0}, "value", "holds no number"),
        ({"status": "point", "value": math.inf}, "value", "not a finite number"),
        ({"status": "interval", "low": math.nan, "high": 1.0}, "low", "not a finite number"),
        ({"status": "guess", "value": 1.0}, "status", "unknown status"),
    ],
)
def test_a_cell_names_the_field_that_does_not_fit(
    fields: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(CellError, match=words) as caught:
        Cell(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_list_cell_is_an_interval_counted_apart() -> None:
    cell = Cell.interval(3.0, 7.0, "national list: strict/broad reading", status="list")
    assert (cell.status, cell.low, cell.high) == ("list", 3.0, 7.0)


def test_rated_cells_keep_every_expert_or_only_the_span() -> None:
    empirical = Cell.rated([0.5, 1.0, 0.5], "empirical")
    assert empirical.support == (0.5, 1.0, 0.5)
    assert (empirical.low, empirical.high) == (0.5, 1.0)
    spanned = Cell.rated([0.5, 1.0, 0.5], "interval")
    assert spanned.support == () and (spanned.low, spanned.high) == (0.5, 1.0)
    with pytest.raises(CellError, match="spread"):
        Cell.rated([0.5], "mean")  # type: ignore[arg-type]
    with pytest.raises(CellError, match="at least one rating"):
        Cell.rated([], "empirical")


def test_a_support_must_span_the_cell_and_belong_to_a_rated_cell() -> None:
    with pytest.raises(CellError, match="span"):
        Cell("rated", low=0.2, high=1.0, support=(0.5, 1.0))
    with pytest.raises(CellError, match="only a rated cell"):
        Cell("interval", low=0.5, high=1.0, support=(0.5, 1.0))
