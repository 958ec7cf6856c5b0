"""AHP priorities and consistency against published examples and properties."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp import matrix_from_upper, priorities
from mcda.errors import JudgmentError

# Saaty, T. L. (2008). Decision making with the analytic hierarchy process.
# Int. J. Services Sciences 1(1), 83-98: relative consumption of drinks in the USA.
# Published eigenvector (to 3 decimals) and, to 4 decimals, the values AHPy's test suite
# reproduces: coffee .1775, wine .0191, tea .0418, beer .1164, soda .1896, milk .1288,
# water .3268; CR 0.022 against Saaty's random index.
DRINKS = ["coffee", "wine", "tea", "beer", "soda", "milk", "water"]
DRINKS_MATRIX = np.array(
    [
        [1, 9, 5, 2, 1, 1, 1 / 2],
        [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
        [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
        [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [1, 9, 4, 2, 1, 2, 1 / 2],
        [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
        [2, 9, 9, 3, 2, 3, 1],
    ]
)
DRINKS_WEIGHTS = [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268]


def test_saaty_drinks_eigenvector_and_cr() -> None:
    result = priorities(pd.DataFrame(DRINKS_MATRIX, index=DRINKS, columns=DRINKS))
    np.testing.assert_allclose(result.weights.loc[DRINKS], DRINKS_WEIGHTS, atol=1e-4)
    assert round(result.cr, 3) == 0.022
    assert result.ri_table == "saaty1980"
    assert result.acceptable


def test_intransitive_cycle_has_analytic_lambda_max() -> None:
    # A circulant 3-cycle (a > b 9x, b > c 9x, c > a 9x): lambda_max = 1 + 9 + 1/9 exactly,
    # CI = (10.111 - 3) / 2, CR = CI / 0.58 = 6.130 (the value pymcdm returns weights for).
    matrix = np.array([[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]])
    result = priorities(matrix)
    assert result.lambda_max == pytest.approx(1 + 9 + 1 / 9, abs=1e-9)
    assert result.cr == pytest.approx((1 + 9 + 1 / 9 - 3) / 2 / 0.58, abs=1e-9)
    assert result.cr > 0.1 and not result.acceptable
    np.testing.assert_allclose(result.weights, [1 / 3] * 3, atol=1e-12)


weights_strategy = st.lists(st.floats(min_value=0.05, max_value=10.0), min_size=3, max_size=9).map(
    lambda w: np.asarray(w) / np.sum(w)
)


@settings(max_examples=60, deadline=None)
@given(weights_strategy)
def test_consistent_matrix_gives_back_its_weights(w: np.ndarray) -> None:
    matrix = np.outer(w, 1 / w)
    for method in ("eigenvector", "geometric_mean"):
        result = priorities(matrix, method=method)
        np.testing.assert_allclose(result.weights, w, atol=1e-9)
        assert result.cr == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=40, deadline=None)
@given(weights_strategy, st.randoms(use_true_random=False))
def test_priorities_invariant_to_relabelling(w: np.ndarray, rnd: object) -> None:
    noise = np.exp(np.random.default_rng(len(w)).normal(0, 0.3, (len(w), len(w))))
    noise = np.triu(noise, 1) + np.tril(1 / noise.T, -1) + np.eye(len(w))
    labels = [f"c{i}" for i in range(len(w))]
    frame = pd.DataFrame(np.outer(w, 1 / w) * noise, index=labels, columns=labels)
    order = list(reversed(labels))
    shuffled = frame.loc[order, order]
    base, moved = priorities(frame), priorities(shuffled)
    pd.testing.assert_series_equal(base.weights, moved.weights.loc[labels], atol=1e-12)
    assert base.cr == pytest.approx(moved.cr, abs=1e-12)


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([[1, 2], [0.5, 1], [1, 1]], "square"),
        ([[1, 0], [0, 1]], "(0, 1) = 0.0 must be a positive"),
        ([[1, 3], [3, 1]], "(0, 1) = 3 and (1, 0) = 3 are not reciprocal"),
        ([[2, 1], [1, 1]], "diagonal judgment (0, 0)"),
        ([[1, np.nan], [1, 1]], "(0, 1) = nan must be a positive"),
    ],
)
def test_bad_matrices_are_refused_naming_the_cell(matrix: list[list[float]], message: str) -> None:
    with pytest.raises(JudgmentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        priorities(np.asarray(matrix, dtype=float))


def test_mislabelled_matrix_is_refused() -> None:
    frame = pd.DataFrame([[1, 2], [0.5, 1]], index=["a", "b"], columns=["a", "c"])
    with pytest.raises(JudgmentError, match="differ from column labels"):
        priorities(frame)


def test_matrix_from_upper_builds_reciprocals_and_refuses_gaps() -> None:
    full = matrix_from_upper(["a", "b", "c"], {("a", "b"): 3, ("c", "a"): 2, ("b", "c"): 0.5})
    assert full.at["b", "a"] == pytest.approx(1 / 3)
    assert full.at["a", "c"] == pytest.approx(0.5)
    with pytest.raises(JudgmentError, match=r"\(a, c\) is missing"):
        matrix_from_upper(["a", "b", "c"], {("a", "b"): 3, ("b", "c"): 2})
    with pytest.raises(JudgmentError, match="given twice"):
        matrix_from_upper(["a", "b"], {("a", "b"): 3, ("b", "a"): 3})
