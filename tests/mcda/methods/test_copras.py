"""COPRAS: Kundakcı & Işık's published example, which pymcdm 1.4.0 does not reproduce."""

import numpy as np
import pytest
from pymcdm.methods import COPRAS

from mcda import MatrixError, rank
from tests.mcda.textbook import problem_frames

# Kundakcı, N. & Işık, A. (2016). Integration of MACBETH and COPRAS methods to select air
# compressor for a textile company. Decision Science Letters 5(3), 381-394. Published
# utility degrees: 1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486 (A1 best).
ROWS = [
    [1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000],
    [1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000],
    [1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500],
    [1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500],
    [1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500],
    [1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000],
]
TYPES = [-1, -1, -1, 1, 1, -1, 1, 1, 1]
WEIGHTS = [0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135]
PUBLISHED = [1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486]


def test_kundakci_isik_2016_utility_degrees() -> None:
    matrix, weights, directions = problem_frames(ROWS, TYPES, WEIGHTS)
    result = rank(matrix, weights, directions, method="copras").sort_index()
    np.testing.assert_allclose(result["score"], PUBLISHED, atol=1e-3)


def test_pymcdm_copras_still_misses_the_published_values() -> None:
    # The reason COPRAS is computed here. If a pymcdm release fixes it, this fails and the
    # guard can go.
    pymcdm = COPRAS()(np.array(ROWS, float), np.array(WEIGHTS), np.array(TYPES), validation=False)
    assert np.abs(pymcdm - PUBLISHED).max() > 0.05


def test_more_cost_lowers_the_score() -> None:
    matrix, weights, directions = problem_frames([[5, 2], [5, 3], [4, 1]], [1, -1], [0.5, 0.5])
    result = rank(matrix, weights, directions, method="copras")
    assert result.at["A1", "score"] > result.at["A2", "score"]


# Uysal, Ö. & İnan, T. (2022). Performance evaluation of research assistants by COPRAS method.
# International Journal of Social Science and Economic Research, as transcribed in
# scikit-criteria 0.10's test_COPRAS_Uysal2022assistants (tests/agg/test_copras.py): five
# assistants, equal weights, lesson completion duration (c5) a cost. A3 has 0 congresses
# (c6, a benefit). Published utility degrees [%]: 100, 78.8501, 63.3837, 98.6506, 86.8878.
UYSAL_ROWS = [
    [3.57, 4.00, 4.00, 83.75, 3, 9, 1],
    [3.07, 3.95, 4.00, 83.00, 3, 1, 3],
    [3.23, 3.54, 3.46, 66.00, 4, 0, 2],
    [3.42, 3.96, 4.00, 70.00, 5, 5, 7],
    [2.56, 3.37, 3.79, 82.00, 4, 4, 5],
]
UYSAL_TYPES = [1, 1, 1, 1, -1, 1, 1]


def test_uysal_inan_2022_admits_a_zero_on_a_benefit_criterion() -> None:
    matrix, weights, directions = problem_frames(UYSAL_ROWS, UYSAL_TYPES, [1 / 7] * 7)
    result = rank(matrix, weights, directions, method="copras").sort_index()
    published = [100.0, 78.8501, 63.3837, 98.6506, 86.8878]
    np.testing.assert_allclose(result["score"] * 100, published, atol=1e-3)
    assert list(result["rank"]) == [1, 4, 5, 2, 3]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([[5, -1], [4, 1]], "COPRAS needs scores >= 0; 'A1' has -1 on 'c2'"),
        # A1's only cost score is 0: S-_1 = 0, and the cost term divides by it.
        ([[5, 0], [4, 1]], "positive weighted cost sum S- for every alternative; 'A1'"),
    ],
)
def test_copras_refuses_negative_scores_and_a_zero_cost_side(
    rows: list[list[float]], message: str
) -> None:
    matrix, weights, directions = problem_frames(rows, [1, -1], [0.5, 0.5])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="copras")
