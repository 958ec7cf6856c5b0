"""Stability intervals: an analytic boundary, top-k, and the base weight inside."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, rank
from mcda.sensitivity import stability_intervals
from mcda.sensitivity.reweight import reweighted


def test_weighted_sum_boundary_is_found_exactly() -> None:
    # Linear normalisation (x / max): A = (1, 1/3), B = (1/2, 1). With w_x = w and
    # w_y = 1 - w, A beats B iff w + (1 - w) / 3 > w / 2 + 1 - w, i.e. w > 4/7. From the
    # base w_x = 0.7 the ranking holds on (4/7, 1]; for y on [0, 3/7).
    matrix = pd.DataFrame({"x": [4.0, 2.0], "y": [1.0, 3.0]}, index=["A", "B"])
    result = stability_intervals(
        matrix, pd.Series({"x": 0.7, "y": 0.3}), {"x": "benefit", "y": "benefit"}, method="wsm"
    )
    assert result.at["x", "lower"] == pytest.approx(4 / 7, abs=1e-5)
    assert result.at["x", "upper"] == 1.0
    assert result.at["y", "lower"] == 0.0
    assert result.at["y", "upper"] == pytest.approx(3 / 7, abs=1e-5)


def test_top_k_intervals_are_at_least_as_wide() -> None:
    matrix = pd.DataFrame(
        {"x": [4.0, 2.0, 1.0, 3.0], "y": [1.0, 3.0, 2.0, 2.5], "z": [2.0, 2.0, 5.0, 1.0]},
        index=["a", "b", "c", "d"],
    )
    weights = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
    directions = dict.fromkeys(matrix.columns, "benefit")
    full = stability_intervals(matrix, weights, directions)
    top = stability_intervals(matrix, weights, directions, top_k=1)
    assert (top["lower"] <= full["lower"] + 1e-9).all()
    assert (top["upper"] >= full["upper"] - 1e-9).all()
    assert top.attrs["top_k"] == 1 and full.attrs["top_k"] == 4


matrices = arrays(np.float64, (4, 3), elements=st.floats(min_value=0.1, max_value=10.0)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 1e-2))
)
weight_vectors = arrays(np.float64, 3, elements=st.floats(min_value=0.05, max_value=1.0)).map(
    lambda w: w / w.sum()
)


@settings(max_examples=25, deadline=None)
@given(matrices, weight_vectors)
def test_intervals_contain_the_base_weight_and_end_at_a_change(
    values: np.ndarray, w: np.ndarray
) -> None:
    matrix = pd.DataFrame(values, columns=["x", "y", "z"], index=["a", "b", "c", "d"])
    weights = pd.Series(w, index=matrix.columns)
    directions = {"x": "benefit", "y": "cost", "z": "benefit"}
    result = stability_intervals(matrix, weights, directions, steps=50, tolerance=1e-7)
    assert ((result["lower"] <= result["weight"]) & (result["weight"] <= result["upper"])).all()
    base = rank(matrix, weights, directions)["rank"].sort_index()
    for position, criterion in enumerate(matrix.columns):
        lower = result.at[criterion, "lower"]
        if lower > 1e-6:
            # Within a bisection tolerance below the boundary the ranking changes somewhere;
            # where two alternatives only touch (a tie at a single weight) the change can be
            # that one point, so probe the whole sliver rather than one value beyond it.
            sliver = reweighted(w, position, np.linspace(lower - 1e-6, lower, 41)[:-1])
            changed = [
                not rank(matrix, pd.Series(row, index=matrix.columns), directions)["rank"]
                .sort_index()
                .equals(base)
                for row in sliver
            ]
            assert any(changed)


def test_bad_stability_settings_are_refused() -> None:
    matrix = pd.DataFrame({"x": [4.0, 2.0], "y": [1.0, 3.0]}, index=["A", "B"])
    weights, directions = pd.Series({"x": 0.7, "y": 0.3}), {"x": "benefit", "y": "benefit"}
    with pytest.raises(MatrixError, match="top_k is 3"):
        stability_intervals(matrix, weights, directions, top_k=3)
    with pytest.raises(MatrixError, match="steps must be"):
        stability_intervals(matrix, weights, directions, steps=0)
