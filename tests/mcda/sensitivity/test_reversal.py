"""Rank reversal: SPOTIS with fixed bounds has none, TOPSIS can have some."""

import pandas as pd

from mcda import rank
from mcda.sensitivity import rank_reversal
from mcda.sensitivity.reversal import pair_changes

MATRIX = pd.DataFrame(
    {"x": [1.0, 2.0, 2.0, 7.0], "y": [1.0, 9.0, 6.0, 3.0]}, index=["a", "b", "c", "d"]
)
WEIGHTS = pd.Series({"x": 0.5, "y": 0.5})
DIRECTIONS = {"x": "benefit", "y": "benefit"}


def test_pair_changes_count_relations_and_flips() -> None:
    before = pd.Series({"a": 1, "b": 2, "c": 3})
    assert pair_changes(before, pd.Series({"a": 1, "b": 2, "c": 3, "new": 1})) == (0, 0)
    assert pair_changes(before, pd.Series({"a": 2, "b": 1, "c": 2})) == (2, 1)


def test_spotis_with_fixed_bounds_never_reverses() -> None:
    # Dezert et al. (2020): with bounds fixed by the decision maker SPOTIS is rank-reversal free.
    bounds = pd.DataFrame({"min": [0.0, 0.0], "max": [10.0, 10.0]}, index=["x", "y"])
    result = rank_reversal(MATRIX, WEIGHTS, DIRECTIONS, method="spotis", bounds=bounds)
    assert len(result) == 4 + 2
    assert not result["changed"].any()


def test_topsis_reverses_when_the_best_is_copied() -> None:
    result = rank_reversal(MATRIX, WEIGHTS, DIRECTIONS)
    assert result.at["add copy_of_best", "changed"]
    # The same flip seen directly: rank with a copy of the best and compare the originals.
    base = rank(MATRIX, WEIGHTS, DIRECTIONS)
    copy = MATRIX.loc[[base.index[0]]].set_axis(["copy"])
    after = rank(pd.concat([MATRIX, copy]), WEIGHTS, DIRECTIONS)["rank"].drop("copy")
    assert (
        pair_changes(base["rank"], after)[1] == result.at["add copy_of_best", "reversed_pairs"] > 0
    )
