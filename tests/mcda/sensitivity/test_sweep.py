"""One-at-a-time sweeps: proportional rescaling and ranks per step."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError, rank
from mcda.sensitivity import one_at_a_time
from mcda.sensitivity.reweight import reweighted

MATRIX = pd.DataFrame(
    {"x": [4.0, 2.0, 1.0], "y": [1.0, 3.0, 2.0], "z": [2.0, 2.0, 5.0]}, index=["a", "b", "c"]
)
WEIGHTS = pd.Series({"x": 0.5, "y": 0.3, "z": 0.2})
DIRECTIONS = dict.fromkeys(MATRIX.columns, "benefit")


def test_reweighting_keeps_the_other_proportions() -> None:
    moved = reweighted(WEIGHTS.to_numpy(), 0, np.array([0.0, 0.8]))
    np.testing.assert_allclose(moved, [[0.0, 0.6, 0.4], [0.8, 0.12, 0.08]])
    np.testing.assert_allclose(moved.sum(axis=1), 1.0)


def test_sweep_rows_match_ranking_at_each_step() -> None:
    sweep = one_at_a_time(MATRIX, WEIGHTS, DIRECTIONS, method="wsm", grid=[0.0, 0.25, 1.0])
    assert len(sweep) == 3 * 3 * 3
    step = sweep[(sweep["criterion"] == "y") & (sweep["weight"] == 0.25)].set_index("alternative")
    weights = pd.Series(reweighted(WEIGHTS.to_numpy(), 1, np.array([0.25]))[0], index=WEIGHTS.index)
    direct = rank(MATRIX, weights, DIRECTIONS, method="wsm")
    pd.testing.assert_series_equal(step["rank"], direct["rank"].loc[step.index], check_names=False)
    at_one = sweep[(sweep["criterion"] == "z") & (sweep["weight"] == 1.0)]
    assert at_one.loc[at_one["rank"] == 1, "alternative"].tolist() == ["c"]


def test_sweep_refuses_unknown_criterion_and_out_of_range_weights() -> None:
    with pytest.raises(MatrixError, match="no such criterion"):
        one_at_a_time(MATRIX, WEIGHTS, DIRECTIONS, criteria=["w"])
    with pytest.raises(MatrixError, match=r"lie in \[0, 1\]"):
        one_at_a_time(MATRIX, WEIGHTS, DIRECTIONS, grid=[1.5])
