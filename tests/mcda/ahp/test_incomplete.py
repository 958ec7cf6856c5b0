"""Optimal completion of incomplete pairwise-comparison matrices."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.incomplete import complete
from mcda.ahp.pairwise import perron
from mcda.errors import JudgmentError
from tests.mcda.published import (
    DRINKS_MATRIX,
    INCOMPLETE_4,
    INCOMPLETE_4_OPTIMUM,
    INCOMPLETE_HOUSE,
    INCOMPLETE_HOUSE_AHPY,
    matrix,
)


def lambda_max_with(frame: pd.DataFrame, filled: dict[tuple[str, str], float]) -> float:
    """lambda_max of `frame` with the given missing judgments filled in."""
    full = frame.copy()
    for (row, col), value in filled.items():
        full.loc[row, col], full.loc[col, row] = value, 1 / value
    return perron(full.to_numpy())[1]


def test_bozoki_example_3_single_missing_judgment() -> None:
    incomplete = matrix(INCOMPLETE_4)
    completion = complete(incomplete)
    value = float(completion.filled[("c", "d")])
    # Published 0.7302965066047; the optimum lies 2.4e-7 above it: lambda_max is lower there.
    assert value == pytest.approx(INCOMPLETE_4_OPTIMUM, abs=1e-6)
    assert lambda_max_with(incomplete, {("c", "d"): value}) <= lambda_max_with(
        incomplete, {("c", "d"): INCOMPLETE_4_OPTIMUM}
    )
    assert completion.matrix.loc["d", "c"] == pytest.approx(1 / value)
    assert completion.count == 1 and completion.method == "lambda_max"


def test_house_with_twelve_missing_judgments_matches_ahpy() -> None:
    incomplete = matrix(INCOMPLETE_HOUSE, list("abcdefgh"))
    completion = complete(incomplete)
    ours = completion.filled.to_dict()
    assert set(ours) == set(INCOMPLETE_HOUSE_AHPY)
    # AHPy stops its cyclic search at a 1e-4 change: agreement to that, and ours is no worse.
    assert ours == pytest.approx(INCOMPLETE_HOUSE_AHPY, rel=1e-4)
    assert lambda_max_with(incomplete, ours) <= lambda_max_with(incomplete, INCOMPLETE_HOUSE_AHPY)


def test_lambda_max_completion_is_a_minimum() -> None:
    incomplete = matrix(INCOMPLETE_HOUSE, list("abcdefgh"))
    best = complete(incomplete).filled.to_dict()
    lowest = lambda_max_with(incomplete, best)
    for pair in best:
        for factor in (0.99, 1.01):
            assert lambda_max_with(incomplete, {**best, pair: best[pair] * factor}) > lowest


def test_llsm_completion_agrees_with_its_own_geometric_means() -> None:
    # The LLSM completion fills a_ij = g_i / g_j, g the row geometric means of the result.
    completion = complete(matrix(INCOMPLETE_HOUSE, list("abcdefgh")), "llsm")
    values = completion.matrix.to_numpy()
    geometric = pd.Series(np.exp(np.log(values).mean(axis=1)), index=completion.matrix.index)
    for (row, col), value in completion.filled.items():
        assert value == pytest.approx(geometric[row] / geometric[col], rel=1e-10)


def test_complete_matrix_is_returned_as_it_is() -> None:
    completion = complete(DRINKS_MATRIX)
    assert completion.count == 0
    pd.testing.assert_frame_equal(completion.matrix, DRINKS_MATRIX)


def test_disconnected_comparisons_are_refused_naming_the_groups() -> None:
    judgments = {("a", "b"): 2, ("c", "d"): 3, ("d", "e"): 1}
    with pytest.raises(JudgmentError, match=r"into 2 groups never compared .*: a, b \| c, d, e"):
        complete(matrix(judgments))


def test_unknown_completion_method_is_refused() -> None:
    with pytest.raises(JudgmentError, match="unknown completion method 'mean'"):
        complete(matrix(INCOMPLETE_4), "mean")  # type: ignore[arg-type]


@st.composite
def consistent_with_holes(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    """A consistent matrix w_i / w_j and a connected pattern of known judgments."""
    n = draw(st.integers(3, 8))
    w = np.asarray(draw(st.lists(st.floats(0.05, 10.0), min_size=n, max_size=n)))
    known = np.eye(n, dtype=bool)
    for item in range(1, n):  # a random spanning tree keeps the comparisons connected
        other = draw(st.integers(0, item - 1))
        known[item, other] = known[other, item] = True
    for i in range(n):
        for j in range(i + 1, n):
            if draw(st.booleans()):
                known[i, j] = known[j, i] = True
    return np.outer(w, 1 / w), known


@settings(max_examples=50, deadline=None)
@given(consistent_with_holes(), st.sampled_from(["lambda_max", "llsm"]))
def test_completing_a_consistent_matrix_recovers_the_missing_ratios(case, method) -> None:
    consistent, known = case
    completion = complete(np.where(known, consistent, np.nan), method)
    np.testing.assert_allclose(completion.matrix.to_numpy(), consistent, rtol=1e-6)
    assert completion.count == int((~known).sum() // 2)
