"""PROMETHEE II: a published example, the preference functions, threshold checks."""

import numpy as np
import pytest

from mcda import MatrixError, rank
from tests.mcda.textbook import problem_frames


def test_zhao_peng_li_2013_net_flows() -> None:
    # Zhao, H., Peng, Y. & Li, W. (2013). Revised PROMETHEE II for improving efficiency in
    # emergency response. Procedia Computer Science 17, 181-188: usual criterion, weights
    # 0.5 / 0.3 / 0.2; published net flows 0.1, -0.3, 0.2 (leaving 0.55, 0.35, 0.6).
    matrix, weights, directions = problem_frames(
        [[4, 3, 2], [3, 2, 4], [5, 1, 3]], [1, 1, 1], [0.5, 0.3, 0.2]
    )
    result = rank(matrix, weights, directions, method="promethee_ii").sort_index()
    np.testing.assert_allclose(result["score"], [0.1, -0.3, 0.2], atol=1e-3)
    np.testing.assert_allclose(result["phi_plus"], [0.55, 0.35, 0.6], atol=1e-3)
    np.testing.assert_allclose(result["score"], result["phi_plus"] - result["phi_minus"])
    assert list(result.sort_values("rank").index) == ["A3", "A1", "A2"]


# Two alternatives differing by d = 3 on one benefit criterion (weight 1), the other equal
# criterion carries weight 0: net flow of A2 = P(3), of A1 = -P(3), with Brans' functions
# P(d) for q = 1, p = 4: usual 1; u-shape 1 (d > q); v-shape d / p = 0.75; level 0.5
# (q < d <= p); linear (d - q) / (p - q) = 2/3.
@pytest.mark.parametrize(
    ("preference", "expected"),
    [("usual", 1.0), ("u-shape", 1.0), ("v-shape", 0.75), ("level", 0.5), ("linear", 2 / 3)],
)
def test_preference_functions_follow_brans(preference: str, expected: float) -> None:
    matrix, weights, directions = problem_frames([[1, 0], [4, 1]], [1, 1], [1.0, 0.0])
    result = rank(
        matrix, weights, directions, method="promethee_ii", preference=preference, q=1, p=4
    )
    assert result.at["A2", "score"] == pytest.approx(expected)
    assert result.at["A1", "score"] == pytest.approx(-expected)


def test_thresholds_per_criterion_and_repeated_calls_agree() -> None:
    matrix, weights, directions = problem_frames([[1, 10], [4, 30], [2, 20]], [1, -1], [0.6, 0.4])
    options = {"preference": "linear", "q": {"c1": 0.5, "c2": 2}, "p": {"c1": 2, "c2": 15}}
    first = rank(matrix, weights, directions, method="promethee_ii", **options)
    again = rank(matrix, weights, directions, method="promethee_ii", **options)
    assert first["score"].abs().sum() > 0
    np.testing.assert_array_equal(first["score"], again["score"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"preference": "cauchy"}, "unknown preference function"),
        ({"preference": "gaussian"}, "needs threshold s"),
        ({"preference": "v-shape"}, "needs threshold p"),
        ({"preference": "linear", "q": 3, "p": 2}, "q must be below p"),
        ({"preference": "level", "q": -1, "p": 2}, "q of 'c1' is -1"),
        ({"preference": "u-shape", "q": {"c1": 1}}, "missing for criteria"),
    ],
)
def test_bad_thresholds_are_refused(options: dict[str, object], message: str) -> None:
    matrix, weights, directions = problem_frames([[1, 10], [4, 30]], [1, -1], [0.6, 0.4])
    with pytest.raises(MatrixError, match=message):
        rank(matrix, weights, directions, method="promethee_ii", **options)
