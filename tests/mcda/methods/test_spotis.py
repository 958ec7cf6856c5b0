"""SPOTIS: Dezert et al.'s example and the bounds it needs."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError, rank
from tests.mcda.textbook import problem_frames

# Dezert, J., Tchamova, A., Han, D. & Tacnet, J.-M. (2020). The SPOTIS rank reversal free
# method for multi-criteria decision-making support. IEEE FUSION 2020, 1-8: four
# alternatives, bounds [-5, 12], [-6, 10], [-8, 5], weights 0.2 / 0.3 / 0.5, criterion 2 a
# cost. Published distances to the ideal: 0.1989, 0.3705, 0.3063, 0.7491 (A1 best).
ROWS = [[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]]
BOUNDS = pd.DataFrame({"min": [-5, -6, -8], "max": [12, 10, 5]}, index=["c1", "c2", "c3"])


def test_dezert_2020_example() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    result = rank(matrix, weights, directions, method="spotis", bounds=BOUNDS).sort_index()
    np.testing.assert_allclose(result["distance"], [0.1989, 0.3705, 0.3063, 0.7491], atol=1e-3)
    np.testing.assert_allclose(result["score"], 1 - result["distance"])
    assert list(result.sort_values("rank").index) == ["A1", "A3", "A2", "A4"]


def test_bounds_as_mapping_give_the_same_result() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    mapping = {c: (row["min"], row["max"]) for c, row in BOUNDS.iterrows()}
    pd.testing.assert_frame_equal(
        rank(matrix, weights, directions, method="spotis", bounds=mapping),
        rank(matrix, weights, directions, method="spotis", bounds=BOUNDS),
        check_like=True,
    )


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        (BOUNDS.drop(index="c3"), "missing for criteria"),
        (BOUNDS.assign(max=[12, -6, 5]), "'c2' need min < max"),
        (BOUNDS.assign(max=[10, 10, 5]), "score of 'A1' on 'c1' lies outside"),
    ],
)
def test_bad_bounds_are_refused(bounds: pd.DataFrame, message: str) -> None:
    matrix, weights, directions = problem_frames(ROWS, [1, -1, 1], [0.2, 0.3, 0.5])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="spotis", bounds=bounds)
