"""Sobol indices on group weights through SALib."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError
from mcda.sensitivity import sobol

# Linear normalisation (x / max, both maxima 4): A = (0.5, 0.5), B = (1, 0.25), C = (0.25, 1).
# Under WSM, A scores 0.5 whatever the group weights (they sum to 1), so nothing in A's score
# is to be apportioned; B's score 0.25 + 0.75 g1' moves with both group weights.
MATRIX = pd.DataFrame({"x": [2.0, 4.0, 1.0], "y": [2.0, 1.0, 4.0]}, index=["A", "B", "C"])
WEIGHTS = pd.Series({"x": 0.5, "y": 0.5})
DIRECTIONS = {"x": "benefit", "y": "benefit"}
GROUPS = {"x": "G1", "y": "G2"}


def test_sobol_indices_follow_the_weighted_sum() -> None:
    result = sobol(MATRIX, WEIGHTS, DIRECTIONS, GROUPS, method="wsm", n=256, seed=2)
    assert len(result) == 3 * 2
    by = result.set_index(["alternative", "group"])
    assert (by.loc["A", ["S1", "ST"]] == 0).all(axis=None)
    assert (by.loc["B", "ST"] > 0.2).all()
    assert by.loc["B", "S1"].sum() <= 1.1
    # Symmetric roles: g1' = g1 / (g1 + g2) with both drawn from the same range.
    assert by.loc[("B", "G1"), "ST"] == pytest.approx(by.loc[("B", "G2"), "ST"], abs=0.1)


def test_sobol_is_reproducible_and_can_analyse_ranks() -> None:
    first = sobol(MATRIX, WEIGHTS, DIRECTIONS, GROUPS, n=64, seed=5, output="rank")
    again = sobol(MATRIX, WEIGHTS, DIRECTIONS, GROUPS, n=64, seed=5, output="rank")
    pd.testing.assert_frame_equal(first, again)
    assert np.isfinite(first[["S1", "ST"]].to_numpy()).all()


@pytest.mark.parametrize(
    ("settings_", "message"),
    [
        ({"n": 100}, "power of 2"),
        ({"spread": 1.0}, "spread must lie"),
        ({"output": "closeness"}, "output must be"),
        ({"groups": {"x": "G1"}}, "no group given"),
    ],
)
def test_bad_sobol_settings_are_refused(settings_: dict[str, object], message: str) -> None:
    arguments = {"groups": GROUPS, **settings_}
    with pytest.raises(MatrixError, match=message):
        sobol(MATRIX, WEIGHTS, DIRECTIONS, **arguments)
