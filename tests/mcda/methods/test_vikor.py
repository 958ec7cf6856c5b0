"""VIKOR: Opricovic & Tzeng's example with its compromise set, Yang & Wu's Q, the rule."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from pymcdm.methods import VIKOR

from mcda import MatrixError, rank
from mcda.methods.vikor import compromise_set, spread
from tests.mcda.textbook import problem_frames


def test_opricovic_tzeng_2004_example_and_compromise_set() -> None:
    # Opricovic, S. & Tzeng, G.-H. (2004). EJOR 156(2), 445-455, numerical example:
    # A1 (f1 = 1, f2 = 3000), A2 (2, 3750), A3 (5, 4500), equal weights, v = 0.5, f1 to be
    # minimised. Published: Q = 1, 0, 1 (S = 0.5, 0.375, 0.5; R = 0.5, 0.25, 0.5), and A2
    # is the compromise solution: C1 holds (Q(A1) - Q(A2) = 1 >= DQ = 1/2) and C2 holds (A2
    # is also best by S and by R).
    matrix, weights, directions = problem_frames(
        [[1, 3000], [2, 3750], [5, 4500]], [-1, 1], [0.5, 0.5]
    )
    result = rank(matrix, weights, directions, method="vikor").sort_index()
    np.testing.assert_allclose(result["Q"], [1, 0, 1], atol=1e-3)
    np.testing.assert_allclose(result["S"], [0.5, 0.375, 0.5], atol=1e-3)
    np.testing.assert_allclose(result["R"], [0.5, 0.25, 0.5], atol=1e-3)
    assert list(result.index[result["compromise"]]) == ["A2"]
    assert result.at["A2", "rank"] == 1
    assert result.at["A1", "rank"] == result.at["A3", "rank"] == 2


def test_yang_wu_2020_q_values() -> None:
    # Yang, W. & Wu, Y. (2020). A new improvement method to avoid rank reversal in VIKOR.
    # IEEE Access 8, 21261-21271: Q = 0.5679, 0.7667, 1, 0.7493, 0 (equal weights, v = 0.5).
    rows = [[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]]
    matrix, weights, directions = problem_frames(rows, [1] * 4, [0.25] * 4)
    result = rank(matrix, weights, directions, method="vikor").sort_index()
    np.testing.assert_allclose(result["Q"], [0.5679, 0.7667, 1, 0.7493, 0], atol=1e-3)
    np.testing.assert_allclose(result["score"], 1 - result["Q"])


def measures(s: list[float], r: list[float], q: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"S": s, "R": r, "Q": q}, index=[f"a{i}" for i in range(len(q))])


def test_compromise_pair_when_only_stability_fails() -> None:
    # DQ = 1/3; Q(a1) - Q(a0) = 0.4 >= DQ (C1 holds) but a0 is best neither by S nor by R.
    chosen = compromise_set(measures([0.3, 0.2, 0.5, 0.9], [0.3, 0.5, 0.2, 0.9], [0, 0.4, 0.45, 1]))
    assert list(chosen[chosen].index) == ["a0", "a1"]


def test_compromise_set_grows_while_advantage_is_not_acceptable() -> None:
    # DQ = 1/3; Q(a1) - Q(a0) = 0.1 < DQ: every a with Q(a) - Q(a0) < 1/3 joins (a0..a2).
    chosen = compromise_set(measures([0.1, 0.2, 0.5, 0.9], [0.1, 0.5, 0.2, 0.9], [0, 0.1, 0.3, 1]))
    assert list(chosen[chosen].index) == ["a0", "a1", "a2"]


matrices = arrays(np.float64, (6, 3), elements=st.floats(min_value=0.1, max_value=100.0)).filter(
    lambda m: bool(np.all(np.ptp(m, axis=0) > 1e-3))
)


@settings(max_examples=60, deadline=None)
@given(matrices, st.floats(min_value=0.0, max_value=1.0))
def test_q_equals_pymcdm_where_pymcdm_is_defined(values: np.ndarray, v: float) -> None:
    matrix, weights, directions = problem_frames(values, [1, -1, 1], [0.5, 0.3, 0.2])
    # pymcdm's Q is 0 / 0 where all S or all R tie; it is compared only where defined.
    with np.errstate(divide="ignore", invalid="ignore"):
        expected = VIKOR(v=v)(values, weights.to_numpy(), np.array([1, -1, 1]), validation=False)
    result = rank(matrix, weights, directions, method="vikor", v=v).loc[matrix.index]
    if np.ptp(result["S"]) > 1e-9 and np.ptp(result["R"]) > 1e-9:
        np.testing.assert_allclose(result["Q"], expected, atol=1e-12)
    best = result["Q"].idxmin()
    assert result.at[best, "compromise"]
    assert result.at[best, "rank"] == 1


def test_equal_group_utility_does_not_divide_by_zero() -> None:
    # Mirror images: S and R are equal for both, where pymcdm's Q would be 0 / 0.
    matrix, weights, directions = problem_frames([[1, 2], [2, 1]], [1, 1], [0.5, 0.5])
    result = rank(matrix, weights, directions, method="vikor")
    assert (result["Q"] == 0).all() and (result["rank"] == 1).all()
    assert result["compromise"].all()


def test_tied_group_utility_leaves_q_to_regret_alone() -> None:
    # The case Hypothesis found: five alternatives tied, the sixth better on x (weight 0.5)
    # and worse on y and z (0.3 + 0.2). Every S is 0.5, so S* = S- and pymcdm's Q is
    # 0 / 0 (nan) for any v. With the tied term taken as 0, Q = (1 - v) (R - R*) / (R- - R*):
    # R = 0.3 for A6 and 0.5 for the rest, so Q = 0 for A6 and 1 - v for the rest; at v = 0
    # A6 ranks first alone and is the compromise (C1: 1 - 0 >= DQ = 1/5; C2: best by R).
    rows = [[1.0, 1.0, 1.0]] * 5 + [[2.0, 2.0, 0.5]]
    matrix, weights, directions = problem_frames(rows, [1, -1, 1], [0.5, 0.3, 0.2])
    with np.errstate(invalid="ignore"):
        peer = VIKOR(v=0.0)(np.array(rows), weights.to_numpy(), np.array([1, -1, 1]))
    assert np.isnan(peer).all()
    for v, others in ((0.0, 1.0), (0.25, 0.75)):
        result = rank(matrix, weights, directions, method="vikor", v=v).sort_index()
        np.testing.assert_allclose(result["S"], 0.5)
        np.testing.assert_allclose(result["R"], [0.5] * 5 + [0.3])
        np.testing.assert_allclose(result["Q"], [others] * 5 + [0.0])
        assert list(result.index[result["compromise"]]) == ["A6"]
        assert result.at["A6", "rank"] == 1 and (result["rank"].iloc[:5] == 2).all()


def test_noise_in_a_tied_term_is_not_stretched_to_a_full_range() -> None:
    # 0.1 + 0.2 and 0.3 differ by 5.6e-17: a tie, not a range that spread() would make
    # 0 and 1.
    np.testing.assert_array_equal(spread(np.array([0.1 + 0.2, 0.3, 0.3])), 0.0)
    np.testing.assert_allclose(spread(np.array([0.1, 0.3, 0.2])), [0.0, 1.0, 0.5])


def test_v_outside_unit_interval_is_refused() -> None:
    matrix, weights, directions = problem_frames([[1, 2], [2, 1]], [1, 1], [0.5, 0.5])
    with pytest.raises(MatrixError, match=r"v is 1\.5"):
        rank(matrix, weights, directions, method="vikor", v=1.5)
