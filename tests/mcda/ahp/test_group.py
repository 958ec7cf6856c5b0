"""Group judgments: AIJ and AIP aggregation, expert weights, consensus and compatibility."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mcda.ahp.group import (
    COMPATIBILITY_THRESHOLD,
    aggregate,
    compatibility_index,
    relative_homogeneity,
)
from mcda.ahp.priorities import priorities
from mcda.errors import JudgmentError
from tests.mcda.published import DRINKS_MATRIX, HOUSE_MATRIX, INCOMPLETE_4, matrix


@st.composite
def panels(draw: st.DrawFn) -> tuple[list[np.ndarray], list[float]]:
    """Two to five experts' reciprocal matrices on the same items, and expert weights."""
    n = draw(st.integers(3, 6))
    experts = draw(st.integers(2, 5))
    mats = []
    for _ in range(experts):
        upper = np.asarray(draw(st.lists(st.floats(1 / 9, 9), min_size=n * n, max_size=n * n)))
        upper = np.triu(upper.reshape(n, n), k=1)
        mats.append(np.eye(n) + upper + np.tril(1 / np.where(upper.T > 0, upper.T, 1), k=-1))
    weights = draw(st.lists(st.floats(0.1, 5.0), min_size=experts, max_size=experts))
    return mats, weights


@settings(max_examples=40, deadline=None)
@given(panels())
def test_aij_of_reciprocal_matrices_is_reciprocal(panel) -> None:
    mats, weights = panel
    group = aggregate(mats, weights)
    assert group.matrix is not None
    values = group.matrix.to_numpy()
    np.testing.assert_allclose(values * values.T, 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.diag(values), 1.0)
    assert group.weights.sum() == pytest.approx(1.0)
    assert 0.0 <= group.consensus <= 1.0 + 1e-12


@settings(max_examples=40, deadline=None)
@given(panels())
def test_aij_and_aip_coincide_for_geometric_mean_priorities(panel) -> None:
    # Row geometric means commute with the weighted geometric mean of the matrices.
    mats, weights = panel
    aij = aggregate(mats, weights, "aij", method="geometric_mean")
    aip = aggregate(mats, weights, "aip", method="geometric_mean")
    pd.testing.assert_series_equal(aij.weights, aip.weights, atol=1e-12)


def test_aip_is_the_weighted_geometric_mean_of_the_experts_priorities() -> None:
    reversed_drinks = DRINKS_MATRIX.T  # every preference turned round
    first, second = priorities(DRINKS_MATRIX).weights, priorities(reversed_drinks).weights
    group = aggregate({"A": DRINKS_MATRIX, "B": reversed_drinks}, {"A": 3, "B": 1}, "aip")
    expected = first**0.75 * second**0.25
    pd.testing.assert_series_equal(
        group.weights, expected / expected.sum(), atol=1e-12, check_names=False
    )
    assert group.matrix is None and group.aggregate is None
    assert group.cr == max(r.cr for r in group.experts.values())
    assert group.expert_weights.to_dict() == {"A": 0.75, "B": 0.25}


def test_identical_experts_agree_fully() -> None:
    group = aggregate({"A": HOUSE_MATRIX, "B": HOUSE_MATRIX, "C": HOUSE_MATRIX})
    assert group.consensus == pytest.approx(1.0)
    pd.testing.assert_series_equal(group.weights, priorities(HOUSE_MATRIX).weights)
    assert group.cr == pytest.approx(priorities(HOUSE_MATRIX).cr)
    assert not group.acceptable


def test_a_zero_weight_expert_has_no_say() -> None:
    labels = list(DRINKS_MATRIX.index)
    reversed_drinks = DRINKS_MATRIX.T  # every preference turned round
    group = aggregate(
        {"A": DRINKS_MATRIX, "B": reversed_drinks.loc[labels, labels]}, {"A": 1, "B": 0}
    )
    pd.testing.assert_series_equal(group.weights, priorities(DRINKS_MATRIX).weights, atol=1e-12)


def test_opposed_experts_agree_less_than_close_ones() -> None:
    close = DRINKS_MATRIX.copy()
    close.loc["coffee", "wine"], close.loc["wine", "coffee"] = 7.0, 1 / 7
    agreeing = aggregate({"A": DRINKS_MATRIX, "B": close})
    opposed = aggregate({"A": DRINKS_MATRIX, "B": DRINKS_MATRIX.T})
    assert opposed.consensus < agreeing.consensus < 1.0
    # Two experts cannot differ by more than D_beta = 2, so S >= (1/2 - 1/n) / (1 - 1/n).
    assert opposed.consensus >= (1 / 2 - 1 / 7) / (1 - 1 / 7)
    assert (opposed.compatibility > COMPATIBILITY_THRESHOLD).all()
    assert (agreeing.compatibility < COMPATIBILITY_THRESHOLD).all()


def test_relative_homogeneity_bounds() -> None:
    one_hot = pd.DataFrame(np.eye(3), index=list("abc"), columns=["x", "y", "z"])
    assert relative_homogeneity(one_hot) == pytest.approx(0.0, abs=1e-12)
    same = pd.DataFrame({"x": [0.5, 0.3, 0.2], "y": [0.5, 0.3, 0.2]}, index=list("abc"))
    assert relative_homogeneity(same) == pytest.approx(1.0)


def test_compatibility_of_a_consistent_matrix_with_its_weights_is_one() -> None:
    w = pd.Series([0.5, 0.3, 0.2], index=list("abc"))
    consistent = pd.DataFrame(np.outer(w, 1 / w), index=w.index, columns=w.index)
    assert compatibility_index(consistent, w) == pytest.approx(1.0)
    assert compatibility_index(HOUSE_MATRIX, priorities(HOUSE_MATRIX).weights) > 1.0


def test_labels_may_come_in_any_order() -> None:
    order = list(reversed(DRINKS_MATRIX.index))
    group = aggregate({"A": DRINKS_MATRIX, "B": DRINKS_MATRIX.loc[order, order]})
    pd.testing.assert_series_equal(group.weights, priorities(DRINKS_MATRIX).weights, atol=1e-12)


@pytest.mark.parametrize(
    ("matrices", "weights", "how", "message"),
    [
        ({}, None, "aij", "no expert matrices"),
        ({"A": DRINKS_MATRIX, "B": HOUSE_MATRIX}, None, "aij", "expert 'B' compares"),
        ({"A": matrix(INCOMPLETE_4)}, None, "aij", r"expert 'A': judgment \(c, d\) is missing"),
        ({"A": DRINKS_MATRIX}, {"A": -1}, "aij", "weight of expert 'A' is -1.0"),
        ({"A": DRINKS_MATRIX}, {"A": 1, "Z": 1}, "aij", "given for 'Z', who judged nothing"),
        ({"A": DRINKS_MATRIX, "B": DRINKS_MATRIX}, {"A": 1}, "aij", "expert 'B' has no weight"),
        ({"A": DRINKS_MATRIX}, {"A": 0}, "aij", "all zero"),
        ({"A": DRINKS_MATRIX}, None, "median", "unknown group aggregation 'median'"),
    ],
)
def test_bad_group_input_is_refused(matrices, weights, how, message) -> None:
    with pytest.raises(JudgmentError, match=message):
        aggregate(matrices, weights, how)
