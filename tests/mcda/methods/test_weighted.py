"""WSM and WPM: Triantaphyllou's textbook example (WSM ties, WPM ratios)."""

import numpy as np
import pytest

from mcda import MatrixError, rank
from tests.mcda.textbook import problem_frames

# Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative Study.
# Kluwer, sections 2.2.1-2.2.2: three alternatives, four benefit criteria in the same unit,
# weights 0.20 / 0.15 / 0.40 / 0.25.
ROWS = [[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]]
WEIGHTS = [0.20, 0.15, 0.40, 0.25]


def test_wsm_reproduces_the_published_sums_and_tie() -> None:
    # Published WSM scores 21.50, 22.00, 22.00: A2 and A3 tie for best. Every column's
    # maximum is 30, so the linear (x / max) scores are the published ones divided by 30.
    matrix, weights, directions = problem_frames(ROWS, [1] * 4, WEIGHTS)
    result = rank(matrix, weights, directions, method="wsm").sort_index()
    np.testing.assert_allclose(result["score"] * 30, [21.5, 22.0, 22.0], atol=1e-3)
    assert list(result["rank"]) == [3, 1, 1]


def test_wpm_reproduces_the_published_ratios() -> None:
    # Published ratios R(A1/A2) = 1.007 and R(A1/A3) = 1.067: A1 is best under WPM.
    matrix, weights, directions = problem_frames(ROWS, [1] * 4, WEIGHTS)
    for normalization in ("linear", "sum"):
        score = rank(matrix, weights, directions, "wpm", normalization=normalization)["score"]
        assert score["A1"] / score["A2"] == pytest.approx(1.007, abs=1e-3)
        assert score["A1"] / score["A3"] == pytest.approx(1.067, abs=1e-3)


def test_wpm_refuses_a_normalisation_that_breaks_its_ratios() -> None:
    matrix, weights, directions = problem_frames(ROWS, [1] * 4, WEIGHTS)
    with pytest.raises(MatrixError, match="WPM normalization"):
        rank(matrix, weights, directions, method="wpm", normalization="minmax")
