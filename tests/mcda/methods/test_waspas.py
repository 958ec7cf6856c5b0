"""WASPAS as Zavadskas et al. (2012) define it: two published examples and the λ family."""

import numpy as np
import pandas as pd
import pytest

from mcda import MatrixError, rank
from mcda.methods import scores_for_weights
from mcda.problem import build_problem
from tests.mcda.textbook import problem_frames

# Chakraborty, S., Zavadskas, E. K. & Antucheviciene, J. (2015). Applications of WASPAS method
# as a multi-criteria decision-making tool. Economic Computation and Economic Cybernetics
# Studies and Research 49(1), 5-22, example 2, as transcribed in scikit-criteria 0.10's
# test_WASPAS_chakraborty2015applications (tests/agg/test_waspas.py). The first three criteria
# are costs. Published Q for λ = 0 (WPM), 0.5 and 1 (WSM); A4 best, A2 worst throughout.
CHAKRABORTY_ROWS = [
    [581818, 54.49, 3, 5500],
    [595454, 49.73, 3, 4500],
    [586060, 51.24, 3, 5000],
    [522727, 45.71, 3, 5800],
    [561818, 52.66, 3, 5200],
    [543030, 74.46, 4, 5600],
    [522727, 75.42, 4, 5800],
    [486970, 62.62, 4, 5600],
    [509394, 65.87, 4, 6400],
    [513333, 70.67, 4, 6000],
]
CHAKRABORTY_TYPES = [-1, -1, -1, 1]
CHAKRABORTY_WEIGHTS = [0.467, 0.160, 0.095, 0.278]
PUBLISHED_Q = {
    0.0: [0.8578, 0.8144, 0.8408, 0.9413, 0.8632, 0.8241, 0.8454, 0.8915, 0.8987, 0.8697],
    0.5: [0.8584, 0.8169, 0.8419, 0.9417, 0.8638, 0.8278, 0.8503, 0.8949, 0.9027, 0.8740],
    1.0: [0.8590, 0.8194, 0.8430, 0.9420, 0.8645, 0.8315, 0.8552, 0.8983, 0.9067, 0.8784],
}
PUBLISHED_RANKS = [6, 10, 8, 1, 5, 9, 7, 3, 2, 4]


@pytest.mark.parametrize("lam", sorted(PUBLISHED_Q))
def test_chakraborty_2015_example_2(lam: float) -> None:
    matrix, weights, directions = frames()
    result = rank(matrix, weights, directions, method="waspas", lam=lam).loc[matrix.index]
    np.testing.assert_allclose(result["score"], PUBLISHED_Q[lam], atol=1e-4)
    assert list(result["rank"]) == PUBLISHED_RANKS


def frames() -> tuple[pd.DataFrame, pd.Series, dict[str, str]]:
    return problem_frames(CHAKRABORTY_ROWS, CHAKRABORTY_TYPES, CHAKRABORTY_WEIGHTS)


def test_q_joins_the_registry_wsm_and_wpm_of_linear_scores() -> None:
    # pymcdm 1.4's WASPAS test (test/test_mcdm.py) cites the same paper for an 8 x 7 example
    # whose weights sum to 1.0155; the weight contract here refuses it, so it is not used.
    matrix, weights, directions = frames()
    result = rank(matrix, weights, directions, method="waspas", lam=0.3).loc[matrix.index]
    np.testing.assert_allclose(result["score"], 0.3 * result["WSM"] + 0.7 * result["WPM"])
    wsm = rank(matrix, weights, directions, method="wsm").loc[matrix.index, "score"]
    wpm = rank(matrix, weights, directions, method="wpm").loc[matrix.index, "score"]
    np.testing.assert_allclose(result["WSM"], wsm, atol=1e-12)
    np.testing.assert_allclose(result["WPM"], wpm, atol=1e-12)


def test_batch_equals_a_loop_over_rank() -> None:
    matrix, weights, directions = frames()
    problem = build_problem(matrix, weights, directions)
    samples = np.random.default_rng(3).dirichlet(np.ones(4), size=20)
    batch = scores_for_weights(problem, samples, "waspas", lam=0.3)
    loop = [
        rank(matrix, pd.Series(w, index=matrix.columns), directions, method="waspas", lam=0.3)
        .loc[matrix.index, "score"]
        .to_numpy()
        for w in samples
    ]
    np.testing.assert_allclose(batch, np.array(loop), atol=1e-12)


def test_bad_lambda_and_non_positive_scores_are_refused() -> None:
    matrix, weights, directions = problem_frames([[1, 2], [3, 1]], [1, -1], [0.5, 0.5])
    with pytest.raises(MatrixError, match=r"WASPAS lam is 1\.5"):
        rank(matrix, weights, directions, method="waspas", lam=1.5)
    matrix, weights, directions = problem_frames([[0, 2], [3, 1]], [1, -1], [0.5, 0.5])
    with pytest.raises(MatrixError, match="needs positive scores; 'A1' has 0 on 'c1'"):
        rank(matrix, weights, directions, method="waspas")
