"""TOPSIS through the ranking registry: textbook values, guards and properties."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, methods, rank

# Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making. Springer, pp. 128-134:
# choosing a fighter aircraft. Published closeness: A1 0.643, A2 0.268, A3 0.613, A4 0.312.
AIRCRAFT = pd.DataFrame(
    [
        [2.0, 1500, 20000, 5.5, 5, 9],
        [2.5, 2700, 18000, 6.5, 3, 5],
        [1.8, 2000, 21000, 4.5, 7, 7],
        [2.2, 1800, 20000, 5.0, 5, 5],
    ],
    index=["A1", "A2", "A3", "A4"],
    columns=["speed", "range", "payload", "cost", "reliability", "maneuverability"],
)
AIRCRAFT_WEIGHTS = pd.Series([0.2, 0.1, 0.1, 0.1, 0.2, 0.3], index=AIRCRAFT.columns)
AIRCRAFT_DIRECTIONS = {c: "cost" if c == "cost" else "benefit" for c in AIRCRAFT.columns}


def test_topsis_reproduces_hwang_yoon_fighter_aircraft() -> None:
    result = rank(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_DIRECTIONS)
    expected = pd.Series({"A1": 0.643, "A2": 0.268, "A3": 0.613, "A4": 0.312})
    np.testing.assert_allclose(result["score"].loc[expected.index], expected, atol=1e-3)
    assert list(result.index) == ["A1", "A3", "A4", "A2"]
    assert result.attrs["method"] == "topsis"


def test_minmax_normalisation_is_not_the_textbook_default() -> None:
    # pymcdm's own TOPSIS default (min-max) swaps A2 and A4 on the textbook example.
    result = rank(AIRCRAFT, AIRCRAFT_WEIGHTS, AIRCRAFT_DIRECTIONS, normalization="minmax")
    assert result.at["A2", "rank"] < result.at["A4", "rank"]


def test_ties_share_the_best_rank() -> None:
    matrix = pd.DataFrame({"x": [1.0, 1.0, 2.0], "y": [3.0, 3.0, 1.0]}, index=["a", "b", "c"])
    result = rank(matrix, pd.Series({"x": 0.5, "y": 0.5}), {"x": "benefit", "y": "benefit"})
    assert result.at["a", "rank"] == result.at["b", "rank"]
    assert sorted(result["rank"]) in ([1, 1, 3], [1, 2, 2])


@pytest.mark.parametrize(
    ("weights", "directions", "method", "message"),
    [
        ({"x": 0.6, "y": 0.6}, {"x": "benefit", "y": "benefit"}, "topsis", "sum to 1.2"),
        ({"x": 1.5, "y": -0.5}, {"x": "benefit", "y": "benefit"}, "topsis", "'y' is -0.5"),
        ({"x": 0.5, "y": 0.5}, {"x": "benefit", "y": "up"}, "topsis", "direction 'up'"),
        ({"x": 0.5, "y": 0.5}, {"x": "benefit", "y": "benefit"}, "magic", "unknown ranking"),
        ({"x": 1.0}, {"x": "benefit", "y": "benefit"}, "topsis", "no weight given"),
    ],
)
def test_bad_rank_input_is_refused(
    weights: dict[str, float], directions: dict[str, str], method: str, message: str
) -> None:
    matrix = pd.DataFrame({"x": [1.0, 2.0], "y": [3.0, 1.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, pd.Series(weights), directions, method=method)


def test_nan_and_constant_columns_are_refused() -> None:
    matrix = pd.DataFrame({"x": [1.0, np.nan], "y": [3.0, 1.0]}, index=["a", "b"])
    weights = pd.Series({"x": 0.5, "y": 0.5})
    with pytest.raises(MatrixError, match="score of 'b' on 'x' is nan"):
        rank(matrix, weights, {"x": "benefit", "y": "benefit"})
    matrix = pd.DataFrame({"x": [1.0, 1.0], "y": [3.0, 1.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match="'x' has the same score"):
        rank(matrix, weights, {"x": "benefit", "y": "benefit"})


def test_registry_lists_topsis() -> None:
    assert "topsis" in methods()


scores = arrays(np.float64, (5, 3), elements=st.floats(min_value=0.1, max_value=100.0))


@settings(max_examples=80, deadline=None)
@given(scores, st.floats(min_value=0.01, max_value=1000.0))
def test_topsis_closeness_bounds_and_scale_invariance(values: np.ndarray, factor: float) -> None:
    matrix = pd.DataFrame(values, columns=["a", "b", "c"])
    if np.any(np.ptp(values, axis=0) < 1e-6):
        return
    weights = pd.Series({"a": 0.5, "b": 0.3, "c": 0.2})
    directions = {"a": "benefit", "b": "cost", "c": "benefit"}
    base = rank(matrix, weights, directions)
    assert ((base["score"] >= -1e-12) & (base["score"] <= 1 + 1e-12)).all()
    scaled = matrix.assign(a=matrix["a"] * factor)
    np.testing.assert_allclose(
        rank(scaled, weights, directions)["score"].sort_index(),
        base["score"].sort_index(),
        atol=1e-9,
    )


@settings(max_examples=60, deadline=None)
@given(scores)
def test_a_dominating_alternative_ranks_first(values: np.ndarray) -> None:
    matrix = pd.DataFrame(values, columns=["a", "b", "c"])
    best = pd.DataFrame(
        [[values[:, 0].max() + 1, values[:, 1].min() / 2, values[:, 2].max() + 1]],
        columns=["a", "b", "c"],
        index=["best"],
    )
    weights = pd.Series({"a": 0.4, "b": 0.4, "c": 0.2})
    result = rank(pd.concat([matrix, best]), weights, {"a": "benefit", "b": "cost", "c": "benefit"})
    assert result.index[0] == "best"
