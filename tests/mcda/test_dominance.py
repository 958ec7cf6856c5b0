"""Dominance: a published matrix checked by hand, and the order's invariants."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mcda import MatrixError, dominance, non_dominated, rank
from tests.mcda.textbook import problem_frames


def test_dezert_2020_matrix() -> None:
    # The four alternatives of Dezert et al. (2020), IEEE FUSION (c2 a cost). By hand: A1
    # (10.5, -3.1, 1.7) beats A3 (8.1, 0.3, 1.3) and A4 (3.2, 7.3, -5.3) on all three; A3
    # beats A4 on all three; A2 (-4.7, 0, 3.4) is best on c3 and worst on c1, so it neither
    # dominates nor is dominated. SPOTIS's published order A1, A3, A2, A4 respects this.
    rows = [[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]]
    matrix, _, directions = problem_frames(rows, [1, -1, 1], [0.2, 0.3, 0.5])
    table = dominance(matrix, directions)
    pairs = {(a, b) for a in table.index for b in table.columns if table.at[a, b]}
    assert pairs == {("A1", "A3"), ("A1", "A4"), ("A3", "A4")}
    assert list(table["A4"][table["A4"]].index) == ["A1", "A3"]
    assert list(non_dominated(matrix, directions)) == ["A1", "A2"]
    # Read as a benefit, c2 changes the answer: A3 no longer beats A1 on it, and so on.
    as_benefit = non_dominated(matrix, {"c1": "benefit", "c2": "benefit", "c3": "benefit"})
    assert list(as_benefit) == ["A1", "A2", "A3", "A4"]


def test_equal_rows_do_not_dominate_each_other_and_ties_need_one_strict_gain() -> None:
    matrix = pd.DataFrame({"x": [1.0, 1.0, 1.0], "y": [2.0, 2.0, 3.0]}, index=["a", "b", "c"])
    table = dominance(matrix, {"x": "benefit", "y": "benefit"})
    assert not table.at["a", "b"] and not table.at["b", "a"]
    assert table.at["c", "a"] and table.at["c", "b"]
    assert list(non_dominated(matrix, {"x": "benefit", "y": "benefit"})) == ["c"]


def test_bad_input_is_refused() -> None:
    matrix = pd.DataFrame({"x": [1.0, np.nan], "y": [2.0, 3.0]}, index=["a", "b"])
    with pytest.raises(MatrixError, match="score of 'b' on 'x' is nan"):
        dominance(matrix, {"x": "benefit", "y": "cost"})
    twice = pd.DataFrame({"x": [1.0, 2.0], "y": [2.0, 3.0]}, index=["a", "a"])
    with pytest.raises(MatrixError, match="alternative 'a' appears twice"):
        dominance(twice, {"x": "benefit", "y": "cost"})
    with pytest.raises(MatrixError, match="no direction given"):
        dominance(twice.set_axis(["a", "b"]), {"x": "benefit"})


# Small integer scores make ties and dominance frequent.
matrices = arrays(np.float64, st.tuples(st.integers(2, 7), st.just(3)), elements=st.integers(1, 5))
kinds = st.lists(st.sampled_from(["benefit", "cost"]), min_size=3, max_size=3)


def frame(values: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(
        values, index=[f"a{i}" for i in range(len(values))], columns=["x", "y", "z"]
    )


@settings(max_examples=80, deadline=None)
@given(matrices, kinds)
def test_dominance_is_a_strict_partial_order(values: np.ndarray, kind: list[str]) -> None:
    directions = dict(zip(["x", "y", "z"], kind, strict=True))
    table = dominance(frame(values), directions).to_numpy()
    assert not table.diagonal().any()  # irreflexive
    assert not (table & table.T).any()  # asymmetric
    # transitive: a > b and b > c imply a > c
    assert not ((table.astype(int) @ table.astype(int) > 0) & ~table).any()
    front = non_dominated(frame(values), directions)
    assert len(front) >= 1
    # Every dominated alternative is dominated by a member of the front.
    dominated = table.any(axis=0)
    in_front = np.isin(frame(values).index, front)
    assert np.all(table[in_front][:, dominated].any(axis=0))


@settings(max_examples=40, deadline=None)
@given(matrices, kinds, st.lists(st.floats(0.05, 1.0), min_size=3, max_size=3))
def test_a_dominated_alternative_is_never_ranked_first(
    values: np.ndarray, kind: list[str], raw: list[float]
) -> None:
    matrix = frame(values)
    assume(not (np.ptp(values, axis=0) == 0).any())  # ranking refuses constant columns
    directions = dict(zip(["x", "y", "z"], kind, strict=True))
    weights = pd.Series(np.array(raw) / sum(raw), index=matrix.columns)
    dominated = dominance(matrix, directions).any(axis=0)
    for method in ("topsis", "wsm", "waspas"):
        result = rank(matrix, weights, directions, method=method)
        assert not (dominated & (result["rank"] == 1)).any(), method
